import type { Layer, ModelIR, Tensor } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { float32Bytes as irFloat32Bytes } from '../models/stats';
import { HEADER_BYTES, codebookBytes, layerBytes, layerFloat32Bytes, layersBytes } from './accounting';
import { sqnrDb } from '../pq/metrics';
import { storedBias } from './stored';
import type { ModelState } from './state';
import type { Activations, CodebookGroup, CompressedModel, LayerEncoding, LayerReport, Totals } from './types';

const copyT = (t: Tensor): Tensor => ({ shape: t.shape.slice(), data: t.data.slice() });

/**
 * The result IR of a model: the float IR with the session's current biases (recovery may have tuned
 * them; rounded to float16 for PQ and int8 layers, as stored) and float32 kernels; PQ and int8 kernels
 * emptied (shape kept) since the encodings hold them.
 */
export function resultIR(st: ModelState): ModelIR {
  const enc = new Map(st.layers.map((l) => [l.layer.name, l.cur.enc]));
  const layers: Layer[] = st.input.ir.layers.map((l) => {
    if (!isWeightLayer(l)) {
      const c = { ...l, inputs: l.inputs.slice(), outputShape: l.outputShape.slice() } as Layer;
      if (c.kind === 'batchNorm' && l.kind === 'batchNorm') { c.scale = copyT(l.scale); c.shift = copyT(l.shift); }
      return c;
    }
    const e = enc.get(l.name);
    const bv = st.session.variable(l.name, 'bias');
    const full = l.bias && (bv ? (bv.dataSync() as Float32Array).slice() : l.bias.data.slice());
    // with int8 activations the lowering quantises the full-precision bias to int32 (quant/lower.ts)
    const data = full && e && !st.calibration ? storedBias(full, e.format, `model '${st.input.ir.name}' layer '${l.name}' bias`) : full;
    const bias = l.bias && data ? { shape: l.bias.shape.slice(), data } : null;
    const kernel = e && e.format !== 'float32'
      ? { shape: l.kernel.shape.slice(), data: new Float32Array(0) }
      : copyT(l.kernel);
    return { ...l, inputs: l.inputs.slice(), outputShape: l.outputShape.slice(), kernel, bias } as Layer;
  });
  return { ...st.input.ir, inputShape: st.input.ir.inputShape.slice(), layers };
}

/** Per-layer figures of a model state (bytes of `ir`, which must be the result IR). */
export function layerReports(st: ModelState, ir: ModelIR, activations: Activations = 'float32'): LayerReport[] {
  const byName = new Map(ir.layers.map((l) => [l.name, l]));
  const accepted = new Set(st.recovery.filter((s) => s.accepted).map((s) => s.layer));
  return st.layers.map((l) => {
    const enc = l.cur.enc;
    const q = enc.format === 'float32' ? null : sqnrDb(l.float, l.cur.decoded);
    return {
      name: l.layer.name, kind: l.layer.kind, params: l.route.params,
      compressed: enc.format !== 'float32', format: enc.format,
      codebook: enc.format === 'pq' ? enc.group : null,
      sqnrDb: q === null ? null : Number.isFinite(q) ? Math.round(q * 100) / 100 : 999,
      bytes: layerBytes(byName.get(l.layer.name)!, enc, activations),
      float32Bytes: layerFloat32Bytes(l.layer),
      sensitivityPp: l.sensitivityPp === null ? null : Math.round(l.sensitivityPp * 1000) / 1000,
      recovered: accepted.has(l.layer.name),
    };
  });
}

/** Bytes of a whole model in the compressed image, without shared codebooks. */
export function modelBytes(ir: ModelIR, encodings: Record<string, LayerEncoding>, activations: Activations = 'float32'): number {
  return HEADER_BYTES.model + layersBytes(ir, encodings, activations);
}

/** Bytes of the codebooks only model `name` uses (every layer of theirs is one of its layers). */
export function ownCodebookBytes(name: string, codebooks: Pick<CodebookGroup, 'k' | 'd' | 'layers'>[], activations: Activations = 'float32'): number {
  const own = codebooks.filter((c) => c.layers.length > 0 && c.layers.every((k) => k.startsWith(`${name}/`)));
  return own.reduce((s, c) => s + codebookBytes(c.k, c.d, activations), 0);
}

/** Assembles a CompressedModel; `testNow` is the final test accuracy of the compressed model. */
export function compressedModel(st: ModelState, testNow: number, codebooks: CodebookGroup[], testDisagreement?: number): CompressedModel {
  const ir = resultIR(st);
  const act: Activations = st.calibration ? 'int8' : 'float32';
  const encodings: Record<string, LayerEncoding> = {};
  for (const l of st.layers) encodings[l.layer.name] = l.cur.enc;
  return {
    name: ir.name, ir, encodings,
    accuracyFloat: st.testFloat, accuracyCompressed: testNow,
    valAccuracyFloat: st.valFloat, valAccuracyCompressed: st.valAcc,
    ...(testDisagreement === undefined ? {} : { testSamples: st.input.test.n, testDisagreement }),
    ...(st.input.storedBytes === undefined ? {} : { storedBytes: st.input.storedBytes }),
    float32Bytes: irFloat32Bytes(st.input.ir),
    compressedBytes: modelBytes(ir, encodings, act) + ownCodebookBytes(ir.name, codebooks, act),
    layers: layerReports(st, ir, act),
    recovery: st.recovery.slice(),
    ...(st.calibration ? { calibration: st.calibration } : {}),
  };
}

/**
 * Totals over models: float32 bytes of every parameter, compressed bytes of every model plus every
 * codebook that is in use (counted once) and the file header.
 */
export function totals(models: Pick<CompressedModel, 'ir' | 'encodings' | 'float32Bytes'>[], codebooks: Pick<CodebookGroup, 'name' | 'k' | 'd'>[], activations: Activations = 'float32'): Totals {
  const used = codebooks.filter((c) => models.some((m) => Object.values(m.encodings).some((e) => e.format === 'pq' && e.group === c.name)));
  const cbBytes = used.reduce((s, c) => s + codebookBytes(c.k, c.d, activations), 0);
  const float32Bytes = models.reduce((s, m) => s + m.float32Bytes, 0);
  const modelOnly = models.reduce((s, m) => s + modelBytes(m.ir, m.encodings, activations), 0);
  const compressedBytes = HEADER_BYTES.file + modelOnly + cbBytes;
  const headerBytes = HEADER_BYTES.file + used.length * HEADER_BYTES.codebook
    + models.reduce((s, m) => s + HEADER_BYTES.model + m.ir.layers.length * HEADER_BYTES.layer, 0);
  return { float32Bytes, compressedBytes, ratio: float32Bytes / compressedBytes, codebookBytes: cbBytes, headerBytes };
}
