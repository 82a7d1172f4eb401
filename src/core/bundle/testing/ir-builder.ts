import type { Activation, Layer, ModelIR, Padding, Tensor } from '../../models/ir';
import { inferLayerShape, sizeOf } from '../../models/shapes';
import { createRng } from '../../util/random';

type Opts2 = { k: [number, number]; strides?: [number, number]; padding?: Padding; dilation?: [number, number]; activation?: Activation; bias?: boolean };

/**
 * Builds a model IR by hand with seeded random weights (uniform, fan-in scaled) and output shapes
 * inferred as it goes. Tests only: gives tiny models of every layer kind without tfjs.
 */
export class IRBuilder {
  readonly layers: Layer[] = [];
  private readonly rnd: () => number;
  private readonly shapes = new Map<string, number[]>();

  constructor(readonly name: string, readonly inputShape: number[], seed: number) {
    this.rnd = createRng(seed);
    this.push({ kind: 'input', name: 'input', inputs: [], outputShape: inputShape.slice() });
  }

  private push(l: Layer): string {
    const ins = l.inputs.map((n) => this.shapes.get(n) as number[]);
    l.outputShape = inferLayerShape(l, ins, this.inputShape);
    this.shapes.set(l.name, l.outputShape);
    this.layers.push(l);
    return l.name;
  }

  shape(name: string): number[] { return this.shapes.get(name) as number[]; }

  private tensor(shape: number[], fanIn: number, offset = 0): Tensor {
    const a = Math.sqrt(3 / fanIn);
    const data = new Float32Array(sizeOf(shape));
    for (let i = 0; i < data.length; i++) data[i] = offset + (this.rnd() * 2 - 1) * a;
    return { shape, data };
  }

  private ch(input: string): number { const s = this.shape(input); return s[s.length - 1]; }

  dense(name: string, input: string, units: number, activation: Activation = 'linear', bias = true): string {
    const cin = this.ch(input);
    return this.push({ kind: 'dense', name, inputs: [input], outputShape: [], activation,
      kernel: this.tensor([cin, units], cin), bias: bias ? this.tensor([units], 10) : null });
  }

  conv2d(name: string, input: string, filters: number, o: Opts2): string {
    const cin = this.ch(input);
    return this.push({ kind: 'conv2d', name, inputs: [input], outputShape: [], strides: o.strides ?? [1, 1], padding: o.padding ?? 'valid',
      dilation: o.dilation ?? [1, 1], activation: o.activation ?? 'linear',
      kernel: this.tensor([o.k[0], o.k[1], cin, filters], o.k[0] * o.k[1] * cin), bias: o.bias === false ? null : this.tensor([filters], 10) });
  }

  depthwise(name: string, input: string, mult: number, o: Opts2): string {
    const cin = this.ch(input);
    return this.push({ kind: 'depthwiseConv2d', name, inputs: [input], outputShape: [], strides: o.strides ?? [1, 1], padding: o.padding ?? 'valid',
      dilation: o.dilation ?? [1, 1], activation: o.activation ?? 'linear',
      kernel: this.tensor([o.k[0], o.k[1], cin, mult], o.k[0] * o.k[1]), bias: o.bias === false ? null : this.tensor([cin * mult], 10) });
  }

  /** A separable conv as the IR holds it: `<name>/depthwise` (no bias, linear) then `<name>/pointwise` (1x1). */
  separable(name: string, input: string, filters: number, o: Opts2): string {
    const dw = this.depthwise(`${name}/depthwise`, input, 1, { ...o, activation: 'linear', bias: false });
    return this.conv2d(`${name}/pointwise`, dw, filters, { k: [1, 1], activation: o.activation ?? 'linear' });
  }

  conv1d(name: string, input: string, filters: number, k: number, o: { stride?: number; padding?: Padding; dilation?: number; activation?: Activation } = {}): string {
    const cin = this.ch(input);
    return this.push({ kind: 'conv1d', name, inputs: [input], outputShape: [], stride: o.stride ?? 1, padding: o.padding ?? 'valid',
      dilation: o.dilation ?? 1, activation: o.activation ?? 'linear', kernel: this.tensor([k, cin, filters], k * cin), bias: this.tensor([filters], 10) });
  }

  batchNorm(name: string, input: string): string {
    const c = this.ch(input);
    return this.push({ kind: 'batchNorm', name, inputs: [input], outputShape: [], scale: this.tensor([c], 3, 1), shift: this.tensor([c], 10) });
  }

  pool2d(kind: 'maxPool2d' | 'avgPool2d', name: string, input: string, size: [number, number], strides: [number, number], padding: Padding): string {
    return this.push({ kind, name, inputs: [input], outputShape: [], poolSize: size, strides, padding });
  }

  pool1d(kind: 'maxPool1d' | 'avgPool1d', name: string, input: string, size: number, stride: number, padding: Padding): string {
    return this.push({ kind, name, inputs: [input], outputShape: [], poolSize: size, stride, padding });
  }

  global(kind: 'globalAvgPool1d' | 'globalAvgPool2d' | 'globalMaxPool1d' | 'globalMaxPool2d', name: string, input: string): string {
    return this.push({ kind, name, inputs: [input], outputShape: [] });
  }

  flatten(name: string, input: string): string { return this.push({ kind: 'flatten', name, inputs: [input], outputShape: [] }); }
  reshape(name: string, input: string, targetShape: number[]): string { return this.push({ kind: 'reshape', name, inputs: [input], outputShape: [], targetShape }); }
  activation(name: string, input: string, activation: Activation): string { return this.push({ kind: 'activation', name, inputs: [input], outputShape: [], activation }); }
  add(name: string, inputs: string[], activation: Activation = 'linear'): string { return this.push({ kind: 'add', name, inputs, outputShape: [], activation }); }

  build(output: string): ModelIR {
    return { name: this.name, inputShape: this.inputShape.slice(), layers: this.layers, output };
  }
}
