import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'public', 'test-results', 'playwright-report', 'src/core/pq/wasm/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs unchanged in workers, Node, tests and benchmarks: it must not reach the UI layers.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
          { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no zustand.' },
          { group: ['comlink'], message: 'src/core is pure: workers are thin adapters around it.' },
          { group: ['**/ui/**', '**/workers/**', '**/cli/**'], message: 'src/core imports nothing from ui/, workers/ or cli/.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/core runs in browsers too: put Node code in src/node or src/cli.' },
        ],
      }],
    },
  },
);
