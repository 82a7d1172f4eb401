/** Codebook slice: learning the codebooks in a worker (progress, cancel) and the result. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { CodebookResult } from '../../services/types';
import { cancelJob, runJob } from '../job';
import { includedModels } from './models';

export interface CodebookSlice {
  codebookRun: RunState;
  /** The latest learned codebooks and their report (persisted). */
  codebookResult: CodebookResult | null;
  learnCodebook: () => Promise<void>;
  cancelCodebook: () => void;
}

export const createCodebookSlice = (deps: StoreDeps): StateCreator<AllState, [], [], CodebookSlice> => (set, get) => ({
  codebookRun: IDLE_RUN,
  codebookResult: null,
  learnCodebook: async () => {
    const s = get();
    const req = { plan: s.plan, models: includedModels(s) };
    const result = await runJob(deps, get, {
      key: 'codebook',
      title: 'Learning the codebook failed',
      setRun: (codebookRun) => set({ codebookRun }),
      work: (o) => deps.services.learnCodebook(req, o),
    });
    if (result) set({ codebookResult: result });
  },
  cancelCodebook: () => cancelJob(deps, 'codebook'),
});
