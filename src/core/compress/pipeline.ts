import type { ModelIR } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import { fitFlash } from './allocate/flash';
import { pruneCodebooks } from './allocate/prune';
import type { ModelOutcome } from './allocate/select';
import type { ModelTable } from './allocate/table';
import type { PreparedModel } from './calibrate/prepare';
import { allocatable, checkFixedCodebooks, codebookJobs } from './codebooks/jobs';
import type { CompressInput } from './input/types';
import { splitWarnings } from './input/warnings';
import { noTrainForInt8 } from './evaluate/activations';
import { formatApplies, optionCodebook, parseFormat } from './plan/formats';
import { completePlan, validatePlan } from './plan/presets';
import { layerKey, resolveGroups, routeLayers } from './plan/routing';
import type { LayerRoute } from './plan/routing';
import { compressedModel, totals } from './result/result';
import { groupBytes } from './result/accounting';
import type { RunnerFactory, StageRunner } from './run/runner';
import { inlineRunner } from './run/runner';
import type { CodebookGroup, CompressionResult, Phase, Plan } from './types';
import { planNeedsTrain } from './plan/needs';

/** Options of a compression run. */
export interface CompressOptions {
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
  /**
   * Fixed codebooks (e.g. learned without some model, for leave-one-out): no codebook learning; every
   * codebook the plan needs must be there with the same d.
   */
  codebooks?: CodebookGroup[];
  /** Where the per-model and per-codebook jobs run (default: inline, on this thread). */
  runner?: RunnerFactory;
}

/** Share of the overall progress of each stage. */
const WEIGHTS: [Phase, number][] = [['calibrate', 0.12], ['codebooks', 0.2], ['table', 0.25], ['select', 0.43]];

export { planNeedsTrain };

/** The layers of a model that need input statistics under a plan (those a data-aware codebook may hold). */
export function statsLayers(plan: Plan, ir: ModelIR, routes: readonly LayerRoute[]): string[] {
  if (plan.codebookFit !== 'data-aware') return [];
  const formats = plan.formats.map(parseFormat);
  return ir.layers.filter(isWeightLayer).filter((l) => (formats.length
    ? allocatable(plan, ir.name, l) && formats.some((f) => formatApplies(f, l))
    : routes.some((r) => r.model === ir.name && r.layer === l.name && r.format === 'pq'))).map((l) => l.name);
}

/** Throws naming the model and split when a split's arrays do not hold its rows. */
export function checkInput(inp: CompressInput): void {
  const rowLen = inp.ir.inputShape.reduce((a, b) => a * b, 1);
  for (const name of ['train', 'val', 'test'] as const) {
    const s = inp[name];
    if (!s) continue;
    if (s.x.length !== s.n * rowLen) throw new Error(`model '${inp.ir.name}': its ${name} split holds ${s.x.length} values, not ${s.n} rows of ${rowLen}`);
    if (s.y.length !== s.n) throw new Error(`model '${inp.ir.name}': its ${name} split has ${s.y.length} labels for ${s.n} rows`);
  }
}

/** Times the stages and maps each stage's progress into the run's. */
function stageClock(onProgress: ProgressFn | undefined) {
  const timings: Record<Phase, number> = { calibrate: 0, codebooks: 0, table: 0, select: 0, total: 0 };
  const t0 = Date.now();
  return {
    timings,
    /** Runs one stage; `tick(fraction, message)` reports within it. */
    async stage<T>(phase: Phase, run: (tick: (fraction: number, message?: string) => void) => Promise<T>): Promise<T> {
      let start = 0;
      let w = 0;
      for (const [p, pw] of WEIGHTS) { if (p === phase) { w = pw; break; } start += pw; }
      const tick = (f: number, message?: string) => onProgress?.({ fraction: Math.min(1, start + w * Math.min(1, Math.max(0, f))), phase, message });
      tick(0);
      const s = Date.now();
      try {
        return await run(tick);
      } finally {
        timings[phase] += Date.now() - s;
      }
    },
    done() { timings.total = Date.now() - t0; },
  };
}

