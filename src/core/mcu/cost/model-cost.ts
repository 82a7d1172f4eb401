import type { ModelCounts } from '../counts';
import type { DeviceProfile, EngineId } from '../devices/types';
import { layerCycles } from './layer-cost';
import type { LayerCycles } from './layer-cost';

/** Time and energy of one inference of one model on a device with an engine. */
export interface InferenceCost {
  model: string;
  device: string;
  engine: EngineId;
  cycles: number;
  ms: number;
  /** Energy of the MCU in run mode for `ms` (V x active current x time), millijoules. */
  mj: number;
  layers: LayerCycles[];
}

/** Throws unless the engine can run the model's formats. */
export function checkEngineFits(m: ModelCounts, engine: EngineId): void {
  if (engine === 'int8-optimized') {
    if (m.activationFormat !== 'int8') {
      throw new Error(`model '${m.model}' has ${m.activationFormat} activations; int8-optimized runs int8 models: derive int8 counts (asFormat or countsFromIR(ir, 'int8'))`);
    }
    const bad = m.layers.find((l) => l.weightFormat !== 'int8' && l.weightFormat !== 'none');
    if (bad) throw new Error(`layer '${m.model}/${bad.layer}' has ${bad.weightFormat} weights; int8-optimized needs int8 weights in every layer`);
  } else if (engine === 'yono-int8-pq') {
    if (m.activationFormat !== 'int8') throw new Error(`model '${m.model}' has ${m.activationFormat} activations; yono-int8-pq runs int8 models (an int8 bundle)`);
  } else if (m.activationFormat !== 'float32') {
    throw new Error(`model '${m.model}' has ${m.activationFormat} activations; yono-float-pq runs float32 activations`);
  }
}

/**
 * Cycles, milliseconds and millijoules of one inference: the sum of `layerCycles` over the layers, divided by
 * the clock; energy at the device's run current and supply voltage.
 */
export function inferenceCost(m: ModelCounts, device: DeviceProfile, engine: EngineId): InferenceCost {
  checkEngineFits(m, engine);
  const layers = m.layers.map((l) => layerCycles(l, device, engine));
  let cycles = 0;
  for (const l of layers) cycles += l.total;
  const s = cycles / device.clockHz;
  return {
    model: m.model, device: device.id, engine, cycles, ms: s * 1e3,
    mj: s * device.power.voltageV * device.power.activeCurrentA * 1e3, layers,
  };
}

/** Cycles to make a model current (pointer tables, arena offsets from the precomputed plan). */
export function setupCycles(m: ModelCounts, device: DeviceProfile): number {
  return device.core.setup.fixedCycles + device.core.setup.perLayerCycles * m.layers.length;
}
