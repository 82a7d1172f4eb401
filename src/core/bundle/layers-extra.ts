/**
 * Manifest parsing and canonical form of the layers added for Keras-application and TFLite coverage
 * (zero padding, cropping, concatenation, element-wise merges, up-sampling, permute, rescaling, the
 * parametrised ReLUs, PReLU, fake quantisation). The virtual MCU and the C runtime execute them in
 * float32 (`program/compile-extra.ts`); the bundle stores them as the IR does.
 */
import { arr, bad, int, num, oneOf, pair, sectionRef, shape } from './check-json';
import { LIMITS } from './format';
import type { LayerEntry } from './format';

type Obj = Record<string, unknown>;
type Base = { name: string; inputs: string[]; outputShape: number[] };
const EXTRA_KINDS = ['zeroPad2d', 'crop2d', 'concat', 'multiply', 'average', 'maximum', 'minimum', 'upSample2d', 'permute',
  'rescale', 'leakyRelu', 'thresholdedRelu', 'clippedRelu', 'prelu', 'fakeQuant'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];
/** Kinds this file parses. */
export const EXTRA_LAYER_KINDS: readonly ExtraKind[] = EXTRA_KINDS;

const BIG = 3.4e38;

function four(v: unknown, path: string): [number, number, number, number] {
  const a = arr(v, path, 4);
  if (a.length !== 4) bad(path, 'must have 4 entries [top, bottom, left, right]');
  const x = a.map((d, i) => int(d, `${path}[${i}]`, 0, LIMITS.dim));
  return [x[0], x[1], x[2], x[3]];
}

/** Parses an entry of one of EXTRA_LAYER_KINDS (types and ranges; shapes are checked later). */
export function parseExtraLayer(kind: ExtraKind, o: Obj, b: Base, path: string, nSec: number): LayerEntry {
  switch (kind) {
    case 'zeroPad2d': return { ...b, kind, pad: four(o.pad, `${path}.pad`) };
    case 'crop2d': return { ...b, kind, crop: four(o.crop, `${path}.crop`) };
    case 'concat': return { ...b, kind, axis: int(o.axis, `${path}.axis`, 0, 2) };
    case 'multiply': case 'average': case 'maximum': case 'minimum': return { ...b, kind };
    case 'upSample2d': return { ...b, kind, size: pair(o.size, `${path}.size`, 1, LIMITS.dim), interpolation: oneOf(o.interpolation, `${path}.interpolation`, ['nearest', 'bilinear'] as const) };
    case 'permute': return { ...b, kind, perm: arr(o.perm, `${path}.perm`, 3).map((x, i) => int(x, `${path}.perm[${i}]`, 0, 2)) };
    case 'rescale': return { ...b, kind, scale: num(o.scale, `${path}.scale`, -BIG, BIG), offset: num(o.offset, `${path}.offset`, -BIG, BIG) };
    case 'leakyRelu': return { ...b, kind, alpha: num(o.alpha, `${path}.alpha`, -BIG, BIG) };
    case 'thresholdedRelu': return { ...b, kind, theta: num(o.theta, `${path}.theta`, -BIG, BIG) };
    case 'clippedRelu': return { ...b, kind, maxValue: num(o.maxValue, `${path}.maxValue`, 0, BIG) };
    case 'prelu': return { ...b, kind, alphaShape: shape(o.alphaShape, `${path}.alphaShape`, 1, 3), alpha: sectionRef(o.alpha, `${path}.alpha`, nSec) };
    case 'fakeQuant': {
      const qmin = int(o.qmin, `${path}.qmin`, -32768, 65535);
      const qmax = int(o.qmax, `${path}.qmax`, qmin, 65535);
      return { ...b, kind, scale: num(o.scale, `${path}.scale`, 1e-30, BIG), zeroPoint: int(o.zeroPoint, `${path}.zeroPoint`, qmin, qmax), qmin, qmax };
    }
  }
}

/** The entry of one of EXTRA_LAYER_KINDS with its keys in the canonical order; null for other kinds. */
export function canonExtraLayer(l: LayerEntry): LayerEntry | null {
  const b = { name: l.name, inputs: l.inputs.slice(), outputShape: l.outputShape.slice() };
  switch (l.kind) {
    case 'zeroPad2d': return { ...b, kind: l.kind, pad: [l.pad[0], l.pad[1], l.pad[2], l.pad[3]] };
    case 'crop2d': return { ...b, kind: l.kind, crop: [l.crop[0], l.crop[1], l.crop[2], l.crop[3]] };
    case 'concat': return { ...b, kind: l.kind, axis: l.axis };
    case 'multiply': case 'average': case 'maximum': case 'minimum': return { ...b, kind: l.kind };
    case 'upSample2d': return { ...b, kind: l.kind, size: [l.size[0], l.size[1]], interpolation: l.interpolation };
    case 'permute': return { ...b, kind: l.kind, perm: l.perm.slice() };
    case 'rescale': return { ...b, kind: l.kind, scale: l.scale, offset: l.offset };
    case 'leakyRelu': return { ...b, kind: l.kind, alpha: l.alpha };
    case 'thresholdedRelu': return { ...b, kind: l.kind, theta: l.theta };
    case 'clippedRelu': return { ...b, kind: l.kind, maxValue: l.maxValue };
    case 'prelu': return { ...b, kind: l.kind, alphaShape: l.alphaShape.slice(), alpha: l.alpha };
    case 'fakeQuant': return { ...b, kind: l.kind, scale: l.scale, zeroPoint: l.zeroPoint, qmin: l.qmin, qmax: l.qmax };
    default: return null;
  }
}
