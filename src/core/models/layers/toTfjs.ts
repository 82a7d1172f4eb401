import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '../ir';
import type { ExtraLayer } from './shapes';
import { FakeQuant } from './fakeQuantLayer';

/** The tfjs layer of one IR layer of this folder and the weight values to set once it is built. */
export function extraLayerToTfjs(l: ExtraLayer): { layer: tf.layers.Layer; weights: Tensor[] } {
  const name = l.name;
  const none = (layer: tf.layers.Layer) => ({ layer, weights: [] });
  switch (l.kind) {
    case 'zeroPad2d': return none(tf.layers.zeroPadding2d({ name, padding: [[l.pad[0], l.pad[1]], [l.pad[2], l.pad[3]]] }));
    case 'crop2d': return none(tf.layers.cropping2D({ name, cropping: [[l.crop[0], l.crop[1]], [l.crop[2], l.crop[3]]] }));
    case 'concat': return none(tf.layers.concatenate({ name, axis: l.axis + 1 }));
    case 'multiply': return none(tf.layers.multiply({ name }));
    case 'average': return none(tf.layers.average({ name }));
    case 'maximum': return none(tf.layers.maximum({ name }));
    case 'minimum': return none(tf.layers.minimum({ name }));
    case 'upSample2d': return none(tf.layers.upSampling2d({ name, size: l.size, interpolation: l.interpolation }));
    case 'permute': return none(tf.layers.permute({ name, dims: l.perm.map((a) => a + 1) }));
    case 'rescale': return none(tf.layers.rescaling({ name, scale: l.scale, offset: l.offset }));
    case 'leakyRelu': return none(tf.layers.leakyReLU({ name, alpha: l.alpha }));
    case 'thresholdedRelu': return none(tf.layers.thresholdedReLU({ name, theta: l.theta }));
    case 'clippedRelu': return none(tf.layers.reLU({ name, maxValue: l.maxValue }));
    case 'prelu': {
      const shared = l.alpha.shape.flatMap((d, i) => (d === 1 ? [i + 1] : []));
      return { layer: tf.layers.prelu({ name, sharedAxes: shared.length ? shared : undefined }), weights: [l.alpha] };
    }
    case 'fakeQuant': return none(new FakeQuant({ name, scale: l.scale, zeroPoint: l.zeroPoint, qmin: l.qmin, qmax: l.qmax }));
  }
}
