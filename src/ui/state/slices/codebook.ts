/** Codebook slice: learning the codebooks in a worker (progress, cancel) and the result. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { CodebookResult, CodebookViews } from '../../services/types';
import type { Plan } from '../../../core/compress/types';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';
import { modelRefs } from '../modelRefs';

export interface CodebookSlice {
  codebookRun: RunState;
  /** The latest learned codebooks and their report (persisted). */
  codebookResult: CodebookResult | null;
  /** The plan the latest result was asked with (before the auto-plan's changes; persisted). */
  codebookPlan: Plan | null;
  /** Codeword usage and the 2-D projection of the latest result (persisted). */
  codebookViews: CodebookViews | null;
  learnCodebook: () => Promise<void>;
  cancelCodebook: () => void;
}

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
