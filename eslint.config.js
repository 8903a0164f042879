// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Boundaries between the parts, kept by the linter: an import across one fails `npm run lint`.
 * (One `no-restricted-imports` applies per file, so each area lists every rule that holds for it.)
 */
const API = { group: ['**/functions/src/**', '@ssr/functions'], message: 'The add-in and the API meet only over HTTP; share code through @ssr/shared.' };
const ADDIN = { group: ['**/addin/**', '@ssr/addin'], message: 'The API and the engine never import the add-in.' };
const ENGINE = { group: ['node:*', '**/functions/**', '@ssr/functions', '@azure/*', 'react', 'react-*'], message: 'shared/ is the pure engine and contract: zod only, no I/O, no other workspace.' };
const OFFICE_ADAPTER = { group: ['**/excel/office/**'], message: 'Only the composition root (runtime/) picks the Office adapter; use the WorkbookPort.' };
const PREVIEW = { group: ['**/preview/**'], message: 'Preview mode is wired by the composition root (runtime/); Excel never downloads it.' };
const ROOT = { group: ['**/runtime/**', '**/main', '**/functions'], message: 'The composition root builds services and hands them down; nothing imports it back.' };
const MSAL = { group: ['@azure/msal-browser', '@azure/msal-browser/*', '**/auth/*-acquirer', '**/auth/msal-config', '**/auth/sign-in-errors'], message: 'MSAL loads with the first sign-in only: reach it through auth/index.' };
const UI = { group: ['react', 'react-*', '@fluentui/*'], message: 'The custom functions and the Excel layer load before the pane: no React or Fluent here.' };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** Office.js globals: only the Excel adapter, the sign-in adapter and the composition root touch them. */
const officeGlobals = ['Office', 'Excel', 'OfficeRuntime', 'CustomFunctions', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Office.js is touched only by the Excel adapter (excel/office), the sign-in adapter (auth) and the composition root (runtime/).',
}));
const hooks = reactHooks.configs.flat.recommended;

export default tseslint.config(
  // Plain .js is build output, except this file, which is checked like the sources.
  { ignores: ['**/node_modules/**', '**/dist/**', '.azurite/**', 'coverage/**', '**/*.js', '**/*.mjs', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['shared/**/*.ts'], rules: restrict(ENGINE, ADDIN) },
  { files: ['functions/**/*.ts'], rules: restrict(ADDIN) },
  { files: ['addin/**/*.{ts,tsx}'], rules: restrict(API) },
  { files: ['addin/src/pane/**/*.{ts,tsx}'], rules: restrict(API, OFFICE_ADAPTER, PREVIEW, ROOT, MSAL) },
  { files: ['addin/src/preview/**/*.{ts,tsx}'], rules: restrict(API, OFFICE_ADAPTER, ROOT, MSAL) },
  { files: ['addin/src/custom-functions/**/*.ts', 'addin/src/snapshot/**/*.ts', 'addin/src/excel/**/*.ts', 'addin/src/api/**/*.ts'], rules: restrict(API, PREVIEW, ROOT, MSAL, UI, { group: ['**/pane/**'], message: 'The pane sits on top of these, not under them.' }) },
  {
    files: ['addin/src/{pane,preview,custom-functions,snapshot,api,i18n}/**/*.{ts,tsx}', 'addin/src/excel/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...officeGlobals] },
  },
  {
    files: ['addin/src/**/*.{ts,tsx}', 'test/addin/pane/**/*.{ts,tsx}'],
    plugins: hooks.plugins,
    // The recommended set, every rule an error: a missed dependency is a stale value, not a nit.
    rules: Object.fromEntries(Object.keys(hooks.rules ?? {}).map((rule) => [rule, 'error'])),
  },
  {
    files: ['bench/**', 'functions/src/dev/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
