import { Button, Group, Text } from '@mantine/core';
import { useAction } from '../api';
import { lockNow } from './useIdleLock';
import { ROLE_LABELS, useSignedIn } from './session';

/** Who is signed in, and the two ways off a shared laptop: lock, or hand over to someone else. */
export function SignedInAs() {
  const user = useSignedIn();
  const switchUser = useAction('session:signOut');
  return (
    <Group gap="xs">
      <Text size="sm" data-testid="signed-in-as">
        {user.name} <Text span size="sm" c="dimmed">({user.roles.map((r) => ROLE_LABELS[r]).join(', ')})</Text>
      </Text>
      <Button size="compact-sm" variant="default" onClick={lockNow}>Lock</Button>
      <Button size="compact-sm" variant="default" onClick={() => switchUser.mutate({})} loading={switchUser.isPending}>Switch user</Button>
    </Group>
  );
}
