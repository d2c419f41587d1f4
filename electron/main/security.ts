import type { Session, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './origin';

/**
 * The rules every web contents lives by: no navigation or redirect off our origin, no new
 * windows, no <webview>. Takes the WebContents' event surface only, so it is unit-tested
 * without Electron.
 */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, allowedOrigins?: readonly string[]): void {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-frame-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The app needs no camera, microphone, notifications or anything else: deny every request and check. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** An IPC message is trusted only from our window's main frame, showing our own origin. */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
  expectedFrame: unknown,
  allowedOrigins?: readonly string[],
): boolean {
  if (!frame || frame !== expectedFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url, allowedOrigins);
}
