import fs from 'node:fs';
import { afterEach } from 'vitest';
import { makeDataDir, openTestClinic, type TestClinic } from '../../support/clinic';

/** Clinics and folders a test file makes, closed and removed after each test. */
export function scratchSpace() {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const done of cleanup.splice(0)) done();
  });
  return {
    clinic: (options: Parameters<typeof openTestClinic>[0] = {}): TestClinic => {
      const c = openTestClinic(options);
      cleanup.push(() => c.close());
      return c;
    },
    tempDir: (prefix: string): string => {
      const dir = makeDataDir(prefix);
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    /** Runs `done` after the test, in the order registered. */
    later: (done: () => void): void => {
      cleanup.push(done);
    },
  };
}
