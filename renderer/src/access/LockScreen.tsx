import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { SecretKind, SignedInUser } from '../../../shared/api/types';
import { useAction } from '../api';
import { AccessScreen } from './AccessScreen';
import { SecretField } from './SecretField';

/** Locked after idle time: the same person unlocks and finds their screen as they left it. */
export function LockScreen({ user, secretKind }: { user: SignedInUser; secretKind: SecretKind }) {
  const [secret, setSecret] = useState('');
  const unlock = useAction('session:unlock', { showsOwnErrors: true });
  const switchUser = useAction('session:signOut');
  return (
    <AccessScreen title="Fettle is locked" intro={`${user.name}, enter your ${secretKind === 'pin' ? 'PIN' : 'password'} to go on. Anything you were typing is kept.`}>
      <form aria-label="Unlock" noValidate onSubmit={(e) => { e.preventDefault(); unlock.mutate({ secret }); }}>
        <Stack gap="sm">
          <SecretField kind={secretKind} withAsterisk autoFocus value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={unlock.error?.fields.secret} />
          {unlock.error && !unlock.error.fields.secret && <Alert color="red" role="alert">{unlock.error.message}</Alert>}
          {/* One under the other, the way on first: side by side they wrapped out of line in the narrow card. */}
          <Button type="submit" fullWidth loading={unlock.isPending}>Unlock</Button>
          <Button variant="default" fullWidth onClick={() => switchUser.mutate({})} loading={switchUser.isPending}>
            Switch user (unsaved typing is discarded)
          </Button>
        </Stack>
      </form>
    </AccessScreen>
  );
}
