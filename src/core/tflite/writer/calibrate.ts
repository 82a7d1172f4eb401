import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../../models/ir';
import { sizeOf } from '../../models/shapes';
import { toLayersModel } from '../../models/toLayersModel';
import { isWeightLayer } from '../../models/ir';
import type { Layer } from '../../models/ir';

/**
 * The IR with every weight layer or add whose activation TFLite cannot fuse (sigmoid, softmax) split into
 * the linear layer `<name>/pre` and an activation layer `<name>`, so both ranges are calibrated.
 */
function splitActivations(ir: ModelIR): ModelIR {
  const layers: Layer[] = [];
  for (const l of ir.layers) {
    if ((isWeightLayer(l) || l.kind === 'add') && (l.activation === 'sigmoid' || l.activation === 'softmax')) {
      layers.push({ ...l, name: `${l.name}/pre`, activation: 'linear' } as Layer);
      layers.push({ kind: 'activation', name: l.name, inputs: [`${l.name}/pre`], outputShape: l.outputShape.slice(), activation: l.activation });
    } else layers.push(l);
  }
  return { ...ir, layers };
}

/**
 * Range [min, max] of every IR layer's output (and of the input) over calibration samples `x` (n rows of
 * the input shape), as a post-training int8 quantiser calibrates: for writing full-integer TFLite files.
 */
export function calibrationRanges(source: ModelIR, x: Float32Array, batch = 64): Map<string, [number, number]> {
  const ir = splitActivations(source);
  const model = toLayersModel(ir);
  const names = ir.layers.slice(1).map((l) => l.name);
  const outs = names.map((n) => {
    const act = model.layers.find((l) => l.name === `${n}/activation`);
    return (act ?? model.getLayer(n)).output as tf.SymbolicTensor;
  });
  const probe = tf.model({ inputs: model.inputs, outputs: outs });
  const ranges = new Map<string, [number, number]>(names.map((n) => [n, [Infinity, -Infinity]]));
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) { lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
  ranges.set(ir.layers[0].name, [lo, hi]);
  const row = sizeOf(ir.inputShape);
  const n = x.length / row;
  try {
    for (let s = 0; s < n; s += batch) {
      const e = Math.min(n, s + batch);
      const ys = tf.tidy(() => {
        const r = probe.predict(tf.tensor(x.subarray(s * row, e * row), [e - s, ...ir.inputShape]));
        return (Array.isArray(r) ? r : [r]).map((t) => [tf.min(t), tf.max(t)]);
      });
      ys.forEach(([lo, hi], i) => {
        const r = ranges.get(names[i]) as [number, number];
        r[0] = Math.min(r[0], lo.dataSync()[0]);
        r[1] = Math.max(r[1], hi.dataSync()[0]);
      });
      tf.dispose(ys.flat());
    }
  } finally {
    model.dispose();
  }
  return ranges;
}
