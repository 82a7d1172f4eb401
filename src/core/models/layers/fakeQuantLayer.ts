import * as tf from '@tensorflow/tfjs';

/** Config of the fake-quantisation layer (the quantisation of a TFLite model's int8 input or output). */
export interface FakeQuantConfig { scale: number; zeroPoint: number; qmin: number; qmax: number }

/**
 * y = (clamp(round(x / scale) + zeroPoint, qmin, qmax) - zeroPoint) * scale, as a TFLite QUANTIZE then
 * DEQUANTIZE pair computes it (round half away from zero, as TFLite's reference kernels). The gradient is
 * the straight-through estimator: identity inside the representable range, zero outside, so a model
 * with it at its edges can still be fine-tuned.
 */
export function fakeQuant(x: tf.Tensor, q: FakeQuantConfig): tf.Tensor {
  const lo = (q.qmin - q.zeroPoint) * q.scale;
  const hi = (q.qmax - q.zeroPoint) * q.scale;
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as tf.Tensor;
    (args[1] as tf.GradSaveFunc)([t]);
    const s = tf.div(t, q.scale);
    const r = tf.mul(tf.sign(s), tf.floor(tf.add(tf.abs(s), 0.5)));
    const v = tf.clipByValue(tf.add(r, q.zeroPoint), q.qmin, q.qmax);
    return { value: tf.mul(tf.sub(v, q.zeroPoint), q.scale), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const inRange = tf.logicalAnd(tf.greaterEqual(saved[0], lo), tf.lessEqual(saved[0], hi));
      return tf.mul(dy, tf.cast(inRange, 'float32'));
    } };
  });
  return f(x);
}

/** The tfjs layer of an IR `fakeQuant` layer; registered so that a saved model with it loads again. */
export class FakeQuant extends tf.layers.Layer {
  static className = 'YonoFakeQuant';
  readonly q: FakeQuantConfig;

  constructor(args: FakeQuantConfig & { name?: string }) {
    super({ name: args.name });
    this.q = { scale: args.scale, zeroPoint: args.zeroPoint, qmin: args.qmin, qmax: args.qmax };
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => fakeQuant(Array.isArray(inputs) ? inputs[0] : inputs, this.q));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.q };
  }
}
tf.serialization.registerClass(FakeQuant);
