/**
 * The simulation report as issue 6 specifies it (the compression result's types come from
 * `src/core/compress/types.ts`). Plain, structured-clonable data: it comes back from a worker and goes
 * into the store and IndexedDB as it is. When `src/core/mcu/` exports its own types, these become
 * aliases of them.
 */

/** The kinds of timeline events the virtual MCU emits. */
export type McuEventKind = 'load' | 'switch' | 'compute' | 'idle';

/** One event on a strategy's timeline, times in microseconds from the scenario start. */
export interface McuEvent {
  t0Us: number;
  t1Us: number;
  kind: McuEventKind;
  model: string;
  energyUj: number;
}

/** One strategy of the simulation report (issue 6). */
export interface McuStrategy {
  name: 'external-storage' | 'internal-flash' | 'yono';
  fits: boolean;
  meanSwitchMs: number;
  meanSwitchMj: number;
  inferenceMs: Record<string, number>;
  events: McuEvent[];
}

/** The simulation report JSON of issue 6. */
export interface SimulationReport {
  device: string;
  strategies: McuStrategy[];
  reduction: { switchLatencyPct: number; switchEnergyPct: number };
}
