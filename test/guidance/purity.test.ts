// The engine runs in the main process and the renderer: nothing under shared/guidance may
// import Node built-ins, Electron, the database driver, React or the DOM.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '../../shared');
const files = ['guidance.ts', ...readdirSync(join(root, 'guidance')).map((f) => `guidance/${f}`)];

it.each(files)('shared/%s imports only shared modules and date-fns', (file) => {
  const source = readFileSync(join(root, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
  for (const specifier of specifiers) expect(specifier).toMatch(/^(\.\.?\/|date-fns(\/|$))/);
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may say "window" freely
  expect(code).not.toMatch(/\b(window|document|localStorage|process)\.|\brequire\(/);
});
