import { Alert, Button, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SecretKind, SessionStatus } from '../../../shared/api/types';
import { useAction } from '../api';
import { AccessScreen } from './AccessScreen';
import { SecretField } from './SecretField';

/** The way back from a forgotten administrator password: the recovery key shown at set-up. */
export function Recovery({ people, onBack }: { people: SessionStatus['people']; onBack: () => void }) {
  const [userId, setUserId] = useState<number | null>(null);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [secretKind, setSecretKind] = useState<SecretKind>('password');
  const [secret, setSecret] = useState('');
  const recover = useAction('session:recover', { showsOwnErrors: true, onSuccess: () => window.location.assign('#/') });
  const fields = recover.error?.fields ?? {};
  return (
    <AccessScreen title="Set a new administrator password" intro="Use the recovery key shown when Fettle was set up. Using it is recorded in the audit trail.">
      <form aria-label="Recover administrator access" noValidate onSubmit={(e) => { e.preventDefault(); if (userId !== null) recover.mutate({ userId, recoveryKey, secretKind, secret }); }}>
        <Stack gap="sm">
          <Select<number> label="Administrator" withAsterisk placeholder="Choose the administrator" data={people.map((p) => ({ value: p.id, label: p.name }))}
            value={userId} onChange={setUserId} allowDeselect={false} error={fields.userId} />
          <TextInput label="Recovery key" withAsterisk placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX" autoComplete="off" value={recoveryKey}
            onChange={(e) => setRecoveryKey(e.currentTarget.value)} error={fields.recoveryKey} />
          <SegmentedControl aria-label="Sign in with" value={secretKind} onChange={(v) => setSecretKind(v)}
            data={[{ value: 'password', label: 'Password' }, { value: 'pin', label: 'PIN' }]} />
          <SecretField kind={secretKind} label={secretKind === 'pin' ? 'New PIN' : 'New password'} withAsterisk value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)} error={fields.secret}
            description={secretKind === 'pin' ? '4 to 8 digits' : 'At least 8 characters'} />
          {recover.error && Object.keys(fields).length === 0 && <Alert color="red" role="alert">{recover.error.message}</Alert>}
          <Button type="submit" fullWidth disabled={userId === null} loading={recover.isPending}>Set password and sign in</Button>
          <Button variant="default" fullWidth onClick={onBack}>Back to sign-in</Button>
        </Stack>
      </form>
    </AccessScreen>
  );
}
