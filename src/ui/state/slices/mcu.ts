/** MCU slice: target device, scenario and the simulation report with its timelines. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { DeviceId } from '../settings';
import type { SimulationReport } from '../../services/reports';
import { NotAvailableError } from '../../services/errors';
import { cancelJob, runJob } from '../job';

/** A periodic task of the scenario: run `model` every `periodMs`. */
export interface ScenarioTask {
  model: string;
  periodMs: number;
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
  mcuReport: SimulationReport | null;
  runSimulation: () => Promise<void>;
  cancelSimulation: () => void;
}

export const createMcuSlice = (deps: StoreDeps): StateCreator<AllState, [], [], McuSlice> => (set, get) => ({
  device: 'stm32f746',
  setDevice: (device) => set({ device }),
  scenario: [],
  setScenario: (scenario) => set({ scenario: scenario.filter((t) => t.model && t.periodMs > 0) }),
  mcuRun: IDLE_RUN,
  mcuReport: null,
  runSimulation: async () => {
    const { device, codebookResult } = get();
    const report = await runJob(deps, get, {
      key: 'mcu',
      title: 'The simulation failed',
      setRun: (mcuRun) => set({ mcuRun }),
      work: async (o) => {
        if (!codebookResult) throw new NotAvailableError('Simulation', 'learned codebooks (run the Codebook step first)');
        return deps.services.simulate({ device, result: codebookResult }, o);
      },
    });
    if (report) set({ mcuReport: report });
  },
  cancelSimulation: () => cancelJob(deps, 'mcu'),
});
