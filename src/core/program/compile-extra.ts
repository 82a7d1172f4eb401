/**
 * Compilation of the layers added for Keras-application and TFLite coverage (zero padding, cropping,
 * concatenation, element-wise merges with broadcasting, up-sampling, permute, PReLU and the element-wise
 * layers with parameters) into the float ops from 32 of OP (program.ts says how each uses the geometry).
 */
import type { LayerEntry, ModelEntry } from '../bundle/format';
import { sizeOf } from '../models/shapes';
import { ACT, OP } from './program';
import type { Geometry, Op, OpCode, TensorRef } from './program';

/** NHWC view of a shape without batch: [C] -> 1x1xC, [W, C] -> 1xWxC, [H, W, C]. */
export function hwc(s: readonly number[]): [number, number, number] {
  if (s.length === 1) return [1, 1, s[0]];
  if (s.length === 2) return [1, s[0], s[1]];
  return [s[0], s[1], s[2]];
}

/** What compileModel hands over for one layer. */
export interface ExtraContext {
  m: ModelEntry;
  index: Map<string, number>;
  ref: (i: number) => TensorRef;
  ops: Op[];
  /** The layer's geometry (input shape of its first input, its output shape), to adjust. */
  g: Geometry;
  /** Pushes an op of the layer reading its first input with geometry `g`. */
  op: (code: OpCode, extra?: Partial<Op>) => void;
}

const f32 = (...v: number[]): number[] => v.map(Math.fround);

const MERGE: Record<string, OpCode> = { multiply: OP.mul, average: OP.average, maximum: OP.maximum, minimum: OP.minimum };

/** Input strides (floats) of output axes H, W, C of a permutation `perm` of a tensor of shape `inShape`. */
export function permuteStrides(inShape: readonly number[], perm: readonly number[]): [number, number, number] {
  const st = inShape.map((_, k) => sizeOf(inShape.slice(k + 1)));
  const s = perm.map((a) => st[a]);
  while (s.length < 3) s.unshift(0);
  return [s[0], s[1], s[2]];
}

/** Emits the ops of layer `l` (index `i`) when it is one of this file's kinds; false otherwise. */
export function extraOps(l: LayerEntry, i: number, c: ExtraContext): boolean {
  const { m, index, ref, ops, g, op } = c;
  const inShape = m.layers[index.get(l.inputs[0]) as number].outputShape;
  const base = { layer: i, act: ACT.linear, in2: null, w: null, bias: -1, bnScale: -1, bnShift: -1 };
  switch (l.kind) {
    case 'zeroPad2d': op(OP.pad, { g: { ...g, padT: l.pad[0], padL: l.pad[2] } }); return true;
    case 'crop2d': op(OP.pad, { g: { ...g, padT: -l.crop[0], padL: -l.crop[2] } }); return true;
    case 'concat': {
      const outer = sizeOf(l.outputShape.slice(0, l.axis));
      const outBlock = sizeOf(l.outputShape) / outer;
      const out = ref(i);
      let start = 0;
      for (const src of l.inputs) {
        const si = index.get(src) as number;
        const block = sizeOf(m.layers[si].outputShape) / outer;
        ops.push({ ...base, op: OP.concat, in: ref(si), out: { ...out, offset: out.offset + start, size: outer * block },
          g: { ...g, inH: outer, inW: 1, inC: block, outH: outer, outW: 1, outC: outBlock } });
        start += block;
      }
      return true;
    }
    case 'multiply': case 'average': case 'maximum': case 'minimum': {
      const o = hwc(l.outputShape);
      const n = l.inputs.length;
      for (let j = 1; j < n; j++) {
        const a = j === 1 ? hwc(inShape) : o;
        const bi = index.get(l.inputs[j]) as number;
        const b = hwc(m.layers[bi].outputShape);
        ops.push({ ...base, op: MERGE[l.kind], in: j === 1 ? ref(index.get(l.inputs[0]) as number) : ref(i), in2: ref(bi), out: ref(i),
          g: { ...g, inH: a[0], inW: a[1], inC: a[2], outH: o[0], outW: o[1], outC: o[2], kh: b[0], kw: b[1], mult: b[2] },
          params: l.kind === 'average' ? [j === n - 1 ? Math.fround(1 / n) : 1] : [] });
      }
      return true;
    }
    case 'upSample2d': op(l.interpolation === 'nearest' ? OP.upNearest : OP.upBilinear, { g: { ...g, sh: l.size[0], sw: l.size[1] } }); return true;
    case 'permute': {
      const [kh, kw, mult] = permuteStrides(inShape, l.perm);
      op(OP.permute, { g: { ...g, kh, kw, mult } });
      return true;
    }
    case 'prelu': {
      const [kh, kw, mult] = hwc(l.alphaShape);
      op(OP.prelu, { g: { ...g, kh, kw, mult }, bnScale: l.alpha });
      return true;
    }
    case 'leakyRelu': op(OP.leakyRelu, { params: f32(l.alpha) }); return true;
    case 'thresholdedRelu': op(OP.thresholdedRelu, { params: f32(l.theta) }); return true;
    case 'clippedRelu': op(OP.clippedRelu, { params: f32(l.maxValue) }); return true;
    case 'rescale': op(OP.rescale, { params: f32(l.scale, l.offset) }); return true;
    case 'fakeQuant': op(OP.fakeQuant, { params: f32(l.scale, l.zeroPoint, l.qmin, l.qmax) }); return true;
    default: return false;
  }
}
