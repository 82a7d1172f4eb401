import { describe, expect, it } from 'vitest';
import { compareCommand, formatSeeds } from './compare';

describe('yono compare', () => {
  it('rejects bad --seeds and unknown presets before loading anything', async () => {
    await expect(compareCommand.run(['--seeds', '1,x'])).rejects.toThrow(/--seeds takes integers separated by commas, got '1,x'/);
    await expect(compareCommand.run(['--seeds', '1,,2'])).rejects.toThrow(/got '1,,2'/);
    await expect(compareCommand.run(['--presets', 'yono,zip'])).rejects.toThrow(/unknown preset 'zip'/);
  });

  it('formats the seed table: ratio, validation / test drop per model, within budget', () => {
    const text = formatSeeds([
      { seed: 1, ratio: 12.54, totalBytes: 82092, valDropPp: { a: 0.6, b: -0.1 }, testDropPp: { a: 0.7, b: 0.65 }, testDropSePp: { a: 0.3, b: 0.25 }, withinBudget: true, timeMs: 150_000 },
      { seed: 2, ratio: 12.41, totalBytes: 83000, valDropPp: { a: 0.6, b: 0.2 }, testDropPp: { a: 1.2, b: 0.75 }, testDropSePp: { a: 0.35, b: 0.2 }, withinBudget: false, timeMs: 160_000 },
    ], 1);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^seed\s+ratio\s+a val \/ test ± se pp\s+b val \/ test ± se pp\s+test within 1 pp\s+time s$/);
    expect(lines[1]).toMatch(/^1\s+12\.54x\s+0\.60 \/ 0\.70 ± 0\.30\s+-0\.10 \/ 0\.65 ± 0\.25\s+yes\s+150\.0$/);
    expect(lines[2]).toMatch(/^2\s+12\.41x\s+0\.60 \/ 1\.20 ± 0\.35\s+0\.20 \/ 0\.75 ± 0\.20\s+no\s+160\.0$/);
  });
});
