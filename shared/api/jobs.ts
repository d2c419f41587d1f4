// A long job's progress as `jobs:progress` reports it (electron/services/progress.ts keeps it).

export interface JobProgress {
  /** What the job is doing now, in words the UI shows ("Reading treatments"). */
  phase: string;
  done: number;
  total: number;
}
