#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`. Since Electron 42 the npm package no longer
// downloads its binary at install time; electron-vite then fails with "Electron uninstall"
// because it reads node_modules/electron/path.txt without triggering the download. Electron's
// own `install-electron` command fetches it once (and is a no-op when it is already there);
// we run it and, when it cannot download, say so in plain words instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const { version } = require('electron/package.json');
const installer = path.join(electronDir, 'install.js');

console.log(`Checking for Electron ${version} (downloaded once, on first start)…`);
const run = spawnSync(process.execPath, [installer], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
if (run.status === 0) process.exit(0);

const firstLine = (run.stderr || '').split('\n').find((line) => line.trim()) ?? 'no detail';
console.error(
  [
    '',
    `Fettle could not download Electron ${version} for ${process.platform}-${process.arch}, which npm start needs once.`,
    `  Cause: ${firstLine.trim()}`,
    '  Check the internet connection (or a proxy: HTTPS_PROXY), or point ELECTRON_MIRROR at a mirror,',
    '  then run `npm start` again. Nothing else was changed.',
    '',
  ].join('\n'),
);
process.exit(1);
