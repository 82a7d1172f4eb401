import { describe, expect, it } from 'vitest';
import { countsFromIR } from '../cost/counts-from-ir';
import { totalMacs } from '../counts';
import { REFERENCE_MODELS } from './index';
import { taskStandins } from './task-standins';

describe('MLPerf Tiny reference models', () => {
  for (const r of Object.values(REFERENCE_MODELS)) {
    it(`${r.task}: MAC total equals the published ${r.citedMacs.toLocaleString('en')}`, () => {
      expect(totalMacs(countsFromIR(r.build(), 'int8'))).toBe(r.citedMacs);
    });
  }

  it('KWS DS-CNN: one 10x4 conv, four depthwise + pointwise blocks, 12 outputs', () => {
    const m = countsFromIR(REFERENCE_MODELS.kws.build(), 'int8');
    const ops = m.layers.map((l) => l.op);
    expect(ops.filter((o) => o === 'depthwise')).toHaveLength(4);
    expect(ops.filter((o) => o === 'pointwise')).toHaveLength(4);
    expect(m.layers[0]).toMatchObject({ op: 'conv', inputChannels: 1, macs: 25 * 5 * 64 * 40 });
    expect(m.outputBytes).toBe(12);
  });

  it('ResNet-8: two 1x1 shortcut convs and three adds', () => {
    const ir = REFERENCE_MODELS.ic.build();
    expect(ir.layers.filter((l) => l.kind === 'add')).toHaveLength(3);
    expect(ir.layers.filter((l) => l.name.endsWith('shortcut'))).toHaveLength(2);
  });

  it('VWW MobileNetV1-0.25 ends at 3x3x256 before pooling', () => {
    const ir = REFERENCE_MODELS.vww.build();
    expect(ir.layers.find((l) => l.name === 'block13/pointwise')?.outputShape).toEqual([3, 3, 256]);
  });

  it('the task stand-ins are within issue 3\'s 20k-300k parameters', () => {
    for (const ir of taskStandins()) {
      const params = countsFromIR(ir, 'float32').layers.reduce((a, l) => a + l.weights + l.biases, 0);
      expect(params, ir.name).toBeGreaterThan(20_000);
      expect(params, ir.name).toBeLessThan(300_000);
    }
  });
});
