import type { ModelCounts } from '../counts';
import type { DeviceProfile, EngineId } from '../devices/types';
import { FATFS_SRAM_BYTES } from '../devices/common';
import type { MemoryItem, MemoryMap, RegionUse, StrategyName } from './types';

/** `12.3 KB` with KB = 1024 bytes. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const max = (ms: ModelCounts[], f: (m: ModelCounts) => number): number => ms.reduce((a, m) => Math.max(a, f(m)), 0);
const sum = (ms: ModelCounts[], f: (m: ModelCounts) => number): number => ms.reduce((a, m) => a + f(m), 0);

function region(items: MemoryItem[], r: 'flash' | 'sram', capacity: number): RegionUse {
  const used = items.filter((i) => i.region === r).reduce((a, i) => a + i.bytes, 0);
  return { used, capacity, fits: used <= capacity };
}

/**
 * Where a strategy puts the models (in the variant it runs: pq for yono, int8/float32 for the others) on a
 * device: flash, SRAM and SD bytes by kind, and whether it fits. One model runs at a time, so the activation
 * arena, scratch and I/O buffers are the largest over the models; shared codebooks are stored once.
 */
export function memoryMap(strategy: StrategyName, models: ModelCounts[], device: DeviceProfile, engine: EngineId): MemoryMap {
  const items: MemoryItem[] = [];
  const code = engine === 'int8-optimized' ? device.code.int8Runtime : engine === 'yono-int8-pq' ? device.code.yonoInt8Runtime : device.code.yonoRuntime;
  const codeNote = engine === 'int8-optimized' ? 'estimate: TFLM core + CMSIS-NN kernels'
    : engine === 'yono-int8-pq' ? 'measured: .text of the int8 kernels (arm-none-eabi-size, docs/int8-runtime.md)' : 'estimate: plain C99 YONO runtime';
  items.push({ region: 'flash', label: `runtime code (${engine})`, bytes: code, note: codeNote });
  if (strategy === 'yono') {
    const shared = new Map<string, number>();
    for (const m of models) for (const c of m.codebooks) shared.set(c.id, Math.max(shared.get(c.id) ?? 0, c.bytes));
    items.push({ region: 'flash', label: 'codebooks (shared, stored once)', bytes: [...shared.values()].reduce((a, b) => a + b, 0) });
    items.push({ region: 'flash', label: 'packed indices', bytes: sum(models, (m) => m.flashBytes.indices) });
    items.push({ region: 'flash', label: 'kept parameters (uncompressed layers, biases, scales)', bytes: sum(models, (m) => m.flashBytes.kept) });
    items.push({ region: 'flash', label: 'layer descriptors', bytes: sum(models, (m) => m.flashBytes.other) });
  } else if (strategy === 'internal-flash') {
    items.push({ region: 'flash', label: 'model weights (all models)', bytes: sum(models, (m) => m.flashBytes.kept) });
    items.push({ region: 'flash', label: 'layer descriptors', bytes: sum(models, (m) => m.flashBytes.other) });
  } else {
    items.push({ region: 'flash', label: 'SD stack code (FatFs + driver)', bytes: device.code.sdStack, note: 'estimate: FatFs ~15 KB + SD driver ~2.4 KB' });
    items.push({ region: 'sram', label: 'loaded model weights (largest model)', bytes: max(models, (m) => m.flashBytes.kept + m.flashBytes.other) });
    items.push({ region: 'sram', label: 'SD read buffer (FatFs window + file buffer)', bytes: FATFS_SRAM_BYTES, note: 'FF_MAX_SS = 512' });
  }
  items.push({ region: 'sram', label: 'activation arena (largest model)', bytes: max(models, (m) => m.arenaBytes) });
  const scratch = max(models, (m) => m.scratchBytes);
  if (scratch > 0) items.push({ region: 'sram', label: engine === 'yono-float-pq' ? 'decode scratch (one filter)' : engine === 'yono-int8-pq' ? 'im2col / decode scratch (int16)' : 'im2col scratch', bytes: scratch });
  items.push({ region: 'sram', label: 'input buffer', bytes: max(models, (m) => m.inputBytes) });
  items.push({ region: 'sram', label: 'output buffer', bytes: max(models, (m) => m.outputBytes) });
  const sdBytes = strategy === 'external-storage' ? sum(models, (m) => m.flashBytes.kept + m.flashBytes.other) : 0;
  if (sdBytes > 0) items.push({ region: 'sd', label: 'model files', bytes: sdBytes });

  const flash = region(items, 'flash', device.flashBytes);
  const sram = region(items, 'sram', device.sramBytes);
  const problems: string[] = [];
  if (!flash.fits) problems.push(`does not fit in flash: needs ${kb(flash.used)}, has ${kb(flash.capacity)}`);
  if (!sram.fits) problems.push(`does not fit in SRAM: needs ${kb(sram.used)}, has ${kb(sram.capacity)}`);
  return {
    strategy, device: device.id, items, flash, sram, sdBytes,
    fits: flash.fits && sram.fits, message: problems.length ? problems.join('; ') : null,
  };
}
