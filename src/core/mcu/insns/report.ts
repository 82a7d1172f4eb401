/**
 * The report of the yono_insns QEMU plugin (src/node/qemu/yono_insns.c): executed instructions in total,
 * per ELF symbol and per probe region. Lines that are not the plugin's (QEMU's own log) are ignored.
 */

/** Instructions counted by the plugin in one run. */
export interface InsnReport {
  total: number;
  /** Per ELF symbol (the symbol the instruction lies in; callees are not included in their caller). */
  symbols: Record<string, number>;
  /** Per probe region (absent regions executed nothing). */
  regions: Record<number, number>;
}

const LINE = /^yono-insns (total|symbol|region)(?: (\S+))? (\d+)$/;

/** Parses the plugin's report; throws when it holds no `total` line (the plugin did not run or QEMU died). */
export function parseInsnReport(text: string): InsnReport {
  const out: InsnReport = { total: -1, symbols: {}, regions: {} };
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const n = Number(m[3]);
    if (!Number.isSafeInteger(n)) throw new Error(`instruction count out of range in plugin report: ${raw}`);
    if (m[1] === 'total') out.total = n;
    else if (m[1] === 'symbol') out.symbols[m[2]] = (out.symbols[m[2]] ?? 0) + n;
    else out.regions[Number(m[2])] = n;
  }
  if (out.total < 0) throw new Error('no "yono-insns total" line in the plugin report: the plugin was not loaded or QEMU stopped before exiting');
  return out;
}

/** Sum of the counts of the symbols whose names `match` accepts. */
export function symbolSum(r: InsnReport, match: (name: string) => boolean): number {
  let s = 0;
  for (const [name, n] of Object.entries(r.symbols)) if (match(name)) s += n;
  return s;
}
