/** MCU slice: target device, scenario and the simulation report with its timelines. */
import type { StateCreator } from 'zustand';
import type { AllState, McuSlice } from '../types';
import { IDLE_RUN } from '../types';
import type { StoreDeps } from '../deps';
import { allModelRefs } from '../modelRefs';
import { NotAvailableError } from '../../services/errors';
import { cancelJob, runJob } from '../job';


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
      label: 'The simulation',
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
