import { Alert, Anchor, Button, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { SessionStatus } from '../../../shared/api/types';
import { useAction } from '../api';
import { AccessScreen } from './AccessScreen';
import { Recovery } from './Recovery';
import { SecretField } from './SecretField';

/** Who is at the laptop: pick your name, then your password or PIN. */
export function SignIn({ people }: { people: SessionStatus['people'] }) {
  const [userId, setUserId] = useState<number | null>(people.length === 1 ? people[0]!.id : null);
  const [secret, setSecret] = useState('');
  const [recovering, setRecovering] = useState(false);
  const signIn = useAction('session:signIn', {
    showsOwnErrors: true,
    // A new person starts on Today, not on the last person's screen.
    onSuccess: () => window.location.assign('#/'),
  });
  if (recovering) return <Recovery people={people} onBack={() => setRecovering(false)} />;
  const person = people.find((p) => p.id === userId);
  const error = signIn.error;
  return (
    <AccessScreen title="Sign in">
      <form
        aria-label="Sign in"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (userId !== null) signIn.mutate({ userId, secret });
        }}
      >
        <Stack gap="sm">
          <Select<number> label="Who are you?" placeholder="Choose your name" withAsterisk data-autofocus autoFocus={userId === null}
            data={people.map((p) => ({ value: p.id, label: p.name }))} value={userId} allowDeselect={false}
            onChange={(v) => { setUserId(v); setSecret(''); signIn.reset(); }} />
          {person && (
            <SecretField kind={person.secretKind} withAsterisk autoFocus value={secret} onChange={(e) => setSecret(e.currentTarget.value)}
              error={error?.fields.secret} />
          )}
          {error && !error.fields.secret && <Alert color="red" role="alert">{error.message}</Alert>}
          <Button type="submit" disabled={!person} loading={signIn.isPending}>Sign in</Button>
          <Anchor component="button" type="button" size="sm" onClick={() => setRecovering(true)}>
            Forgotten the administrator password?
          </Anchor>
        </Stack>
      </form>
    </AccessScreen>
  );
}
