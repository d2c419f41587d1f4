// Kept apart from the schemas, so the client list, which the window shows first, does not load
// the validation library with it.

/**
 * Clients the list asks for at a time: a screenful at 1920×1080 (15 rows) with room to scroll
 * before the next page is asked for. Every keystroke reads this many clients' races and
 * history and runs the engine for each, so a page of 100 cost a chain of 100,000 clients about
 * twice the time of the search itself (bench/clients.bench.ts).
 */
export const CLIENT_PAGE = 40;
