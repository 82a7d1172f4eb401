import { describe, expect, it } from 'vitest';
import { taskStandins } from '../reference-models/task-standins';
import { asFormat } from './as-format';
import { countsFromIR } from './counts-from-ir';

describe('asFormat', () => {
  it('turns pq counts into the same int8 and float32 counts as countsFromIR does from the IR', () => {
    for (const ir of taskStandins()) {
      const pq = countsFromIR(ir, 'pq');
      for (const [fmt, act] of [['int8', 'int8'], ['float32', 'float32'], ['int8', 'float32']] as const) {
        const direct = countsFromIR(ir, fmt, { activations: act, weightsIn: 'sram' });
        const derived = asFormat(pq, fmt, { activations: act, weightsIn: 'sram' });
        expect(derived.layers, `${ir.name} ${fmt}/${act}`).toEqual(direct.layers);
        expect(derived.arenaBytes).toBe(direct.arenaBytes);
        expect(derived.scratchBytes).toBe(direct.scratchBytes);
        expect(derived.flashBytes.kept).toBe(fmt === 'int8' ? direct.int8WeightBytes : direct.float32WeightBytes);
        expect(derived.codebooks).toEqual([]);
      }
    }
  });
});
