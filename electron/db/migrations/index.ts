import type { Db } from '../native';
import { initialSchema } from './001-initial-schema';
import { clientSearchKey } from './002-client-search-key';
import { clientListIndexes } from './003-client-list-indexes';
import { diary } from './004-diary';
import { raceHistoryAndSettings } from './005-race-history-and-settings';
import { planSessions } from './006-plan-sessions';
import { clientSearchIndex } from './007-client-search-index';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Ordered; each runs once, inside one transaction together with its user_version bump. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, clientSearchKey, clientListIndexes, diary, raceHistoryAndSettings, planSessions, clientSearchIndex];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
