/**
 * The combined store type. Each concern is one slice (zustand's slices pattern); `store.ts` combines
 * them. Slices read each other through `get()`, typed as AllState.
 */
import type { Progress } from '../../core/util/progress';
import type { UiSlice } from './slices/ui';
import type { PlanSlice } from './slices/plan';
import type { ModelsSlice } from './slices/models';
import type { CodebookSlice } from './slices/codebook';
import type { TradeoffsSlice } from './slices/tradeoffs';
import type { McuSlice } from './slices/mcu';
import type { ExportSlice } from './slices/exports';
import type { LearnSlice } from './slices/learn';

export type AllState = UiSlice & PlanSlice & ModelsSlice & CodebookSlice & TradeoffsSlice & McuSlice & ExportSlice & LearnSlice;

/** The life of one long job (learning, sweep, simulation, export). */
export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'unavailable';
  /** Latest progress while running (phase and fraction). */
  progress: Progress | null;
  /** Why it is unavailable, or the error in one line. */
  message: string | null;
}

export const IDLE_RUN: RunState = { status: 'idle', progress: null, message: null };
