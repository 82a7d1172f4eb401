/**
 * Where each int8 tensor of a lowered model lives (docs/int8-runtime.md §6): the input and the output in
 * buffers of their own, every other tensor in one arena planned ahead of time with TFLM's greedy planner
 * (program/arena.ts) at one byte per element and 4-byte aligned offsets; flatten/reshape alias their
 * input's buffer (which then lives as long as the alias is read). The C export reports the same arena.
 */
import { planArena } from './arena';
import type { ArenaBuffer } from './arena';
import type { LoweredModel } from '../quant/lowered';
import { sizeOf } from '../models/shapes';

/** A tensor's place: a buffer and a byte offset in it. */
export interface Int8Place { buf: 'input' | 'output' | 'arena'; offset: number; size: number }

/** The plan of a lowered model. */
export interface Int8Plan {
  places: Map<string, Int8Place>;
  arenaBytes: number;
  inputBytes: number;
  outputBytes: number;
  /** Arena bytes live while op i runs (its inputs, its output, everything kept for later). */
  liveBytes: Int32Array;
}

/**
 * Plans the buffers of `m`: each op's output tensor placed for the steps from the op that writes it to the
 * last op that reads it (through aliases). Deterministic.
 */
export function planInt8(m: LoweredModel): Int8Plan {
  const root = new Map<string, string>([[m.input, m.input]]);
  for (const op of m.ops) root.set(op.name, op.op === 'alias' ? root.get(op.inputs[0])! : op.name);
  const out = root.get(m.output)!;
  if (out === m.input) throw new Error(`model '${m.name}': its output is its input; an int8 model computes something`);
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  m.ops.forEach((op, i) => {
    if (op.op !== 'alias') first.set(op.name, i);
    for (const x of op.inputs) last.set(root.get(x)!, i);
  });
  const names = [...first.keys()].filter((n) => n !== out);
  const size = (n: string) => sizeOf(m.tensors[n].shape);
  const buffers: ArenaBuffer[] = names.map((n) => ({ size: size(n), first: first.get(n)!, last: Math.max(first.get(n)!, last.get(n) ?? 0) }));
  const placement = planArena(buffers);
  const places = new Map<string, Int8Place>();
  names.forEach((n, i) => places.set(n, { buf: 'arena', offset: placement.offsets[i], size: size(n) }));
  places.set(m.input, { buf: 'input', offset: 0, size: size(m.input) });
  places.set(out, { buf: 'output', offset: 0, size: size(out) });
  for (const op of m.ops) if (op.op === 'alias') places.set(op.name, { ...places.get(root.get(op.name)!)!, size: size(op.name) });
  const liveBytes = new Int32Array(m.ops.length);
  buffers.forEach((b) => { for (let i = b.first; i <= b.last; i++) liveBytes[i] += b.size; });
  return { places, arenaBytes: names.length ? placement.size : 0, inputBytes: size(m.input), outputBytes: size(out), liveBytes };
}
