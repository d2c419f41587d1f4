import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Lint enforces where code may run, alongside test/architecture.test.ts.
const noNodeOrElectron = {
  patterns: [
    { group: ['electron', 'better-sqlite3', 'node:*'], message: 'shared/ and renderer/ run without Node, Electron or the database.' },
    { group: ['**/electron/**'], message: 'The renderer reaches main only through window.fettle.' },
  ],
};

const noElectron = { name: 'electron', message: 'Services and repositories are plain Node: keep Electron in electron/main.' };

/** Bans imports of the named sibling folders of electron/, however many `../` lead there. */
const layer = (from, above) => ({
  regex: `(^|/)electron/(${above.join('|')})(/|$)|^(\\.\\./)+(${above.join('|')})(/|$)`,
  message: `${from} sits below ${above.map((d) => `electron/${d}`).join(', ')}: it may not import from there.`,
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  // Type-aware: floating promises, unsafe `any` flows and misused promises are errors everywhere.
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // Vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by design.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn', 'no-restricted-imports': ['error', noNodeOrElectron] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noNodeOrElectron.patterns, { group: ['react', 'react-dom', '@mantine/*', '**/renderer/**'], message: 'shared/ has no UI.' }] }] },
  },
  // Layers inside electron/: db ← services ← api ← main. A layer imports only the ones below it.
  // (Flat config applies the last matching rule, so each block repeats the Electron ban.)
  {
    files: ['electron/api/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('electron/api', ['main'])] }] },
  },
  {
    files: ['electron/services/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('electron/services', ['api', 'main'])] }] },
  },
  {
    files: ['electron/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('electron/db', ['services', 'api', 'main'])] }] },
  },
);
