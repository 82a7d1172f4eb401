import type { Command } from '../command';
import { UsageError } from '../command';
import { parseArgs, strFlag } from '../args';
import { compareBaselines } from '../../core/studies/baselines';
import type { BaselineRow } from '../../core/studies/baselines';
import { leaveOneOut } from '../../core/studies/loo';
import { compareNormalization } from '../../core/studies/normalizationEffect';
import type { NormalizationRow } from '../../core/studies/normalizationEffect';
import type { LooRow } from '../../core/studies/loo';
import { seedStudy } from '../../core/studies/seeds';
import type { SeedRow } from '../../core/studies/seeds';
import { isPresetName, PRESET_NAMES } from '../../core/compress/plan/presets';
import type { PresetName } from '../../core/compress/plan/presets';
import { PLAN_BOOLEAN_FLAGS, PLAN_VALUE_FLAGS, planFlagsUsage, planFromFlags } from '../../core/settings/flags';
import { loadCompressInputs, parseModelSpecs } from '../../node/compressInputs';
import { stderrProgress } from '../../node/progress';
import { setupNodeTfjs } from '../../node/tfjs';
import { nodeRunner } from '../../node/runner';
import { splitWarnings } from '../../core/compress/input/warnings';
import { threadsFlag } from '../args';

const usage = `Usage: yono compare [--models LIST] [--presets LIST] [--loo] [--seeds LIST] [--normalization] [--threads N] [--json] [--quiet] [plan flags]

Runs the same pipeline once per preset (${PRESET_NAMES.join(', ')}) and prints the comparison table:
total bytes, ratio against float32 and each model's test accuracy. With --loo, also the leave-one-out
table of the YONO plan: each model compressed with codebooks learned without it.

  --models LIST        as for yono compress (default digits,fashion,keywords,activity)
  --presets LIST       comma-separated presets to run (default: all; none: no baseline table)
  --loo                add the leave-one-out table (uses --preset, default yono)
  --seeds LIST         add the seed table: the --preset plan (default yono) once per seed (e.g. 1,2,3),
                       its ratio and each model's drop on the validation and the test split
  --normalization      add the normalization table: none / per layer / per channel, no recovery
  --threads N          worker threads per run (default: the cores; 1 = this thread; same results)
  --json               print { baselines, leaveOneOut, seeds, normalization } as JSON
  --quiet              no progress on stderr
Plan flags: the plan of --loo, --seeds and --normalization; each method row is its preset's recipe run with
the plan's shared settings (seed, budget, margin, effort, d and K of the groups it uses; src/README.md):
${planFlagsUsage()}`;

const pct = (x: number) => `${(x * 100).toFixed(2)}`;

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => (x[i] ?? '').length)));
  return rows.map((x) => x.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')).join('\n');
}

/** The baseline table as text: one row per preset, accuracies in %. */
export function formatBaselines(rows: BaselineRow[]): string {
  const models = Object.keys(rows[0]?.accuracy ?? {});
  return table([
    ['method', 'bytes', 'ratio', ...models.map((m) => `${m} %`), 'time s'],
    ...rows.map((r) => [r.label, String(r.totalBytes), `${r.ratio.toFixed(2)}x`, ...models.map((m) => pct(r.accuracy[m])), (r.timeMs / 1000).toFixed(1)]),
  ]);
}

/** The normalization table as text: accuracy per model and mean SQNR per mode. */
export function formatNormalization(rows: NormalizationRow[]): string {
  const models = Object.keys(rows[0]?.accuracy ?? {});
  return table([
    ['normalization', 'mean SQNR dB', ...models.map((m) => `${m} %`)],
    ...rows.map((r) => [r.normalization, r.meanSqnrDb.toFixed(2), ...models.map((m) => pct(r.accuracy[m]))]),
  ]);
}

