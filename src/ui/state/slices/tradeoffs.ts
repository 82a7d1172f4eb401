/** Trade-offs slice: the (d, K) sweep run on a pool of workers, drawn as a Pareto chart. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { SweepPoint } from '../../services/types';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';

export interface TradeoffsSlice {
  sweepRun: RunState;
  /** Sweep points (persisted). */
  sweepPoints: SweepPoint[];
  /** d values and K values the sweep covers. */
  sweepGrid: { ds: number[]; ks: number[] };
  runSweep: () => Promise<void>;
  cancelSweep: () => void;
  /** Loads a sweep point's (d, K) into every group of the plan (the sweep uses one d, K for all). */
  loadSweepPoint: (p: SweepPoint) => void;
}

export const createTradeoffsSlice = (deps: StoreDeps): StateCreator<AllState, [], [], TradeoffsSlice> => (set, get) => ({
  sweepRun: IDLE_RUN,
  sweepPoints: [],
  sweepGrid: { ds: [4, 8, 9, 16], ks: [16, 64, 256, 1024] },
  runSweep: async () => {
    const s = get();
    const req = { plan: s.plan, models: includedModels(s), ...s.sweepGrid };
    const points = await runJob(deps, get, {
      key: 'sweep',
      title: 'The (d, K) sweep failed',
      setRun: (sweepRun) => set({ sweepRun }),
      work: (o) => deps.services.runSweep(req, o),
    });
    if (points) set({ sweepPoints: points });
  },
  cancelSweep: () => cancelJob(deps, 'sweep'),
  loadSweepPoint: (p) => {
    const plan = get().plan;
    const groups = Object.fromEntries(Object.keys(plan.groups).map((g) => [g, { d: p.d, k: p.k }]));
    get().loadPlan({ ...plan, groups });
  },
});
