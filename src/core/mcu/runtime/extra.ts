/**
 * Execution of the float ops from 32 (program/program.ts OP: the layers added for Keras-application and
 * TFLite coverage), one kernel per file in kernels/.
 */
import type { Counters } from './counters';
import type { Step } from './step';
import { OP } from '../../program/program';
import { concat } from './kernels/concat';
import { merge } from './kernels/merge';
import { pad } from './kernels/pad';
import { permute } from './kernels/permute';
import { pointwise } from './kernels/pointwise';
import { prelu } from './kernels/prelu';
import { upBilinear, upNearest } from './kernels/upsample';

/** Runs step `s` when its op is one of the ops from 32; throws on an op code nothing executes. */
export function executeExtra(s: Step, c: Counters): void {
  const { op } = s;
  const g = op.g;
  switch (op.op) {
    case OP.pad: pad(s.x, s.xo, s.y, s.yo, g, c); return;
    case OP.concat: concat(s.x, s.xo, s.y, s.yo, g, c); return;
    case OP.mul: case OP.maximum: case OP.minimum: case OP.average: merge(op.op, s.x, s.xo, s.x2, s.x2o, s.y, s.yo, g, s.params[0] ?? 1, c); return;
    case OP.upNearest: upNearest(s.x, s.xo, s.y, s.yo, g, c); return;
    case OP.upBilinear: upBilinear(s.x, s.xo, s.y, s.yo, g, c); return;
    case OP.permute: permute(s.x, s.xo, s.y, s.yo, g, c); return;
    case OP.prelu: prelu(s.x, s.xo, s.y, s.yo, g, s.bnScale, c); return;
    case OP.leakyRelu: case OP.thresholdedRelu: case OP.clippedRelu: case OP.rescale: case OP.fakeQuant:
      pointwise(op.op, s.x, s.xo, s.y, s.yo, op.out.size, s.params, c); return;
    default: throw new Error(`virtual MCU: op code ${op.op} has no kernel (bug)`);
  }
}
