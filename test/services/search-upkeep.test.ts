import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLANK_CLIENT, insertClient, mergeSearchIndexes, searchClients, setArchived } from '../../electron/db/repositories/clients';
import type { Db } from '../../electron/db/native';
import { keepSearchIndexMerged } from '../../electron/services/search-upkeep';
import { searchTerms } from '../../shared/search';
import { scratchSpace } from '../storage/support/scratch';

// The client search indexes, merged a bounded step at a time while the app is open.

const { clinic } = scratchSpace();
afterEach(() => vi.useRealTimers());

const LAST = ['Okafor', 'McDonald', "O'Brien", 'Müller', 'Smith', 'Smithson', 'Nguyen', 'Ng', 'Patel', 'Williamson'];
const QUERIES = ['', 's', 'ng', 'smith', 'mcdonald', 'obrien', 'muller', 'ada okafor', '0770', 'gmail', 'zzqx'];

/** Clients saved one at a time, as the desk saves them: every save leaves its own small index segment. */
function saveOneByOne(db: Db, count: number): void {
  for (let i = 0; i < count; i++) {
    const client = insertClient(db, {
      ...BLANK_CLIENT,
      firstName: i % 3 === 0 ? 'Ada' : `Runner${i}`,
      lastName: LAST[i % LAST.length]!,
      phone: `07700 ${String(100_000 + i)}`,
      email: i % 2 === 0 ? `runner${i}@gmail.com` : '',
    });
    if (i % 17 === 0) setArchived(db, client.id, true, new Date().toISOString());
  }
}

const everySearch = (db: Db) =>
  QUERIES.flatMap((q) =>
    [false, true].map((includeArchived) => {
      const { total, rows } = searchClients(db, searchTerms(q), { includeArchived, offset: 0, limit: 40 });
      return { q, includeArchived, total, ids: rows.map((r) => r.id) };
    }),
  );

describe('merging the search indexes', () => {
  it('merges a step at a time until nothing is left, and every search answers exactly as before', () => {
    const c = clinic();
    saveOneByOne(c.db, 1500);
    const before = everySearch(c.db);
    expect(before.find((s) => s.q === 'smith' && !s.includeArchived)!.total).toBeGreaterThan(100);

    let steps = 0;
    while (mergeSearchIndexes(c.db, 20)) steps++;
    expect(steps).toBeGreaterThan(1); // small steps: the work was spread out
    expect(mergeSearchIndexes(c.db, 20)).toBe(false); // and once merged, there is nothing to do
    expect(everySearch(c.db)).toEqual(before);

    // New saves leave new segments, and there is work again.
    saveOneByOne(c.db, 50);
    expect(mergeSearchIndexes(c.db, 20)).toBe(true);
  });
});

describe('the upkeep while the app is open', () => {
  it('steps every couple of seconds while there is work, then looks again only after ten minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const c = clinic();
    saveOneByOne(c.db, 600);
    // The upkeep writes through the same connection, so its merges show in total_changes().
    const changes = () => (c.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const logged: string[] = [];
    const upkeep = keepSearchIndexMerged(c.storage, (m) => logged.push(m), { busyMs: 2000, idleMs: 600_000, pages: 10 });
    const start = changes();
    await vi.advanceTimersByTimeAsync(1999);
    expect(changes()).toBe(start); // nothing in the first two seconds

    let steps = 0;
    for (let last = changes(); steps < 500; steps++) {
      await vi.advanceTimersByTimeAsync(steps === 0 ? 1 : 2000);
      if (changes() - last <= 2) break; // a step that merged nothing: only its two commands
      last = changes();
    }
    expect(steps).toBeGreaterThan(1);
    expect(steps).toBeLessThan(500);
    expect(mergeSearchIndexes(c.db, 10)).toBe(false);

    // Merged: the next look is ten minutes away.
    const idle = changes();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(changes()).toBe(idle);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(changes()).toBeGreaterThan(idle);
    expect(logged).toEqual([]);
    upkeep.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing while the database is closed, and logs a failed step and tries again later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const c = clinic();
    saveOneByOne(c.db, 200);
    const logged: string[] = [];
    const upkeep = keepSearchIndexMerged(c.storage, (m) => logged.push(m), { busyMs: 1000, idleMs: 60_000, pages: 10 });
    c.storage.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(logged).toEqual([]);
    expect(vi.getTimerCount()).toBe(1); // it looks again after the idle time

    // A database that fails the step: the failure is logged, and upkeep goes on.
    const failing = { isOpen: true, checked: Promise.resolve(), get db(): Db { throw new Error('disk I/O error'); } };
    const second = keepSearchIndexMerged(failing as never, (m, detail) => logged.push(`${m}: ${String(detail)}`), { busyMs: 1000, idleMs: 60_000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(logged).toEqual(['Merging the search index failed: disk I/O error']);
    expect(vi.getTimerCount()).toBe(2);
    upkeep.stop();
    second.stop();
  });
});
