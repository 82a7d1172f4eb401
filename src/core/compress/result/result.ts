import type { Layer, ModelIR, Tensor } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { float32Bytes as irFloat32Bytes } from '../../models/stats';
import { HEADER_BYTES, groupBytes, layerBytes, layerFloat32Bytes, layersBytes } from './accounting';
import { sqnrDb } from '../../pq/metrics';
import { storedBias } from '../encode/stored';
import { decodeKernel } from '../encode/encode';
import type { ModelOutcome } from '../allocate/select';
import type { PreparedModel } from '../calibrate/prepare';
import type { CompressInput } from '../input/types';
import type { Activations, CodebookGroup, CompressedModel, LayerEncoding, LayerReport, Totals } from '../types';

const copyT = (t: Tensor): Tensor => ({ shape: t.shape.slice(), data: t.data.slice() });

/**
 * The result IR of a model: the float IR with the outcome's biases (the correction and recovery may have
 * moved them; rounded as stored: float16 for PQ and int8 layers with float activations; full precision with
 * int8 activations, which the lowering stores as int16 values and a shift, quant/bias.ts) and float32
 * kernels; PQ and int8 kernels emptied (shape kept) since the encodings hold them.
 */
export function resultIR(ir: ModelIR, outcome: Pick<ModelOutcome, 'encodings' | 'biases'>, activations: Activations = 'float32'): ModelIR {
  const layers: Layer[] = ir.layers.map((l) => {
    if (!isWeightLayer(l)) {
      const c = { ...l, inputs: l.inputs.slice(), outputShape: l.outputShape.slice() } as Layer;
      if (c.kind === 'batchNorm' && l.kind === 'batchNorm') { c.scale = copyT(l.scale); c.shift = copyT(l.shift); }
      return c;
    }
    const e = outcome.encodings[l.name];
    if (!e) throw new Error(`model '${ir.name}': layer '${l.name}' has no encoding`);
    const full = l.bias && (outcome.biases[l.name] ?? l.bias.data).slice();
    const data = full && (activations === 'int8' ? full : storedBias(full, e.format, `model '${ir.name}' layer '${l.name}' bias`));
    const bias = l.bias && data ? { shape: l.bias.shape.slice(), data } : null;
    const kernel = e.format !== 'float32' ? { shape: l.kernel.shape.slice(), data: new Float32Array(0) } : copyT(l.kernel);
    return { ...l, inputs: l.inputs.slice(), outputShape: l.outputShape.slice(), kernel, bias } as Layer;
  });
  return { ...ir, inputShape: ir.inputShape.slice(), layers };
}

/** Per-layer figures of a model (bytes of `out`, which must be its result IR). */
export function layerReports(ir: ModelIR, out: ModelIR, outcome: ModelOutcome, codebooks: CodebookGroup[], activations: Activations = 'float32'): LayerReport[] {
  const byName = new Map(out.layers.map((l) => [l.name, l]));
  const recovered = new Set(outcome.recovery.filter((s) => s.accepted).map((s) => s.layer));
  return ir.layers.filter(isWeightLayer).map((l) => {
    const enc = outcome.encodings[l.name];
    const q = enc.format === 'float32' ? null : sqnrDb(l.kernel.data, decodeKernel(enc, codebooks, l.kernel.data));
    const kl = outcome.layerKl[l.name];
    return {
      name: l.name, kind: l.kind, params: l.kernel.data.length,
      compressed: enc.format !== 'float32', format: enc.format,
      codebook: enc.format === 'pq' ? enc.group : null,
      sqnrDb: q === null ? null : Number.isFinite(q) ? Math.round(q * 100) / 100 : 999,
      bytes: layerBytes(byName.get(l.name)!, enc, activations),
      float32Bytes: layerFloat32Bytes(l),
      sensitivityPp: null,
      kl: kl === undefined ? null : kl,
      recovered: recovered.has(l.name),
    };
  });
}

