import path from 'node:path';

/**
 * The data folder: FETTLE_DATA_DIR when set (tests, clinics keeping data elsewhere),
 * else the platform's per-user application folder that Electron calls `userData`.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const override = env.FETTLE_DATA_DIR?.trim();
  return override ? path.resolve(override) : userDataDir;
}

/** The same folder Electron's `app.getPath('userData')` gives for product name "Fettle", for scripts run under plain Node. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = env.HOME ?? env.USERPROFILE ?? '.'): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fettle');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fettle');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Fettle');
}
