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
import { PRESET_NAMES, presetsMatching, withEditMark } from '../../core';


export const createTradeoffsSlice = (deps: StoreDeps): StateCreator<AllState, [], [], TradeoffsSlice> => (set, get) => ({
  sweepRun: IDLE_RUN,
  sweepPoints: [],
  sweepGrid: { ds: [2, 3, 4, 8], ks: [16, 64, 256] },
  setSweepGrid: (sweepGrid) => set({ sweepGrid }),
  runSweep: async () => {
    const s = get();
    if (s.compareRun.status === 'running') return;
    const req = { plan: s.plan, models: modelRefs(s, includedModels(s)), ...s.sweepGrid };
    set({ sweepPoints: [], sweepPlan: s.plan });
    const points = await runJob(deps, get, {
      key: 'sweep',
      title: 'The (d, K) sweep failed',
      label: 'The (d, K) sweep',
      setRun: (sweepRun) => set({ sweepRun }),
      work: (o) => deps.services.runSweep(req, { ...o, onPoint: (p) => set((st) => ({ sweepPoints: [...st.sweepPoints, p] })) }),
    });
    if (points) set({ sweepPoints: points });
  },
  cancelSweep: () => cancelJob(deps, 'sweep'),
  sweepPlan: null,
  loadSweepPoint: (p) => {
    const plan = get().plan;
    // Exactly what the sweep ran (core/studies/sweep.ts sweepPlan): every group at the point's d and K.
    const changed = Object.keys(plan.groups).filter((g) => plan.groups[g].d !== p.d || plan.groups[g].k !== p.k);
    const groups = Object.fromEntries(Object.keys(plan.groups).map((g) => [g, { d: p.d, k: p.k }]));
    get().loadPlan(withEditMark({ ...plan, groups }));
    return changed;
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
      label: 'The method comparison',
      setRun: (compareRun) => set({ compareRun }),
      work: (o) => deps.services.compareMethods(req, o),
    });
    if (rows) set({ comparison: { rows, models: names, plan: s.plan } });
  },
  cancelComparison: () => cancelJob(deps, 'compare'),
});
