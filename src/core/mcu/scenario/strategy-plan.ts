import type { ModelCounts } from '../counts';
import type { DeviceProfile, EngineId } from '../devices/types';
import { asFormat } from '../cost/as-format';
import { inferenceCost, setupCycles } from '../cost/model-cost';
import { memoryMap } from './memory-map';
import { sdLoad } from './sd-load';
import type { MemoryMap, StrategyName } from './types';

/** Per-model costs of one strategy on one device, in the units of the event loop. */
export interface ModelStepCosts {
  /** SD load (0 unless external-storage). */
  loadUs: number;
  loadUj: number;
  /** Set-up after the weights are in place (pointer tables, arena offsets). */
  setupUs: number;
  setupUj: number;
  /** One inference. */
  computeUs: number;
  computeUj: number;
}

/** Everything the event loop needs about one strategy. */
export interface StrategyPlan {
  name: StrategyName;
  engine: EngineId;
  weightFormat: 'pq' | 'int8' | 'float32';
  memory: MemoryMap;
  /** Indexed like the `models` argument of `planStrategy`. */
  steps: ModelStepCosts[];
  /** Extra power drawn all the time (a powered SD card idling), watts. */
  backgroundW: number;
}

/** Options `planStrategy` needs (resolved defaults of SimulateOptions). */
export interface PlanOptions {
  baselineFormat: 'int8' | 'float32';
  baselineEngine: EngineId;
  sdChunkBytes: number;
  sdPowerCycle: boolean;
}

/**
 * Costs of one strategy for each model: the variant it runs (YONO: the compressed counts as given; the others:
 * the uncompressed int8/float32 variant, weights in SRAM after an SD load or in flash), its memory map, and per
 * model the load, set-up and inference time and energy.
 */
export function planStrategy(name: StrategyName, models: ModelCounts[], device: DeviceProfile, o: PlanOptions): StrategyPlan {
  const yonoEngine: EngineId = models.length > 0 && models.every((m) => m.activationFormat === 'int8') ? 'yono-int8-pq' : 'yono-float-pq';
  const engine: EngineId = name === 'yono' ? yonoEngine : o.baselineEngine;
  const activations = engine === 'int8-optimized' ? 'int8' : 'float32';
  const variants = name === 'yono'
    ? models
    : models.map((m) => asFormat(m, o.baselineFormat, { weightsIn: name === 'external-storage' ? 'sram' : 'flash', activations }));
  const v = device.power.voltageV;
  const backgroundW = name === 'external-storage' ? v * device.sd.cardIdleCurrentA : 0;
  const activeW = v * device.power.activeCurrentA + backgroundW;
  const steps = variants.map((m): ModelStepCosts => {
    const inf = inferenceCost(m, device, engine);
    const setupS = setupCycles(m, device) / device.clockHz;
    const load = name === 'external-storage'
      ? sdLoad(m.flashBytes.kept + m.flashBytes.other, device, o.sdChunkBytes, o.sdPowerCycle)
      : { s: 0, j: 0 };
    return {
      loadUs: load.s * 1e6, loadUj: load.j * 1e6,
      setupUs: setupS * 1e6, setupUj: setupS * activeW * 1e6,
      computeUs: inf.ms * 1e3, computeUj: (inf.ms / 1e3) * activeW * 1e6,
    };
  });
  return {
    name, engine, weightFormat: name === 'yono' ? variants[0]?.weightFormat ?? 'pq' : o.baselineFormat,
    memory: memoryMap(name, variants, device, engine), steps, backgroundW,
  };
}