/** A runner's `onDone` that reports a stage's progress as jobs finish ("what (done/n)"). */
function perJob(tick: (f: number, m?: string) => void, what: (i: number) => string) {
  return (n: number) => (i: number, done: number) => tick(done / n, `${what(i)} (${done}/${n})`);
}

/**
 * The YONO pipeline, as a short sequence of stages, each a set of jobs on the runner (inline or threads):
 * 1. calibrate — per model: the float outputs on validation and test, the calibration rows, the input
 *    statistics of the layers a data-aware codebook may hold;
 * 2. codebooks — per codebook: k-means (plain), or weighted k-means + a GPTVQ round (data-aware);
 * 3. table — per model: each layer's options (a codebook format, int8) with bytes and loss (KL), or the routed
 *    encodings of a plan without an allocation;
 * 4. select — per model: the allocation (the search on its Lagrangian path, checked on validation inputs),
 *    the correction, the recovery (the paper's EM on layers, or the bias distillation of a model near its
 *    limit), the test pass; then the codebook pruning (and a new select for the models it changed), or with a
 *    flash-size target the joint allocation;
 * then the bytes and the result. Pure core: models and data come in, nothing is read from disk.
 */
export async function compress(inputs: CompressInput[], planIn: Plan, opts: CompressOptions = {}): Promise<CompressionResult> {
  const plan = validatePlan(completePlan(planIn));
  if (inputs.length === 0) throw new Error('compress: give at least one model');
  const irs = inputs.map((i) => i.ir);
  const routes = routeLayers(plan, irs);
  for (const inp of inputs) checkInput(inp);
  for (const inp of inputs) {
    if (plan.activations === 'int8' && (!inp.train || inp.train.n === 0)) throw noTrainForInt8(inp.ir.name);
    if (planNeedsTrain(plan) && (!inp.train || inp.train.n === 0)) {
      throw new Error(`model '${inp.ir.name}': this plan calibrates on (or fine-tunes with) training rows, and the model has none; give it a training split`);
    }
  }
  const allocating = plan.formats.length > 0;
  const cancel = opts.shouldCancel;
  const clock = stageClock(opts.onProgress);
  const runner: StageRunner = await (opts.runner ?? inlineRunner)(inputs);
  const names = irs.map((ir) => ir.name);
  try {
    // 1. calibrate
    const prepared: PreparedModel[] = await clock.stage('calibrate', (tick) => runner.map('prepare',
      inputs.map((inp, i) => ({ model: i, plan, statsFor: statsLayers(plan, inp.ir, routes) })), perJob(tick, (i) => `${names[i]}: float outputs and calibration`)(inputs.length)));
    await throwIfCancelled(cancel);

    // 2. codebooks
    const groups = resolveGroups(plan, routes);
    let codebooks: CodebookGroup[];
    if (opts.codebooks) {
      codebooks = allocating
        ? opts.codebooks.filter((c) => plan.formats.includes(c.name)).map((c) => ({ ...c, codebook: c.codebook.slice(), layers: c.layers.slice() }))
        : checkFixedCodebooks(groups, opts.codebooks);
    } else {
      const jobs = codebookJobs(plan, irs, prepared, groups, routes);
      codebooks = await clock.stage('codebooks', (tick) => runner.map('codebook', jobs,
        perJob(tick, (i) => `codebook ${jobs[i].kind === 'plain' ? jobs[i].group.name : jobs[i].format.name}`)(jobs.length)));
    }
    await throwIfCancelled(cancel);

    // 3. table (select and later stages need no statistics)
    const light = prepared.map((p) => ({ ...p, stats: {} }));
    const tables: ModelTable[] = await clock.stage('table', (tick) => runner.map('table',
      inputs.map((_, i) => ({ model: i, plan, prepared: prepared[i], codebooks, routes: allocating ? null : routes })),
      perJob(tick, (i) => `${names[i]}: ${allocating ? 'per-layer loss' : 'encoding'}`)(inputs.length)));
    await throwIfCancelled(cancel);

    // 4. select
    let flash: CompressionResult['flash'];
    const outcomes: ModelOutcome[] = await clock.stage('select', async (tick) => {
      const selectAll = (jobs: { model: number; fixed?: number[]; formats?: string[]; startLoss?: number }[]) =>
        runner.map('select', jobs.map((j) => ({ ...j, plan, prepared: light[j.model], table: tables[j.model], codebooks })),
          perJob(tick, (i) => `${names[jobs[i].model]}: allocation`)(jobs.length));
      if (!allocating) return selectAll(inputs.map((_, i) => ({ model: i, fixed: tables[i].layers.map(() => 0) })));
      if (plan.flashBytes > 0) {
        const fit = fitFlash(irs, tables, codebooks, plan.flashBytes);
        // nothing fits: the smallest allocation (reported as not met)
        const choice = fit?.choice ?? tables.map((t) => t.layers.map((l) => l.options.reduce((b, o, i) => (o.bytes < l.options[b].bytes ? i : b), 0)));
        return selectAll(inputs.map((_, i) => ({ model: i, fixed: choice[i] })));
      }
      let out = await selectAll(inputs.map((_, i) => ({ model: i })));
      if (plan.pruneCodebooks) {
        const p = pruneCodebooks(tables, out, codebooks);
        if (p.changed.length > 0) {
          const again = await selectAll(p.changed.map((m) => ({ model: m, formats: p.formats, startLoss: out[m].predicted + 1e-15 })));
          const next = out.slice();
          p.changed.forEach((m, i) => { next[m] = again[i]; });
          // keep the pruned set only when the measured allocations still pay for it
          if (predictedTotal(tables, next, codebooks) < predictedTotal(tables, out, codebooks)) out = next;
        }
      }
      return out;
    });
    await throwIfCancelled(cancel);

    // the result
    const used = codebooks.map((c) => ({
      ...c, layers: outcomes.flatMap((o) => Object.entries(o.encodings).filter(([, e]) => e.format === 'pq' && e.group === c.name).map(([l]) => layerKey(o.model, l))),
    })).filter((c) => c.layers.length > 0);
    const models = inputs.map((inp, i) => compressedModel(inp, prepared[i], outcomes[i], used, allocating));
    const t = totals(models, used, plan.activations);
    if (plan.flashBytes > 0) flash = { target: plan.flashBytes, bytes: t.compressedBytes, met: t.compressedBytes <= plan.flashBytes };
    clock.done();
    opts.onProgress?.({ fraction: 1, phase: 'done', message: 'compression finished' });
    return {
      plan, codebooks: used, models, totals: t, timingsMs: clock.timings, warnings: splitWarnings(inputs),
      ...(flash ? { flash } : {}), threads: runner.threads,
    };
  } finally {
    await runner.dispose();
  }
}

