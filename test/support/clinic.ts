import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../electron/api/dispatcher';
import type { Session } from '../../electron/api/handlers';
import { openDatabase, type Db } from '../../electron/db/database';
import { fixedClock } from '../../electron/services/context';

/** A real clinic database in a fresh folder, with the real dispatcher on top: what tests drive. */
export interface TestClinic {
  dataDir: string;
  db: Db;
  dispatch: Dispatch;
  /** Calls by name and unwraps, failing loudly on a refusal. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  close(): void;
}

export function makeDataDir(prefix = 'fettle-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestClinic(options: { today?: string; role?: Session['role']; dataDir?: string } = {}): TestClinic {
  const dataDir = options.dataDir ?? makeDataDir();
  const db = openDatabase(dataDir);
  const clock = fixedClock(options.today ?? '2026-03-02');
  const session: Session = { role: options.role ?? 'admin' };
  const dispatch = createDispatcher(() => ({ db, ...clock, session, version: '0.0.0-test', dataDir }));
  return {
    dataDir,
    db,
    dispatch,
    async call<T>(name: string, input: unknown = {}) {
      const result = await dispatch(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.code}: ${result.message}`);
      return result.value as T;
    },
    close() {
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
