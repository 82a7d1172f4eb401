/**
 * The simulation report as the page keeps it (defined next to the worker that makes it). Plain,
 * structured-clonable data: it comes back from a worker and goes into the store and IndexedDB as it is.
 */
export type { McuEvent, McuEventKind, McuStrategy, SimulationReport } from '../../workers/types';
