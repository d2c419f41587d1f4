// Where the UI lives. A privileged custom scheme instead of file://, so the renderer has a
// real origin that navigation and IPC checks can compare against.
export const APP_SCHEME = 'fettle';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True only for URLs whose parsed origin is exactly ours (never a substring test). */
export function isAppUrl(url: string, allowedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Custom schemes report origin "null" in some runtimes; rebuild it from its parts.
  const origin = parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  return allowedOrigins.includes(origin);
}
