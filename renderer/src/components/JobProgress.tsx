import { Progress, Stack, Text } from '@mantine/core';
import type { JobProgress as Report } from '../../../shared/api/jobs';

/**
 * A long job's bar and its words ("Reading treatments: 1,200 of 5,000"). `label` names the job
 * for screen readers ("Export progress"). Before the first report it says it is starting.
 */
export function JobProgress({ progress, label }: { progress: Report | null; label: string }) {
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : 0;
  const words = progress
    ? `${progress.phase}: ${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')}`
    : 'Starting…';
  return (
    <Stack gap={4} data-job-progress={label}>
      <Progress value={percent} aria-label={label} animated size="lg" />
      <Text size="sm" role="status" aria-live="polite">{words}</Text>
    </Stack>
  );
}
