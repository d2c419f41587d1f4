import type { Db } from '../native';
import { initialSchema } from './001-initial-schema';
import { clientSearchKey } from './002-client-search-key';
import { clientListIndexes } from './003-client-list-indexes';
import { diary } from './004-diary';
import { raceHistoryAndSettings } from './005-race-history-and-settings';
import { planSessions } from './006-plan-sessions';
import { clientSearchIndex } from './007-client-search-index';
import { frontDeskIndexes } from './008-front-desk-indexes';
import { usersAndAudit } from './009-users-and-audit';
import { keptGuidance } from './010-kept-guidance';

/** How far a long step (rebuilding an index on a large clinic) has got: `done` of `total` rows. */
export type MigrationProgress = (done: number, total: number) => void;

export interface Migration {
  version: number;
  name: string;
  /** `progress`, when given, is told how far a long step has got, so a window need not look frozen. */
  up(db: Db, progress?: MigrationProgress): void;
}

/** Ordered; each runs once, inside one transaction together with its user_version bump. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, clientSearchKey, clientListIndexes, diary, raceHistoryAndSettings, planSessions, clientSearchIndex, frontDeskIndexes, usersAndAudit, keptGuidance];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
