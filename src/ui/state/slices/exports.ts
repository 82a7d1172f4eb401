/** Export slice: producing downloads (bundle, C, tfjs, report) and re-opening a bundle. */
import type { StateCreator } from 'zustand';
import type { AllState, ExportSlice } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import { NotAvailableError } from '../../services/errors';
import { runJob } from '../job';
import { allModelRefs } from '../modelRefs';


export const createExportSlice = (deps: StoreDeps): StateCreator<AllState, [], [], ExportSlice> => (set, get) => ({
  exportRun: IDLE_RUN,
  exportKind: null,
  lastExport: null,
  exportFile: async (kind, opts = {}) => {
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
        return deps.services.exportFile(kind, { result, models, extras, withSamples: opts.withSamples ?? true }, o);
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
    // A failed import clears the previous bundle: its "checksums verified" table must not stand under the error.
    if (summary) set({ openedBundle: summary });
    else if (get().importRun.status === 'error') set({ openedBundle: null });
  },
});
