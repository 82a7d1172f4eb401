/** Codebook slice: learning the codebooks in a worker (progress, cancel) and the result. */
import type { StateCreator } from 'zustand';
import type { AllState, CodebookSlice } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';
import { modelRefs } from '../modelRefs';


export const createCodebookSlice = (deps: StoreDeps): StateCreator<AllState, [], [], CodebookSlice> => (set, get) => ({
  codebookRun: IDLE_RUN,
  codebookResult: null,
  codebookViews: null,
  codebookPlan: null,
  learnCodebook: async () => {
    const s = get();
    const req = { plan: s.plan, models: modelRefs(s, includedModels(s)) };
    const result = await runJob(deps, get, {
      key: 'codebook',
      title: 'Learning the codebook failed',
      setRun: (codebookRun) => set({ codebookRun }),
      work: (o) => deps.services.learnCodebook(req, o),
    });
    // A new result makes the old simulation and predictions stale: they described other bytes.
    if (result) set({ codebookResult: result.result, codebookViews: result.views, codebookPlan: req.plan, mcuReport: null, mcuPredictions: [] });
  },
  cancelCodebook: () => cancelJob(deps, 'codebook'),
});
