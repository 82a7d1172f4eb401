/**
 * Stage `select` (per model): picks the model's allocation and makes it. The table's options per layer give
 * a Lagrangian path (knapsack.ts) from the fewest bytes to the least predicted loss; the search walks a
 * ladder of predicted-loss targets from the loosest, each candidate made (encodings in place, the affine
 * correction) and checked on the validation inputs with the arithmetic the bundle ships — it passes when
 * the KL to the float model there is at most the plan's threshold and the validation drop is within the
 * budget (on a split under 1,000 samples, within the budget plus one standard error). After a failure the
 * next target is the ladder's next step or, tighter, where the failed candidate's measured/predicted KL puts
 * the threshold; when the first candidate passes, up to two looser probes go where its ratio puts it. Then
 * it bisects the path between the last failing and the first passing candidate. A model near its limit
 * (NEAR_LIMIT) then gets its biases distilled (recover/stage.ts), kept when they lower its KL. Every step moves single layers, so a
 * model never falls back as a whole. With `fixed` choices (flash-size mode, plans without an allocation)
 * the one allocation is made and measured. A pure function of one model's input and shared data.
 */
import type { ModelIR } from '../../models/ir';
import { toLayersModel } from '../../models/toLayersModel';
import { gatherRows } from '../calibrate/capture';
import { LayerRunner } from '../calibrate/forward';
import type { PreparedModel } from '../calibrate/prepare';
import { weightLayers } from '../calibrate/prepare';
import { decodeKernel } from '../encode/encode';
import { argmaxRows, klWithError } from '../evaluate/kl';
import type { ModelSession } from '../evaluate/session';
import { agreement } from '../evaluate/session';
import { measuringSession } from '../evaluate/activations';
import type { Calibration } from '../../quant/calibrate';
import { SMALL_SPLIT, dropSePp } from '../input/warnings';
import type { CompressInput } from '../input/types';
import { affineCorrection } from '../recover/affine';
import type { CodebookGroup, LayerEncoding, Plan, RecoveryStep } from '../types';
import { distilBiases, recoverLayers } from '../recover/stage';
import type { Allocation, LayerChoice } from './knapsack';
import { firstWithin, lagrangianPath } from './knapsack';
import type { ModelTable } from './table';
import { optionCodebook } from '../plan/formats';

/** The search's predicted-loss targets (KL on calibration rows, nats), loosest first; then halving. */
export const TARGET_LADDER: readonly number[] = [0.012, 0.006, 0.003, 0.0015, 0.0007];

/** At most this many bisection steps after the ladder. */
export const MAX_BISECT = 4;

/** When the first candidate passes, at most this many looser probes (where its measured KL puts the threshold). */
export const MAX_LOOSER = 2;

/** One candidate the search made and measured. Plain data. */
export interface SearchStep {
  /** Index on the model's Lagrangian path. */
  index: number;
  bytes: number;
  /** Predicted loss (summed per-layer KL on calibration rows). */
  predicted: number;
  /** KL to the float model on the validation inputs, nats, and its standard error. */
  klVal: number;
  klValSe: number;
  /** Validation drop, pp. */
  valDropPp: number;
  passed: boolean;
}

/** What a model's measurement gives on one split. */
export interface SplitOutcome {
  accuracy: number;
  /** Fraction of samples on which compressed and float predictions differ. */
  disagreement: number;
  /** Mean KL to the float model's outputs, nats, and its standard error over the samples. */
  kl: number;
  klSe: number;
}

/** What stage `select` gives for one model. Plain data. */
export interface ModelOutcome {
  model: string;
  /** Chosen option index per layer (table order), and the options' formats. */
  choice: number[];
  formats: Record<string, string>;
  encodings: Record<string, LayerEncoding>;
  /** Each weight layer's float bias after the correction (null: the layer has none). */
  biases: Record<string, Float32Array | null>;
  /** The table's KL of each layer's chosen option. */
  layerKl: Record<string, number>;
  predicted: number;
  val: SplitOutcome;
  test: SplitOutcome;
  /** The candidates the search measured, in order (one for a fixed allocation). */
  search: SearchStep[];
  /** True when the chosen allocation passes the selection rule (always true for a fixed one). */
  passed: boolean;
  /** The recovery's rounds (EM layers, or the bias distillation). */
  recovery: RecoveryStep[];
}

