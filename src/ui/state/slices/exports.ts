/** Export slice: producing downloads (bundle, C, tfjs, report) and re-opening a bundle. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { BundleSummary, ExportKind, ExportedFile } from '../../services/types';
import { NotAvailableError } from '../../services/errors';
import { runJob } from '../job';
import { allModelRefs } from '../modelRefs';

export interface ExportSlice {
  exportRun: RunState;
  /** The export in progress or last done. */
  exportKind: ExportKind | null;
  /** Handed to the browser as a download by the component that asked for it. */
  lastExport: ExportedFile | null;
  exportFile: (kind: ExportKind) => Promise<ExportedFile | null>;
  importRun: RunState;
  /** The bundle re-opened by Import bundle (persisted). */
  openedBundle: BundleSummary | null;
  importBundle: (file: File) => Promise<void>;
}

export const createExportSlice = (deps: StoreDeps): StateCreator<AllState, [], [], ExportSlice> => (set, get) => ({
  exportRun: IDLE_RUN,
  exportKind: null,
  lastExport: null,
  exportFile: async (kind) => {
    const s = get();
    const result = s.codebookResult;
    const models = allModelRefs(s);
    const extras = { comparison: s.comparison?.rows ?? null, sweep: s.sweepPoints, simulation: s.mcuReport };
    set({ exportKind: kind });
    const file = await runJob(deps, get, {
      key: 'export',
      title: 'The export failed',
      setRun: (exportRun) => set({ exportRun }),
      work: async (o) => {
        if (!result) throw new NotAvailableError('Export', 'learned codebooks (run the Codebook step first)');
        return deps.services.exportFile(kind, { result, models, extras }, o);
      },
    });
    if (file) set({ lastExport: file });
    return file;
  },
  importRun: IDLE_RUN,
  openedBundle: null,
  importBundle: async (file) => {
    const summary = await runJob(deps, get, {
      key: 'import-bundle',
      title: 'The bundle could not be opened',
      setRun: (importRun) => set({ importRun }),
      work: (o) => deps.services.importBundle(file, o),
    });
    if (summary) set({ openedBundle: summary });
  },
});
