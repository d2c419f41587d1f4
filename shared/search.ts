// Client search folding, shared so the database key and the typed query fold identically.

/** Lower-case, strip accents and everything but letters and digits. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * One string per client that every search term is matched against as a substring:
 * the folded name words, the name run together ("mary mcdonald" and "marymcdonald"
 * both match), the phone's digits and the folded e-mail.
 */
export function clientSearchKey(c: { firstName: string; lastName: string; phone: string; email: string }): string {
  const words = `${c.firstName} ${c.lastName}`.split(/\s+/).map(fold).filter(Boolean);
  return [...words, words.join(''), c.phone.replace(/\D+/g, ''), fold(c.email)].filter(Boolean).join(' ');
}

/** Search terms: each must appear in the key. Digits-only terms lose their spacing ("07700 900" → "07700900"). */
export function searchTerms(query: string): string[] {
  const trimmed = query.trim();
  if (/^[\d\s()+-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D+/g, '');
    return digits ? [digits] : [];
  }
  return trimmed.split(/\s+/).map(fold).filter(Boolean);
}

/** How the client list is ordered: folded surname, then first name. */
export function clientSortName(c: { firstName: string; lastName: string }): string {
  return `${fold(c.lastName)} ${fold(c.firstName)}`;
}
