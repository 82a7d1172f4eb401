/**
 * The fake-quant tfjs model of a model with int8 activations: the float model of its int8 graph
 * (graph.ts) with every tensor that the int8 runtime quantises passed through `fakeQuant` (round half away
 * from zero, clamp, back to float; straight-through gradient), so that its predictions are the int8
 * runtime's and it trains like the float model. Weight layers keep their IR names (kernel at weights[0],
 * bias at weights[1]), so a ModelSession drives it like the float model; the kernel and bias it evaluates
 * a stored layer with are `fakeQuantWeights`: the int8 weights times the unit's effective scale and the
 * int32 bias times its scale, from the lowering (lower.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Layer, ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { toLayersModel } from '../models/toLayersModel';
import { fakeQuant, type FakeQuantParams } from '../tfjs/fakeQuant';
import type { AffineParams } from './affine';
import type { LayerEncoding, LoweringCodebook } from './encoding';
import { int8Graph, tensorRule } from './graph';
import { addMultipliers, lowerBatchNorm, lowerWeightLayer } from './lower';
import type { WeightOp } from './lowered';

/** A tfjs layer that fake-quantises its input (its `shifts` set while its input is a stored layer's output). */
export class FakeQuantLayer extends tf.layers.Layer {
  static className = 'YonoFakeQuant';
  readonly params: FakeQuantParams;
  /** The requantisation shifts of the int8 kernel before it (FakeQuantParams.shifts), or null. */
  shifts: Int32Array | null = null;

  constructor(params: FakeQuantParams, name: string) {
    super({ name, trainable: false });
    this.params = params;
  }

  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return fakeQuant(Array.isArray(inputs) ? inputs[0] : inputs, { ...this.params, shifts: this.shifts });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { scale, zeroPoint, qmin, qmax, offsetFirst } = this.params;
    return { ...super.getConfig(), scale, zeroPoint, qmin, qmax, offsetFirst };
  }
}

/**
 * The fake-quantisation after an int8-graph layer, or null where the values are already on their int8
 * grid (max pooling, flatten, reshape, ReLU and linear activation layers) or float (a final softmax).
 * Average pooling rounds with the zero point included and its ties away from zero (TFLM's integer
 * average; `inShape` gives a global pool's count).
 */
export function fakeQuantAfter(l: Layer, params: Record<string, AffineParams>, inShape: readonly number[] = []): FakeQuantParams | null {
  const r = tensorRule(l);
  if (r.kind === 'float') return null;
  const p = params[l.name];
  if (!p) throw new Error(`tensor '${l.name}' has no quantisation parameters (calibrate the model first)`);
  const fq = (offsetFirst: boolean): FakeQuantParams => ({ scale: p.scale, zeroPoint: p.zeroPoint, qmin: -128, qmax: 127, offsetFirst });
  if (r.kind !== 'same') return fq(false);
  switch (l.kind) {
    case 'avgPool1d': return { ...fq(true), avgCount: l.poolSize };
    case 'avgPool2d': return { ...fq(true), avgCount: l.poolSize[0] * l.poolSize[1] };
    case 'globalAvgPool1d': case 'globalAvgPool2d': return { ...fq(true), avgCount: inShape.slice(0, -1).reduce((a, b) => a * b, 1) };
    case 'activation': return l.activation === 'relu6' ? fq(false) : null;
    default: return null;
  }
}

/** The float kernel and bias a lowered weight layer computes with: int8 × effective unit scale, int32 × its scale. */
export function effectiveWeights(op: WeightOp): { kernel: Float32Array; bias: Float32Array | null } {
  const units = op.weightScale.length;
  const kernel = new Float32Array(op.kernel.length);
  for (let i = 0; i < kernel.length; i++) kernel[i] = op.kernel[i] * op.weightScale[i % units];
  const bias = op.bias && Float32Array.from(op.bias, (b, u) => b * op.in.scale * op.weightScale[u]);
  return { kernel, bias };
}

/**
 * The fake-quant model of an inference-graph IR with the parameters of every tensor of its int8 graph
 * (Calibration.params): `model` (the caller disposes it) holds the IR's float weights; unfolded batch norms
 * and adds round like their int8 ops. `stored` gives the kernel and bias a stored layer computes with and
 * makes its output round like the int8 kernel (TFLM's double rounding, per channel); `clearStored` puts
 * every weight layer back to one rounding (a float layer between int8 tensors).
 */
export class FakeQuantModel {
  readonly model: tf.LayersModel;
  private readonly fq = new Map<string, FakeQuantLayer>();
  private readonly layers: Map<string, WeightLayer>;
  private readonly shapes: Map<string, number[]>;

  constructor(ir: ModelIR, readonly params: Record<string, AffineParams>) {
    const g = int8Graph(ir);
    this.layers = new Map(g.layers.filter(isWeightLayer).map((l) => [l.name, l]));
    this.shapes = new Map(g.layers.map((l) => [l.name, l.outputShape]));
    this.model = toLayersModel(g, {
      after: (l, y) => {
        const p = fakeQuantAfter(l, params, l.inputs.length ? this.shapes.get(l.inputs[0]) : []);
        if (!p) return y;
        const layer = new FakeQuantLayer(p, `${l.name}/fq`);
        this.fq.set(l.name, layer);
        return layer.apply(y) as tf.SymbolicTensor;
      },
    });
    for (const l of g.layers) {
      if (l.kind === 'add') this.fq.get(l.name)!.shifts = Int32Array.of(addMultipliers(params[l.inputs[0]], params[l.inputs[1]], params[l.name]).outMult.shift);
      if (l.kind !== 'batchNorm') continue;
      const op = lowerBatchNorm(l, params[l.inputs[0]], params[l.name], this.shapes.get(l.inputs[0])!);
      const { kernel, bias } = effectiveWeights(op);
      const n = kernel.length;
      const w = [kernel, bias!, new Float32Array(n), new Float32Array(n).fill(1 - 1e-3)].map((a) => tf.tensor1d(a));
      this.model.getLayer(l.name).setWeights(w);
      tf.dispose(w);
      this.fq.get(l.name)!.shifts = op.shift;
    }
  }

  /**
   * Kernel (IR layout) and bias of layer `name` stored as `enc` (with `codebook` for PQ) and holding the
   * float bias `bias` — null for a float32 layer, which computes with its float kernel and bias — and its
   * output set to round like its int8 kernel until clearStored.
   */
  stored(name: string, enc: LayerEncoding, codebook: LoweringCodebook | null, bias: Float32Array | null): { kernel: Float32Array; bias: Float32Array | null } | null {
    const l = this.layers.get(name);
    if (!l) throw new Error(`fake quantisation: no weight layer '${name}'`);
    const layer = { ...l, bias: bias && { shape: [bias.length], data: bias } } as WeightLayer;
    const op = lowerWeightLayer(layer, enc, codebook ? [codebook] : [], this.params[l.inputs[0]], this.params[name], this.shapes.get(l.inputs[0])!);
    if (!op) return null;
    this.fq.get(name)!.shifts = op.shift;
    return effectiveWeights(op);
  }

  /** Every weight layer's output back to one rounding. */
  clearStored(): void {
    for (const name of this.layers.keys()) this.fq.get(name)!.shifts = null;
  }
}
