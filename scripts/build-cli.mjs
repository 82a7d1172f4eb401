// Bundles the TypeScript CLI into dist-cli/yono.mjs so `npx yono` runs on plain Node 20, and the pipeline's
// worker thread into dist-cli/stage-worker.mjs next to it (src/node/runner.ts starts it from there).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // tfjs stays in node_modules: it locates its .wasm files relative to its own package.
  external: ['@tensorflow/*', 'ml-kmeans'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist-cli/yono.mjs' });
await build({ ...common, entryPoints: ['src/node/stageWorker.ts'], outfile: 'dist-cli/stage-worker.mjs' });
