/** Learn slice: the settings of the PQ teaching demo (also in the hash). */
import type { StateCreator } from 'zustand';
import type { AllState, LearnSlice } from '../types';
import { DEFAULT_LEARN, LIMITS } from '../settings';
import { clampInt } from './plan';


export const createLearnSlice: StateCreator<AllState, [], [], LearnSlice> = (set) => ({
  learn: { ...DEFAULT_LEARN },
  setLearn: (patch) =>
    set((s) => {
      const n = { ...s.learn, ...patch };
      return {
        learn: {
          rows: clampInt(n.rows, LIMITS.learnRows.min, LIMITS.learnRows.max),
          cols: clampInt(n.cols, LIMITS.learnCols.min, LIMITS.learnCols.max),
          d: clampInt(n.d, LIMITS.learnD.min, LIMITS.learnD.max),
          k: clampInt(n.k, LIMITS.learnK.min, LIMITS.learnK.max),
          seed: clampInt(n.seed, LIMITS.seed.min, LIMITS.seed.max),
        },
      };
    }),
});
