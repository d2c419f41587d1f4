import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCall } from '../api';
import { LoadFailed } from '../components/Loaded';
import { StartupProblem } from './StartupProblem';

/** The app opens only on a database main could open; otherwise the start-up problem screen. */
export function StorageGate({ children }: { children: ReactNode }) {
  const status = useCall('storage:status', {});
  if (status.error) return <LoadFailed what="the clinic's data" error={status.error} retry={() => void status.refetch()} />;
  if (!status.data) return <Center h="100vh" role="status" aria-label="Opening the clinic's data"><Loader /></Center>;
  if (status.data.state === 'refused') return <StartupProblem status={status.data} />;
  return <>{children}</>;
}
