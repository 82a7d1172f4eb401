import type { LayerKind } from '../models/ir';
import { arr, bad, int, nullable, num, obj, oneOf, pair, sectionRef, shape, str } from './check-json';
import { ACTIVATIONS, DTYPES, FORMAT_NAME, LIMITS, PADDINGS } from './format';
import type { BundleManifest, CodebookEntry, Int8LayerFields, KernelEntry, LayerEntry, ModelEntry, SectionEntry } from './format';
import { canonLayer } from './manifest-json';
import { EXTRA_LAYER_KINDS, parseExtraLayer } from './layers-extra';

const LAYER_KINDS: readonly LayerKind[] = [
  'input', 'dense', 'conv2d', 'conv1d', 'depthwiseConv2d', 'batchNorm', 'maxPool2d', 'avgPool2d', 'maxPool1d', 'avgPool1d',
  'globalAvgPool1d', 'globalAvgPool2d', 'globalMaxPool1d', 'globalMaxPool2d', 'flatten', 'reshape', 'activation', 'add',
  ...EXTRA_LAYER_KINDS,
];
const KERNEL_RANK: Partial<Record<LayerKind, number>> = { dense: 2, conv1d: 3, conv2d: 4, depthwiseConv2d: 4 };
const MAX_U32 = 0xffffffff;

function section(v: unknown, path: string, dataLength: number): SectionEntry {
  const o = obj(v, path);
  return {
    name: str(o.name, `${path}.name`, 1024),
    dtype: oneOf(o.dtype, `${path}.dtype`, DTYPES),
    count: int(o.count, `${path}.count`, 0, dataLength),
    offset: int(o.offset, `${path}.offset`, 0, dataLength),
    length: int(o.length, `${path}.length`, 0, dataLength),
    crc32: int(o.crc32, `${path}.crc32`, 0, MAX_U32),
  };
}

function kernel(v: unknown, path: string, kind: LayerKind, nSec: number): KernelEntry {
  const o = obj(v, path);
  const rank = KERNEL_RANK[kind] ?? 0;
  const format = oneOf(o.format, `${path}.format`, ['pq', 'int8', 'float32'] as const);
  const sh = shape(o.shape, `${path}.shape`, rank, rank);
  switch (format) {
    case 'pq': return {
      format, shape: sh, codebook: str(o.codebook, `${path}.codebook`), d: int(o.d, `${path}.d`, 1, LIMITS.d),
      bits: int(o.bits, `${path}.bits`, 1, 16), indices: sectionRef(o.indices, `${path}.indices`, nSec),
      scales: nullable(o.scales, (x) => sectionRef(x, `${path}.scales`, nSec)),
    };
    case 'int8': return { format, shape: sh, q: sectionRef(o.q, `${path}.q`, nSec), scales: sectionRef(o.scales, `${path}.scales`, nSec) };
    case 'float32': return { format, shape: sh, data: sectionRef(o.data, `${path}.data`, nSec) };
  }
}

const MAX_I32 = 2 ** 31 - 1;

/** A float32 scale > 0 (JSON holds the shortest decimal of the float32 value). */
function f32Scale(v: unknown, path: string): number {
  const x = num(v, path, Number.MIN_VALUE, 3.4e38);
  if (Math.fround(x) !== x) bad(path, `is ${x}, not a float32 value`);
  return x;
}

/** The int8 fields of a layer (version 2; README.md "Int8 models"), only those present. */
function int8Fields(o: Record<string, unknown>, path: string, nSec: number): Int8LayerFields {
  const f: Int8LayerFields = {};
  if (o.q !== undefined) {
    const q = obj(o.q, `${path}.q`);
    f.q = { scale: f32Scale(q.scale, `${path}.q.scale`), zeroPoint: int(q.zeroPoint, `${path}.q.zeroPoint`, -128, 127) };
  }
  if (o.requant !== undefined) {
    const r = obj(o.requant, `${path}.requant`);
    f.requant = { multiplier: int(r.multiplier, `${path}.requant.multiplier`, 0, MAX_I32), shift: int(r.shift, `${path}.requant.shift`, -31, 31) };
  }
  if (o.biasShift !== undefined) f.biasShift = int(o.biasShift, `${path}.biasShift`, 0, 16);
  if (o.table !== undefined) f.table = sectionRef(o.table, `${path}.table`, nSec);
  return f;
}

function layer(v: unknown, path: string, nSec: number): LayerEntry {
  const o = obj(v, path);
  return { ...layerBase(o, path, nSec), ...int8Fields(o, path, nSec) } as LayerEntry;
}

