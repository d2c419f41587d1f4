import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../electron/api/dispatcher';
import type { HandlerContext, Session } from '../../electron/api/handlers';
import type { Db } from '../../electron/db/database';
import { ClinicStorage } from '../../electron/db/storage';
import { fixedClock } from '../../electron/services/context';

/**
 * A real clinic in a fresh data folder, held as the app holds it (folder lock, refusals kept,
 * restore swaps the database), with the real dispatcher on top: what tests drive.
 */
export interface TestClinic {
  dataDir: string;
  /** The open database; throws the refusal when it could not be opened. */
  readonly db: Db;
  storage: ClinicStorage;
  dispatch: Dispatch;
  /** Calls by name and unwraps, failing loudly on a refusal. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  close(): void;
}

export function makeDataDir(prefix = 'fettle-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestClinic(
  options: { today?: string; role?: Session['role']; dataDir?: string; choosePath?: HandlerContext['choosePath'] } = {},
): TestClinic {
  const dataDir = options.dataDir ?? makeDataDir();
  const storage = ClinicStorage.open(dataDir);
  const clock = fixedClock(options.today ?? '2026-03-02');
  const session: Session = { role: options.role ?? 'admin' };
  const dispatch = createDispatcher(() => ({
    get db() {
      return storage.db;
    },
    storage,
    ...clock,
    session,
    version: '0.0.0-test',
    dataDir: storage.dataDir,
    ...(options.choosePath ? { choosePath: options.choosePath } : {}),
  }));
  return {
    dataDir,
    get db() {
      return storage.db;
    },
    storage,
    dispatch,
    async call<T>(name: string, input: unknown = {}) {
      const result = await dispatch(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.code}: ${result.message}`);
      return result.value as T;
    },
    close() {
      storage.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
