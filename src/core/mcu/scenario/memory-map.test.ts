import { describe, expect, it } from 'vitest';
import { countsFromIR } from '../cost/counts-from-ir';
import { asFormat } from '../cost/as-format';
import { NRF52840, STM32F746 } from '../devices/index';
import { taskStandins } from '../reference-models/task-standins';
import { kb, memoryMap } from './memory-map';

describe('memoryMap', () => {
  const pq = taskStandins().map((ir) => countsFromIR(ir, 'pq'));

  it('stores shared codebooks once for YONO', () => {
    const m = memoryMap('yono', pq, STM32F746, 'yono-float-pq');
    const cb = m.items.find((i) => i.label.startsWith('codebooks'));
    expect(cb?.bytes).toBe(256 * 9 * 2 + 256 * 4 * 2); // float16 codebooks: 2 bytes per value
    expect(m.flash.used).toBe(m.items.filter((i) => i.region === 'flash').reduce((a, i) => a + i.bytes, 0));
    expect(m.fits).toBe(true);
    expect(m.message).toBeNull();
  });

  it('puts the largest model\'s weights and the FatFs buffers in SRAM for external storage, all files on the card', () => {
    const i8 = pq.map((m) => asFormat(m, 'int8', { weightsIn: 'sram' }));
    const m = memoryMap('external-storage', i8, NRF52840, 'int8-optimized');
    const weights = m.items.find((i) => i.label.startsWith('loaded model weights'));
    expect(weights?.bytes).toBe(Math.max(...i8.map((x) => x.flashBytes.kept + x.flashBytes.other)));
    expect(m.sdBytes).toBe(i8.reduce((a, x) => a + x.flashBytes.kept + x.flashBytes.other, 0));
    expect(m.items.some((i) => i.label.startsWith('SD read buffer'))).toBe(true);
  });

  it('says what does not fit, by how much', () => {
    const f32 = pq.map((m) => asFormat(m, 'float32', { weightsIn: 'flash' }));
    const tiny = { ...NRF52840, flashBytes: 200 * 1024 };
    const m = memoryMap('internal-flash', f32, tiny, 'yono-float-pq');
    expect(m.fits).toBe(false);
    expect(m.message).toBe(`does not fit in flash: needs ${kb(m.flash.used)}, has 200.0 KB`);
  });
});
