/**
 * The lines the Cortex-M check's main prints per stored sample (src/node/qemu/export_main.c):
 *   <model> <sample> <predicted class> <label> <output float32 bits as 8 hex digits>...
 */

/** One printed sample. */
export interface SampleLine {
  model: string;
  sample: number;
  predicted: number;
  label: number;
  /** The output values' float32 bit patterns. */
  bits: number[];
}

const HEX = /^[0-9a-f]{8}$/;

/** Parses every sample line of `text`; other lines (comments, blank) are skipped, a malformed sample line throws. */
export function parseSampleLines(text: string): SampleLine[] {
  const out: SampleLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [model, sample, predicted, label, ...hex] = line.split(/\s+/);
    const nums = [sample, predicted, label].map(Number);
    if (nums.some((v) => !Number.isInteger(v)) || hex.length === 0 || !hex.every((h) => HEX.test(h))) {
      throw new Error(`not a sample line (<model> <sample> <class> <label> <hex bits>...): ${line.slice(0, 120)}`);
    }
    out.push({ model, sample: nums[0], predicted: nums[1], label: nums[2], bits: hex.map((h) => parseInt(h, 16)) });
  }
  return out;
}

/**
 * Distance in units in the last place between two float32 bit patterns (0 = identical bits; +0 and -0
 * are 1 apart; Infinity when either is NaN or missing).
 */
export function ulpDistance(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b)) return Infinity;
  const f = new Float32Array(new Uint32Array([a, b]).buffer);
  if (Number.isNaN(f[0]) || Number.isNaN(f[1])) return a === b ? 0 : Infinity;
  // order the bit patterns on one line: negatives below +0, mirrored
  const key = (u: number) => (u >= 0x80000000 ? 0x80000000 - u : u + 1);
  return Math.abs(key(a) - key(b));
}
