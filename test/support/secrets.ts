import { randomBytes, scryptSync } from 'node:crypto';
import { storedHash, type ScryptCost } from '../../electron/services/access/secrets';

/** A cheap scrypt cost for the many people tests create; the stored form records it, as the app's does. */
export const TEST_SECRET_COST: ScryptCost = { log2N: 10, r: 8, p: 1 };

/** The stored form of `secret` at the test cost (synchronous, so a test clinic opens synchronously). */
export function testSecretHash(secret: string): string {
  const salt = randomBytes(16);
  const { log2N, r, p } = TEST_SECRET_COST;
  return storedHash(TEST_SECRET_COST, salt, scryptSync(secret.normalize('NFC'), salt, 32, { N: 2 ** log2N, r, p }));
}
