// Guards the figure the int8 runtime must meet (issue 15): each built-in model, run as a chain of the
// int8 PQ kernels on QEMU's Cortex-M7, executes at most 4.3 instructions per MAC (start-up and printing
// excluded). Layer formats: the test zoo's PQ codebooks (bench/qemu.ts); `npm run bench -- --only qemu`
// prints the full table.
import { describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../src/node/tfjs';
import { benchQemu } from './qemu';

describe('int8 PQ kernels on QEMU Cortex-M7', () => {
  it('run digits and keywords at <= 4.3 instructions per MAC, every conv and pointwise layer below 3', async () => {
    await setupNodeTfjs();
    const rows = await benchQemu({ models: ['digits', 'keywords'], runs: 1 });
    for (const m of rows) {
      expect(m.insns / m.macs, m.model).toBeLessThanOrEqual(4.3);
      for (const l of m.layers.filter((x) => x.kind === 'conv' || x.kind === 'pointwise')) expect(l.insns / l.macs, `${m.model}/${l.layer}`).toBeLessThan(3);
    }
  }, 120_000);
});
