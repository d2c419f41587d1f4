import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/main/menu';
import { APP_ORIGIN, isAppUrl } from '../../electron/main/origin';
import { resolveAssetPath } from '../../electron/main/protocol';
import { denyAllPermissions, guardWebContents, isTrustedSender, type GuardedContents } from '../../electron/main/security';

/** A stand-in for WebContents' event surface: records listeners so the test can fire them. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: never) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: never) => (openHandler = handler),
  } as unknown as GuardedContents;
  const fire = (name: string, url: string) => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    listeners.get(name)!(event, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }).action };
}

describe('navigation and window guards', () => {
  it('keep the window on our own origin', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents);
    expect(fire('will-navigate', `${APP_ORIGIN}/index.html#/clients`)).toBe(false);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'fettle://app.evil.com/')).toBe(true);
    expect(fire('will-navigate', 'https://fettle.app.example.com/')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-frame-navigate', 'https://example.com/')).toBe(true);
  });

  it('deny every window.open and every <webview>', () => {
    const { contents, fire, open } = fakeContents();
    guardWebContents(contents);
    expect(open('https://example.com/')).toBe('deny');
    expect(open(`${APP_ORIGIN}/index.html`)).toBe('deny');
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('compare parsed origins, never substrings', () => {
    expect(isAppUrl(`${APP_ORIGIN}/x`)).toBe(true);
    expect(isAppUrl(`https://evil.example/?${APP_ORIGIN}`)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', ['http://localhost:5173'])).toBe(true);
  });

  it('deny every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) });
    const answers: boolean[] = [];
    request!(null, 'media', (g) => answers.push(g));
    request!(null, 'notifications', (g) => answers.push(g));
    expect(answers).toEqual([false, false]);
    expect(check!()).toBe(false);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: `${APP_ORIGIN}/index.html#/clients`, parent: null };
  it('trusts only our window main frame on our origin', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null }, mainFrame)).toBe(false); // another window
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    const child = { url: `${APP_ORIGIN}/index.html`, parent: mainFrame };
    expect(isTrustedSender(child as never, child)).toBe(false); // a subframe
    const navigatedAway = { url: 'https://example.com/', parent: null };
    expect(isTrustedSender(navigatedAway, navigatedAway)).toBe(false);
  });
});

describe('the app protocol', () => {
  const root = path.resolve('/srv/fettle/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAssetPath(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, `${APP_ORIGIN}/assets/index.js`)).toBe(path.join(root, 'assets', 'index.js'));
  });
  it('refuses path traversal, encoded or not, and other hosts', () => {
    // The URL parser folds plain dot segments, so these stay inside the folder.
    expect(resolveAssetPath(root, `${APP_ORIGIN}/../../etc/passwd`)).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAssetPath(root, `${APP_ORIGIN}/assets/..%2f..%2f..%2fetc/passwd`)).toBeNull();
    expect(resolveAssetPath(root, `${APP_ORIGIN}/%2e%2e/%2e%2e/secret`)).toBe(path.join(root, "secret"));
    expect(resolveAssetPath(root, `${APP_ORIGIN}/..%5c..%5csecret`)?.startsWith(root + path.sep) ?? true).toBe(true);
    expect(resolveAssetPath(root, `${APP_ORIGIN}/a%00.js`)).toBeNull();
    expect(resolveAssetPath(root, `${APP_ORIGIN}/%E0%A4%A`)).toBeNull();
    expect(resolveAssetPath(root, 'fettle://other/index.html')).toBeNull();
  });
});

describe('the application menu', () => {
  it('offers edit, view (zoom) and window menus, and no developer tools when packaged', () => {
    const roles = (items: ReturnType<typeof menuTemplate>) => JSON.stringify(items);
    const packaged = roles(menuTemplate({ isMac: false, isPackaged: true }));
    expect(packaged).toContain('"editMenu"');
    expect(packaged).toContain('"zoomIn"');
    expect(packaged).toContain('"windowMenu"');
    expect(packaged).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: false, isPackaged: false }))).toContain('toggleDevTools');
  });
});
