import type { Layer, ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { sizeOf } from '../models/shapes';
import type { CompressionResult, LayerEncoding } from '../compress/types';
import { storedBias, storesF16 } from '../compress/stored';
import { toF16Array } from '../util/f16';
import { encodeBundle } from './encode';
import { SectionList, checkFinite, scalesSection, tensorSection } from './write-sections';
import { FORMAT_NAME, FORMAT_VERSION } from './format';
import type { BundleManifest, KernelEntry, LayerEntry, ModelEntry } from './format';
import { canonLayer } from './manifest-json';
import { readBundle } from './read';
import { int8Codebook } from '../quant/codebook';
import { int8Graph } from '../quant/graph';
import { lowerResult } from '../compress/decode';
import { int8LayerEntries } from './write-int8';
import { int8Unsupported } from './check-int8';

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
  /**
   * `float32`: write the float model even for a result made with int8 activations (its codebooks as
   * float16, its biases float16, the float runtime), for the exports that take float models (tfjs).
   */
  arithmetic?: 'float32';
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

export function samplesEntry(s: SectionList, name: string, ir: ModelIR, smp: BundleSamples | undefined, max: number): ModelEntry['samples'] {
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
 * Serializes a CompressionResult as a `.yono` bundle (README.md), format version 2. A result made with int8
 * activations (every model calibrated) is written as int8 models (write-int8.ts): int8 codebooks with their
 * scale, each model's int8 graph with the integers of `lowerResult` — unless a model has a layer the int8
 * runtimes do not hold (`int8Unsupported`, e.g. the Keras-application layers): then, and otherwise, the float
 * model: the codebooks that some layer uses, then
 * per model its layers' packed indices, scales, int8 or float32 kernels, biases and batch-norm parameters,
 * then its optional test samples. Codebooks, scales and the biases of PQ/int8 layers are written as
 * float16, rounded to nearest even (values outside ±65504 throw a RangeError naming the section). Reading
 * the result back with `readBundle` and running it gives the predictions of `decodeModel(result, name)`
 * when the result's codebooks are float16 values already, as the pipeline makes them.
 */
export function writeBundle(result: CompressionResult, options: WriteBundleOptions = {}): Uint8Array {
  const s = new SectionList();
  const int8 = options.arithmetic !== 'float32' && int8Arithmetic(result) && int8Unsupported(result.models.flatMap((m) => int8Graph(m.ir).layers)).length === 0;
  const used = new Set(result.models.flatMap((m) => Object.values(m.encodings).flatMap((e) => (e.format === 'pq' ? [e.group] : []))));
  const codebooks = result.codebooks.filter((c) => used.has(c.name)).map((c) => {
    if (c.codebook.length !== c.k * c.d) throw new Error(`writeBundle: codebook '${c.name}' holds ${c.codebook.length} values, k x d = ${c.k * c.d}`);
    const what = `codebook ${c.name}`;
    if (int8) {
      // int8 values and one scale (the pipeline's int8 codebooks are exactly q · scale; int8Codebook checks it)
      const q = int8Codebook(checkFinite(what, c.codebook), c.scale);
      return { name: c.name, d: c.d, k: c.k, section: s.add(`codebook/${c.name}`, 'i8', q.q), scale: q.scale };
    }
    // float16, rounded to nearest even (the pipeline's codebooks are float16 values already, so this is exact)
    return { name: c.name, d: c.d, k: c.k, section: s.add(`codebook/${c.name}`, 'f16', toF16Array(checkFinite(what, c.codebook), what)) };
  });
  const max = options.maxSamples ?? Number.POSITIVE_INFINITY;
  const models: ModelEntry[] = result.models.map((m) => {
    const layers = int8 ? int8LayerEntries(s, lowerResult(result, m.name), m) : m.ir.layers.map((l) => layerEntry(s, m.name, l, m.encodings));
    return {
      name: m.name, inputShape: m.ir.inputShape.slice(), output: int8 ? int8Graph(m.ir).output : m.ir.output,
      accuracyFloat: Number.isFinite(m.accuracyFloat) ? m.accuracyFloat : null,
      accuracyCompressed: Number.isFinite(m.accuracyCompressed) ? m.accuracyCompressed : null,
      layers,
      samples: samplesEntry(s, m.name, m.ir, options.samples?.[m.name], max),
      arithmetic: int8 ? 'int8' : 'float32',
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

/** True when the result's models were compressed with int8 activations (every one calibrated); throws for a mix. */
function int8Arithmetic(result: CompressionResult): boolean {
  const n = result.models.filter((m) => m.calibration).length;
  if (n > 0 && n < result.models.length) {
    throw new Error(`writeBundle: ${n} of ${result.models.length} models have int8 activations; a bundle holds one arithmetic (compress them with the same activations setting)`);
  }
  return n > 0;
}
