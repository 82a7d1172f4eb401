/** UI slice: the current step, the error area and the save indicator. */
import type { StateCreator } from 'zustand';
import type { AllState, UiSlice } from '../types';



export const MAX_ERRORS = 5;
let lastErrorId = 0;

/** A fresh error id (unique within the page). */
export function newErrorId(): number {
  return ++lastErrorId;
}

export const createUiSlice: StateCreator<AllState, [], [], UiSlice> = (set) => ({
  tab: 'models',
  setTab: (tab) => set({ tab }),
  errors: [],
  reportError: (e) =>
    set((s) => {
      // The same error twice in a row (e.g. a crash loop) shows once.
      const last = s.errors[s.errors.length - 1];
      if (last && last.title === e.title && last.message === e.message) return s;
      return { errors: [...s.errors, { ...e, id: newErrorId() }].slice(-MAX_ERRORS) };
    }),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((x) => x.id !== id) })),
  dismissErrorsTitled: (title) => set((s) => (s.errors.some((x) => x.title === title) ? { errors: s.errors.filter((x) => x.title !== title) } : s)),
  saveStatus: 'loading',
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  linkPlan: null,
  activeRun: null,
  setActiveRun: (activeRun) => set({ activeRun }),
  interruptedRun: null,
  dismissInterrupted: () => set({ interruptedRun: null }),
});
