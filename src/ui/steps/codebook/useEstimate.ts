/**
 * The plan's instant estimate (core estimatePlan on the page: milliseconds) and its quick per-layer SQNR
 * (a worker, debounced), with what is missing. Reading the models' shapes starts on first use.
 */
import { useEffect, useMemo } from 'react';
import { useApp } from '../../state/appStore';
import { includedModels } from '../../state/slices/models';
import type { LayerSqnrEstimate, PlanEstimate } from '../../services/types';
import { estimatePlan, samePlan } from '../../core';

export interface EstimateView {
  estimate: PlanEstimate | null;
  /** Why there is no estimate ('' when there is one). */
  problem: string;
  /** Included models whose shapes are not read yet. */
  missing: string[];
  /** ms the estimate took on the page. */
  ms: number;
  /** The quick SQNR per `model/layer`, when it is for the current plan and models. */
  sqnr: Map<string, LayerSqnrEstimate> | null;
  sqnrPending: boolean;
}

/** Delay before the quick SQNR runs after the last change, ms (typing a d digit by digit asks once). */
export const SQNR_DEBOUNCE_MS = 200;

export function useEstimate({ sqnr: wantSqnr = false }: { sqnr?: boolean } = {}): EstimateView {
  const plan = useApp((s) => s.plan);
  const names = useApp((s) => includedModels(s));
  const shapes = useApp((s) => s.shapes);
  const ready = useApp((s) => s.builtins.status !== 'loading' && s.builtins.status !== 'idle');
  const loadShapes = useApp((s) => s.loadShapes);
  const quick = useApp((s) => s.quickSqnr);
  const quickStatus = useApp((s) => s.quickSqnrStatus);
  const runQuick = useApp((s) => s.runQuickSqnr);
  const key = names.join('\u0000');
  const missing = names.filter((n) => !shapes[n]);

  useEffect(() => { if (ready) void loadShapes(); }, [ready, key, loadShapes]);
  useEffect(() => {
    if (!wantSqnr || !ready || names.length === 0) return;
    const t = setTimeout(() => void runQuick(), SQNR_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [wantSqnr, ready, plan, key, runQuick]);

  const { estimate, problem, ms } = useMemo(() => {
    const have = names.filter((n) => shapes[n]);
    if (have.length === 0) return { estimate: null, problem: names.length ? 'reading the models…' : 'no models selected', ms: 0 };
    const t0 = performance.now();
    try {
      const e = estimatePlan(plan, have.map((n) => shapes[n]));
      return { estimate: e, problem: '', ms: performance.now() - t0 };
    } catch (err) {
      return { estimate: null, problem: err instanceof Error ? err.message : String(err), ms: 0 };
    }
  }, [plan, shapes, key]);

  const sqnr = useMemo(() => {
    if (!quick || !samePlan(quick.plan, plan) || quick.models.join('\u0000') !== key) return null;
    return new Map(quick.layers.map((l) => [`${l.model}/${l.layer}`, l]));
  }, [quick, plan, key]);

  return { estimate, problem, missing, ms, sqnr, sqnrPending: quickStatus === 'running' || (wantSqnr && !sqnr) };
}
