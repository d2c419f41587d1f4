import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords and PINs are kept only as salted scrypt hashes (memory-hard: each guess costs about
// 32 MB and a tenth of a second). The stored form carries its own parameters, so they can be
// raised later without invalidating anyone's sign-in:  scrypt$<log2 N>$<r>$<p>$<salt>$<hash>

export interface ScryptCost { log2N: number; r: number; p: number }

/** What the app uses. Tests may pass a cheaper cost; the stored hash says which was used. */
export const SIGN_IN_COST: ScryptCost = { log2N: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The stored form of a derived key: the scheme, its parameters, the salt and the key. */
export function storedHash(cost: ScryptCost, salt: Buffer, key: Buffer): string {
  return ['scrypt', cost.log2N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function hashSecret(secret: string, cost: ScryptCost = SIGN_IN_COST): Promise<string> {
  const salt = randomBytes(16);
  return storedHash(cost, salt, await derive(secret, salt, cost));
}

/** True when `secret` is the one `stored` was made from; a malformed hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !log2N || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), { log2N: Number(log2N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A recovery key people can copy from paper: 5 groups of 5 letters and digits, no look-alikes. */
export function newRecoveryKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** The key as typed: case, spaces and dashes do not matter. */
export const normaliseRecoveryKey = (key: string): string => key.toUpperCase().replace(/[^A-Z0-9]/g, '');
