import { Title, type TitleProps } from '@mantine/core';

/** Every screen's one h1: focus moves here when the screen opens (see AppLayout). */
export function PageTitle(props: Omit<TitleProps, 'order'>) {
  return <Title order={1} size="h2" tabIndex={-1} style={{ outline: 'none' }} {...props} />;
}
