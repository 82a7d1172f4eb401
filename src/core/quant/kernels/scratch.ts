/**
 * The int16 scratch the C int8 kernels (bundle/c/int8/yono_kernels_s8.c) need for a weight op: a conv takes
 * two im2col columns and a tile of decoded rows (row = the field rounded up to even; the tile as large as
 * the cap allows, at least one row), a depthwise every channel's taps plus one tap row, a dense on one
 * position its widened input plus, for PQ, the widened codebook. The C export sizes its scratch with it
 * and the virtual MCU's counts report it.
 */
import type { WeightOp } from '../lowered';

/** Default cap of a conv's scratch, int16 values (16 KB): measured in docs/int8-runtime.md §2. */
export const S8_SCRATCH_CAP = 8192;

/** True when a weight op runs as the dense kernel (a dense layer on one position). */
export const isDenseS8 = (op: WeightOp): boolean => op.kind === 'dense' && op.g.outH * op.g.outW === 1 && op.op === 'conv';

/** int16 values of scratch `op` needs (at least; more gives a conv larger tiles up to the cap). */
export function s8ScratchLen(op: WeightOp, cap = S8_SCRATCH_CAP): number {
  const { g } = op;
  const taps = g.kh * g.kw;
  if (op.op === 'depthwise') return taps * g.outC + ((taps + 1) & ~1);
  const field = taps * g.inC;
  const row = (field + 1) & ~1;
  if (isDenseS8(op)) return row + (op.pq ? op.pq.k * op.pq.d : 0);
  return Math.max(3 * row, Math.min(cap, (2 + g.outC) * row));
}
