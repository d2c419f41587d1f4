// How far a long job (an export, an import) has got, for the window to poll with `jobs:progress`.
// The renderer names each run with an id of its own choosing and passes it in the long call;
// the job reports under that id between chunks, yielding to the event loop so the poll is
// answered while it runs. Finished jobs are kept a little while (the last poll sees 'done'),
// then forgotten; so, later, are jobs that stopped reporting (a crash mid-job leaves no entry forever).

import type { JobProgress } from '../../shared/api/jobs';

export type { JobProgress };

/** How long a finished job's last report stays readable. */
export const FORGET_AFTER_MS = 60_000;
/** A job silent this long has died without finishing (a crash mid-job): its entry goes. */
const SILENT_JOB_MS = 10 * 60_000;

interface Entry {
  progress: JobProgress;
  at: number;
  finished: boolean;
}

const jobs = new Map<string, Entry>();

/** Records where job `job` is. Cheap: call it per chunk, not per row. */
export function report(job: string, progress: JobProgress): void {
  forgetOld();
  jobs.set(job, { progress: { ...progress }, at: Date.now(), finished: false });
}

/** Marks `job` done (success or failure); its last report is forgotten after FORGET_AFTER_MS. */
export function finish(job: string): void {
  const entry = jobs.get(job);
  if (entry) jobs.set(job, { ...entry, at: Date.now(), finished: true });
}

/** The latest report of `job`, or null when it has none (not started, or forgotten). */
export function progressOf(job: string): JobProgress | null {
  forgetOld();
  const entry = jobs.get(job);
  return entry ? { ...entry.progress } : null;
}

function forgetOld(now = Date.now()): void {
  for (const [job, entry] of jobs) {
    if (now - entry.at > (entry.finished ? FORGET_AFTER_MS : SILENT_JOB_MS)) jobs.delete(job);
  }
}

/** Lets the main process answer the window (and its progress polls) before the next chunk. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a long job under `job`: `work` gets a reporter that records progress and yields to the
 * event loop after each report, so every chunk boundary is a chance for polls to be answered.
 * The job is finished whether `work` succeeds or throws.
 */
export async function runJob<T>(job: string, work: (step: (progress: JobProgress) => Promise<void>) => Promise<T>): Promise<T> {
  const step = async (progress: JobProgress) => {
    report(job, progress);
    await yieldToEventLoop();
  };
  try {
    return await work(step);
  } finally {
    finish(job);
  }
}
