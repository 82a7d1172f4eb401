/** MCU slice: target device, scenario and the simulation report with its timelines. */
import type { StateCreator } from 'zustand';
import type { AllState, RunState } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import type { DeviceId } from '../settings';
import type { McuPrediction, SimulationReport } from '../../services/types';
import { allModelRefs } from '../modelRefs';
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
  /** The virtual MCU's predictions on test samples from the latest run (persisted). */
  mcuPredictions: McuPrediction[];
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
  mcuPredictions: [],
  runSimulation: async () => {
    const s = get();
    const { device, codebookResult, scenario } = s;
    const models = allModelRefs(s);
    const out = await runJob(deps, get, {
      key: 'mcu',
      title: 'The simulation failed',
      setRun: (mcuRun) => set({ mcuRun }),
      work: async (o) => {
        if (!codebookResult) throw new NotAvailableError('Simulation', 'learned codebooks (run the Codebook step first)');
        return deps.services.simulate({ device, result: codebookResult, models, scenario }, o);
      },
    });
    if (out) set({ mcuReport: out.report, mcuPredictions: out.predictions });
  },
  cancelSimulation: () => cancelJob(deps, 'mcu'),
});
