import { Center, Loader } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useCall } from '../api';
import { LoadFailed } from '../components/Loaded';
import { FirstRun, RecoveryKeyShown } from './FirstRun';
import { LockScreen } from './LockScreen';
import { SessionContext } from './session';
import { SignIn } from './SignIn';
import { useIdleLock } from './useIdleLock';

/**
 * Nothing of the clinic shows until someone signs in. When the session locks, the screens stay
 * mounted underneath (hidden and inert), so unlocking returns to the form exactly as it was typed.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const status = useCall('session:status', {});
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const s = status.data;
  useIdleLock(s?.idleMinutes ?? 10, s?.state === 'signed-in');

  if (status.error) return <LoadFailed what="who is signed in" error={status.error} retry={() => void status.refetch()} />;
  if (!s) return <Center h="100vh" role="status" aria-label="Opening Fettle"><Loader /></Center>;
  if (recoveryKey) return <RecoveryKeyShown recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  if (s.setupNeeded) return <FirstRun onRecoveryKey={setRecoveryKey} />;
  if (s.state === 'signed-out' || !s.user) return <SignIn people={s.people} />;
  const locked = s.state === 'locked';
  return (
    <SessionContext.Provider value={s.user}>
      <div inert={locked} aria-hidden={locked || undefined} style={locked ? { display: 'none' } : undefined}>
        {children}
      </div>
      {locked && <LockScreen user={s.user} secretKind={s.people.find((p) => p.id === s.user!.id)?.secretKind ?? 'password'} />}
    </SessionContext.Provider>
  );
}
