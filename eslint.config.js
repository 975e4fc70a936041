// `npm run lint`: rules that catch real faults, above all in asynchronous code, with the types the
// TypeScript compiler knows (typescript-eslint's type-checked rules), and none about style:
// Prettier formats (see .prettierrc.json), the compiler checks the rest (tsconfig.json).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'dist.old-*/', 'test-results/', 'test/fixtures/', 'public/pagefind/'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.config.ts', 'public/highlight.js', 'public/quick-search.js', 'public/search.js', 'public/search-page.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Promises: one never awaited or handled loses its error (and its order); one passed where a
      // function's result is ignored (an async event handler, an async callback of forEach) too.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      'no-async-promise-executor': 'error',
      // Errors and values that are not what they seem.
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-optional-chaining': 'error',
      'no-self-compare': 'error',
      'no-self-assign': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-loss-of-precision': 'error',
      'no-sparse-arrays': 'error',
      'no-unreachable-loop': 'error',
      'no-constant-binary-expression': 'error',
      'use-isnan': 'error',
      'no-empty-pattern': 'error',
      'no-useless-backreference': 'error',
      'no-misleading-character-class': 'error',
      'no-control-regex': 'off', // the loader's job is to find control characters
    },
  },
);
