/**
 * An int8 model of a validated bundle (format version 2) as the integers the int8 runtimes execute: the
 * stored int8 graph, encodings, int8 codebooks, (scale, zero point) and stored biases and bases handed to the
 * same lowering the writer used (quant/lower.ts), so the reader's ops are the writer's.
 */
import type { Layer, ModelIR, Tensor } from '../models/ir';
import type { LayerEncoding, LoweringCodebook } from '../quant/encoding';
import type { LoweringInput, StoredLayer } from '../quant/lower';
import { lowerModel } from '../quant/lower';
import type { LoweredModel } from '../quant/lowered';
import { subvectorLayout } from '../pq/layout';
import type { AffineParams } from '../quant/affine';
import type { Bundle } from './bundle';
import { floatSection, sectionView } from './bundle';
import { int8Params } from './check-int8';
import { BundleError } from './errors';
import type { ModelEntry } from './format';

const EMPTY = new Float32Array(0);

/** The model entry `name` of an int8 model, or a BundleError naming what the bundle holds. */
export function int8ModelEntry(b: Bundle, name: string): ModelEntry {
  const m = b.manifest.models.find((x) => x.name === name);
  if (!m) throw new BundleError('argument', `The bundle has no model '${name}'; it has ${b.manifest.models.map((x) => x.name).join(', ')}.`);
  if (m.arithmetic !== 'int8') throw new BundleError('argument', `Model '${name}' of this bundle is float32; it runs on the float runtime.`);
  return m;
}

/** True when model `name` of the bundle is int8 (format version 2). */
export function isInt8Model(b: Bundle, name: string): boolean {
  return b.manifest.models.find((x) => x.name === name)?.arithmetic === 'int8';
}

/** What the lowering reads, rebuilt from an int8 model of a bundle (its stored bases and biases included). */
export function bundleLoweringInput(b: Bundle, name: string): LoweringInput {
  const m = int8ModelEntry(b, name);
  const encodings: Record<string, LayerEncoding> = {};
  const stored: Record<string, StoredLayer> = {};
  const layers = m.layers.map((l): Layer => {
    if (!('kernel' in l)) return l as Layer;
    const k = l.kernel;
    const tensor = (data: Float32Array): Tensor => ({ shape: k.shape.slice(), data });
    if (k.format === 'float32') {
      encodings[l.name] = { format: 'float32' };
      const bias = l.bias === null ? null : { shape: [b.manifest.sections[l.bias].count], data: floatSection(b, l.bias).slice() };
      return { ...l, kernel: tensor(sectionView(b, k.data, 'f32').slice()), bias } as Layer;
    }
    if (k.format === 'int8') {
      encodings[l.name] = { format: 'int8', q: sectionView(b, k.q, 'i8').slice(), scales: floatSection(b, k.scales).slice() };
    } else {
      encodings[l.name] = {
        format: 'pq', group: k.codebook, layout: subvectorLayout(l.kind, k.shape, k.d), bits: k.bits,
        indices: sectionView(b, k.indices, 'u8').slice(), scales: k.scales === null ? null : floatSection(b, k.scales).slice(),
      };
    }
    stored[l.name] = {
      base: { multiplier: l.requant!.multiplier, shift: l.requant!.shift },
      bias: l.bias === null ? null : { values: sectionView(b, l.bias, 'i16').slice(), shift: l.biasShift ?? 0 },
    };
    return { ...l, kernel: tensor(EMPTY), bias: null } as Layer;
  });
  const codebooks: LoweringCodebook[] = b.manifest.codebooks.filter((c) => c.scale !== undefined).map((c) => {
    const q = sectionView(b, c.section, 'i8');
    const scale = c.scale!;
    return { name: c.name, d: c.d, k: c.k, scale, codebook: Float32Array.from(q, (v) => Math.fround(v * scale)) };
  });
  const params: Record<string, AffineParams> = Object.fromEntries(int8Params(m));
  const ir: ModelIR = { name: m.name, inputShape: m.inputShape.slice(), output: m.output, layers };
  return { ir, encodings, codebooks, params, stored };
}

/** The lowered int8 model `name` of a validated bundle: what `lowerResult` gave the writer. */
export function lowerBundleModel(b: Bundle, name: string): LoweredModel {
  const input = bundleLoweringInput(b, name);
  try {
    return lowerModel(input);
  } catch (e) {
    throw new BundleError('value', `Model '${name}': its stored integers cannot be executed (${e instanceof Error ? e.message : String(e)}). Re-export the bundle with \`yono compress --out\` or the Export step.`);
  }
}

/** (scale, zero point) of an int8 model's input and output (the int8 logits): how an application quantises and reads them. */
export function int8ModelIO(b: Bundle, name: string): { input: AffineParams; output: AffineParams } {
  const low = lowerBundleModel(b, name);
  return { input: low.tensors[low.input].params, output: low.tensors[low.output].params };
}
