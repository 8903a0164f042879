// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
