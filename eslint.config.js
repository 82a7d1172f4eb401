import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The floors of the house (src/README.md): a folder imports only from the floors below it. Each rule here
// keeps one of those arrows pointing down; src/imports.test.ts fails on any import circle.

/** The core's floors, lowest first: a folder may import its own floor and the ones below. */
const CORE_FLOORS = [
  ['util'],
  ['pq', 'tfjs', 'data'],
  ['models', 'io', 'tflite'],
  ['quant'],
  ['learn', 'compress'],
  ['settings'],
  ['studies'],
  ['bundle'],
  ['program'],
  ['mcu'],
  ['report'],
];

/** What no core file may import: other layers, UI libraries and Node (the core also runs in browsers). */
const CORE_BASE = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no zustand.' },
  { group: ['comlink'], message: 'src/core is pure: workers are thin adapters around it.' },
  { group: ['**/ui/**', '**/workers/**', '**/cli/**'], message: 'src/core imports nothing from ui/, workers/ or cli/.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'src/core runs in browsers too: put Node code in src/node or src/cli.' },
];
const NOT_SRC_NODE = { group: ['**/node/*'], message: 'src/core runs in browsers too: only its tests may use src/node.' };

/** Patterns for the core folders above `floor` (`extra` folders allowed on top). */
function above(floor, allowed = []) {
  const up = CORE_FLOORS.slice(floor + 1).flat().filter((f) => !allowed.includes(f));
  return up.length ? [{ group: up.map((f) => `**/${f}/*`), message: `a core floor imports only the floors below it (src/README.md): not ${up.join(', ')}.` }] : [];
}

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

const coreFloors = CORE_FLOORS.flatMap((folders, floor) => folders.map((f) => ({
  files: [`src/core/${f}/**/*.ts`],
  ignores: [...TESTS, ...(f === 'bundle' ? ['src/core/bundle/c/**'] : [])],
  rules: restrict([...CORE_BASE, NOT_SRC_NODE, ...above(floor)]),
})));

/** UI floors, lowest first (App.tsx, main.tsx, dev/ and gallery/ sit on top of them all). */
const UI_FLOORS = [['lib'], ['workers'], ['services'], ['state'], ['charts', 'components'], ['steps'], ['shell']];
const UI_DOOR = {
  group: ['**/core/**'], allowTypeImports: true,
  message: 'the UI reaches the core\'s pure helpers through src/ui/core.ts (types may be imported from anywhere); heavy work goes through services/.',
};
const uiAbove = (floor) => {
  const up = UI_FLOORS.slice(floor + 1).flat();
  return up.length ? [{ group: up.map((f) => `**/ui/${f}/*`).concat(up.map((f) => `../${f}/*`), up.map((f) => `../../${f}/*`)), message: `a UI floor imports only the floors below it (src/README.md): not ${up.join(', ')}.` }] : [];
};
const UI_BASE = [
  { group: ['**/cli/**', '**/node/**', 'node:*'], message: 'the UI runs in the browser: no CLI or Node code.' },
  { group: ['**/workers/*.worker', '**/workers/lib/*'], allowTypeImports: true, message: 'the UI starts workers through the bridges in ui/workers/ (types only from src/workers).' },
];
const uiFloors = UI_FLOORS.flatMap((folders, floor) => folders.map((f) => ({
  files: [`src/ui/${f}/**/*.{ts,tsx}`],
  rules: restrict([...UI_BASE, ...uiAbove(floor), ...(f === 'services' ? [] : [UI_DOOR])]),
})));

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'public', 'test-results', 'playwright-report', 'src/core/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/core/**/*.ts'], languageOptions: { globals: { ...globals.es2022 } }, rules: restrict([...CORE_BASE, NOT_SRC_NODE]) },
  ...coreFloors,
  // The C export writes out the op program: it sits above program/ (the rest of bundle/ below it).
  { files: ['src/core/bundle/c/**/*.ts'], ignores: TESTS, rules: restrict([...CORE_BASE, NOT_SRC_NODE, ...above(CORE_FLOORS.findIndex((x) => x.includes('bundle')), ['program'])]) },
  // Core tests may use the Node helpers (file loaders, the tfjs backend) and fixtures from any floor.
  { files: ['src/core/**/*.test.ts'], rules: restrict(CORE_BASE) },
  {
    files: ['src/node/**/*.ts'],
    rules: restrict([{ group: ['**/cli/**', '**/ui/**', '**/workers/**'], message: 'src/node is below the CLI: it imports only the core.' }]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([{ group: ['**/ui/**', '**/workers/**'], message: 'the CLI uses the core and src/node, not the app.' }]),
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: restrict([
      { group: ['**/ui/**', '**/cli/**', '**/node/**', 'node:*'], message: 'workers are thin adapters of the core: no UI, CLI or Node code.' },
      { group: ['react', 'react-dom', 'zustand', 'zustand/*'], message: 'workers have no UI.' },
    ]),
  },
  ...uiFloors,
  { files: ['src/ui/*.{ts,tsx}', 'src/ui/dev/**/*.{ts,tsx}', 'src/ui/gallery/**/*.{ts,tsx}', 'src/main.tsx'], ignores: ['src/ui/core.ts'], rules: restrict([...UI_BASE, UI_DOOR]) },
);
