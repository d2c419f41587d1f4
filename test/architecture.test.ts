import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Where code may run is a rule, not a habit: these tests fail when an import crosses a line.

const ROOT = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return specs.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe("shared/ (types, contract, phase engine) runs anywhere", () => {
  const files = sourceFiles('shared');
  it('has files to check', () => expect(files.length).toBeGreaterThan(5));
  it.each(files)('%s imports nothing from Node, Electron, the database or the DOM', (file) => {
    for (const spec of importsOf(file)) {
      expect(NODE.has(spec) || NODE.has(spec.split('/')[0]!), `${file} imports ${spec}`).toBe(false);
      expect(spec, file).not.toMatch(/^(electron|better-sqlite3|react|react-dom|@mantine\/)/);
      expect(spec, file).not.toMatch(/^\.\.\/+(\.\.\/)*(electron|renderer)\//);
    }
  });

  it('type-checks with no DOM and no Node types, so it cannot lean on either', () => {
    const program = ts.createProgram(files.map((f) => path.join(ROOT, f)), {
      lib: ['lib.es2023.d.ts'], types: [], strict: true, noEmit: true, skipLibCheck: true,
      module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2023,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the renderer', () => {
  it.each(sourceFiles('renderer'))('%s never reaches into electron/ or Node', (file) => {
    for (const spec of importsOf(file)) {
      expect(spec, file).not.toMatch(/(^|\/)electron(\/|$)|^better-sqlite3$/);
      expect(NODE.has(spec), `${file} imports ${spec}`).toBe(false);
    }
  });
});

describe('Electron stays in the thin shell', () => {
  const outside = ['electron/api', 'electron/db', 'electron/services', 'shared', 'renderer', 'test', 'scripts', 'bench']
    .filter((d) => fs.existsSync(path.join(ROOT, d)))
    .flatMap(sourceFiles);
  it.each(outside)("%s does not import 'electron' at run time", (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(text, file).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m);
    expect(text, file).not.toMatch(/require\(\s*['"]electron['"]\s*\)/);
  });
});

describe('layers inside electron/: db ← services ← api ← main', () => {
  // Where an import lands, resolved from the importing file (relative imports only; packages are not layers).
  const target = (file: string, spec: string) => (spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec);
  const above: Record<string, string[]> = {
    'electron/db': ['electron/services', 'electron/api', 'electron/main'],
    'electron/services': ['electron/api', 'electron/main'],
    'electron/api': ['electron/main'],
  };
  for (const [layer, banned] of Object.entries(above)) {
    const files = sourceFiles(layer);
    it(`${layer} has files to check`, () => expect(files.length).toBeGreaterThan(0));
    it.each(files)(`%s imports nothing from ${banned.join(', ')}`, (file) => {
      for (const spec of importsOf(file)) {
        const to = target(file, spec).split(path.sep).join('/');
        for (const dir of banned) expect(to === dir || to.startsWith(`${dir}/`), `${file} imports ${spec}`).toBe(false);
      }
    });
  }
});

describe('repositories', () => {
  // One style: plain functions over `db`, every statement compiled once per connection and reused.
  const repositories = sourceFiles('electron/db/repositories');
  it.each(repositories)('%s prepares SQL only through statement(db, sql)', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(text, file).not.toMatch(/\.prepare\(|\.exec\(/);
  });
});

describe('migrations are frozen', () => {
  // A step must give the same result whatever the code becomes, so it imports nothing that can change:
  // only the Migration type from the runner's index.
  const steps = sourceFiles('electron/db/migrations').filter((f) => path.basename(f) !== 'index.ts');
  it('has steps to check', () => expect(steps.length).toBeGreaterThan(2));
  it.each(steps)('%s imports only the Migration type', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const imports = [...text.matchAll(/^import\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[0]);
    for (const line of imports) expect(line, file).toMatch(/^import type \{ Migration \} from '\.\/index'$/);
  });
});
