import { useCallback, useState } from 'react';
import type { JobProgress } from '../../../shared/api/jobs';
import { useCall } from '../api';

/** How often a pending long call's progress is asked for. */
export const JOB_POLL_MS = 200;

const newJobId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`);

/**
 * Follows a long call's progress: `start()` gives a fresh job id to pass in the call's input;
 * while `pending` (the call's isPending) the hook polls `jobs:progress` for it and returns the
 * latest report (null before the first one, and once the call is over).
 */
export function useJobProgress(pending: boolean): { start: () => string; progress: JobProgress | null } {
  const [job, setJob] = useState(newJobId);
  const query = useCall('jobs:progress', { job }, { enabled: pending, refetchInterval: pending ? JOB_POLL_MS : false, gcTime: 0 });
  const start = useCallback(() => {
    const id = newJobId();
    setJob(id);
    return id;
  }, []);
  return { start, progress: pending ? (query.data ?? null) : null };
}