/** Bytes of a whole model in the compressed image, without shared codebooks (int8 activations: its int8 graph). */
export function modelBytes(ir: ModelIR, encodings: Record<string, LayerEncoding>, activations: Activations = 'float32'): number {
  return HEADER_BYTES.model + layersBytes(ir, encodings, activations);
}

type CodebookSize = Pick<CodebookGroup, 'k' | 'd' | 'scale'>;

/** Bytes of the codebooks only model `name` uses (every layer of theirs is one of its layers). */
export function ownCodebookBytes(name: string, codebooks: (CodebookSize & Pick<CodebookGroup, 'layers'>)[]): number {
  const own = codebooks.filter((c) => c.layers.length > 0 && c.layers.every((k) => k.startsWith(`${name}/`)));
  return own.reduce((s, c) => s + groupBytes(c), 0);
}

/**
 * Assembles a CompressedModel from a model's input, its prepared float outputs and its outcome. `allocated`:
 * the plan had an allocation (its search is reported).
 */
export function compressedModel(input: CompressInput, prepared: PreparedModel, outcome: ModelOutcome, codebooks: CodebookGroup[], allocated: boolean): CompressedModel {
  const act: Activations = prepared.int8 ? 'int8' : 'float32';
  const ir = resultIR(input.ir, outcome, act);
  return {
    name: ir.name, ir, encodings: { ...outcome.encodings },
    accuracyFloat: prepared.test.accuracy, accuracyCompressed: outcome.test.accuracy,
    valAccuracyFloat: prepared.val.accuracy, valAccuracyCompressed: outcome.val.accuracy,
    testSamples: input.test.n, testDisagreement: outcome.test.disagreement,
    ...(input.storedBytes === undefined ? {} : { storedBytes: input.storedBytes }),
    float32Bytes: irFloat32Bytes(input.ir),
    compressedBytes: modelBytes(ir, outcome.encodings, act) + ownCodebookBytes(ir.name, codebooks),
    layers: layerReports(input.ir, ir, outcome, codebooks, act),
    recovery: outcome.recovery.slice(),
    klVal: outcome.val.kl, klTest: outcome.test.kl,
    ...(allocated ? {
      allocation: {
        passed: outcome.passed, predicted: outcome.predicted,
        steps: outcome.search.map((x) => ({ bytes: x.bytes, predicted: x.predicted, klVal: x.klVal, klValSe: x.klValSe, valDropPp: x.valDropPp, passed: x.passed })),
      },
    } : {}),
    ...(prepared.int8 ? { calibration: prepared.int8 } : {}),
  };
}

/**
 * Totals over models: float32 bytes of every parameter, compressed bytes of every model plus every
 * codebook that is in use (counted once) and the file header.
 */
export function totals(models: Pick<CompressedModel, 'ir' | 'encodings' | 'float32Bytes'>[], codebooks: (CodebookSize & Pick<CodebookGroup, 'name'>)[], activations: Activations = 'float32'): Totals {
  const used = codebooks.filter((c) => models.some((m) => Object.values(m.encodings).some((e) => e.format === 'pq' && e.group === c.name)));
  const cbBytes = used.reduce((s, c) => s + groupBytes(c), 0);
  const float32Bytes = models.reduce((s, m) => s + m.float32Bytes, 0);
  const modelOnly = models.reduce((s, m) => s + modelBytes(m.ir, m.encodings, activations), 0);
  const compressedBytes = HEADER_BYTES.file + modelOnly + cbBytes;
  const headerBytes = HEADER_BYTES.file + used.length * HEADER_BYTES.codebook
    + models.reduce((s, m) => s + HEADER_BYTES.model + m.ir.layers.length * HEADER_BYTES.layer, 0);
  return { float32Bytes, compressedBytes, ratio: float32Bytes / compressedBytes, codebookBytes: cbBytes, headerBytes };
}
