import { Alert, Button, Checkbox, Code, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SecretKind } from '../../../shared/api/types';
import { useAction } from '../api';
import { AccessScreen } from './AccessScreen';
import { SecretField } from './SecretField';

/** The first run: the clinic's first administrator, who may also treat clients. */
export function FirstRun({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const [name, setName] = useState('');
  const [secretKind, setSecretKind] = useState<SecretKind>('password');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [alsoTherapist, setAlsoTherapist] = useState(true);
  const [mismatch, setMismatch] = useState(false);
  const setup = useAction('session:setup', { showsOwnErrors: true, onSuccess: (result) => onRecoveryKey(result.recoveryKey) });
  const fields = setup.error?.fields ?? {};
  const what = secretKind === 'pin' ? 'PIN' : 'password';
  return (
    <AccessScreen title="Set up Fettle" intro="Create the administrator who will add everyone else. Clinical notes stay on this laptop, readable only by therapists.">
      <form aria-label="Set up Fettle" noValidate onSubmit={(e) => {
        e.preventDefault();
        setMismatch(secret !== again);
        if (secret === again) setup.mutate({ name, secretKind, secret, alsoTherapist });
      }}>
        <Stack gap="sm">
          <TextInput label="Your name" withAsterisk autoFocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} />
          <SegmentedControl aria-label="Sign in with" value={secretKind} onChange={(v) => setSecretKind(v)}
            data={[{ value: 'password', label: 'Password' }, { value: 'pin', label: 'PIN' }]} />
          <SecretField kind={secretKind} withAsterisk value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={fields.secret}
            description={secretKind === 'pin' ? '4 to 8 digits' : 'At least 8 characters'} />
          <SecretField kind={secretKind} label={`${secretKind === 'pin' ? 'PIN' : 'Password'} again`} withAsterisk value={again}
            onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? `The two ${what}s differ; type the same one twice.` : undefined} />
          <Checkbox label="I also treat clients (gives me a diary column and lets me write notes)" checked={alsoTherapist} onChange={(e) => setAlsoTherapist(e.currentTarget.checked)} />
          {setup.error && Object.keys(fields).length === 0 && <Alert color="red" role="alert">{setup.error.message}</Alert>}
          <Button type="submit" loading={setup.isPending}>Create administrator</Button>
        </Stack>
      </form>
    </AccessScreen>
  );
}

/** Shown once, straight after set-up: the key is never shown again and never stored in clear. */
export function RecoveryKeyShown({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  return (
    <AccessScreen title="Your recovery key" intro="If the administrator password is ever forgotten, this key sets a new one. Write it down and keep it somewhere safe, away from the laptop. It will not be shown again.">
      <Code block fz="xl" ta="center" aria-label="Recovery key" data-testid="recovery-key">{recoveryKey}</Code>
      <Text size="sm" c="dimmed">Using the key is recorded in the audit trail.</Text>
      <Checkbox label="I have written the recovery key down" checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} />
      <Group justify="flex-end"><Button disabled={!stored} onClick={onDone}>Continue to Fettle</Button></Group>
    </AccessScreen>
  );
}
