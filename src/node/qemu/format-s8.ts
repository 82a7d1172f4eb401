// Tables of the int8 Cortex-M check (the QEMU test, the bench): per model and target, and per layer kind
// beside CMSIS-NN's instructions per MAC (MCU-FIGURES.md).
import type { S8ModelCheck, OpInsns } from './check-s8';

const M = (n: number) => `${(n / 1e6).toFixed(2)} M`;

/** Layer kinds of the per-kind table; `first conv` is a conv with fewer than 4 input channels. */
export type S8Kind = 'conv' | 'first conv' | 'pointwise' | 'depthwise' | 'conv1d' | 'dense' | 'other';

/** CMSIS-NN instructions per MAC by kind (MCU-FIGURES.md: measured on its kernels under an instruction-counting emulator). */
export const CMSIS_NN_INSNS_PER_MAC: Partial<Record<S8Kind, string>> = {
  conv: '2.33', 'first conv': '4.86 (Cin = 3)', pointwise: '2.05-2.66', depthwise: '8.25', dense: '1.96', conv1d: '-',
};

/** The kind of an op from its counts. */
export function s8Kind(o: OpInsns): S8Kind {
  const c = o.counts;
  if (c.macs === 0) return 'other';
  if (c.op === 'conv') return c.inputChannels < 4 ? 'first conv' : 'conv';
  return c.op === 'elementwise' || c.op === 'pool' ? 'other' : c.op;
}

/** Per model and target: agreement, instructions per inference and per MAC, .text, the export's int8 arena. */
export function formatS8Check(res: S8ModelCheck[], tools: Record<string, string>): string {
  const rows = [['model', 'target', 'samples', '.text B', 'int8 = host / TS runtime', 'insns/inference', 'MACs', 'insns/MAC', 'arena B (activations + unit tables)', 'scratch B']];
  for (const m of res) {
    for (const t of m.targets) {
      if (!t.fits) { rows.push([m.model, t.machine, String(m.samples), '', t.message, '', '', '', '', '']); continue; }
      rows.push([m.model, t.machine, String(m.samples), String(t.text), `${t.exactVsHost}/${t.outputs} / ${t.exactVsRuntime}/${t.outputs}`,
        M(t.insnsPerInference), m.macs.toLocaleString('en-US'), t.insnsPerMac.toFixed(2), `${m.arenaBytes} (${m.activationBytes} + ${m.arenaBytes - m.activationBytes})`, String(m.scratchBytes)]);
    }
  }
  return [table(rows), '', `${tools.gcc}; ${tools.qemu}`].join('\n');
}

/** Instructions per MAC by layer kind over every model on one target, beside CMSIS-NN's. */
export function formatS8Kinds(res: S8ModelCheck[], target: 'm7' | 'm4'): string {
  const acc = new Map<S8Kind, { macs: number; insns: number; layers: number }>();
  for (const m of res) {
    const t = m.targets.find((x) => x.target === target && x.fits);
    for (const o of t?.ops ?? []) {
      const k = s8Kind(o);
      const a = acc.get(k) ?? { macs: 0, insns: 0, layers: 0 };
      a.macs += o.counts.macs; a.insns += o.insns; a.layers++;
      acc.set(k, a);
    }
  }
  const order: S8Kind[] = ['conv', 'first conv', 'pointwise', 'depthwise', 'conv1d', 'dense', 'other'];
  const rows = [['kind', 'layers', 'MACs', 'insns', 'insns/MAC', 'CMSIS-NN insns/MAC']];
  for (const k of order) {
    const a = acc.get(k);
    if (!a) continue;
    rows.push([k, String(a.layers), a.macs.toLocaleString('en-US'), M(a.insns), a.macs ? (a.insns / a.macs).toFixed(2) : '-', CMSIS_NN_INSNS_PER_MAC[k] ?? '-']);
  }
  return table(rows);
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 || c === 1 ? v.padEnd(w[c]) : v.padStart(w[c]))).join('  ').trimEnd()).join('\n');
}
