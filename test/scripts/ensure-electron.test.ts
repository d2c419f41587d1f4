import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` on a fresh machine: its pre-step must ask for Electron's binary (the download
// electron-vite never triggers) and, when that fails, say so plainly. A loopback "mirror"
// records what was asked for and answers 404, as an unreachable download would fail.
// Electron's install.js is a no-op when its binary is already in place (a developer's machine,
// CI after a first start), so the test points ELECTRON_OVERRIDE_DIST_PATH, where install.js
// looks for that binary, at a path that does not exist: the machine is fresh as far as the
// pre-step can tell, whatever node_modules/electron/dist holds.

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

let server: http.Server;
const requested: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function runPreStep(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/ensure-electron.mjs')], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm start on a fresh machine', () => {
  it('runs the Electron pre-step before start and dev', () => {
    expect(pkg.scripts.prestart).toBe('node scripts/ensure-electron.mjs');
    expect(pkg.scripts.predev).toBe('node scripts/ensure-electron.mjs');
  });

  it('asks for the Electron binary and, when the download fails, says so in one plain message', async () => {
    const port = (server.address() as AddressInfo).port;
    const cache = fs.mkdtempSync(path.join(root, 'node_modules/.cache-electron-test-'));
    try {
      const { code, output } = await runPreStep({
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: cache,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(cache, 'no-electron-here'),
      });
      expect(code).toBe(1);
      expect(requested.some((url) => url.includes(`electron-v${electronVersion}-`) && url.endsWith('.zip'))).toBe(true);
      expect(output).toContain(`Fettle could not download Electron ${electronVersion}`);
      expect(output).not.toMatch(/Electron uninstall/);
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('refuses an unsupported Node at npm install (engine-strict) rather than failing tests later', () => {
    expect(fs.readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    expect(pkg.engines.node).toBe('>=22.14');
  });
});
