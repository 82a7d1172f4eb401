import type { Layer, ModelIR, Padding } from './ir';
import { MULTI_INPUT_KINDS } from './ir';
import { inferExtraShape } from './layers/shapes';
import { layerTensors } from './layers/params';

/** Output length of a convolution or pooling window along one axis (the tfjs / Keras rule). */
export function convOutputSize(inSize: number, k: number, stride: number, dilation: number, padding: Padding): number {
  const eff = (k - 1) * dilation + 1;
  return padding === 'same' ? Math.ceil(inSize / stride) : Math.max(0, Math.floor((inSize - eff) / stride) + 1);
}

/** Zero padding before the first element along one axis ('same' puts the extra one after, as tfjs). */
export function padBefore(inSize: number, k: number, stride: number, dilation: number, padding: Padding): number {
  if (padding === 'valid') return 0;
  const out = Math.ceil(inSize / stride);
  const total = Math.max(0, (out - 1) * stride + (k - 1) * dilation + 1 - inSize);
  return Math.floor(total / 2);
}

/**
 * First and one-past-last valid tap of each output position along one axis (padding taps skipped), in
 * O(1) per position: tap t is valid when 0 <= o * stride - pad + t * dil < inN.
 */
export function tapRanges(outN: number, inN: number, k: number, stride: number, dil: number, pad: number): Int32Array {
  const r = new Int32Array(outN * 2);
  for (let o = 0; o < outN; o++) {
    const i0 = o * stride - pad;
    const a = i0 >= 0 ? 0 : Math.min(k, Math.floor((dil - 1 - i0) / dil));
    const room = inN - 1 - i0;
    const b = room < 0 ? 0 : Math.min(k, Math.floor(room / dil) + 1);
    r[2 * o] = a;
    r[2 * o + 1] = b > a ? b : a;
  }
  return r;
}

/** Product of the dimensions. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function fail(l: Layer, msg: string): never {
  throw new Error(`layer '${l.name}' (${l.kind}): ${msg}`);
}

/** Computes one layer's output shape from its input shapes, checking weights against them. */
export function inferLayerShape(l: Layer, ins: number[][], modelInput: number[]): number[] {
  const x = ins[0];
  const rank = (r: number) => { if (x.length !== r) fail(l, `expects a rank-${r} input (without batch), got [${x}]`); };
  const ch = x ? x[x.length - 1] : 0;
  switch (l.kind) {
    case 'input': return modelInput.slice();
    case 'dense': {
      if (l.kernel.shape[0] !== ch) fail(l, `kernel has ${l.kernel.shape[0]} inputs but the input has ${ch} features`);
      return [...x.slice(0, -1), l.kernel.shape[1]];
    }
    case 'conv2d': case 'depthwiseConv2d': {
      rank(3);
      const [kh, kw, cin, k3] = l.kernel.shape;
      if (cin !== ch) fail(l, `kernel expects ${cin} input channels, input has ${ch}`);
      return [convOutputSize(x[0], kh, l.strides[0], l.dilation[0], l.padding),
        convOutputSize(x[1], kw, l.strides[1], l.dilation[1], l.padding), l.kind === 'conv2d' ? k3 : cin * k3];
    }
    case 'conv1d': {
      rank(2);
      const [k, cin, cout] = l.kernel.shape;
      if (cin !== ch) fail(l, `kernel expects ${cin} input channels, input has ${ch}`);
      return [convOutputSize(x[0], k, l.stride, l.dilation, l.padding), cout];
    }
    case 'batchNorm':
      if (l.scale.shape[0] !== ch || l.shift.shape[0] !== ch) fail(l, `has ${l.scale.shape[0]} channels, input has ${ch}`);
      return x.slice();
    case 'maxPool2d': case 'avgPool2d':
      rank(3);
      return [convOutputSize(x[0], l.poolSize[0], l.strides[0], 1, l.padding),
        convOutputSize(x[1], l.poolSize[1], l.strides[1], 1, l.padding), ch];
    case 'maxPool1d': case 'avgPool1d':
      rank(2);
      return [convOutputSize(x[0], l.poolSize, l.stride, 1, l.padding), ch];
    case 'globalAvgPool1d': case 'globalMaxPool1d': rank(2); return [ch];
    case 'globalAvgPool2d': case 'globalMaxPool2d': rank(3); return [ch];
    case 'flatten': return [sizeOf(x)];
    case 'reshape': {
      const t = l.targetShape;
      const known = sizeOf(t.filter((d) => d !== -1));
      const out = t.map((d) => (d === -1 ? sizeOf(x) / known : d));
      if (sizeOf(out) !== sizeOf(x) || !out.every(Number.isInteger)) fail(l, `cannot reshape [${x}] to [${t}]`);
      return out;
    }
    case 'activation': return x.slice();
    case 'add':
      for (const s of ins) if (!same(s, x)) fail(l, `inputs have different shapes [${x}] and [${s}]`);
      return x.slice();
    default: return inferExtraShape(l, ins, (msg) => fail(l, msg));
  }
}

/**
 * Recomputes every layer's output shape from the model input and checks it against the stored
 * `outputShape`, the graph order (inputs defined before use) and the weight shapes. Returns the shapes
 * by layer name; throws an Error naming the first inconsistent layer.
 */
export function inferShapes(ir: ModelIR): Map<string, number[]> {
  const shapes = new Map<string, number[]>();
  if (ir.layers.length === 0 || ir.layers[0].kind !== 'input') throw new Error(`model '${ir.name}': layers[0] must be the input layer`);
  for (const l of ir.layers) {
    if (shapes.has(l.name)) throw new Error(`model '${ir.name}': duplicate layer name '${l.name}'`);
    const ins = l.inputs.map((n) => {
      const s = shapes.get(n);
      if (!s) throw new Error(`model '${ir.name}': layer '${l.name}' reads '${n}', which is not defined before it`);
      return s;
    });
    if (l.kind !== 'input' && ins.length === 0) fail(l, 'has no inputs');
    if (!MULTI_INPUT_KINDS.has(l.kind) && ins.length > 1) fail(l, `has ${ins.length} inputs, expected 1`);
    if (MULTI_INPUT_KINDS.has(l.kind) && ins.length < 2) fail(l, `has ${ins.length} input, expected 2 or more`);
    for (const [what, t] of layerTensors(l)) {
      if (t.data.length !== sizeOf(t.shape)) fail(l, `${what} holds ${t.data.length} values but its shape [${t.shape}] needs ${sizeOf(t.shape)}`);
    }
    const s = inferLayerShape(l, ins, ir.inputShape);
    if (!same(s, l.outputShape)) fail(l, `stored output shape [${l.outputShape}] but the inputs give [${s}]`);
    shapes.set(l.name, s);
  }
  if (!shapes.has(ir.output)) throw new Error(`model '${ir.name}': output layer '${ir.output}' does not exist`);
  return shapes;
}
