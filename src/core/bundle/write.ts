import type { Layer, ModelIR, Tensor, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { sizeOf } from '../models/shapes';
import type { CompressionResult, LayerEncoding } from '../compress/types';
import { storedBias, storedScales, storesF16 } from '../compress/stored';
import { toF16Array } from '../util/f16';
import { bytesOf, encodeBundle } from './encode';
import { FORMAT_NAME, FORMAT_VERSION } from './format';
import type { BundleManifest, Dtype, KernelEntry, LayerEntry, ModelEntry } from './format';
import { canonLayer } from './manifest-json';
import { readBundle } from './read';

/** Test samples stored with a model: `n` rows of its input shape in `x`, labels in `y`. */
export interface BundleSamples {
  x: Float32Array;
  y: ArrayLike<number>;
  n: number;
}

/** Options of `writeBundle`. */
export interface WriteBundleOptions {
  /** Test samples per model name (optional; stored for the runtime's and the C export's self-checks). */
  samples?: Record<string, BundleSamples>;
  /** Store at most this many samples per model (the first ones). Default: all given. */
  maxSamples?: number;
}

type Payload = Float32Array | Uint16Array | Int32Array | Int8Array | Uint8Array;

/** Collects sections in order: manifest entries and their payloads. */
class SectionList {
  readonly entries: BundleManifest['sections'] = [];
  readonly payloads: Uint8Array[] = [];

  add(name: string, dtype: Dtype, data: Payload): number {
    this.entries.push({ name, dtype, count: data.length, offset: 0, length: 0, crc32: 0 });
    this.payloads.push(bytesOf(data));
    return this.entries.length - 1;
  }
}

function checkFinite(where: string, a: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new Error(`writeBundle: ${where} holds a non-finite value at ${i}; fix the model before bundling`);
  }
  return a;
}

/** A PQ/int8 scales section: float16 (the values the pipeline stored; others are rounded here). */
function scalesSection(s: SectionList, name: string, scales: Float32Array): number {
  return s.add(name, 'f16', toF16Array(storedScales(checkFinite(name, scales), name), name));
}

function kernelEntry(s: SectionList, prefix: string, l: WeightLayer, enc: LayerEncoding): KernelEntry {
  const shape = l.kernel.shape.slice();
  switch (enc.format) {
    case 'pq':
      return {
        format: 'pq', shape, codebook: enc.group, d: enc.layout.d, bits: enc.bits,
        indices: s.add(`${prefix}/indices`, 'u8', enc.indices),
        scales: enc.scales ? scalesSection(s, `${prefix}/scales`, enc.scales) : null,
      };
    case 'int8':
      return { format: 'int8', shape, q: s.add(`${prefix}/q`, 'i8', enc.q), scales: scalesSection(s, `${prefix}/scales`, enc.scales) };
    case 'float32':
      if (l.kernel.data.length !== sizeOf(shape)) throw new Error(`writeBundle: float32 layer ${prefix} has ${l.kernel.data.length} kernel values, its shape needs ${sizeOf(shape)}`);
      return { format: 'float32', shape, data: s.add(`${prefix}/kernel`, 'f32', checkFinite(`${prefix} kernel`, l.kernel.data)) };
  }
}

function tensorSection(s: SectionList, name: string, t: Tensor): number {
  return s.add(name, 'f32', checkFinite(name, t.data));
}