function layerBase(o: Record<string, unknown>, path: string, nSec: number): LayerEntry {
  const kind = oneOf(o.kind, `${path}.kind`, LAYER_KINDS);
  const inputs = arr(o.inputs, `${path}.inputs`, 64).map((x, i) => str(x, `${path}.inputs[${i}]`));
  const b = { name: str(o.name, `${path}.name`), inputs, outputShape: shape(o.outputShape, `${path}.outputShape`, 1, 3) };
  const act = () => oneOf(o.activation, `${path}.activation`, ACTIVATIONS);
  const pad = () => oneOf(o.padding, `${path}.padding`, PADDINGS);
  const weights = () => ({
    kernel: kernel(o.kernel, `${path}.kernel`, kind, nSec),
    bias: nullable(o.bias, (x) => sectionRef(x, `${path}.bias`, nSec)),
  });
  const dim = LIMITS.dim;
  switch (kind) {
    case 'input': case 'flatten':
    case 'globalAvgPool1d': case 'globalAvgPool2d': case 'globalMaxPool1d': case 'globalMaxPool2d':
      return canonLayer({ ...b, kind });
    case 'dense': return canonLayer({ ...b, kind, activation: act(), ...weights() });
    case 'conv2d': case 'depthwiseConv2d':
      return canonLayer({ ...b, kind, strides: pair(o.strides, `${path}.strides`, 1, dim), padding: pad(),
        dilation: pair(o.dilation, `${path}.dilation`, 1, dim), activation: act(), ...weights() });
    case 'conv1d':
      return canonLayer({ ...b, kind, stride: int(o.stride, `${path}.stride`, 1, dim), padding: pad(),
        dilation: int(o.dilation, `${path}.dilation`, 1, dim), activation: act(), ...weights() });
    case 'batchNorm':
      return canonLayer({ ...b, kind, scale: sectionRef(o.scale, `${path}.scale`, nSec), shift: sectionRef(o.shift, `${path}.shift`, nSec) });
    case 'maxPool2d': case 'avgPool2d':
      return canonLayer({ ...b, kind, poolSize: pair(o.poolSize, `${path}.poolSize`, 1, dim), strides: pair(o.strides, `${path}.strides`, 1, dim), padding: pad() });
    case 'maxPool1d': case 'avgPool1d':
      return canonLayer({ ...b, kind, poolSize: int(o.poolSize, `${path}.poolSize`, 1, dim), stride: int(o.stride, `${path}.stride`, 1, dim), padding: pad() });
    case 'reshape': {
      const t = arr(o.targetShape, `${path}.targetShape`, 3);
      if (t.length === 0) bad(`${path}.targetShape`, 'must have 1..3 dimensions');
      return canonLayer({ ...b, kind, targetShape: t.map((x, i) => (x === -1 ? -1 : int(x, `${path}.targetShape[${i}]`, 1, dim))) });
    }
    case 'activation': case 'add': return canonLayer({ ...b, kind, activation: act() });
    default: return canonLayer(parseExtraLayer(kind, o, b, path, nSec));
  }
}

function model(v: unknown, path: string, nSec: number): ModelEntry {
  const o = obj(v, path);
  const layers = arr(o.layers, `${path}.layers`, LIMITS.layersPerModel).map((x, i) => layer(x, `${path}.layers[${i}]`, nSec));
  const s = o.samples === null ? null : obj(o.samples, `${path}.samples`);
  return {
    name: str(o.name, `${path}.name`),
    inputShape: shape(o.inputShape, `${path}.inputShape`, 1, 3),
    output: str(o.output, `${path}.output`),
    accuracyFloat: nullable(o.accuracyFloat, (x) => num(x, `${path}.accuracyFloat`, 0, 1)),
    accuracyCompressed: nullable(o.accuracyCompressed, (x) => num(x, `${path}.accuracyCompressed`, 0, 1)),
    layers,
    samples: s && {
      count: int(s.count, `${path}.samples.count`, 1, MAX_U32),
      x: sectionRef(s.x, `${path}.samples.x`, nSec),
      y: sectionRef(s.y, `${path}.samples.y`, nSec),
    },
    ...(o.arithmetic === undefined ? {} : { arithmetic: oneOf(o.arithmetic, `${path}.arithmetic`, ['int8', 'float32'] as const) }),
  };
}

/**
 * Checks the parsed manifest JSON field by field (types, ranges, enumerations, list lengths) and returns
 * it typed, in canonical key order. Cross-references (sections, codebooks, layer graph, shapes) are
 * checked later by `checkBundle`. `dataLength` bounds every count, offset and length.
 */
export function manifestFromJson(json: unknown, version: number, dataLength: number): BundleManifest {
  const o = obj(json, 'the manifest');
  if (o.format !== FORMAT_NAME) bad('format', `must be "${FORMAT_NAME}", got ${JSON.stringify(o.format)?.slice(0, 40)}`);
  if (o.version !== version) bad('version', `is ${JSON.stringify(o.version)?.slice(0, 20)} but the header says ${version}`);
  const sections = arr(o.sections, 'sections', LIMITS.sections).map((x, i) => section(x, `sections[${i}]`, dataLength));
  const n = sections.length;
  const codebooks = arr(o.codebooks, 'codebooks', LIMITS.codebooks).map((x, i): CodebookEntry => {
    const c = obj(x, `codebooks[${i}]`);
    return { name: str(c.name, `codebooks[${i}].name`), d: int(c.d, `codebooks[${i}].d`, 1, LIMITS.d),
      k: int(c.k, `codebooks[${i}].k`, 1, LIMITS.k), section: sectionRef(c.section, `codebooks[${i}].section`, n),
      ...(c.scale === undefined ? {} : { scale: f32Scale(c.scale, `codebooks[${i}].scale`) }) };
  });
  const models = arr(o.models, 'models', LIMITS.models).map((x, i) => model(x, `models[${i}]`, n));
  if (models.length === 0) bad('models', 'is empty: a bundle holds at least one model');
  return { format: FORMAT_NAME, version, preset: str(o.preset, 'preset'), sections, codebooks, models };
}
