import type { Layer } from '../ir';

type ExtraKind = 'zeroPad2d' | 'crop2d' | 'concat' | 'multiply' | 'average' | 'maximum' | 'minimum' | 'upSample2d'
  | 'permute' | 'rescale' | 'leakyRelu' | 'thresholdedRelu' | 'clippedRelu' | 'prelu' | 'fakeQuant';
/** The layers of this folder (Keras-application and TFLite coverage beyond the original IR). */
export type ExtraLayer = Extract<Layer, { kind: ExtraKind }>;

/**
 * Output shape of a layer of this folder from its input shapes; throws (with `fail`) when the inputs do
 * not fit the layer. Element-wise merges follow tfjs: equal ranks, a dimension of 1 broadcasts.
 */
export function inferExtraShape(l: ExtraLayer, ins: number[][], fail: (msg: string) => never): number[] {
  const x = ins[0];
  const rank3 = () => { if (x.length !== 3) fail(`expects a rank-3 input (H x W x C, without batch), got [${x}]`); };
  switch (l.kind) {
    case 'zeroPad2d': rank3(); return [x[0] + l.pad[0] + l.pad[1], x[1] + l.pad[2] + l.pad[3], x[2]];
    case 'crop2d': {
      rank3();
      const out = [x[0] - l.crop[0] - l.crop[1], x[1] - l.crop[2] - l.crop[3], x[2]];
      if (out[0] < 1 || out[1] < 1) fail(`cropping [${l.crop}] leaves nothing of a [${x}] input`);
      return out;
    }
    case 'concat': {
      if (!Number.isInteger(l.axis) || l.axis < 0 || l.axis >= x.length) fail(`axis ${l.axis} is outside the input's ${x.length} axes`);
      const out = x.slice();
      for (const s of ins.slice(1)) {
        if (s.length !== x.length || s.some((d, i) => i !== l.axis && d !== x[i])) fail(`cannot concatenate [${x}] and [${s}] along axis ${l.axis}`);
        out[l.axis] += s[l.axis];
      }
      return out;
    }
    case 'multiply': case 'average': case 'maximum': case 'minimum': {
      const out = x.slice();
      for (const s of ins.slice(1)) {
        if (s.length !== out.length) fail(`inputs have different ranks [${x}] and [${s}]`);
        s.forEach((d, i) => {
          if (d === out[i] || d === 1) return;
          if (out[i] === 1) out[i] = d;
          else fail(`inputs [${x}] and [${s}] do not broadcast`);
        });
      }
      return out;
    }
    case 'upSample2d': rank3(); return [x[0] * l.size[0], x[1] * l.size[1], x[2]];
    case 'permute': {
      const p = l.perm;
      if (p.length !== x.length || [...p].sort((a, b) => a - b).some((v, i) => v !== i)) fail(`perm [${p}] is not a permutation of the ${x.length} input axes`);
      return p.map((a) => x[a]);
    }
    case 'prelu':
      if (l.alpha.shape.length !== x.length || l.alpha.shape.some((d, i) => d !== 1 && d !== x[i])) fail(`alpha of shape [${l.alpha.shape}] does not fit an input [${x}]`);
      return x.slice();
    case 'rescale': case 'leakyRelu': case 'thresholdedRelu': case 'clippedRelu': case 'fakeQuant':
      return x.slice();
  }
}
