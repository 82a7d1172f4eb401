import { describe, expect, it } from 'vitest';
import { NRF52840, STM32F746, STM32H743 } from '../devices/index';
import { REFERENCE_MODELS } from '../reference-models/index';
import { taskStandins } from '../reference-models/task-standins';
import { asFormat } from './as-format';
import { countsFromIR } from './counts-from-ir';
import { inferenceCost, setupCycles } from './model-cost';

describe('inferenceCost', () => {
  it('orders the devices H7 < F7 < nRF52840 for the same model and engine', () => {
    for (const ir of [...taskStandins(), REFERENCE_MODELS.kws.build()]) {
      const pq = countsFromIR(ir, 'pq');
      const i8 = countsFromIR(ir, 'int8');
      for (const [m, engine] of [[pq, 'yono-float-pq'], [i8, 'int8-optimized']] as const) {
        const h7 = inferenceCost(m, STM32H743, engine).ms;
        const f7 = inferenceCost(m, STM32F746, engine).ms;
        const nrf = inferenceCost(m, NRF52840, engine).ms;
        expect(h7, `${ir.name} ${engine}`).toBeLessThan(f7);
        expect(f7, `${ir.name} ${engine}`).toBeLessThan(nrf);
      }
    }
  });

  it('energy is supply voltage x run current x time', () => {
    const c = inferenceCost(countsFromIR(REFERENCE_MODELS.ad.build(), 'int8'), STM32F746, 'int8-optimized');
    expect(c.mj).toBeCloseTo(c.ms * 3.3 * 0.090, 9);
    expect(c.cycles).toBeCloseTo(c.layers.reduce((a, l) => a + l.total, 0), 6);
    expect(c.ms).toBeCloseTo((c.cycles / 216e6) * 1e3, 9);
  });

  it('charges decode cycles for codebook weights only, and far more when decoding at every position', () => {
    const ir = taskStandins()[0];
    const decode = (c: ReturnType<typeof inferenceCost>): number => c.layers.reduce((a, l) => a + l.decode, 0);
    const f32 = inferenceCost(countsFromIR(ir, 'float32'), STM32F746, 'yono-float-pq');
    const pq = inferenceCost(countsFromIR(ir, 'pq'), STM32F746, 'yono-float-pq');
    const pqPos = inferenceCost(countsFromIR(ir, 'pq', { decode: 'position' }), STM32F746, 'yono-float-pq');
    expect(decode(f32)).toBe(0);
    expect(decode(pq)).toBeGreaterThan(0);
    expect(pqPos.ms).toBeGreaterThan(2 * pq.ms);
  });

  it('weights in SRAM avoid the flash stalls', () => {
    const pq = countsFromIR(REFERENCE_MODELS.ad.build(), 'pq');
    const flash = inferenceCost(asFormat(pq, 'int8', { weightsIn: 'flash' }), STM32F746, 'int8-optimized');
    const sram = inferenceCost(asFormat(pq, 'int8', { weightsIn: 'sram' }), STM32F746, 'int8-optimized');
    expect(sram.ms).toBeLessThan(flash.ms);
  });

  it('refuses an engine that cannot run the model, saying what to do', () => {
    const pq = countsFromIR(REFERENCE_MODELS.kws.build(), 'pq');
    expect(() => inferenceCost(pq, STM32F746, 'int8-optimized')).toThrow(/int8-optimized runs int8 models/);
    const i8 = countsFromIR(REFERENCE_MODELS.kws.build(), 'int8');
    expect(() => inferenceCost(i8, STM32F746, 'yono-float-pq')).toThrow(/float32 activations/);
  });

  it('set-up depends on the layer count only', () => {
    const m = countsFromIR(REFERENCE_MODELS.kws.build(), 'pq');
    expect(setupCycles(m, STM32F746)).toBe(1000 + 100 * m.layers.length);
  });
});
