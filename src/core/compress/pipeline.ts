import type * as tf from '@tensorflow/tfjs';
import type { ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { toLayersModel } from '../models/toLayersModel';
import type { CancelCheck, Progress, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import { autoPlanModel, prePromote } from './autoplan';
import type { AutoPlanOptions } from './autoplan';
import { learnCodebooks } from './codebooks';
import { recoverModel } from './em';
import { prepareKernel } from './encode';
import { completePlan, validatePlan } from './presets';
import { compressedModel, totals } from './result';
import { MEDIUM_GROUP, layerKey, resolveGroups, routeLayers } from './routing';
import type { GroupSpec } from './routing';
import { measureSensitivity } from './sensitivity';
import type { ModelSession } from './session';
import { agreement } from './session';
import type { CompressInput, LayerState, ModelState } from './state';
import { encodeAs, restoreState, saveState, selectionScore, selectionSplit } from './state';
import { deriveSeed } from './codebooks';
import type { Activations, CodebookGroup, CompressionResult, LayerOverride, Phase, Plan } from './types';
import { tuneCodewords } from './codewords';
import { modelSession, storedCodebook } from './activations';

/** Options of a compression run. */
export interface CompressOptions {
  /** Builds the tfjs model of an IR; default: the models adapter's `toLayersModel`. */
  buildModel?: (ir: ModelIR) => tf.LayersModel;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
  /**
   * Fixed codebooks (e.g. learned without some model, for leave-one-out): no k-means; every PQ group
   * the plan routes to must be here with the same d.
   */
  codebooks?: CodebookGroup[];
  /**
   * Measure every model's per-layer sensitivity (accuracy drop when only that layer is compressed)
   * right after assignment. Otherwise it is measured only for models the auto-plan has to work on.
   */
  sensitivity?: boolean;
}

/** Share of the overall progress bar of each stage (the auto-plan is timed under `sensitivity`). */
const WEIGHTS: [string, number][] = [
  ['extract', 0.02], ['kmeans', 0.25], ['assign', 0.03], ['evaluate', 0.08], ['sensitivity', 0.14], ['recovery', 0.43], ['autoplan', 0.05],
];

/** Maps a stage's own 0..1 progress into the run's overall fraction (monotone across stages). */
function phaseProgress(onProgress: ProgressFn | undefined, phase: string): ProgressFn | undefined {
  if (!onProgress) return undefined;
  let start = 0;
  let w = 0;
  for (const [p, pw] of WEIGHTS) { if (p === phase) { w = pw; break; } start += pw; }
  return (p) => onProgress({ fraction: Math.min(1, start + w * Math.min(1, Math.max(0, p.fraction))), phase, message: p.message });
}

function checkFixedCodebooks(groups: GroupSpec[], fixed: CodebookGroup[], activations: Activations): CodebookGroup[] {
  return groups.map((g) => {
    const c = fixed.find((x) => x.name === g.name);
    if (!c) throw new Error(`fixed codebooks have no group '${g.name}'; give one per group the plan uses (${groups.map((x) => x.name).join(', ')})`);
    if (c.d !== g.d) throw new Error(`fixed codebook '${g.name}' has d = ${c.d}, the plan needs d = ${g.d}`);
    const { scale: _old, ...rest } = c;
    return { ...rest, ...storedCodebook(c.codebook, c.name, activations, activations === 'int8' ? c.scale : undefined), layers: g.layers.slice() };
  });
}

/**
 * Extract + k-means of a plan: routes the models' layers, cuts and normalizes the subvectors of every
 * PQ layer, and learns one codebook per group over the union of its subvectors from all models.
 * Adds the time spent to `timings.extract` / `timings.kmeans` when given.
 */
export async function learnPlanCodebooks(
  models: ModelIR[], planIn: Plan,
  opts: { onProgress?: ProgressFn; shouldCancel?: CancelCheck; timings?: Record<Phase, number> } = {},
): Promise<CodebookGroup[]> {
  const plan = validatePlan(completePlan(planIn));
  const t0 = Date.now();
  const routes = routeLayers(plan, models);
  const groups = resolveGroups(plan, routes);
  const blocks = new Map<string, Float32Array[]>();
  for (const g of groups) {
    const block: Float32Array[] = [];
    for (const key of g.layers) {
      const r = routes.find((x) => layerKey(x.model, x.layer) === key)!;
      const layer = models.find((m) => m.name === r.model)!.layers.find((l) => l.name === r.layer) as WeightLayer;
      block.push(prepareKernel(layer.kind, layer.kernel.shape, layer.kernel.data, g.d, plan.normalization).sub);
    }
    blocks.set(g.name, block);
  }
  const t1 = Date.now();
  const codebooks = await learnCodebooks(groups, blocks, {
    kmeans: plan.kmeans, maxSamples: plan.kmeansMaxSamples, seed: plan.seed, activations: plan.activations,
    onProgress: phaseProgress(opts.onProgress, 'kmeans'), shouldCancel: opts.shouldCancel,
  });
  if (opts.timings) { opts.timings.extract += t1 - t0; opts.timings.kmeans += Date.now() - t1; }
  return codebooks;
}

/** The codebooks some layer still uses, each with the list of its layers after the auto-plan. */
function usedCodebooks(codebooks: CodebookGroup[], states: ModelState[]): CodebookGroup[] {
  return codebooks.map((c) => ({
    ...c,
    layers: states.flatMap((st) => st.layers
      .filter((l) => l.cur.enc.format === 'pq' && l.cur.enc.group === c.name).map((l) => layerKey(st.input.ir.name, l.layer.name))),
  })).filter((c) => c.layers.length > 0);
}

/**
 * The YONO pipeline: routes layers (plan), learns the shared codebooks over the union of each group's
 * subvectors from all models (or takes fixed ones), encodes every layer, evaluates with decoded weights,
 * then per model — as the plan asks — measures sensitivity, runs the EM recovery and the auto-plan
 * within the accuracy budget, optionally fine-tunes the codewords, and accounts bytes.
 * Pure core: models and data come in, nothing is read from disk; runs in workers and Node alike.
 */
export async function compress(inputs: CompressInput[], planIn: Plan, opts: CompressOptions = {}): Promise<CompressionResult> {
  const plan = validatePlan(completePlan(planIn));
  if (inputs.length === 0) throw new Error('compress: give at least one model');
  const timings: Record<Phase, number> = { extract: 0, kmeans: 0, assign: 0, evaluate: 0, sensitivity: 0, recovery: 0, total: 0 };
  const t0 = Date.now();
  let t = t0;
  const lap = (p: Phase) => { const now = Date.now(); timings[p] += now - t; t = now; };
  const cancel = opts.shouldCancel;

  // extract + k-means (or the fixed codebooks, which may lack a coarse tier group: its layers then start
  // in their kind's codebook)
  const routes = routeLayers(plan, inputs.map((i) => i.ir), opts.codebooks && new Set(opts.codebooks.map((c) => c.name)));
  const codebooks = opts.codebooks
    ? checkFixedCodebooks(resolveGroups(plan, routes), opts.codebooks, plan.activations)
    : await learnPlanCodebooks(inputs.map((i) => i.ir), plan, { onProgress: opts.onProgress, shouldCancel: cancel, timings });
  t = Date.now();

  // assign: encode every weight layer
  const states: ModelState[] = [];
  for (const input of inputs) {
    await throwIfCancelled(cancel);
    const layers: LayerState[] = [];
    for (const l of input.ir.layers) {
      if (!isWeightLayer(l)) continue;
      const route = routes.find((r) => r.model === input.ir.name && r.layer === l.name)!;
      const cur = encodeAs(route.format, l, l.kernel.data, route.group, codebooks, plan.normalization);
      layers.push({ route, layer: l, float: l.kernel.data, tuned: null, cur, sensitivityPp: null, recovered: false });
    }
    states.push({ input, session: null as unknown as ModelSession, floatSnapshot: [], layers, valFloat: 0, testFloat: 0, selPred: new Int32Array(0), testPred: new Int32Array(0), z: 0, valAcc: 0, valNow: 0, recovery: [], teacher: null, calibration: null });
  }
  lap('assign');

  try {
    // evaluate: float, then with decoded weights (int8 activations: calibrated, measured by the fake-quant model)
    const evalP = phaseProgress(opts.onProgress, 'evaluate');
    for (let i = 0; i < states.length; i++) {
      await throwIfCancelled(cancel);
      const st = states[i];
      ({ session: st.session, calibration: st.calibration } = modelSession(st.input, plan.activations, plan.seed, opts.buildModel ?? toLayersModel));
      st.floatSnapshot = st.session.snapshot();
      const sel = selectionSplit(st.input, plan.selectOn);
      st.selPred = st.session.floatClasses(sel.x, sel.n);
      st.z = plan.selectionZ;
      st.valFloat = agreement(st.selPred, sel.y);
      st.testPred = st.session.floatClasses(st.input.test.x, st.input.test.n);
      st.testFloat = agreement(st.testPred, st.input.test.y);
      for (const l of st.layers) if (l.cur.enc.format !== 'float32') st.session.setKernel(l.layer.name, l.cur.decoded);
      st.valNow = selectionScore(st, sel);
      evalP?.({ fraction: (i + 1) / states.length, phase: 'evaluate', message: `${st.input.ir.name}: float ${(st.valFloat * 100).toFixed(2)} %, compressed ${(st.valAcc * 100).toFixed(2)} %` });
    }
    lap('evaluate');

    const target = (st: ModelState) => st.valFloat - Math.max(0, plan.budgetPp - plan.selectionMarginPp) / 100;
    if (opts.sensitivity) {
      // measured up front for every model (the UI shows it); `sensed` already lists them
      const p = phaseProgress(opts.onProgress, 'sensitivity');
      for (let i = 0; i < states.length; i++) {
        const sub = p && ((q: { fraction: number; message?: string }) => p({ fraction: (i + q.fraction) / states.length, phase: 'sensitivity', message: q.message }));
        await measureSensitivity(states[i], selectionSplit(states[i].input, plan.selectOn), sub, cancel);
      }
      lap('sensitivity');
    }

    const emOptions = (st: ModelState, i: number, rounds: number, p?: ProgressFn) => ({
      codebooks, normalization: plan.normalization, recovery: { ...plan.recovery, maxLayers: rounds }, target: target(st),
      seed: deriveSeed(plan.seed, `recovery/${st.input.ir.name}`), shouldCancel: cancel,
      onProgress: p && ((q: Progress) => p({ fraction: (i + q.fraction) / states.length, phase: q.phase, message: q.message })),
    });
    const autoOptions = (i: number, p?: ProgressFn): AutoPlanOptions => ({
      keep: plan.keep.format, codebooks, normalization: plan.normalization, shouldCancel: cancel, maxEmMoves: 2,
      // one short EM round per move (half the samples of a recovery round) to bound the time
      recoverOnce: plan.recovery.enabled ? (s, first) => recoverModel(s, plan.selectOn, {
        ...emOptions(s, i, 1), first,
        recovery: { ...plan.recovery, maxLayers: 1, maxTrainSamples: Math.ceil((plan.recovery.maxTrainSamples || s.input.train?.n || 0) / 2) },
      }) : undefined,
      onProgress: p && ((q) => p({ ...q, fraction: (i + q.fraction) / states.length })),
    });
    const sensed = new Set<ModelState>(opts.sensitivity ? states : []);
    const sense = async (st: ModelState) => {
      if (sensed.has(st)) return;
      sensed.add(st);
      await measureSensitivity(st, selectionSplit(st.input, plan.selectOn), undefined, cancel);
    };

    // With a medium codebook the auto-plan first tries the path through it; a model that cannot reach its
    // target that way starts again from its assigned state on the path without it (the fine codebook
    // only), which may fall back further.
    const twoPaths = plan.autoPlan && codebooks.some((c) => c.name === MEDIUM_GROUP);
    const changes = new Map<ModelState, Record<string, LayerOverride>>(states.map((st) => [st, {}]));
    const assigned = new Map(states.map((st) => [st, { saved: saveState(st), steps: st.recovery.length }]));
    const planModels = async (todo: ModelState[], medium: boolean, fallBack: boolean) => {
      const ask = (i: number, p?: ProgressFn): AutoPlanOptions => ({ ...autoOptions(i, p), skipMedium: !medium, fallBack });
      if (plan.autoPlan && plan.recovery.enabled) {
        // models further from the target than the recovery can close first move their most sensitive layers up
        const p = phaseProgress(opts.onProgress, 'sensitivity');
        for (const st of todo) {
          const goal = target(st) - plan.recoverableGapPp / 100;
          if (st.valNow >= goal) continue;
          await sense(st);
          Object.assign(changes.get(st)!, await prePromote(st, selectionSplit(st.input, plan.selectOn), goal, ask(states.indexOf(st), p)));
        }
        lap('sensitivity');
      }

      if (plan.recovery.enabled) {
        const p = phaseProgress(opts.onProgress, 'recovery');
        const share = plan.recovery.fineTuneCodewords && medium ? 0.8 : 1;
        const sp = p && ((q: Progress) => p({ ...q, fraction: share * q.fraction }));
        for (const st of todo) {
          if (st.valNow >= target(st)) continue;
          await recoverModel(st, plan.selectOn, emOptions(st, states.indexOf(st), plan.recovery.maxLayers, sp));
        }
        if (plan.recovery.fineTuneCodewords && medium) {
          await tuneCodewords(states, codebooks, plan, {
            onProgress: p && ((q) => p({ fraction: share + (1 - share) * q.fraction, phase: 'recovery', message: q.message })), shouldCancel: cancel,
          });
        }
        lap('recovery');
      }

      const failed: ModelState[] = [];
      if (plan.autoPlan) {
        const p = phaseProgress(opts.onProgress, 'autoplan');
        for (const st of todo) {
          if (st.valNow >= target(st)) continue;
          // sensitivity is measured only for the models that need the auto-plan (unless asked for all)
          await sense(st);
          Object.assign(changes.get(st)!, await autoPlanModel(st, selectionSplit(st.input, plan.selectOn), target(st), ask(states.indexOf(st), p)));
          if (st.valNow < target(st)) failed.push(st);
        }
        lap('sensitivity');
      }
      return failed;
    };
    const retry = await planModels(states, true, !twoPaths);
    for (const st of retry) {
      const a = assigned.get(st)!;
      restoreState(st, a.saved);
      st.recovery.length = a.steps;
      changes.set(st, {});
    }
    if (retry.length > 0) await planModels(retry, false, true);
    for (const st of states) for (const [layer, f] of Object.entries(changes.get(st)!)) plan.overrides[layerKey(st.input.ir.name, layer)] = f;

    // final test accuracy and assembly
    const used = usedCodebooks(codebooks, states);
    const models = states.map((st) => {
      const test = st.input.test;
      const p = st.session.predictClasses(test.x, test.n);
      return compressedModel(st, agreement(p, test.y), used, 1 - agreement(p, st.testPred));
    });
    lap('evaluate');
    timings.total = Date.now() - t0;
    opts.onProgress?.({ fraction: 1, phase: 'done', message: 'compression finished' });
    return { plan, codebooks: used, models, totals: totals(models, used, plan.activations), timingsMs: timings };
  } finally {
    for (const st of states) st.session?.dispose();
  }
}
