import Database from 'better-sqlite3';

/**
 * better-sqlite3 13 ships Node-API 10 prebuilds that load unchanged under plain Node 22.14+
 * (tests, scripts) and under Electron 45 (the app), so there is no per-runtime rebuild.
 * Older runtimes crash inside the addon instead of throwing, so we check first.
 */
export const REQUIRED_NAPI = 10;

export function assertNativeRuntime(versions: NodeJS.ProcessVersions = process.versions): void {
  const napi = Number(versions.napi);
  if (!(napi >= REQUIRED_NAPI)) {
    throw new Error(
      `Fettle needs Node 22.14 or later (Node-API ${REQUIRED_NAPI}); this runtime is Node ${versions.node} ` +
        `with Node-API ${versions.napi ?? 'unknown'}. Install Node 22.14+ and run the command again.`,
    );
  }
}

export type Db = Database.Database;

/** Opens a database file, or (given a Buffer) an in-memory copy of a database's bytes. */
export function openSqlite(file: string | Buffer, options?: Database.Options): Db {
  assertNativeRuntime();
  return new Database(file, options);
}
