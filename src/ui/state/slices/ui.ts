/** UI slice: the current step, the error area and the save indicator. */
import type { StateCreator } from 'zustand';
import type { AllState } from '../types';
import type { StepId } from '../settings';
import type { SettingValues } from '../../../core/settings/schema';

/** One entry of the error area. */
export interface AppError {
  id: number;
  /** Short headline, e.g. "Import failed". */
  title: string;
  /** What went wrong. */
  message: string;
  /** What the user can do about it. */
  action: string;
  /** Where it came from. */
  source: 'worker' | 'input' | 'storage' | 'link' | 'app';
}

export type SaveStatus = 'loading' | 'saved' | 'saving' | 'error';

export interface UiSlice {
  /** The step shown (also in the hash). */
  tab: StepId;
  setTab: (tab: StepId) => void;
  /** Newest last; at most MAX_ERRORS kept. */
  errors: AppError[];
  reportError: (e: Omit<AppError, 'id'>) => void;
  dismissError: (id: number) => void;
  /** State of the IndexedDB copy of the user's work. */
  saveStatus: SaveStatus;
  setSaveStatus: (s: SaveStatus) => void;
  /** The plan settings the URL hash carried at load, or null; they win over the saved plan's. */
  linkPlan: Partial<SettingValues> | null;
}

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
  saveStatus: 'loading',
  setSaveStatus: (saveStatus) => set({ saveStatus }),
  linkPlan: null,
});
