import type { Db } from '../native';
import { statement } from '../sql';

// Clinic settings kept with the clinic's data (so they travel with it and come back on restore).

/** The names in use; anything else is refused by the type. */
export type SettingKey = 'backup_folder' | 'client_import_mapping' | 'recovery_key_hash' | 'idle_minutes' | 'kept_guidance_rules' | 'recall_kept_for' | 'recall_pass';

export function getSetting(db: Db, key: SettingKey): string | null {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Stores `value`, or forgets the setting when it is null. */
export function setSetting(db: Db, key: SettingKey, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else {
    statement(
      db,
      `INSERT INTO settings (key, value) VALUES (@key, @value)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ')`,
    ).run({ key, value });
  }
}
