import { writeFile } from 'node:fs/promises';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseArgs, strFlag } from '../args';
import { compress } from '../../core/compress/pipeline';
import { formatTestDrop, toReport } from '../../core/compress/report';
import { writeBundle } from '../../core/bundle/write';
import { readBundle } from '../../core/bundle/read';
import type { CompressionReport } from '../../core/compress/types';
import { loadCompressInputs, parseModelSpecs } from '../../node/compressInputs';
import { SUITE_NAMES } from '../../core/data/suite';
import { stderrProgress } from '../../node/progress';
import { PLAN_BOOLEAN_FLAGS, PLAN_VALUE_FLAGS, planFlagsUsage, planFromFlags } from '../../core/settings/flags';
import { setupNodeTfjs } from '../../node/tfjs';

const DEFAULT_MODELS = 'digits,fashion,keywords,activity';

const usage = `Usage: yono compress [--models LIST] [--preset NAME] [--d N] [--k N] [--budget PP] [--seed S]
                     [--out FILE.yono] [--report FILE.json] [--sensitivity] [--json] [--quiet]

Compresses several models into shared PQ codebooks and prints per model the float and compressed
test accuracy, the bytes and the ratio, then the totals and the time per phase.

  --models LIST        comma-separated built-in tasks and/or PATH/model.json=DATA_DIR, PATH/model.tflite=DATA_DIR
                       (DATA_DIR: x.npy + y.npy, split 60/20/20 by seed, or train/ val/ test/
                       subfolders each with x.npy + y.npy). Default: ${DEFAULT_MODELS}.
                       'suite' adds the generalization suite (${SUITE_NAMES.join(', ')}; see yono models)
${planFlagsUsage()}
  --report FILE.json   write the JSON report
  --out FILE.yono      write the .yono bundle (with the first 32 test samples of each model)
  --sensitivity        measure every layer's sensitivity (otherwise only where the auto-plan needs it)
  --json               print the JSON report on stdout instead of the table
  --quiet              no progress on stderr`;

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The human summary of a report. */
export function formatReport(r: CompressionReport): string {
  const lines = [`preset ${r.preset}, ${r.plan.activations} activations: ${r.codebooks.map((c) => `${c.name} (d = ${c.d}, K = ${c.k}, ${c.layers.length} layers)`).join(', ') || 'no codebooks'}`, ''];
  const rows = [['model', 'float acc', 'compressed acc', 'drop ± se pp', 'float32', 'compressed', 'ratio', 'layers pq/int8/f32']];
  for (const m of r.models) {
    const c = (f: string) => m.layers.filter((l) => l.format === f).length;
    rows.push([m.name, pct(m.accuracyFloat), pct(m.accuracyCompressed), formatTestDrop(m),
      kb(m.float32Bytes), kb(m.compressedBytes), `${(m.float32Bytes / m.compressedBytes).toFixed(2)}x`, `${c('pq')}/${c('int8')}/${c('float32')}`]);
  }
  rows.push(['TOTAL', '', '', '', kb(r.totals.float32Bytes), kb(r.totals.compressedBytes), `${r.totals.ratio.toFixed(2)}x`, `codebooks ${kb(r.totals.codebookBytes)}`]);
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  lines.push(...rows.map((x) => x.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')));
  const stored = r.models.filter((m) => m.storedBytes !== undefined);
  if (stored.length) {
    lines.push('', 'imported models against their files (weights as stored, e.g. uint8 / float16 shards or .tflite):');
    for (const m of stored) {
      const s = m.storedBytes as number;
      lines.push(`  ${m.name}: stored ${kb(s)}, compressed ${kb(m.compressedBytes)}: ${(m.float32Bytes / m.compressedBytes).toFixed(2)}x vs float32, ${(s / m.compressedBytes).toFixed(2)}x vs stored`);
    }
  }
  lines.push('', `time (ms): ${Object.entries(r.timingsMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines.join('\n');
}

export const compressCommand: Command = {
  name: 'compress',
  summary: 'compress models into shared PQ codebooks (YONO) and report bytes and accuracy',
  usage,
  async run(argv) {
    const p = parseArgs(argv, { values: ['models', 'report', 'out', ...PLAN_VALUE_FLAGS], booleans: ['json', 'quiet', 'sensitivity', ...PLAN_BOOLEAN_FLAGS] });
    if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const plan = planFromFlags(p.flags);
    const out = strFlag(p, 'out');
    await setupNodeTfjs();
    const inputs = await loadCompressInputs(parseModelSpecs(strFlag(p, 'models', DEFAULT_MODELS)!), { seed: plan.seed });
    const result = await compress(inputs, plan, { onProgress: stderrProgress(p.flags.has('quiet')), sensitivity: p.flags.has('sensitivity') });
    const report = toReport(result);
    const reportPath = strFlag(p, 'report');
    if (reportPath) await writeFile(reportPath, `${JSON.stringify(report, null, 1)}\n`);
    let bundleNote = '';
    if (out !== undefined) {
      const bytes = writeBundle(result, { samples: Object.fromEntries(inputs.map((x) => [x.ir.name, x.test])), maxSamples: 32 });
      await writeFile(out, bytes);
      bundleNote = `\nwrote ${out}: ${bytes.length} bytes (JSON manifest, 16-byte aligned sections, CRCs and 32 test samples per model included)`;
      const int8Models = readBundle(bytes).manifest.models.every((m) => m.arithmetic === 'int8');
      if (plan.activations === 'int8') {
        bundleNote += int8Models
          ? '\nthe bundle holds int8 models (format 2: int8 codebooks, int16 biases, int8 activations), the integers the accuracy above was measured with'
          : '\nnote: a model has layers the int8 runtimes do not run yet, so the bundle holds the float models of this int8 result (float runtime); their accuracy can differ slightly from the int8 figures above';
      }
    }
    console.log(p.flags.has('json') ? JSON.stringify(report) : formatReport(report) + bundleNote);
    return 0;
  },
};
