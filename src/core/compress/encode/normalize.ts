import type { Normalization } from '../types';
import type { SubvectorLayout } from '../../pq/layout';

/** `auto` normalization goes per channel above this 90th / 10th percentile ratio of unit RMS. */
export const AUTO_SPREAD = 2;

/** 90th / 10th percentile of the units' RMS (1 for a single unit; a zero 10th percentile counts as huge). */
export function unitSpread(sub: Float32Array, layout: SubvectorLayout): number {
  const { units, chunksPerUnit, d } = layout;
  if (units < 2) return 1;
  const perUnit = chunksPerUnit * d;
  const r = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    let s = 0;
    for (let i = 0; i < perUnit; i++) s += sub[u * perUnit + i] ** 2;
    r[u] = Math.sqrt(s);
  }
  r.sort();
  const lo = r[Math.floor(units * 0.1)];
  const hi = r[Math.min(units - 1, Math.floor(units * 0.9))];
  return lo > 0 ? hi / lo : Infinity;
}

/**
 * Scales of a layer's subvectors before clustering: null for `none`, one RMS for `layer`, one RMS per
 * output unit for `channel` (over the unit's real weights; zero padding adds nothing); `auto` picks
 * `channel` when the units' spread exceeds AUTO_SPREAD, else `layer`. A zero RMS
 * becomes 1 so the division is safe.
 * `sub` is (count x d) in the PQ engine's order: subvector u * chunksPerUnit + c belongs to unit u.
 */
export function normScales(sub: Float32Array, layout: SubvectorLayout, modeIn: Normalization): Float32Array | null {
  if (modeIn === 'none') return null;
  const { units, chunksPerUnit, d, fieldSize } = layout;
  const perUnit = chunksPerUnit * d;
  if (sub.length !== units * perUnit) {
    throw new Error(`normalize: got ${sub.length} values, the layout needs ${units * perUnit}`);
  }
  const mode = modeIn === 'auto' ? (unitSpread(sub, layout) > AUTO_SPREAD ? 'channel' : 'layer') : modeIn;
  const n = mode === 'layer' ? 1 : units;
  const scales = new Float32Array(n);
  const sums = new Float64Array(n);
  for (let u = 0; u < units; u++) {
    let s = 0;
    const base = u * perUnit;
    for (let i = 0; i < perUnit; i++) s += sub[base + i] * sub[base + i];
    sums[mode === 'layer' ? 0 : u] += s;
  }
  const per = mode === 'layer' ? units * fieldSize : fieldSize;
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(sums[i] / per);
    scales[i] = r > 0 && Number.isFinite(r) ? r : 1;
  }
  return scales;
}

/** The RMS of each unit's real weights (zero padding adds nothing); 0 for an all-zero unit. */
export function unitRms(sub: Float32Array, layout: SubvectorLayout): Float64Array {
  const { units, chunksPerUnit, d, fieldSize } = layout;
  const perUnit = chunksPerUnit * d;
  const out = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    let s = 0;
    for (let i = 0; i < perUnit; i++) s += sub[u * perUnit + i] ** 2;
    out[u] = Math.sqrt(s / fieldSize);
  }
  return out;
}

/**
 * Divides (inverse = false) or multiplies (inverse = true) each unit's subvectors by its scale, in
 * place. `scales` of length 1 applies to the whole layer; null leaves `sub` unchanged.
 */
export function applyScales(sub: Float32Array, layout: SubvectorLayout, scales: Float32Array | null, inverse: boolean): Float32Array {
  if (scales === null) return sub;
  const { units, chunksPerUnit, d } = layout;
  if (scales.length !== 1 && scales.length !== units) {
    throw new Error(`normalize: ${scales.length} scales for ${units} units; give 1 or one per unit`);
  }
  const perUnit = chunksPerUnit * d;
  for (let u = 0; u < units; u++) {
    const s = scales.length === 1 ? scales[0] : scales[u];
    const f = inverse ? s : 1 / s;
    const base = u * perUnit;
    for (let i = 0; i < perUnit; i++) sub[base + i] *= f;
  }
  return sub;
}
