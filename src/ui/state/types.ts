/**
 * The combined store type and the shape of every slice (zustand's slices pattern): the slices' actions
 * live in `slices/`, which import their shape from here (so no import runs back from here to them);
 * `store.ts` combines them. Slices read each other through `get()`, typed as AllState.
 */
import type { JobProgress } from './progress';
import type { GroupSettings, GroupingId, LearnSettings, NormalizationId, PresetId, StepId } from './settings';
import type { LayerOverride, Plan } from '../../core/compress/types';
import type { PresetName } from '../../core/compress/plan/presets';
import type { SettingKey, SettingValues } from '../../core/settings/schema';
import type {
  BaselineRow, BuiltinTask, BundleSummary, CodebookResult, CodebookViews, DeviceId, ExportKind, ExportedFile, ImportedModel, McuPrediction,
  SamplePreview, ScenarioTask, SimulationSummary, SweepPoint, ModelShape, LayerSqnrEstimate,
} from '../services/types';

export type AllState = UiSlice & PlanSlice & ModelsSlice & CodebookSlice & TradeoffsSlice & McuSlice & ExportSlice & LearnSlice & EstimateSlice & HistorySlice;

/** The life of one long job (learning, sweep, simulation, export). */
export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'unavailable';
  /** Latest progress while running: phase, forward-only fraction, elapsed and estimated time left. */
  progress: JobProgress | null;
  /** Why it is unavailable, or the error in one line. */
  message: string | null;
}

export const IDLE_RUN: RunState = { status: 'idle', progress: null, message: null };

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
  /** Dismisses every error with this title (a job that failed before and has now succeeded). */
  dismissErrorsTitled: (title: string) => void;
  /** State of the IndexedDB copy of the user's work. */
  saveStatus: SaveStatus;
  setSaveStatus: (s: SaveStatus) => void;
  /** The plan settings the URL hash carried at load, or null; they win over the saved plan's. */
  linkPlan: Partial<SettingValues> | null;
  /** The long job running now (saved with the work): after a reload it becomes `interruptedRun`. */
  activeRun: ActiveRun | null;
  setActiveRun: (r: ActiveRun | null) => void;
  /** A job a reload interrupted, shown with a restart button until dismissed. */
  interruptedRun: ActiveRun | null;
  dismissInterrupted: () => void;
}

/** A long job that runs (or ran when the page went away). */
export interface ActiveRun {
  /** The job key: 'codebook', 'sweep', 'compare', 'mcu'. */
  key: string;
  /** What it was doing, e.g. "Learning the codebook". */
  label: string;
  startedAt: number;
  /** The plan it ran with (absent in runs saved before it was recorded): Restart runs that plan again. */
  plan?: Plan;
}

export interface PlanSlice {
  plan: Plan;
  /** Sets one setting of the plan (numbers clamped to the setting's range, groups to LIMITS). */
  setSetting: <K extends SettingKey>(key: K, value: SettingValues[K]) => void;
  /** Starts from a preset's plan (its d/K and formats), keeping the seed and the per-layer overrides. */
  setPreset: (preset: PresetId) => void;
  /** Changes the grouping rule; the d/K rows of the new rule start from the current first row. */
  setGrouping: (grouping: GroupingId) => void;
  /** Changes d and/or K of row `index` of `uiGroups(plan.grouping)`; values are clamped. */
  setGroup: (index: number, patch: Partial<GroupSettings>) => void;
  setNormalization: (n: NormalizationId) => void;
  setSeed: (seed: number) => void;
  setBudget: (pp: number) => void;
  /** Sets (or with null clears) the format of layer `model/layer`. */
  setLayerFormat: (key: string, format: LayerOverride | null) => void;
  /** Replaces the whole plan (a clicked Pareto point, a re-opened bundle). */
  loadPlan: (plan: Plan) => void;
}

export interface ModelsSlice {
  /** The built-in tasks; 'missing' until the data and models are generated. */
  builtins: { status: 'idle' | 'loading' | 'ready' | 'missing' | 'error'; tasks: BuiltinTask[]; message: string | null };
  /** The user's models with their weights and data (persisted). */
  imported: ImportedModel[];
  /** Names of the models excluded from compression (persisted); everything else takes part. */
  excluded: string[];
  /** The last import's problems, shown inline under the drop zone. */
  importStatus: { state: 'idle' | 'importing' | 'error'; message: string | null; action: string | null };
  /** Sample previews of built-in tasks, by task name (not persisted: re-read from the static files). */
  previews: Record<string, { status: 'loading' | 'ready' | 'missing' | 'error'; preview: SamplePreview | null }>;
  loadBuiltins: () => Promise<void>;
  loadPreview: (task: string) => Promise<void>;
  importFiles: (files: File[]) => Promise<void>;
  removeImported: (name: string) => void;
  setIncluded: (name: string, included: boolean) => void;
}

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

