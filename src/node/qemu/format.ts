// Text table of a Cortex-M check (scripts/mcu-check/run.ts, the QEMU test, the bench).
import type { ModelCheck } from './check';

const M = (n: number) => `${(n / 1e6).toFixed(2)} M`;

/** One row per model and target: fit, agreement with host and runtime, instructions per inference and per MAC, the top symbols. */
export function formatCheck(res: ModelCheck[], tools: Record<string, string>): string {
  const rows = [['model', 'target', 'samples', 'text B', 'RAM B', 'classes = host / runtime', 'bits = host', 'insns/inference', 'MACs', 'insns/MAC', 'where they go']];
  for (const m of res) {
    for (const t of m.targets) {
      if (!t.fits) { rows.push([m.model, t.machine, String(m.samples), '', '', t.message, '', '', '', '', '']); continue; }
      const top = t.symbols.slice(0, 3).map(([s, n]) => `${s} ${((100 * n) / t.inferenceInsns).toFixed(1)} %`).join(', ');
      rows.push([m.model, t.machine, String(m.samples), String(t.text), String(t.data + t.bss),
        `${t.sameClassesAsHost ? 'yes' : 'NO'} / ${t.sameClassesAsRuntime ? 'yes' : 'NO'}`,
        `${t.exactVsHost}/${t.outputs}${t.worstUlpVsHost ? ` (worst ${t.worstUlpVsHost} ulp)` : ''}`,
        M(t.insnsPerInference), m.macs.toLocaleString('en-US'), t.insnsPerMac.toFixed(2), top]);
    }
  }
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((v, c) => (c >= 2 && c <= 4) || (c >= 7 && c <= 9) ? v.padStart(w[c]) : v.padEnd(w[c])).join('  ').trimEnd());
  return [...lines, '', `${tools.gcc}; ${tools.qemu}`].join('\n');
}
