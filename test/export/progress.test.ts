import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORGET_AFTER_MS, finish, progressOf, report, runJob } from '../../electron/services/progress';
import { openTestClinic, type TestClinic } from '../support/clinic';

describe('job progress', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps the latest report of each job, and forgets a finished one after a while', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    report('a', { phase: 'Reading clients', done: 10, total: 40 });
    report('b', { phase: 'Checking rows', done: 1, total: 2 });
    report('a', { phase: 'Reading clients', done: 20, total: 40 });
    expect(progressOf('a')).toEqual({ phase: 'Reading clients', done: 20, total: 40 });
    expect(progressOf('b')).toEqual({ phase: 'Checking rows', done: 1, total: 2 });
    expect(progressOf('never-started')).toBeNull();
    finish('a');
    vi.advanceTimersByTime(FORGET_AFTER_MS - 1);
    expect(progressOf('a')).toEqual({ phase: 'Reading clients', done: 20, total: 40 });
    vi.advanceTimersByTime(2);
    expect(progressOf('a')).toBeNull();
    // Still running (no finish) is kept longer than a finished job.
    expect(progressOf('b')).not.toBeNull();
  });

  describe('through the dispatcher', () => {
    let clinic: TestClinic | undefined;
    afterEach(() => clinic?.close());

    it('answers jobs:progress while a job runs in chunks, for every role', async () => {
      const c = openTestClinic({ role: 'reception' });
      clinic = c;
      const seen: unknown[] = [];
      let polls = 0;
      // A poll loop that only gets turns when the job yields between chunks.
      let running = true;
      const poll = (async () => {
        while (running) {
          seen.push(await c.call('jobs:progress', { job: 'export-1' }));
          polls += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await runJob('export-1', async (step) => {
        for (let done = 0; done <= 5; done += 1) {
          // Busy, synchronous work per chunk, as a real export's reads are.
          const until = Date.now() + 2;
          while (Date.now() < until) { /* one chunk */ }
          await step({ phase: 'Reading rows', done, total: 5 });
        }
      });
      running = false;
      await poll;
      expect(polls).toBeGreaterThan(3);
      expect(seen).toContainEqual({ phase: 'Reading rows', done: 2, total: 5 });
      expect(await c.call('jobs:progress', { job: 'export-1' })).toEqual({ phase: 'Reading rows', done: 5, total: 5 });
      expect(await c.dispatch('jobs:progress', { job: '' })).toMatchObject({ ok: false, code: 'invalid' });
    });

    it('finishes the job when the work throws', async () => {
      await expect(
        runJob('failing', async (step) => {
          await step({ phase: 'Writing', done: 1, total: 3 });
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.advanceTimersByTime(FORGET_AFTER_MS + 1);
      expect(progressOf('failing')).toBeNull();
    });
  });
});