/** Input of stage `select`. Plain data. */
export interface SelectJob {
  plan: Plan;
  prepared: PreparedModel;
  table: ModelTable;
  codebooks: CodebookGroup[];
  /** Formats the options may use (int8 and float32 always): after codebook pruning. Default: all. */
  formats?: string[];
  /** Start the search at the first path allocation within this predicted loss (default: the ladder's first). */
  startLoss?: number;
  /** Make exactly these option indices (per layer), no search. */
  fixed?: number[];
}

/** The layer choices of a table, options restricted to `formats` (int8 and float32 always kept). */
export function tableChoices(table: ModelTable, formats?: readonly string[]): LayerChoice[] {
  return table.layers.map((l) => {
    const options = l.options.map((o, i) => ({ format: o.format, bytes: o.bytes, loss: o.kl, i }))
      .filter((o) => { const c = optionCodebook(o.format); return !formats || c === null || formats.includes(c) || l.options.length === 1; });
    return { layer: l.layer, options: options.length ? options : l.options.map((o, i) => ({ format: o.format, bytes: o.bytes, loss: o.kl, i })) };
  });
}

/** A path allocation's option indices in table order (the choices may be restricted). */
export function tableIndices(choices: LayerChoice[], a: Allocation): number[] {
  return a.choice.map((c, li) => (choices[li].options[c] as unknown as { i: number }).i);
}

/**
 * A model under evaluation: the compressed session (int8 activations: the fake-quant model), its layer
 * runner, and a float runner for the correction.
 */
class Candidate {
  readonly session: ModelSession;
  private readonly runner: LayerRunner;
  private readonly floatModel: ReturnType<typeof toLayersModel>;
  private readonly floatRunner: LayerRunner;

  constructor(readonly ir: ModelIR, calibration: Calibration | null) {
    this.session = measuringSession(ir, calibration);
    this.runner = new LayerRunner(ir, this.session.model);
    this.floatModel = toLayersModel(ir);
    this.floatRunner = new LayerRunner(ir, this.floatModel);
  }

  /** Stores every layer as `encodings` and `biases` say (a stored model, e.g. a stage outcome). */
  load(encodings: Record<string, LayerEncoding>, biases: Record<string, Float32Array | null>, codebooks: CodebookGroup[]): Record<string, Float32Array> {
    const decoded: Record<string, Float32Array> = {};
    for (const l of weightLayers(this.ir)) {
      const e = encodings[l.name];
      decoded[l.name] = decodeKernel(e, codebooks, l.kernel.data);
      this.session.setKernel(l.name, decoded[l.name]);
      const b = biases[l.name];
      if (b) this.session.setBias(l.name, b);
    }
    return decoded;
  }

  /** The float model's weights (the distillation teacher's). */
  floatWeights(): Float32Array[] {
    return this.floatModel.getWeights().map((w) => w.dataSync() as Float32Array);
  }

  /** Stores every layer as `encodings` say, with its float bias; then corrects when asked. */
  make(encodings: Record<string, LayerEncoding>, codebooks: CodebookGroup[], correct: { x: Float32Array; n: number } | null): { encodings: Record<string, LayerEncoding>; biases: Record<string, Float32Array | null> } {
    const layers = weightLayers(this.ir);
    const encs = { ...encodings };
    const biases: Record<string, Float32Array | null> = {};
    for (const l of layers) {
      const e = encs[l.name];
      const k = decodeKernel(e, codebooks, l.kernel.data);
      this.session.setKernel(l.name, k);
      if (l.bias) this.session.setBias(l.name, l.bias.data);
      biases[l.name] = l.bias ? l.bias.data.slice() : null;
    }
    if (correct) {
      const fixed = affineCorrection(this.floatRunner, this.runner, this.session, layers, encs, codebooks, correct.x, correct.n, this.ir.inputShape);
      for (const [name, f] of fixed) { encs[name] = f.enc; biases[name] = f.bias; }
    }
    return { encodings: encs, biases };
  }

