// Lint rules, mostly to enforce DESIGN.md's boundaries between folders.
import tseslint from 'typescript-eslint'

const nodeOnly = ['better-sqlite3', 'kysely', 'pdfkit', 'electron']
const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins do not belong here (DESIGN.md layout).' }

export default tseslint.config(
  { ignores: ['out/**', '**/out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '.native/**', 'scripts/**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeOnly.map((name) => ({ name, message: 'src-shared runs everywhere: no electron, database or PDF modules.' })), patterns: [nodeBuiltins] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly.map((name) => ({ name, message: 'The renderer talks to main only through src-renderer/api.ts.' })),
          patterns: [nodeBuiltins, { group: ['**/src-main/**', '../src-main/*'], message: 'The renderer never imports main-process code.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/browser-shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core and the browser shell run under plain Node: no electron here.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)
