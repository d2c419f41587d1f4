import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';

/** The router's error screen: a screen that crashed says so and offers a way on. */
export function ErrorScreen() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return <Problem notFound={notFound} detail={detail} />;
}

/** A link to a screen Fettle does not have. */
export function NotFoundScreen() {
  return <Problem notFound detail="" />;
}

function Problem({ notFound, detail }: { notFound: boolean; detail: string }) {
  const navigate = useNavigate();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} tabIndex={-1}>{notFound ? 'There is no such screen' : 'This screen could not be shown'}</Title>
        <Text>
          {notFound
            ? 'The link points to a screen Fettle does not have.'
            : 'Something went wrong while showing this screen. Nothing you had already saved is affected.'}
        </Text>
        {!notFound && <Code block>{detail}</Code>}
        <Group>
          <Button onClick={() => void navigate('/')}>Go to Today</Button>
          <Button variant="default" onClick={() => window.location.reload()}>Reload Fettle</Button>
        </Group>
      </Stack>
    </Container>
  );
}
