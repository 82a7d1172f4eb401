/** Test helpers: services that fail as "not available" unless a test overrides them. */
import type { Services } from '../services/types';
import { NotAvailableError } from '../services/errors';

/** Services where every call rejects with NotAvailableError; pass overrides for what a test needs. */
export function fakeServices(over: Partial<Services> = {}): Services {
  const na = (f: string) => () => Promise.reject(new NotAvailableError(f, 'a test override'));
  return {
    loadBuiltins: async () => ({ status: 'missing', message: 'no built-ins in tests' }),
    loadPreview: async () => null,
    importModel: na('Import'),
    learnCodebook: na('Learning'),
    compareMethods: na('Comparison'),
    runSweep: na('Sweep'),
    simulate: na('Simulation'),
    exportFile: na('Export'),
    importBundle: na('Import bundle'),
    modelShapes: na('Estimates'),
    quickSqnr: na('SQNR estimate'),
    ...over,
  };
}
