import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';

describe('the core functions the page itself runs (src/ui/core.ts)', () => {
  it('pull in no TensorFlow.js: it belongs to the workers, not the first screen', async () => {
    const r = await build({ entryPoints: ['src/ui/core.ts'], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent' });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((f) => f.includes('@tensorflow'))).toEqual([]);
  }, 60_000);
});
