/**
 * The compression pipeline in a worker: learning codebooks (with the codebook views), the method
 * comparison and single (d, K) sweep points. Models and data come from the app's origin or the UI;
 * progress goes back through a comlink proxy; cancel = the UI terminates the worker.
 */
import * as Comlink from 'comlink';
import { compress } from '../core/compress/pipeline';
import { PRESET_LABELS } from '../core/compress/plan/presets';
import type { PresetName } from '../core/compress/plan/presets';
import type { CompressionResult, Plan } from '../core/compress/types';
import { baselineRow, compareBaselines } from '../core/studies/baselines';
import type { BaselineRow } from '../core/studies/baselines';
import { comparisonPlan, needsTrain } from '../core/studies/comparison';
import { sweepPlan, sweepPoint } from '../core/studies/sweep';
import type { SweepPoint } from '../core/studies/sweep';
import type { ProgressFn } from '../core/util/progress';
import type { ModelRef } from './types';
import { codebookViews } from '../core/compress/result/views';
import type { CodebookViews } from '../core/compress/result/views';
import { ensureWasm } from './lib/tfjs';
import { compressInputs, modelIRs } from './lib/inputs';
import { modelShape } from '../core/compress/estimate/estimate';
import type { ModelShape } from '../core/compress/estimate/estimate';
import { estimateLayerSqnr } from '../core/compress/estimate/sqnr';
import type { LayerSqnrEstimate } from '../core/compress/estimate/sqnr';
import { scaled, throttled } from './lib/progress';
import { stageRunner, stopStageWorkers } from './lib/stageRunner';

/** What to compress: the plan and the models. */
export interface LearnRequest { plan: Plan; models: ModelRef[] }

async function inputsFor(req: LearnRequest, withTrain: boolean, onProgress?: ProgressFn) {
  onProgress?.({ fraction: 0, phase: 'loading', message: 'loading models and data' });
  await ensureWasm();
  return compressInputs(req.models, { withTrain, seed: req.plan.seed });
}

const api = {
  /**
   * Compresses the models with `req.plan` (its per-model and per-codebook jobs on the stage workers, one per
   * core) and returns the result and the codebook views.
   */
  async learn(req: LearnRequest, onProgress?: ProgressFn): Promise<{ result: CompressionResult; views: CodebookViews }> {
    const p = throttled(onProgress);
    const withTrain = needsTrain(req.plan);
    const inputs = await inputsFor(req, withTrain, p);
    let result: CompressionResult;
    try {
      result = await compress(inputs, req.plan, { onProgress: p, runner: stageRunner({ models: req.models, withTrain, seed: req.plan.seed }) });
    } catch (e) {
      stopStageWorkers();
      throw e;
    }
    p?.({ fraction: 1, phase: 'views', message: 'codeword usage and 2-D projection' });
    return { result, views: codebookViews(result, inputs.map((i) => i.ir)) };
  },

  /** Rows of the comparison table for `presets`, by the comparison rule (core/studies/comparison.ts). */
  async compare(req: LearnRequest & { presets: PresetName[] }, onProgress?: ProgressFn): Promise<BaselineRow[]> {
    const p = throttled(onProgress);
    const inputs = await inputsFor(req, req.presets.some((n) => needsTrain(comparisonPlan(n, req.plan))), p);
    return compareBaselines(inputs, { presets: req.presets, user: req.plan, onProgress: p });
  },

  /** The comparison row of an existing result (a preset whose run is already there). */
  async row(result: CompressionResult, preset: PresetName): Promise<BaselineRow> {
    return { ...baselineRow(result, PRESET_LABELS[preset]), preset };
  },

  /** One (d, K) point of a sweep: total bytes and mean test accuracy (no allocation, correction or recovery). */
  async sweepPoint(req: LearnRequest & { d: number; k: number }, onProgress?: ProgressFn): Promise<SweepPoint> {
    const p = throttled(onProgress);
    const inputs = await inputsFor(req, needsTrain(sweepPlan(req.plan, req.d, req.k)), p);
    return sweepPoint(inputs, req.plan, req.d, req.k, { onProgress: scaled(p, 0, 1) });
  },

  /** Each model's shape (kernels emptied, unit spreads measured), for the page's instant byte estimates. */
  async shapes(models: ModelRef[]): Promise<ModelShape[]> {
    await ensureWasm();
    return (await modelIRs(models)).map(modelShape);
  },

  /** Per-layer SQNR of a plan from codebooks learned on a subsample (seconds at most; no data needed). */
  async quickSqnr(req: LearnRequest): Promise<LayerSqnrEstimate[]> {
    await ensureWasm();
    return estimateLayerSqnr(await modelIRs(req.models), req.plan);
  },
};

/** The worker's API, for createWorkerBridge<CompressWorkerApi>. */
export type CompressWorkerApi = typeof api;

Comlink.expose(api);
