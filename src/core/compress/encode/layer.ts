/**
 * One weight layer's kernel in one format: int8 (per output channel), float32 (as is), or PQ in a codebook —
 * assigned to the nearest codeword (plain) or by GPTQ with the layer's input statistics (data-aware) — with
 * its unit scales stored as the plan says (float16 or log8).
 */
import type { WeightLayer } from '../../models/ir';
import { bitsFor, packIndices } from '../../pq/pack';
import { assign } from '../../pq/assign';
import type { InputStats } from '../calibrate/stats';
import type { CodebookGroup, LayerEncoding, Normalization, ScaleCoding } from '../types';
import type { Encoded } from './encode';
import { decodeFromAssignments, encodeInt8, prepareKernel } from './encode';
import { gptqAssign } from './gptq';
import { markDecoded } from './stored';

/** How a layer is assigned to a codebook. */
export interface AssignSpec {
  normalization: Normalization;
  scaleCoding: ScaleCoding;
  /** The layer's input statistics: GPTQ assignment; null: the nearest codeword. */
  stats: InputStats | null;
  /** GPTQ dampening (default 0.01). */
  damp?: number;
  /** GPTQ factorisations of this layer's statistics, reused across formats (gptq.ts). */
  factors?: Map<string, unknown>;
}

/** Encodes `kernel` (IR layout) of layer `l` as PQ in codebook `cb` (see the file comment). */
export function encodeInCodebook(l: WeightLayer, kernel: Float32Array, cb: CodebookGroup, spec: AssignSpec): Encoded {
  const shape = l.kernel.shape;
  const p = prepareKernel(l.kind, shape, kernel, cb.d, spec.normalization, spec.scaleCoding);
  const assignments = spec.stats
    ? gptqAssign(l, kernel, spec.stats, cb.codebook, cb.k, cb.d, p.scales, { damp: spec.damp, factors: spec.factors }).assignments
    : assign(p.sub, p.layout.count, cb.d, cb.codebook, cb.k).assignments;
  const bits = bitsFor(cb.k);
  const enc: LayerEncoding = {
    format: 'pq', group: cb.name, layout: p.layout, bits, indices: packIndices(assignments, bits), scales: p.scales,
    ...(p.log8 ? { scaleCodes: { base: p.log8.base, q: p.log8.q } } : {}),
  };
  return { enc, decoded: markDecoded(decodeFromAssignments(assignments, cb, p.layout, p.scales), { enc, codebook: cb }) };
}

/** Encodes a layer's kernel as int8, float32 (kept as is) or PQ in `cb`. */
export function encodeLayer(l: WeightLayer, kernel: Float32Array, format: 'int8' | 'float32' | CodebookGroup, spec: AssignSpec): Encoded {
  if (format === 'int8') return encodeInt8(l.kind, l.kernel.shape, kernel);
  if (format === 'float32') return { enc: { format: 'float32' }, decoded: kernel.slice() };
  return encodeInCodebook(l, kernel, format, spec);
}