/**
 * Stages 1 and 2 only: the codebooks a plan learns over `inputs` (e.g. every model but one, for
 * leave-one-out), to pass as `codebooks` to a later run.
 */
export async function learnPlanCodebooks(inputs: CompressInput[], planIn: Plan, opts: Pick<CompressOptions, 'runner' | 'shouldCancel'> = {}): Promise<CodebookGroup[]> {
  const plan = validatePlan(completePlan(planIn));
  const irs = inputs.map((i) => i.ir);
  const routes = routeLayers(plan, irs);
  const runner = await (opts.runner ?? inlineRunner)(inputs);
  try {
    const prepared = await runner.map('prepare', inputs.map((inp, i) => ({ model: i, plan, statsFor: statsLayers(plan, inp.ir, routes) })));
    await throwIfCancelled(opts.shouldCancel);
    return await runner.map('codebook', codebookJobs(plan, irs, prepared, resolveGroups(plan, routes), routes));
  } finally {
    await runner.dispose();
  }
}

/** Predicted total bytes of outcomes: their layers' table bytes plus the codebooks they use. */
function predictedTotal(tables: ModelTable[], outcomes: ModelOutcome[], codebooks: CodebookGroup[]): number {
  const used = new Set<string>();
  let bytes = 0;
  outcomes.forEach((o, m) => tables[m].layers.forEach((l, li) => {
    const opt = l.options[o.choice[li]];
    bytes += opt.bytes;
    const c = optionCodebook(opt.format);
    if (c !== null) used.add(c);
  }));
  return bytes + codebooks.filter((c) => used.has(c.name)).reduce((s, c) => s + groupBytes(c), 0);
}
