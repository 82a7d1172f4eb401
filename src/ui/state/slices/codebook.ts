/** Codebook slice: learning the codebooks in a worker (progress, cancel) and the result. */
import type { StateCreator } from 'zustand';
import type { AllState, CodebookSlice } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';
import { modelRefs } from '../modelRefs';
import { runRecord, withRun } from './history';


export const createCodebookSlice = (deps: StoreDeps): StateCreator<AllState, [], [], CodebookSlice> => (set, get) => ({
  codebookRun: IDLE_RUN,
  codebookResult: null,
  codebookViews: null,
  codebookPlan: null,
  learnCodebook: async () => {
    const s = get();
    const req = { plan: s.plan, models: modelRefs(s, includedModels(s)) };
    const t0 = deps.now();
    const result = await runJob(deps, get, {
      key: 'codebook',
      title: 'Learning the codebook failed',
      label: 'Learning the codebook',
      setRun: (codebookRun) => set({ codebookRun }),
      work: (o) => deps.services.learnCodebook(req, o),
    });
    // A new result makes the old simulation and predictions stale: they described other bytes.
    if (result) {
      const at = deps.now();
      set((st) => ({
        codebookResult: result.result, codebookViews: result.views, codebookPlan: req.plan, mcuReport: null, mcuPredictions: [],
        // (a result without totals, as some test doubles give, is not a run worth keeping)
        history: result.result.totals ? withRun(st.history, { ...runRecord(Math.max(0, ...st.history.map((h) => h.id)) + 1, at, result.result, at - t0), plan: req.plan }) : st.history,
      }));
    }
  },
  cancelCodebook: () => cancelJob(deps, 'codebook'),
});
