import { Builder } from 'flatbuffers';
import type { Activation, Layer, ModelIR } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { sizeOf } from '../../models/shapes';
import { BUILTIN, FUSE, OPTIONS, PAD_SAME, PAD_VALID, TYPE } from './codes';
import { activationQuant, quantizeBias, quantizeWeights } from './quantize';

/** Options of `writeTflite`. */
export interface WriteTfliteOptions {
  /**
   * `float32` (default): float32 tensors throughout. `int8`: a full-integer model as the TFLite converter
   * writes one with `inference_input_type = inference_output_type = tf.int8`: int8 input, output and
   * activations (per-tensor affine, from `ranges`), int8 per-channel symmetric weights, int32 biases.
   */
  quantize?: 'float32' | 'int8';
  /** Output range of every IR layer (and of the input), from `calibrationRanges`; needed for int8. */
  ranges?: Map<string, [number, number]>;
  description?: string;
}

interface TensorSpec { name: string; shape: number[]; type: number; buffer: number; quant: { scale: number[]; zeroPoint: number[]; dim: number } | null }
interface OpSpec { code: number; inputs: number[]; outputs: number[]; optionsType: number; options: ((b: Builder) => number) | null }
type Q = { scale: number; zeroPoint: number } | null;

const bytesOf = (a: Float32Array | Int8Array | Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The parts of a TFLite model being assembled (tensors, buffers, operators, operator codes); `finish` serialises them with the flatbuffers Builder. Exported for tests that craft unusual files. */
export class TfliteParts {
  readonly tensors: TensorSpec[] = [];
  readonly buffers: Uint8Array[] = [new Uint8Array(0)];
  readonly ops: OpSpec[] = [];
  readonly codes: number[] = [];

  tensor(name: string, shape: number[], type: number, quant: TensorSpec['quant'], data?: Uint8Array): number {
    let buffer = 0;
    if (data) { this.buffers.push(data); buffer = this.buffers.length - 1; }
    this.tensors.push({ name, shape, type, buffer, quant });
    return this.tensors.length - 1;
  }

  op(code: number, inputs: number[], outputs: number[], optionsType = 0, options: OpSpec['options'] = null): void {
    this.ops.push({ code, inputs, outputs, optionsType, options });
  }

  finish(input: number, output: number, description: string): Uint8Array {
    const b = new Builder(1024);
    const i32s = (v: number[]) => { b.startVector(4, v.length, 4); for (let i = v.length - 1; i >= 0; i--) b.addInt32(v[i]); return b.endVector(); };
    const f32s = (v: number[]) => { b.startVector(4, v.length, 4); for (let i = v.length - 1; i >= 0; i--) b.addFloat32(v[i]); return b.endVector(); };
    const i64s = (v: number[]) => { b.startVector(8, v.length, 8); for (let i = v.length - 1; i >= 0; i--) b.addInt64(BigInt(v[i])); return b.endVector(); };
    const tables = (v: number[]) => { b.startVector(4, v.length, 4); for (let i = v.length - 1; i >= 0; i--) b.addOffset(v[i]); return b.endVector(); };
    const buffers = this.buffers.map((d) => {
      let data = 0;
      if (d.length) { b.startVector(1, d.length, 16); for (let i = d.length - 1; i >= 0; i--) b.addInt8(d[i]); data = b.endVector(); }
      b.startObject(3);
      if (data) b.addFieldOffset(0, data, 0);
      return b.endObject();
    });
    const tensors = this.tensors.map((t) => {
      const name = b.createString(t.name);
      const shape = i32s(t.shape);
      let quant = 0;
      if (t.quant) {
        const sc = f32s(t.quant.scale), zp = i64s(t.quant.zeroPoint);
        b.startObject(7);
        b.addFieldOffset(2, sc, 0);
        b.addFieldOffset(3, zp, 0);
        b.addFieldInt32(6, t.quant.dim, 0);
        quant = b.endObject();
      }
      b.startObject(8);
      b.addFieldOffset(0, shape, 0);
      b.addFieldInt8(1, t.type, 0);
      b.addFieldInt32(2, t.buffer, 0);
      b.addFieldOffset(3, name, 0);
      if (quant) b.addFieldOffset(4, quant, 0);
      return b.endObject();
    });
    const ops = this.ops.map((o) => {
      const ins = i32s(o.inputs), outs = i32s(o.outputs);
      const opt = o.options ? o.options(b) : 0;
      b.startObject(9);
      b.addFieldInt32(0, this.codes.indexOf(o.code), 0);
      b.addFieldOffset(1, ins, 0);
      b.addFieldOffset(2, outs, 0);
      if (opt) { b.addFieldInt8(3, o.optionsType, 0); b.addFieldOffset(4, opt, 0); }
      return b.endObject();
    });
    const sgName = b.createString('main');
    const sgT = tables(tensors), sgI = i32s([input]), sgO = i32s([output]), sgOps = tables(ops);
    b.startObject(5);
    b.addFieldOffset(0, sgT, 0);
    b.addFieldOffset(1, sgI, 0);
    b.addFieldOffset(2, sgO, 0);
    b.addFieldOffset(3, sgOps, 0);
    b.addFieldOffset(4, sgName, 0);
    const sg = b.endObject();
    const codes = this.codes.map((c) => {
      b.startObject(4);
      b.addFieldInt8(0, c < 127 ? c : 127, 0);
      b.addFieldInt32(2, 1, 1);
      b.addFieldInt32(3, c, 0);
      return b.endObject();
    });
    const codesV = tables(codes), sgs = tables([sg]), bufs = tables(buffers), desc = b.createString(description);
    b.startObject(8);
    b.addFieldInt32(0, 3, 0);
    b.addFieldOffset(1, codesV, 0);
    b.addFieldOffset(2, sgs, 0);
    b.addFieldOffset(3, desc, 0);
    b.addFieldOffset(4, bufs, 0);
    b.finish(b.endObject(), 'TFL3');
    return b.asUint8Array().slice();
  }
}

/** Fused activation code and the activation that needs an operator of its own (sigmoid, softmax). */
function splitActivation(a: Activation): { fused: number; extra: Activation | null } {
  if (a === 'linear') return { fused: FUSE.NONE, extra: null };
  if (a === 'relu') return { fused: FUSE.RELU, extra: null };
  if (a === 'relu6') return { fused: FUSE.RELU6, extra: null };
  if (a === 'tanh') return { fused: FUSE.TANH, extra: null };
  return { fused: FUSE.NONE, extra: a };
}

/**
 * Writes a model IR (batch norm folded: `inferenceGraph`) as a `.tflite` flatbuffer the way the TFLite
 * converter lays one out: OHWI conv filters, (1 x kh x kw x C·mult) depthwise filters, (units x in)
 * fully-connected weights, NHWC activations with a batch dimension of 1, fused ReLU/ReLU6/tanh, buffer 0
 * empty. For tests and the zoo: it is kept apart from the reader (`../toIR.ts`) and shares no code with it.
 * Layers it writes: conv2d, depthwiseConv2d, dense, max/avg pooling 2D, global average pooling 2D (MEAN),
 * flatten/reshape, activation (relu, relu6, sigmoid, tanh, softmax), add, multiply, maximum, minimum,
 * concat, zeroPad2d, leakyRelu, rescale and unfolded batchNorm (MUL and ADD by constants).
 */
export function writeTflite(ir: ModelIR, opts: WriteTfliteOptions = {}): Uint8Array {
  const int8 = opts.quantize === 'int8';
  if (int8 && !opts.ranges) throw new Error('writeTflite: an int8 model needs calibration ranges (calibrationRanges)');
  const p = new TfliteParts();
  const use = (code: number) => { if (!p.codes.includes(code)) p.codes.push(code); return code; };
  const tensorOf = new Map<string, number>();
  const qOf = new Map<number, Q>();
  const actType = int8 ? TYPE.INT8 : TYPE.FLOAT32;
  const actTensor = (name: string, shape: number[], q: Q): number => {
    const t = p.tensor(name, [1, ...shape], actType, q ? { scale: [q.scale], zeroPoint: [q.zeroPoint], dim: 0 } : null);
    qOf.set(t, q);
    return t;
  };
  const rangeQ = (name: string): Q => {
    if (!int8) return null;
    const r = opts.ranges?.get(name);
    if (!r) throw new Error(`writeTflite: no calibration range for layer '${name}'`);
    return activationQuant(r[0], r[1]);
  };
  const i32 = (name: string, v: number[]) => p.tensor(name, [v.length], TYPE.INT32, null, bytesOf(Int32Array.from(v)));
  const fixedQ = (a: Activation): Q => (a === 'softmax' || a === 'sigmoid' ? { scale: 1 / 256, zeroPoint: -128 } : a === 'tanh' ? { scale: 1 / 128, zeroPoint: 0 } : null);

  const emitActivation = (l: Layer, src: number, a: Activation, outName: string, q: Q): number => {
    const code = a === 'relu' ? BUILTIN.RELU : a === 'relu6' ? BUILTIN.RELU6 : a === 'tanh' ? BUILTIN.TANH : a === 'sigmoid' ? BUILTIN.LOGISTIC : a === 'softmax' ? BUILTIN.SOFTMAX : -1;
    if (code < 0) throw new Error(`writeTflite: layer '${l.name}' uses activation '${a}', which this writer does not emit`);
    const out = actTensor(outName, l.outputShape, int8 ? (fixedQ(a) ?? q) : null);
    p.op(use(code), [src], [out], code === BUILTIN.SOFTMAX ? OPTIONS.SoftmaxOptions : 0,
      code === BUILTIN.SOFTMAX ? (b) => { b.startObject(1); b.addFieldFloat32(0, 1, 0); return b.endObject(); } : null);
    return out;
  };

  const first = ir.layers[0];
  tensorOf.set(first.name, actTensor(first.name, ir.inputShape, rangeQ(first.name)));
  for (const l of ir.layers.slice(1)) {
    const ins = l.inputs.map((n) => tensorOf.get(n) as number);
    const x = ins[0];
    const inQ = qOf.get(x) ?? null;
    const act = 'activation' in l && l.kind !== 'activation' ? splitActivation(l.activation) : { fused: FUSE.NONE, extra: null };
    const outQ = rangeQ(l.name);
    const mainName = act.extra ? `${l.name}/pre_${act.extra}` : l.name;
    const mainQ = act.extra && int8 ? activationQuant(...preRange(l, opts.ranges)) : outQ;
    let out: number;
    if (l.kind === 'conv1d') throw new Error(`writeTflite: layer '${l.name}' (conv1d) is not written by this writer`);
    if (isWeightLayer(l)) {
      out = actTensor(mainName, l.outputShape, mainQ);
      const units = l.kind === 'depthwiseConv2d' ? l.kernel.shape[2] * l.kernel.shape[3] : l.kernel.shape[l.kernel.shape.length - 1];
      const [w, wShape, dim] = tfliteKernel(l);
      let wT: number, bT = -1;
      if (int8) {
        const inner = dim === 0 ? sizeOf(wShape.slice(1)) : 1;
        const { q, scales } = quantizeWeights(w, units, (i) => (dim === 0 ? Math.floor(i / inner) : i % units));
        wT = p.tensor(`${l.name}/weights`, wShape, TYPE.INT8, { scale: Array.from(scales), zeroPoint: new Array<number>(units).fill(0), dim }, bytesOf(q));
        const bias = l.bias?.data ?? new Float32Array(units);
        const bq = quantizeBias(bias, (inQ as NonNullable<Q>).scale, scales);
        bT = p.tensor(`${l.name}/bias`, [units], TYPE.INT32, { scale: Array.from(bq.scales), zeroPoint: new Array<number>(units).fill(0), dim: 0 }, bytesOf(bq.q));
      } else {
        wT = p.tensor(`${l.name}/weights`, wShape, TYPE.FLOAT32, null, bytesOf(w));
        if (l.bias) bT = p.tensor(`${l.name}/bias`, [units], TYPE.FLOAT32, null, bytesOf(l.bias.data.slice()));
      }
      const src = x;
      if (l.kind === 'dense') {
        const inShape = ir.layers.find((y) => y.name === l.inputs[0])?.outputShape ?? [];
        p.op(use(BUILTIN.FULLY_CONNECTED), [src, wT, bT], [out], OPTIONS.FullyConnectedOptions, (b) => {
          b.startObject(4); b.addFieldInt8(0, act.fused, 0); b.addFieldInt8(2, inShape.length > 1 ? 1 : 0, 0); return b.endObject();
        });
      } else if (l.kind === 'conv2d') {
        p.op(use(BUILTIN.CONV_2D), [src, wT, bT], [out], OPTIONS.Conv2DOptions, (b) => {
          b.startObject(6); b.addFieldInt8(0, l.padding === 'same' ? PAD_SAME : PAD_VALID, 0); b.addFieldInt32(1, l.strides[1], 0); b.addFieldInt32(2, l.strides[0], 0);
          b.addFieldInt8(3, act.fused, 0); b.addFieldInt32(4, l.dilation[1], 1); b.addFieldInt32(5, l.dilation[0], 1); return b.endObject();
        });
      } else if (l.kind === 'depthwiseConv2d') {
        p.op(use(BUILTIN.DEPTHWISE_CONV_2D), [src, wT, bT], [out], OPTIONS.DepthwiseConv2DOptions, (b) => {
          b.startObject(7); b.addFieldInt8(0, l.padding === 'same' ? PAD_SAME : PAD_VALID, 0); b.addFieldInt32(1, l.strides[1], 0); b.addFieldInt32(2, l.strides[0], 0);
          b.addFieldInt32(3, l.kernel.shape[3], 0); b.addFieldInt8(4, act.fused, 0); b.addFieldInt32(5, l.dilation[1], 1); b.addFieldInt32(6, l.dilation[0], 1); return b.endObject();
        });
      }
    } else {
      out = writePlain(l, ins, inQ, mainName, mainQ);
    }
    if (act.extra) out = emitActivation(l, out, act.extra, l.name, outQ);
    tensorOf.set(l.name, out);
  }
  const output = tensorOf.get(ir.output) as number;
  return p.finish(tensorOf.get(first.name) as number, output, opts.description ?? `YONO Workbench test writer: ${ir.name}`);

  function writePlain(l: Layer, ins: number[], inQ: Q, name: string, q: Q): number {
    const x = ins[0];
    const same = () => actTensor(name, l.outputShape, inQ); // pooling, reshape, padding keep the input's quantisation
    switch (l.kind) {
      case 'maxPool2d': case 'avgPool2d': {
        const out = same();
        p.op(use(l.kind === 'maxPool2d' ? BUILTIN.MAX_POOL_2D : BUILTIN.AVERAGE_POOL_2D), [x], [out], OPTIONS.Pool2DOptions, (b) => {
          b.startObject(6); b.addFieldInt8(0, l.padding === 'same' ? PAD_SAME : PAD_VALID, 0); b.addFieldInt32(1, l.strides[1], 0); b.addFieldInt32(2, l.strides[0], 0);
          b.addFieldInt32(3, l.poolSize[1], 0); b.addFieldInt32(4, l.poolSize[0], 0); return b.endObject();
        });
        return out;
      }
      case 'globalAvgPool2d': {
        const out = actTensor(name, l.outputShape, q);
        p.op(use(BUILTIN.MEAN), [x, i32(`${l.name}/axes`, [1, 2])], [out], OPTIONS.ReducerOptions, (b) => { b.startObject(1); return b.endObject(); });
        return out;
      }
      case 'flatten': case 'reshape': {
        const out = same();
        const shape = [1, ...l.outputShape];
        p.op(use(BUILTIN.RESHAPE), [x, i32(`${l.name}/shape`, shape)], [out], OPTIONS.ReshapeOptions, (b) => {
          b.startVector(4, shape.length, 4); for (let i = shape.length - 1; i >= 0; i--) b.addInt32(shape[i]); const v = b.endVector();
          b.startObject(1); b.addFieldOffset(0, v, 0); return b.endObject();
        });
        return out;
      }
      case 'activation': return emitActivation(l, x, l.activation, name, q);
      case 'add': case 'multiply': case 'maximum': case 'minimum': {
        const out = actTensor(name, l.outputShape, q);
        for (let j = 1; j < ins.length; j++) {
          const a = j === 1 ? x : out;
          const o = j === ins.length - 1 ? out : actTensor(`${name}/partial${j}`, l.outputShape, q);
          const code = l.kind === 'add' ? BUILTIN.ADD : l.kind === 'multiply' ? BUILTIN.MUL : l.kind === 'maximum' ? BUILTIN.MAXIMUM : BUILTIN.MINIMUM;
          const type = l.kind === 'add' ? OPTIONS.AddOptions : l.kind === 'multiply' ? OPTIONS.MulOptions : OPTIONS.MaximumMinimumOptions;
          const fused = l.kind === 'add' && j === ins.length - 1 ? splitActivation(l.activation).fused : FUSE.NONE;
          p.op(use(code), [a, ins[j]], [o], type, (b) => { b.startObject(2); if (code === BUILTIN.ADD || code === BUILTIN.MUL) b.addFieldInt8(0, fused, 0); return b.endObject(); });
        }
        return out;
      }
      case 'concat': {
        const out = actTensor(name, l.outputShape, q);
        p.op(use(BUILTIN.CONCATENATION), ins, [out], OPTIONS.ConcatenationOptions, (b) => { b.startObject(2); b.addFieldInt32(0, l.axis + 1, 0); return b.endObject(); });
        return out;
      }
      case 'zeroPad2d': {
        const out = same();
        p.op(use(BUILTIN.PAD), [x, p.tensor(`${l.name}/paddings`, [4, 2], TYPE.INT32, null, bytesOf(Int32Array.of(0, 0, l.pad[0], l.pad[1], l.pad[2], l.pad[3], 0, 0)))],
          [out], OPTIONS.PadOptions, (b) => { b.startObject(0); return b.endObject(); });
        return out;
      }
      case 'leakyRelu': {
        const out = actTensor(name, l.outputShape, q);
        p.op(use(BUILTIN.LEAKY_RELU), [x], [out], OPTIONS.LeakyReluOptions, (b) => { b.startObject(1); b.addFieldFloat32(0, l.alpha, 0); return b.endObject(); });
        return out;
      }
      case 'rescale': case 'batchNorm': {
        // MUL then ADD by constants (scalars for Rescaling, one per channel for an unfolded batch norm), as the converter writes them
        const c = l.outputShape[l.outputShape.length - 1];
        const [mulV, addV] = l.kind === 'rescale' ? [Float32Array.of(l.scale), Float32Array.of(l.offset)] : [l.scale.data, l.shift.data];
        const inR = inQ ? [(-128 - inQ.zeroPoint) * inQ.scale, (127 - inQ.zeroPoint) * inQ.scale] : [0, 0];
        const bound = Math.max(Math.abs(inR[0]), Math.abs(inR[1])) * Math.max(...Array.from(mulV, Math.abs));
        const mid = actTensor(`${name}/mul`, l.outputShape, int8 ? activationQuant(-bound, bound) : null);
        const constT = (tag: string, v: Float32Array) => {
          const shape = v.length === 1 ? [] : [c];
          if (!int8) return p.tensor(`${l.name}/${tag}`, shape, TYPE.FLOAT32, null, bytesOf(v.slice()));
          let lo = 0, hi = 0;
          for (const x of v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
          const cq = activationQuant(lo, hi);
          const q = Int8Array.from(v, (x) => Math.max(-128, Math.min(127, Math.round(x / cq.scale) + cq.zeroPoint)));
          return p.tensor(`${l.name}/${tag}`, shape, TYPE.INT8, { scale: [cq.scale], zeroPoint: [cq.zeroPoint], dim: 0 }, bytesOf(q));
        };
        p.op(use(BUILTIN.MUL), [x, constT('scale', mulV)], [mid], OPTIONS.MulOptions, (b) => { b.startObject(1); return b.endObject(); });
        const out = actTensor(name, l.outputShape, q);
        p.op(use(BUILTIN.ADD), [mid, constT('offset', addV)], [out], OPTIONS.AddOptions, (b) => { b.startObject(1); return b.endObject(); });
        return out;
      }
      default: throw new Error(`writeTflite: layer '${l.name}' (${l.kind}) is not written by this writer`);
    }
  }
}

/** Range of a layer's output before its non-fusable activation (calibrated as `<name>/pre`). */
function preRange(l: Layer, ranges: Map<string, [number, number]> | undefined): [number, number] {
  const r = ranges?.get(`${l.name}/pre`);
  if (!r) throw new Error(`writeTflite: no calibration range for '${l.name}/pre' (use calibrationRanges)`);
  return r;
}

/** The kernel in TFLite's layout and the dimension its per-channel scales run along. */
function tfliteKernel(l: Exclude<Layer, { kind: 'input' }> & { kernel: { shape: number[]; data: Float32Array } }): [Float32Array, number[], number] {
  const k = l.kernel;
  if (l.kind === 'conv2d') {
    const [kh, kw, ci, co] = k.shape;
    const w = new Float32Array(k.data.length);
    for (let a = 0; a < co; a++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < ci; c++) {
      w[((a * kh + y) * kw + x) * ci + c] = k.data[((y * kw + x) * ci + c) * co + a];
    }
    return [w, [co, kh, kw, ci], 0];
  }
  if (l.kind === 'depthwiseConv2d') {
    const [kh, kw, ci, m] = k.shape;
    return [k.data.slice(), [1, kh, kw, ci * m], 3];
  }
  const [n, units] = k.shape;
  const w = new Float32Array(k.data.length);
  for (let u = 0; u < units; u++) for (let i = 0; i < n; i++) w[u * n + i] = k.data[i * units + u];
  return [w, [units, n], 0];
}