export interface TradeoffsSlice {
  sweepRun: RunState;
  /** Sweep points (persisted); filled in as they land. */
  sweepPoints: SweepPoint[];
  /** d values and K values the sweep covers. */
  sweepGrid: { ds: number[]; ks: number[] };
  setSweepGrid: (grid: { ds: number[]; ks: number[] }) => void;
  runSweep: () => Promise<void>;
  cancelSweep: () => void;
  /** The plan the sweep points were computed for (persisted), to mark them stale when it changes. */
  sweepPlan: Plan | null;
  /** Loads a sweep point's (d, K) into every group of the plan (the sweep uses one d, K for all); returns the groups it changed. */
  loadSweepPoint: (p: SweepPoint) => string[];
  compareRun: RunState;
  /** The comparison table (persisted), one row per preset, with the models it ran on. */
  comparison: { rows: BaselineRow[]; models: string[]; /** The user's plan the rows were built from (absent in older saved work). */ plan?: Plan } | null;
  runComparison: (presets?: PresetName[]) => Promise<void>;
  cancelComparison: () => void;
}

export interface McuSlice {
  /** Target device (also in the hash). */
  device: DeviceId;
  setDevice: (d: DeviceId) => void;
  /** The request pattern (persisted). Empty means the simulator's default scenario. */
  scenario: ScenarioTask[];
  setScenario: (tasks: ScenarioTask[]) => void;
  mcuRun: RunState;
  /** The latest simulation (persisted). */
  mcuReport: SimulationSummary | null;
  /** The virtual MCU's predictions on test samples from the latest run (persisted). */
  mcuPredictions: McuPrediction[];
  runSimulation: () => Promise<void>;
  cancelSimulation: () => void;
}

export interface ExportSlice {
  exportRun: RunState;
  /** The export in progress or last done. */
  exportKind: ExportKind | null;
  /** Handed to the browser as a download by the component that asked for it. */
  lastExport: ExportedFile | null;
  /** Makes an export; `withSamples: false` leaves the test samples out of a bundle. */
  exportFile: (kind: ExportKind, opts?: { withSamples?: boolean }) => Promise<ExportedFile | null>;
  importRun: RunState;
  /** The bundle re-opened by Import bundle (persisted). */
  openedBundle: BundleSummary | null;
  importBundle: (file: File) => Promise<void>;
}

export interface LearnSlice {
  learn: LearnSettings;
  /** Changes some settings; values are clamped to their limits. */
  setLearn: (patch: Partial<LearnSettings>) => void;
}

export interface EstimateSlice {
  /** Each model's shape (kernels emptied), by model name (persisted): what the instant estimate needs. */
  shapes: Record<string, ModelShape>;
  shapesStatus: 'idle' | 'loading' | 'error';
  /** Reads the shapes of the included models that are missing (and, once per page, all of them). */
  loadShapes: () => Promise<void>;
  /** The latest quick per-layer SQNR, with the plan and models it was computed for. */
  quickSqnr: { plan: Plan; models: string[]; layers: LayerSqnrEstimate[]; ms: number } | null;
  quickSqnrStatus: 'idle' | 'running' | 'error';
  /** Estimates the per-layer SQNR of the current plan in a worker (a newer call wins). */
  runQuickSqnr: () => Promise<void>;
}

/** One finished run as the history keeps it: its plan, models and per-model figures. */
export interface RunRecord {
  id: number;
  /** ms since epoch. */
  at: number;
  plan: Plan;
  models: {
    name: string;
    float32Bytes: number;
    bytes: number;
    accuracyFloat: number;
    accuracyCompressed: number;
    /** Per weight layer: format and codebook (`pq:spatial`, `int8`, `float32`). */
    formats: Record<string, string>;
  }[];
  totals: { float32Bytes: number; compressedBytes: number; ratio: number };
  durationMs: number;
}

export interface HistorySlice {
  /** The last runs, newest first (persisted), at most HISTORY_SIZE. */
  history: RunRecord[];
  /** Ids of the two runs compared side by side (null: none chosen). */
  historyPick: [number | null, number | null];
  setHistoryPick: (pick: [number | null, number | null]) => void;
  clearHistory: () => void;
}