  /** The current model measured on a split against the float outputs. */
  measure(x: Float32Array, n: number, y: ArrayLike<number>, float: { probs: Float32Array; pred: Int32Array }, classes: number): SplitOutcome {
    const probs = this.session.predictProbs(x, n);
    const pred = argmaxRows(probs, classes);
    const { kl, se } = klWithError(float.probs, probs, classes);
    return { accuracy: agreement(pred, y), disagreement: 1 - agreement(pred, float.pred), kl, klSe: se };
  }

  dispose(): void {
    this.session.dispose();
    this.floatModel.dispose();
  }
}

/** A model this close to its limit (KL / threshold, or drop / budget) gets the bias distillation. */
export const NEAR_LIMIT = 0.8;

/** True when a made allocation is near the selection rule's limit (see NEAR_LIMIT). */
export function nearLimit(plan: Plan, val: SplitOutcome, floatAccuracy: number): boolean {
  const drop = (floatAccuracy - val.accuracy) * 100;
  return val.kl >= NEAR_LIMIT * plan.klThreshold || (plan.budgetPp > 0 && drop >= NEAR_LIMIT * plan.budgetPp);
}

/** True when a measured candidate passes the selection rule (see the file comment). */
export function passes(plan: Plan, klVal: number, valDropPp: number, disagreement: number, valSamples: number): boolean {
  const allowance = valSamples < SMALL_SPLIT ? dropSePp(disagreement, valSamples) : 0;
  return klVal <= plan.klThreshold && valDropPp - allowance <= Math.max(0, plan.budgetPp - plan.selectionMarginPp) + 1e-9;
}

/** Stage `select` of one model (see the file comment). */
export async function selectModel(input: CompressInput, job: SelectJob): Promise<ModelOutcome> {
  const { plan, prepared, table, codebooks } = job;
  const ir = input.ir;
  const cand = new Candidate(ir, prepared.int8);
  try {
    const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
    const rows = prepared.calibration;
    const correct = plan.correction && rows.length > 0 ? { x: gatherRows(input.train!, rowLen, rows), n: rows.length } : null;
    const choices = tableChoices(table, job.formats);
    const path = lagrangianPath(choices);
    const encodingsOf = (idx: number[]) => Object.fromEntries(table.layers.map((l, li) => [l.layer, l.options[idx[li]].encoding]));
    const search: SearchStep[] = [];
    const made = new Map<number, { idx: number[]; made: ReturnType<Candidate['make']>; val: SplitOutcome; passed: boolean }>();
    const tryIndex = (i: number) => {
      const hit = made.get(i);
      if (hit) return hit;
      const idx = job.fixed && i === -1 ? job.fixed : tableIndices(choices, path[i]);
      const m = cand.make(encodingsOf(idx), codebooks, correct);
      const val = cand.measure(input.val.x, input.val.n, input.val.y, prepared.val, prepared.classes);
      const dropPp = (prepared.val.accuracy - val.accuracy) * 100;
      const passed = passes(plan, val.kl, dropPp, val.disagreement, input.val.n);
      const bytes = idx.reduce((s, o, li) => s + table.layers[li].options[o].bytes, 0);
      const predicted = idx.reduce((s, o, li) => s + table.layers[li].options[o].kl, 0);
      search.push({ index: i, bytes, predicted, klVal: val.kl, klValSe: val.klSe, valDropPp: dropPp, passed });
      const r = { idx, made: m, val, passed };
      made.set(i, r);
      return r;
    };
    let chosen: number;
    if (job.fixed) {
      chosen = -1;
      tryIndex(-1);
    } else {
      chosen = searchPath(path, job.startLoss, (i) => tryIndex(i).passed, (i) => {
        // where the threshold should be on the path: the measured KL scales with the predicted one (about)
        const m = made.get(i)!;
        const pred = path[i].loss;
        return m.val.kl > 0 && pred > 0 ? (0.9 * plan.klThreshold * pred) / m.val.kl : m.passed ? pred * 2 : pred / 2;
      });
    }
    const best = tryIndex(chosen);
    // the session holds the last candidate made: load the chosen one (as made) when it is not that one
    if (search[search.length - 1].index !== chosen) cand.load(best.made.encodings, best.made.biases, codebooks);
    let { encodings, biases } = best.made;
    let val = best.val;
    let recovery: RecoveryStep[] = [];
    if (plan.recovery.enabled && plan.recovery.target === 'layers') {
      const decoded = cand.load(encodings, biases, codebooks);
      const r = await recoverLayers(input, plan, cand.session, cand.floatWeights(), weightLayers(ir), { encodings, decoded }, codebooks,
        { pred: prepared.val.pred, floatAccuracy: prepared.val.accuracy, accuracy: val.accuracy });
      if (r.steps.some((x) => x.accepted)) {
        ({ encodings, biases } = r);
        val = cand.measure(input.val.x, input.val.n, input.val.y, prepared.val, prepared.classes);
      }
      recovery = r.steps;
    }
    if (plan.recovery.enabled && plan.recovery.target === 'biases' && nearLimit(plan, val, prepared.val.accuracy)) {
      // the bias distillation of a model near its limit, kept when its KL on validation inputs falls (and the rule still holds)
      const decoded = cand.load(encodings, biases, codebooks);
      let after: SplitOutcome | null = null;
      const r = await distilBiases(input, plan, cand.session, cand.floatWeights(), weightLayers(ir), { encodings, decoded }, codebooks,
        val.kl, () => { after = cand.measure(input.val.x, input.val.n, input.val.y, prepared.val, prepared.classes); return after.kl; });
      const v = after as SplitOutcome | null;
      const keep = !!r && !!v && (!best.passed || passes(plan, v.kl, (prepared.val.accuracy - v.accuracy) * 100, v.disagreement, input.val.n));
      recovery = [...recovery, { layer: '(biases)', accuracy: v?.accuracy ?? val.accuracy, accepted: keep }];
      if (keep) { biases = r!.recovered.biases; val = v!; } else cand.load(encodings, biases, codebooks);
    }
    const test = cand.measure(input.test.x, input.test.n, input.test.y, prepared.test, prepared.classes);
    const formats: Record<string, string> = {};
    const layerKl: Record<string, number> = {};
    table.layers.forEach((l, li) => { formats[l.layer] = l.options[best.idx[li]].format; layerKl[l.layer] = l.options[best.idx[li]].kl; });
    return {
      model: ir.name, choice: best.idx, formats, encodings, biases, layerKl,
      predicted: best.idx.reduce((s, o, li) => s + table.layers[li].options[o].kl, 0),
      val, test, search, passed: job.fixed ? true : best.passed, recovery,
    };
  } finally {
    cand.dispose();
  }
}

