/**
 * Estimate slice: what the page knows before a run. The models' shapes (one worker call per model set,
 * persisted so estimates are there at once after a reload) feed the core's `estimatePlan` on the page
 * (bytes, bits per weight, ratio: pure accounting, milliseconds); the per-layer SQNR of the plan comes
 * from a worker (codebooks learned on a subsample, about a second). A newer request wins: an older
 * answer that lands late is dropped.
 */
import type { StateCreator } from 'zustand';
import type { AllState, EstimateSlice } from '../types';
import type { StoreDeps } from '../deps';
import { includedModels } from './models';
import { modelRefs } from '../modelRefs';
import { describeError } from '../../services/errors';

export const createEstimateSlice = (deps: StoreDeps): StateCreator<AllState, [], [], EstimateSlice> => (set, get) => {
  let sqnrSeq = 0;
  let refreshed = false;
  return {
    shapes: {},
    shapesStatus: 'idle',
    loadShapes: async () => {
      const s = get();
      const names = includedModels(s);
      // Once per page, every included model is read again (a retrained built-in); otherwise only missing ones.
      const missing = refreshed ? names.filter((n) => !s.shapes[n]) : names;
      if (missing.length === 0 || s.shapesStatus === 'loading') return;
      set({ shapesStatus: 'loading' });
      try {
        const shapes = await deps.services.modelShapes(modelRefs(s, missing));
        refreshed = true;
        set((st) => ({ shapes: { ...st.shapes, ...Object.fromEntries(shapes.map((m) => [m.ir.name, m])) }, shapesStatus: 'idle' }));
      } catch (e) {
        set({ shapesStatus: 'error' });
        const v = describeError(e);
        if (v.kind !== 'cancelled' && v.kind !== 'unavailable') get().reportError({ title: 'The size estimate could not read the models', message: v.message, action: v.action, source: 'worker' });
      }
    },
    quickSqnr: null,
    quickSqnrStatus: 'idle',
    runQuickSqnr: async () => {
      const s = get();
      const models = includedModels(s);
      if (models.length === 0) return;
      const seq = ++sqnrSeq;
      const plan = s.plan;
      set({ quickSqnrStatus: 'running' });
      const t0 = deps.now();
      try {
        const layers = await deps.services.quickSqnr({ plan, models: modelRefs(s, models) });
        if (seq !== sqnrSeq) return;
        set({ quickSqnr: { plan, models, layers, ms: deps.now() - t0 }, quickSqnrStatus: 'idle' });
      } catch {
        // An estimate that fails leaves the last one marked stale; the full run reports real errors.
        if (seq === sqnrSeq) set({ quickSqnrStatus: 'error' });
      }
    },
  };
};
