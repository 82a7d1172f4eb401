/**
 * The services the app uses. What the core already offers is wired here; what still needs its core
 * part or its worker says so with a NotAvailableError (the UI shows "not available yet", never a
 * made-up result). Worker-backed services go through `src/ui/workers/bridge.ts`.
 */
import type { Services } from './types';
import { NotAvailableError } from './errors';
import { loadBuiltinCatalog, loadSamplePreview } from './builtins';

const base = (): string => (typeof import.meta.env?.BASE_URL === 'string' ? import.meta.env.BASE_URL : '/');

/** The services of the running app. */
export function createServices(): Services {
  const fetchFn = (url: string) => fetch(url);
  return {
    loadBuiltins: () => loadBuiltinCatalog(fetchFn, base()),
    loadPreview: (task) => loadSamplePreview(fetchFn, base(), task),
    importModel: async () => {
      throw new NotAvailableError('Importing a model', 'the model-import worker (the tfjs adapters run in a worker, being wired)');
    },
    learnCodebook: async () => {
      throw new NotAvailableError('Learning codebooks', 'the compression pipeline in a worker (issue 4)');
    },
    runSweep: async () => {
      throw new NotAvailableError('The (d, K) sweep', 'the compression pipeline on a worker pool (issue 4)');
    },
    simulate: async () => {
      throw new NotAvailableError('The simulation', 'the virtual MCU (issue 6)');
    },
    exportFile: async () => {
      throw new NotAvailableError('Exporting', 'the bundle writer and exporters (issue 5)');
    },
    importBundle: async () => {
      throw new NotAvailableError('Opening a bundle', 'the bundle reader (issue 5)');
    },
  };
}
