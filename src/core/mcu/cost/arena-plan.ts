import type { ModelIR } from '../../models/ir';

/** Live intermediate-activation bytes per layer and their maximum. */
export interface ArenaPlan {
  /** Indexed like `ir.layers`: bytes live while that layer runs (0 for the input layer). */
  perLayer: number[];
  /** The maximum of `perLayer`: the arena a buffer-reusing planner needs, before fragmentation. */
  peak: number;
}

/**
 * Liveness of the intermediate activations of a model run in layer order. A tensor is live from the layer that
 * writes it to the last layer that reads it; flatten and reshape alias their input. The graph input and the
 * model output have buffers of their own (the input/output buffers of the memory map) and are not counted.
 * The peak is a lower bound on an offline-planned arena (no fragmentation); the runtime reports its real arena.
 */
export function planArena(ir: ModelIR, bytesPerElement: number): ArenaPlan {
  const n = ir.layers.length;
  const index = new Map<string, number>();
  const buffer = new Int32Array(n); // buffer id = index of the layer that owns the storage
  for (let i = 0; i < n; i++) {
    const l = ir.layers[i];
    index.set(l.name, i);
    const alias = (l.kind === 'flatten' || l.kind === 'reshape') && l.inputs.length === 1 ? index.get(l.inputs[0]) : undefined;
    buffer[i] = alias !== undefined ? buffer[alias] : i;
  }
  const lastUse = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    lastUse[buffer[i]] = Math.max(lastUse[buffer[i]], i);
    for (const src of ir.layers[i].inputs) {
      const j = index.get(src);
      if (j === undefined) throw new Error(`model '${ir.name}': layer '${ir.layers[i].name}' reads unknown layer '${src}'`);
      lastUse[buffer[j]] = Math.max(lastUse[buffer[j]], i);
    }
  }
  const outIdx = index.get(ir.output);
  const excluded = new Set<number>([buffer[0]]);
  if (outIdx !== undefined) excluded.add(buffer[outIdx]);
  const size = (i: number): number => ir.layers[i].outputShape.reduce((a, b) => a * b, 1) * bytesPerElement;
  const perLayer = new Array<number>(n).fill(0);
  let peak = 0;
  for (let i = 1; i < n; i++) {
    let live = 0;
    for (let b = 0; b <= i; b++) {
      if (buffer[b] !== b || excluded.has(b)) continue;
      if (lastUse[b] >= i) live += size(b);
    }
    perLayer[i] = live;
    if (live > peak) peak = live;
  }
  return { perLayer, peak };
}
