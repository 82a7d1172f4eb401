import * as tf from '@tensorflow/tfjs';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs';

/**
 * The gradient of FusedBatchNorm, as tfjs-core defines it but broadcasting the per-channel factor
 * instead of tiling it to the full input (tfjs's Tile on the WASM backend cost ~30 % of a training step
 * of a batch-norm CNN). Same maths; the op always hands the kernel a rank-4 input.
 */
export const batchNormGradConfig: GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const g = dy as Tensor;
    const eps = attrs.varianceEpsilon as number;
    const [x, mean, variance, scale] = saved;
    const scaleValue = scale == null ? tf.scalar(1) : scale;
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const red = (t: Tensor) => tf.reshape(mean.rank === 1 ? tf.sum(t, axes) : t, mean.shape);
    const xMinusMean = tf.sub(x, mean);
    const dyTimesScale = tf.mul(g, scaleValue);
    const inv = tf.rsqrt(tf.add(variance, tf.scalar(eps)));
    const minusHalfRCube = tf.mul(tf.mul(tf.mul(inv, inv), inv), tf.scalar(-0.5));
    return {
      x: () => tf.reshape(tf.mul(g, tf.mul(inv, scaleValue)), x.shape),
      mean: () => red(tf.mul(tf.mul(inv, tf.scalar(-1)), dyTimesScale)),
      variance: () => red(tf.mul(tf.mul(minusHalfRCube, xMinusMean), dyTimesScale)),
      scale: () => red(tf.mul(g, tf.mul(xMinusMean, inv))),
      offset: () => red(g),
    };
  },
};

let registered = false;

/** Registers batchNormGradConfig in place of tfjs-core's FusedBatchNorm gradient (all backends). */
export function registerBatchNormGrad(): void {
  if (registered) return;
  tf.registerGradient(batchNormGradConfig);
  registered = true;
}
