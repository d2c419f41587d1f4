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
