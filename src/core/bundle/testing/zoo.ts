import type { ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { sizeOf } from '../../models/shapes';
import { encodeInt8, encodePQ, prepareKernel } from '../../compress/encode/encode';
import { presetPlan } from '../../compress/plan/presets';
import { roundF16Array } from '../../util/f16';
import type { CodebookGroup, CompressedModel, CompressionResult, LayerEncoding, LayerFormat, Normalization } from '../../compress/types';
import type { BundleSamples } from '../write';
import { IRBuilder } from './ir-builder';
import { createRng } from '../../util/random';

/**
 * Tiny models covering every layer kind the bundle and runtime support (tests only):
 * - `img`: conv2d same/valid/strided/dilated, depthwise (multiplier 2), separable, unfolded batch norm,
 *   activations, residual add with an activation, max/avg pooling 2D (same and valid), global avg pool, dense softmax;
 * - `seq`: conv1d strided/same/dilated, max/avg pooling 1D, global max pool 1D, dense on a rank-2 input, sigmoid;
 * - `vec`: dense stack, reshape, conv2d on the reshaped tensor, global max pool 2D, flatten, 3-way add, tanh.
 */
export function zooModels(seed = 1): ModelIR[] {
  const a = new IRBuilder('img', [10, 9, 3], seed);
  let h = a.conv2d('c1', 'input', 8, { k: [3, 3], padding: 'same', activation: 'relu' });
  h = a.conv2d('c2', h, 12, { k: [3, 3], strides: [2, 2], padding: 'valid', activation: 'relu6' });
  const d1 = a.depthwise('dw', h, 2, { k: [3, 3], padding: 'same' });
  h = a.batchNorm('bn', d1);
  h = a.activation('act', h, 'tanh');
  const s = a.separable('sep', h, 16, { k: [3, 3], padding: 'same', activation: 'relu' });
  const r = a.conv2d('res', h, 16, { k: [1, 1], bias: false });
  h = a.add('add', [s, r], 'relu');
  h = a.pool2d('maxPool2d', 'mp', h, [2, 2], [1, 1], 'same');
  h = a.conv2d('dil', h, 8, { k: [3, 2], dilation: [2, 1], padding: 'same', activation: 'sigmoid' });
  h = a.pool2d('avgPool2d', 'ap', h, [3, 3], [2, 2], 'same');
  h = a.global('globalAvgPool2d', 'gap', h);
  h = a.dense('out', h, 5, 'softmax');
  const img = a.build(h);

  const b = new IRBuilder('seq', [32, 3], seed + 1);
  h = b.conv1d('k1', 'input', 8, 5, { stride: 2, padding: 'same', activation: 'relu' });
  h = b.pool1d('maxPool1d', 'p1', h, 2, 2, 'valid');
  h = b.conv1d('k2', h, 10, 3, { dilation: 2, padding: 'valid', activation: 'tanh' });
  h = b.pool1d('avgPool1d', 'p2', h, 3, 2, 'same');
  const t = b.dense('tdense', h, 6, 'relu');
  h = b.global('globalMaxPool1d', 'gmp', t);
  h = b.dense('out', h, 4, 'sigmoid');
  const seq = b.build(h);

  const c = new IRBuilder('vec', [12], seed + 2);
  h = c.dense('d1', 'input', 32, 'relu');
  h = c.reshape('rs', h, [4, 4, 2]);
  h = c.conv2d('c', h, 6, { k: [2, 2], padding: 'same', activation: 'relu' });
  const g = c.global('globalMaxPool2d', 'gmx', h);
  const f = c.flatten('fl', h);
  const e = c.dense('d2', f, 6, 'linear');
  const e2 = c.dense('d3', f, 6, 'linear', false);
  h = c.add('sum3', [g, e, e2], 'tanh');
  h = c.dense('out', h, 3, 'linear');
  const vec = c.build(h);
  return [img, seq, vec];
}

/**
 * A codebook of `k` codewords sampled from `pool` (count x d) subvectors (good enough for tests), rounded
 * to float16 as the pipeline's codebooks are (the bundle stores them as float16).
 */
function sampleCodebook(name: string, pool: Float32Array, d: number, k: number, seed: number): CodebookGroup {
  const n = pool.length / d;
  const rnd = createRng(seed);
  const cb = new Float32Array(k * d);
  for (let j = 0; j < k; j++) {
    const at = Math.floor(rnd() * n) * d;
    cb.set(pool.subarray(at, at + d), j * d);
  }
  return { name, d, k, codebook: roundF16Array(cb, `codebook ${name}`), layers: [] };
}

/** Formats (and PQ normalizations) given to the weight layers in turn. */
export const DEFAULT_CYCLE: [LayerFormat, Normalization][] = [['pq', 'channel'], ['pq', 'none'], ['int8', 'none'], ['pq', 'layer'], ['float32', 'none']];

const spatial = (l: WeightLayer) => (l.kind === 'conv2d' || l.kind === 'depthwiseConv2d') && l.kernel.shape[0] * l.kernel.shape[1] > 1;

/**
 * A CompressionResult over `models` without running the pipeline: codebooks `spatial` (d 9, k 24: 5-bit
 * indices, not a power of two) and `pointwise` (d 4, k 16), layers cycled through pq (normalization none,
 * layer, channel), int8 and float32 so every encoding path is exercised.
 */
export function zooResult(models: ModelIR[] = zooModels(), seed = 7, cycle: [LayerFormat, Normalization][] = DEFAULT_CYCLE): CompressionResult {
  const groups = [{ name: 'spatial', d: 9, k: 24 }, { name: 'pointwise', d: 4, k: 16 }];
  const pools = groups.map((g) => {
    const parts: Float32Array[] = [];
    for (const m of models) for (const l of m.layers) {
      if (isWeightLayer(l) && spatial(l) === (g.name === 'spatial')) parts.push(prepareKernel(l.kind, l.kernel.shape, l.kernel.data, g.d, 'channel').sub);
    }
    const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) { all.set(p, o); o += p.length; }
    return all;
  });
  const codebooks = groups.map((g, i) => sampleCodebook(g.name, pools[i], g.d, g.k, seed + i));
  let turn = 0;
  const out: CompressedModel[] = models.map((m) => {
    const encodings: Record<string, LayerEncoding> = {};
    const layers = m.layers.map((l) => {
      if (!isWeightLayer(l)) return l;
      const [format, norm] = cycle[turn++ % cycle.length];
      const cb = codebooks[spatial(l) ? 0 : 1];
      const enc = format === 'pq' ? encodePQ(l.kind, l.kernel.shape, l.kernel.data, cb, norm).enc
        : format === 'int8' ? encodeInt8(l.kind, l.kernel.shape, l.kernel.data).enc : { format: 'float32' as const };
      encodings[l.name] = enc;
      if (enc.format === 'pq') cb.layers.push(`${m.name}/${l.name}`);
      return format === 'float32' ? l : { ...l, kernel: { shape: l.kernel.shape.slice(), data: new Float32Array(0) } };
    });
    return {
      name: m.name, ir: { ...m, layers }, encodings, accuracyFloat: 0.9, accuracyCompressed: 0.875, valAccuracyFloat: 0.9,
      valAccuracyCompressed: 0.875, float32Bytes: 0, compressedBytes: 0, layers: [], recovery: [],
    };
  });
  return {
    plan: presetPlan('yono'), codebooks, models: out,
    totals: { float32Bytes: 0, compressedBytes: 0, ratio: 1, codebookBytes: 0, headerBytes: 0 },
    timingsMs: { calibrate: 0, codebooks: 0, table: 0, select: 0, total: 0 },
  };
}

/** `n` seeded random samples (uniform in [-1, 1]) with random labels for a model. */
export function zooSamples(ir: ModelIR, n: number, seed = 3): BundleSamples {
  const rnd = createRng(seed);
  const x = new Float32Array(n * sizeOf(ir.inputShape));
  for (let i = 0; i < x.length; i++) x[i] = rnd() * 2 - 1;
  const out = ir.layers.find((l) => l.name === ir.output)?.outputShape ?? [1];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.floor(rnd() * out[out.length - 1]);
  return { x, y, n };
}
