import type { LayerCounts } from '../counts';
import type { DeviceProfile, EngineId, MacOp } from '../devices/types';

/** Cycles of one layer, split by where they go. */
export interface LayerCycles {
  layer: string;
  /** Arithmetic of the MACs (and, for int8, requantization folded into insns/MAC). */
  mac: number;
  /** Codebook lookups, index unpacking and writing decoded weights to the scratch. */
  decode: number;
  /** Flash stall cycles on weight bytes read from flash. */
  memory: number;
  /** Pooling / elementwise work and per-output bookkeeping. */
  elementwise: number;
  /** Fixed per-layer overhead. */
  overhead: number;
  /** Sum of the above. */
  total: number;
}

const MAC_OPS = new Set<string>(['conv', 'depthwise', 'pointwise', 'dense', 'conv1d']);

/** True for layer kinds that carry MACs. */
export function isMacOp(op: string): op is MacOp {
  return MAC_OPS.has(op);
}

/**
 * Cycles of one layer on a device with an engine. int8-optimized: MACs x instructions/MAC (by layer kind,
 * the first conv of a network separately) x cycles/instruction; yono-float-pq: MACs x cycles/MAC + taps x
 * cycles/tap + per-output bookkeeping + lookups, unpacks and decoded weights at their own costs. Both add flash stalls on the weight
 * bytes read from flash and a fixed per-layer overhead (layers without arithmetic cost nothing).
 */
export function layerCycles(l: LayerCounts, device: DeviceProfile, engine: EngineId): LayerCycles {
  const c: LayerCycles = { layer: l.layer, mac: 0, decode: 0, memory: 0, elementwise: 0, overhead: 0, total: 0 };
  const hasWork = l.macs > 0 || l.elementOps > 0;
  if (!hasWork) return c;
  c.memory = l.weightBytesRead.flash * device.flash.stallCyclesPerByte;
  if (engine === 'yono-int8-pq') {
    const m = device.core.int8Pq;
    if (isMacOp(l.op) && l.macs > 0) {
      const key = l.op === 'conv' && l.inputChannels > 0 && l.inputChannels < 4 ? 'convFirst' : l.op;
      c.mac = (l.macs * m.insnsPerMac[key] + l.outputElements * m.insnsPerOutput[key]) * m.cyclesPerInsn;
      c.decode = l.decodedWeights * m.insnsPerDecodedWeight[key] * m.cyclesPerInsn;
    }
    c.elementwise = l.elementOps * m.insnsPerElementOp * m.cyclesPerInsn;
    c.overhead = m.layerOverheadCycles;
  } else if (engine === 'int8-optimized') {
    const m = device.core.int8;
    if (isMacOp(l.op) && l.macs > 0) {
      const key = l.op === 'conv' && l.inputChannels > 0 && l.inputChannels < 4 ? 'convFirst' : l.op;
      c.mac = l.macs * m.insnsPerMac[key] * m.cyclesPerInsn;
    }
    c.elementwise = l.elementOps * m.insnsPerElementOp * m.cyclesPerInsn;
    c.overhead = m.layerOverheadCycles;
  } else {
    const m = device.core.floatPq;
    if (isMacOp(l.op) && l.macs > 0) {
      const taps = l.op === 'depthwise' ? l.macs : l.macs / Math.max(1, l.inputChannels);
      c.mac = l.macs * m.cyclesPerMac[l.op] + taps * m.cyclesPerTap;
      c.elementwise = l.outputElements * m.cyclesPerOutput;
    }
    c.elementwise += l.elementOps * m.cyclesPerElementOp;
    const perWeight = l.weightFormat === 'pq' ? m.cyclesPerDecodedWeight.pq : m.cyclesPerDecodedWeight.int8;
    c.decode = l.codebookLookups * m.cyclesPerLookup + l.indicesUnpacked * m.cyclesPerIndexUnpack + l.decodedWeights * perWeight;
    c.overhead = m.layerOverheadCycles;
  }
  c.total = c.mac + c.decode + c.memory + c.elementwise + c.overhead;
  return c;
}
