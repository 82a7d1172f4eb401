import type { Activation, Layer, ModelIR, Padding } from '../../models/ir';

/**
 * A tiny Keras-like builder for layer tables in the model IR, with shape inference. Kernels are zero-filled:
 * the reference models exist to be counted (MACs, bytes, shapes), not to be run.
 */
export class IRBuilder {
  private readonly layers: Layer[] = [];
  private readonly shapes = new Map<string, number[]>();
  private last = 'input';
  private n = 0;

  constructor(private readonly name: string, private readonly inputShape: number[]) {
    this.layers.push({ kind: 'input', name: 'input', inputs: [], outputShape: [...inputShape] });
    this.shapes.set('input', [...inputShape]);
  }

  private shapeOf(layer: string): number[] {
    const s = this.shapes.get(layer);
    if (!s) throw new Error(`IRBuilder(${this.name}): no layer named '${layer}'`);
    return s;
  }

  private push(layer: Layer): string {
    if (this.shapes.has(layer.name)) throw new Error(`IRBuilder(${this.name}): duplicate layer name '${layer.name}'`);
    this.layers.push(layer);
    this.shapes.set(layer.name, layer.outputShape);
    this.last = layer.name;
    return layer.name;
  }

  private auto(prefix: string, name?: string): string {
    this.n += 1;
    return name ?? `${prefix}_${this.n}`;
  }

  /** Conv2D, channels-last; `padding: 'same'` gives ceil(in / stride). */
  conv2d(filters: number, kernel: [number, number], strides: [number, number], padding: Padding,
    activation: Activation, opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const [h, w, cin] = this.shapeOf(from);
    const oh = outDim(h, kernel[0], strides[0], padding);
    const ow = outDim(w, kernel[1], strides[1], padding);
    const kshape = [kernel[0], kernel[1], cin, filters];
    return this.push({
      kind: 'conv2d', name: this.auto('conv', opts.name), inputs: [from], outputShape: [oh, ow, filters],
      strides, padding, dilation: [1, 1], activation, kernel: zeros(kshape), bias: zeros([filters]),
    });
  }

  /** DepthwiseConv2D with depth multiplier 1. */
  depthwise(kernel: [number, number], strides: [number, number], padding: Padding, activation: Activation,
    opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const [h, w, c] = this.shapeOf(from);
    const oh = outDim(h, kernel[0], strides[0], padding);
    const ow = outDim(w, kernel[1], strides[1], padding);
    return this.push({
      kind: 'depthwiseConv2d', name: this.auto('dw', opts.name), inputs: [from], outputShape: [oh, ow, c],
      strides, padding, dilation: [1, 1], activation, kernel: zeros([kernel[0], kernel[1], c, 1]), bias: zeros([c]),
    });
  }

  /** Dense on the last axis of a rank-1 input. */
  dense(units: number, activation: Activation, opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const s = this.shapeOf(from);
    if (s.length !== 1) throw new Error(`IRBuilder(${this.name}): dense needs a rank-1 input, '${from}' is [${s}]; flatten first`);
    return this.push({
      kind: 'dense', name: this.auto('dense', opts.name), inputs: [from], outputShape: [units], activation,
      kernel: zeros([s[0], units]), bias: zeros([units]),
    });
  }

  /** Elementwise add of two layers of the same shape. */
  add(a: string, b: string, activation: Activation, name?: string): string {
    const sa = this.shapeOf(a);
    const sb = this.shapeOf(b);
    if (sa.join('x') !== sb.join('x')) throw new Error(`IRBuilder(${this.name}): add of [${sa}] and [${sb}]`);
    return this.push({ kind: 'add', name: this.auto('add', name), inputs: [a, b], outputShape: [...sa], activation });
  }

  /** AveragePooling2D, 'valid' padding; strides default to the pool size. */
  avgPool2d(pool: [number, number], opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const [h, w, c] = this.shapeOf(from);
    return this.push({
      kind: 'avgPool2d', name: this.auto('avgpool', opts.name), inputs: [from],
      outputShape: [outDim(h, pool[0], pool[0], 'valid'), outDim(w, pool[1], pool[1], 'valid'), c],
      poolSize: pool, strides: pool, padding: 'valid',
    });
  }

  /** MaxPooling2D, 'valid' padding, strides = pool size. */
  maxPool2d(pool: [number, number], opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const [h, w, c] = this.shapeOf(from);
    return this.push({
      kind: 'maxPool2d', name: this.auto('maxpool', opts.name), inputs: [from],
      outputShape: [outDim(h, pool[0], pool[0], 'valid'), outDim(w, pool[1], pool[1], 'valid'), c],
      poolSize: pool, strides: pool, padding: 'valid',
    });
  }

  /** Conv1D on an NWC input. */
  conv1d(filters: number, kernel: number, stride: number, padding: Padding, activation: Activation,
    opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const [w, cin] = this.shapeOf(from);
    return this.push({
      kind: 'conv1d', name: this.auto('conv1d', opts.name), inputs: [from],
      outputShape: [outDim(w, kernel, stride, padding), filters], stride, padding, dilation: 1, activation,
      kernel: zeros([kernel, cin, filters]), bias: zeros([filters]),
    });
  }

  /** Global average pooling over the spatial axes (rank 2 or 3 input) to rank 1. */
  globalAvgPool(opts: { from?: string; name?: string } = {}): string {
    const from = opts.from ?? this.last;
    const s = this.shapeOf(from);
    const kind = s.length === 3 ? 'globalAvgPool2d' : 'globalAvgPool1d';
    return this.push({ kind, name: this.auto('gap', opts.name), inputs: [from], outputShape: [s[s.length - 1]] });
  }

  /** Flatten to rank 1. */
  flatten(name?: string): string {
    const from = this.last;
    const size = this.shapeOf(from).reduce((a, b) => a * b, 1);
    return this.push({ kind: 'flatten', name: this.auto('flatten', name), inputs: [from], outputShape: [size] });
  }

  /** The finished IR; the last layer added is the output. */
  build(): ModelIR {
    return { name: this.name, inputShape: [...this.inputShape], layers: [...this.layers], output: this.last };
  }
}

function outDim(n: number, k: number, s: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

function zeros(shape: number[]): { shape: number[]; data: Float32Array } {
  return { shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) };
}