/**
 * The search on a Lagrangian path (see the file comment): `check(i)` makes and measures path allocation i.
 * Returns the index chosen: the first passing one found after bisection, or the path's last when none passes.
 */
export function searchPath(path: Allocation[], startLoss: number | undefined, check: (i: number) => boolean, suggest?: (failed: number) => number): number {
  const last = path.length - 1;
  let fail = -1;
  let pass = -1;
  // the ladder's next target below `t`, or the suggestion after a failure when it is tighter (never looser)
  let target = startLoss ?? TARGET_LADDER[0];
  for (let step = 0; ; step++) {
    if (step > 0) {
      const ladder = TARGET_LADDER.find((x) => x < target) ?? target / 2;
      const hint = suggest ? suggest(fail) : ladder;
      target = Math.min(ladder, Math.max(hint, ladder / 8));
    }
    const i = Math.max(fail + 1, firstWithin(path, target));
    if (i > last) break;
    if (check(i)) { pass = i; break; }
    fail = i;
    if (i === last) break;
  }
  if (pass < 0) return last;
  // the start passed: where the measured KL says the threshold is, looser (at most MAX_LOOSER probes)
  for (let s = 0; s < MAX_LOOSER && fail < 0 && pass > 0 && suggest; s++) {
    const i = firstWithin(path, suggest(pass));
    if (i >= pass) break;
    if (check(i)) pass = i;
    else fail = i;
  }
  // bisect between the last failing and the first passing candidate
  for (let s = 0; s < MAX_BISECT && fail >= 0 && pass - fail > 1; s++) {
    const mid = Math.floor((fail + pass) / 2);
    if (check(mid)) pass = mid;
    else fail = mid;
  }
  return pass;
}