function layerEntry(s: SectionList, model: string, l: Layer, encodings: Record<string, LayerEncoding>): LayerEntry {
  const prefix = `${model}/${l.name}`;
  if (isWeightLayer(l)) {
    const enc = encodings[l.name] ?? { format: 'float32' as const };
    const kernel = kernelEntry(s, prefix, l, enc);
    const bias = !l.bias ? null : storesF16(enc.format)
      ? s.add(`${prefix}/bias`, 'f16', toF16Array(storedBias(checkFinite(`${prefix}/bias`, l.bias.data), enc.format, `${prefix}/bias`), `${prefix}/bias`))
      : tensorSection(s, `${prefix}/bias`, l.bias);
    const { kernel: _k, bias: _b, ...rest } = l;
    return canonLayer({ ...rest, kernel, bias } as LayerEntry);
  }
  if (l.kind === 'batchNorm') {
    const { scale, shift, ...rest } = l;
    return canonLayer({ ...rest, scale: tensorSection(s, `${prefix}/scale`, scale), shift: tensorSection(s, `${prefix}/shift`, shift) });
  }
  if (l.kind === 'prelu') {
    const { alpha, ...rest } = l;
    return canonLayer({ ...rest, alphaShape: alpha.shape.slice(), alpha: tensorSection(s, `${prefix}/alpha`, alpha) });
  }
  return canonLayer(l as LayerEntry);
}

function samplesEntry(s: SectionList, name: string, ir: ModelIR, smp: BundleSamples | undefined, max: number): ModelEntry['samples'] {
  if (!smp) return null;
  const row = sizeOf(ir.inputShape);
  const n = Math.min(smp.n, max);
  if (smp.x.length < n * row || smp.y.length < n) throw new Error(`writeBundle: samples of '${name}' hold fewer than ${n} rows of [${ir.inputShape}]`);
  if (n === 0) return null;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = smp.y[i];
  return { count: n, x: s.add(`${name}/samples/x`, 'f32', checkFinite(`${name} samples`, smp.x.slice(0, n * row))), y: s.add(`${name}/samples/y`, 'i32', y) };
}

/**
 * Serializes a CompressionResult as a `.yono` bundle (README.md): the codebooks that some layer uses, then
 * per model its layers' packed indices, scales, int8 or float32 kernels, biases and batch-norm parameters,
 * then its optional test samples. Codebooks, scales and the biases of PQ/int8 layers are written as
 * float16, rounded to nearest even (values outside ±65504 throw a RangeError naming the section). Reading
 * the result back with `readBundle` and running it gives the predictions of `decodeModel(result, name)`
 * when the result's codebooks are float16 values already, as the pipeline makes them.
 */
export function writeBundle(result: CompressionResult, options: WriteBundleOptions = {}): Uint8Array {
  const s = new SectionList();
  const used = new Set(result.models.flatMap((m) => Object.values(m.encodings).flatMap((e) => (e.format === 'pq' ? [e.group] : []))));
  const codebooks = result.codebooks.filter((c) => used.has(c.name)).map((c) => {
    if (c.codebook.length !== c.k * c.d) throw new Error(`writeBundle: codebook '${c.name}' holds ${c.codebook.length} values, k x d = ${c.k * c.d}`);
    // float16, rounded to nearest even (the pipeline's codebooks are float16 values already, so this is exact)
    const what = `codebook ${c.name}`;
    return { name: c.name, d: c.d, k: c.k, section: s.add(`codebook/${c.name}`, 'f16', toF16Array(checkFinite(what, c.codebook), what)) };
  });
  const max = options.maxSamples ?? Number.POSITIVE_INFINITY;
  const models: ModelEntry[] = result.models.map((m) => {
    const layers = m.ir.layers.map((l) => layerEntry(s, m.name, l, m.encodings));
    return {
      name: m.name, inputShape: m.ir.inputShape.slice(), output: m.ir.output,
      accuracyFloat: Number.isFinite(m.accuracyFloat) ? m.accuracyFloat : null,
      accuracyCompressed: Number.isFinite(m.accuracyCompressed) ? m.accuracyCompressed : null,
      layers,
      samples: samplesEntry(s, m.name, m.ir, options.samples?.[m.name], max),
    };
  });
  const manifest: BundleManifest = {
    format: FORMAT_NAME, version: FORMAT_VERSION, preset: result.plan.preset, sections: s.entries, codebooks, models,
  };
  const bytes = encodeBundle(manifest, s.payloads);
  try {
    readBundle(bytes); // never hand out a bundle the reader would reject
  } catch (e) {
    throw new Error(`writeBundle: the result does not make a valid bundle: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return bytes;
}