/** The seed table as text: ratio, then each model's validation / test drop in pp. */
export function formatSeeds(rows: SeedRow[], budgetPp: number): string {
  const models = Object.keys(rows[0]?.testDropPp ?? {});
  return table([
    ['seed', 'ratio', ...models.map((m) => `${m} val / test ± se pp`), `test within ${budgetPp} pp`, 'time s'],
    ...rows.map((r) => [String(r.seed), `${r.ratio.toFixed(2)}x`, ...models.map((m) => `${r.valDropPp[m].toFixed(2)} / ${r.testDropPp[m].toFixed(2)} ± ${r.testDropSePp[m].toFixed(2)}`),
      r.withinBudget ? 'yes' : 'no', (r.timeMs / 1000).toFixed(1)]),
  ]);
}

/** The leave-one-out table as text. */
export function formatLoo(rows: LooRow[]): string {
  return table([
    ['left out', 'float %', 'compressed %', 'drop pp', 'bytes', 'ratio', 'layers pq/int8/f32'],
    ...rows.map((r) => [r.model, pct(r.accuracyFloat), pct(r.accuracyCompressed), r.dropPp.toFixed(2), String(r.compressedBytes),
      `${r.ratio.toFixed(2)}x`, `${r.layers.pq}/${r.layers.int8}/${r.layers.float32}`]),
  ]);
}

/** The options `yono compare` parses: its own and every plan flag. */
export const COMPARE_ARGS = {
  values: ['models', 'presets', 'seeds', 'threads', ...PLAN_VALUE_FLAGS],
  booleans: ['json', 'quiet', 'loo', 'normalization', ...PLAN_BOOLEAN_FLAGS],
};

export const compareCommand: Command = {
  name: 'compare',
  summary: 'the baseline table: float32, int8, PQ per model, PQ shared, + recovery, YONO (and leave-one-out)',
  usage,
  async run(argv) {
    const p = parseArgs(argv, COMPARE_ARGS);
    if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const listed = strFlag(p, 'presets') ?? PRESET_NAMES.join(',');
    const presets = listed === 'none' ? [] : listed.split(',').map((s) => s.trim());
    for (const s of presets) if (!isPresetName(s)) throw new UsageError(`unknown preset '${s}'; use ${PRESET_NAMES.join(', ')}`);
    const base = planFromFlags(p.flags);
    const seedText = strFlag(p, 'seeds');
    const seeds = seedText?.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    if (seeds && !seeds.every((s) => Number.isInteger(s))) throw new UsageError(`--seeds takes integers separated by commas, got '${seedText}'`);
    await setupNodeTfjs();
    const inputs = await loadCompressInputs(parseModelSpecs(strFlag(p, 'models', 'digits,fashion,keywords,activity')!), { seed: base.seed });
    const progress = stderrProgress(p.flags.has('quiet'));
    const runner = nodeRunner(threadsFlag(p));
    for (const w of splitWarnings(inputs)) console.error(`warning: ${w.message}`);
    // every row is its preset's recipe with the shared settings of the command line (the comparison rule)
    const baselines = await compareBaselines(inputs, { presets: presets as PresetName[], user: base, onProgress: progress, runner });
    const loo = p.flags.has('loo') ? await leaveOneOut(inputs, base, { onProgress: progress, runner }) : null;
    const seedRows = seeds ? await seedStudy(inputs, base, seeds, { onProgress: progress, runner }) : null;
    const norm = p.flags.has('normalization') ? await compareNormalization(inputs, base, { onProgress: progress, runner }) : null;
    if (p.flags.has('json')) {
      console.log(JSON.stringify({ baselines, leaveOneOut: loo, seeds: seedRows, normalization: norm }));
    } else {
      if (baselines.length) console.log(formatBaselines(baselines));
      if (seedRows) console.log(`\nseeds (${base.preset}):\n${formatSeeds(seedRows, base.budgetPp)}`);
      if (loo) console.log(`\nleave-one-out (${base.preset}):\n${formatLoo(loo)}`);
      if (norm) console.log(`\nnormalization (${base.preset} codebooks, no recovery):\n${formatNormalization(norm)}`);
    }
    return 0;
  },
};
