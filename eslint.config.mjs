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

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
  {
    files: ['electron/api/**', 'electron/db/**', 'electron/services/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Services and repositories are plain Node: keep Electron in electron/main.' }] }] },
  },
);
