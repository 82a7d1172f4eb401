/**
 * Trade-offs slice: the method comparison table and the (d, K) sweep, both run on the pool of
 * compression workers (one at a time: they share the pool), the sweep drawn as a Pareto chart.
 */
import type { StateCreator } from 'zustand';
import type { AllState, TradeoffsSlice } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';
import { modelRefs } from '../modelRefs';
import { PRESET_NAMES, presetsMatching } from '../../core';


export const createTradeoffsSlice = (deps: StoreDeps): StateCreator<AllState, [], [], TradeoffsSlice> => (set, get) => ({
  sweepRun: IDLE_RUN,
  sweepPoints: [],
  sweepGrid: { ds: [2, 3, 4, 8], ks: [16, 64, 256] },
  setSweepGrid: (sweepGrid) => set({ sweepGrid }),
  runSweep: async () => {
    const s = get();
    if (s.compareRun.status === 'running') return;
    const req = { plan: s.plan, models: modelRefs(s, includedModels(s)), ...s.sweepGrid };
    set({ sweepPoints: [] });
    const points = await runJob(deps, get, {
      key: 'sweep',
      title: 'The (d, K) sweep failed',
      setRun: (sweepRun) => set({ sweepRun }),
      work: (o) => deps.services.runSweep(req, { ...o, onPoint: (p) => set((st) => ({ sweepPoints: [...st.sweepPoints, p] })) }),
    });
    if (points) set({ sweepPoints: points });
  },
  cancelSweep: () => cancelJob(deps, 'sweep'),
  loadSweepPoint: (p) => {
    const plan = get().plan;
    const groups = Object.fromEntries(Object.keys(plan.groups).map((g) => [g, { d: p.d, k: p.k }]));
    get().loadPlan({ ...plan, groups });
  },
  compareRun: IDLE_RUN,
  comparison: null,
  runComparison: async (presets = [...PRESET_NAMES]) => {
    const s = get();
    if (s.sweepRun.status === 'running') return;
    const names = includedModels(s);
    // A preset whose plan is exactly the one of the current result, on the same models, reuses its row.
    const r = s.codebookResult;
    const same = r !== null && s.codebookPlan !== null && r.models.map((m) => m.name).join() === names.join();
    const reuse = same ? { result: r, presets: presetsMatching(presets, s.plan, s.codebookPlan!) } : undefined;
    const req = { plan: s.plan, models: modelRefs(s, names), presets, reuse };
    const rows = await runJob(deps, get, {
      key: 'compare',
      title: 'The method comparison failed',
      setRun: (compareRun) => set({ compareRun }),
      work: (o) => deps.services.compareMethods(req, o),
    });
    if (rows) set({ comparison: { rows, models: names } });
  },
  cancelComparison: () => cancelJob(deps, 'compare'),
});
