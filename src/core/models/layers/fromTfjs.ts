import type { Layer } from '../ir';

type Cfg = Record<string, unknown>;
type Base = { name: string; inputs: string[]; outputShape: number[] };

/** Keras/tfjs classes this file converts (the Keras-application coverage beyond the original adapters). */
export const EXTRA_LAYER_CLASSES = [
  'ZeroPadding2D', 'Cropping2D', 'Concatenate', 'Multiply', 'Average', 'Maximum', 'Minimum', 'UpSampling2D', 'Permute',
  'Rescaling', 'LeakyReLU', 'ELU', 'PReLU', 'ThresholdedReLU',
] as const;

/** [[a, b], [c, d]] or [[a, b], c] or n as tfjs stores ZeroPadding2D / Cropping2D amounts -> [a, b, c, d]. */
function fourSides(v: unknown): [number, number, number, number] {
  if (typeof v === 'number') return [v, v, v, v];
  const [h, w] = v as (number | number[])[];
  const p = (x: number | number[]): [number, number] => (typeof x === 'number' ? [x, x] : [x[0], x[1]]);
  return [...p(h), ...p(w)];
}

/**
 * Converts one tfjs layer of the classes in EXTRA_LAYER_CLASSES into an IR layer, or returns null for any
 * other class. `why` throws the adapter's "not supported" error for a configuration the IR cannot hold.
 * `inputShapes` are the input shapes without batch; `alpha` reads a PReLU's alpha weight.
 */
export function extraLayerToIR(cls: string, c: Cfg, base: Base, inputShapes: number[][], alpha: () => { shape: number[]; data: Float32Array },
  why: (msg: string) => never): Layer | null {
  const rank = inputShapes[0]?.length ?? 0;
  const channelsLast = () => { if (c.dataFormat !== undefined && c.dataFormat !== 'channelsLast') why(`dataFormat '${String(c.dataFormat)}' (only channelsLast)`); };
  switch (cls) {
    case 'ZeroPadding2D': channelsLast(); return { ...base, kind: 'zeroPad2d', pad: fourSides(c.padding ?? 1) };
    case 'Cropping2D': channelsLast(); return { ...base, kind: 'crop2d', crop: fourSides(c.cropping ?? 0) };
    case 'Concatenate': {
      const a = (c.axis as number | undefined) ?? -1;
      if (a === 0 || a < -rank) why(`concatenation along axis ${a} (the batch axis or beyond the input's rank)`);
      return { ...base, kind: 'concat', axis: a < 0 ? rank + a : a - 1 };
    }
    case 'Multiply': case 'Average': case 'Maximum': case 'Minimum':
      if (inputShapes.some((s) => s.length !== rank)) why(`inputs of different ranks (${inputShapes.map((s) => `[${s}]`).join(', ')}): reshape them to one rank first`);
      return { ...base, kind: cls.toLowerCase() as 'multiply' };
    case 'UpSampling2D': {
      channelsLast();
      const s = (c.size as number[] | number | undefined) ?? [2, 2];
      const interpolation = (c.interpolation as string | undefined) ?? 'nearest';
      if (interpolation !== 'nearest' && interpolation !== 'bilinear') why(`interpolation '${interpolation}'`);
      return { ...base, kind: 'upSample2d', size: typeof s === 'number' ? [s, s] : [s[0], s[1]], interpolation };
    }
    case 'Permute': return { ...base, kind: 'permute', perm: (c.dims as number[]).map((d) => d - 1) };
    case 'Rescaling': {
      const scale = c.scale as number;
      const offset = (c.offset as number | undefined) ?? 0;
      if (typeof scale !== 'number' || typeof offset !== 'number') why('a per-channel scale or offset (only scalars)');
      return { ...base, kind: 'rescale', scale, offset };
    }
    case 'LeakyReLU': return { ...base, kind: 'leakyRelu', alpha: (c.alpha as number | undefined) ?? 0.3 };
    case 'ThresholdedReLU': return { ...base, kind: 'thresholdedRelu', theta: (c.theta as number | undefined) ?? 1 };
    case 'ELU': {
      const a = (c.alpha as number | undefined) ?? 1;
      if (a !== 1) why(`ELU alpha ${a} (tfjs-layers 4.22 only runs alpha 1)`);
      return { ...base, kind: 'activation', activation: 'elu' };
    }
    case 'PReLU': return { ...base, kind: 'prelu', alpha: alpha() };
    default: return null;
  }
}
