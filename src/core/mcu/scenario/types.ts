import type { EngineId } from '../devices/types';

/** A task that asks for an inference every `periodMs`, first at `offsetMs`. */
export interface PeriodicTask {
  /** Model (task) name, e.g. `keywords`. */
  model: string;
  periodMs: number;
  /** Time of the first request, default 0. */
  offsetMs?: number;
}

/** A request sequence: periodic tasks over a duration, or an explicit list. */
export type Scenario =
  | {
    kind: 'periodic';
    /** Requests are generated in [0, durationMs); the timeline runs to durationMs (idle at the end). */
    durationMs: number;
    /** Requests at the same instant are served in the order of this list. */
    tasks: PeriodicTask[];
  }
  | {
    kind: 'explicit';
    /** Any order; sorted by time (stable). */
    requests: { atMs: number; model: string }[];
    /** Optional end of the timeline; default: when the last request completes. */
    durationMs?: number;
  };

/** The three ways of keeping several models on one MCU. */
export type StrategyName = 'external-storage' | 'internal-flash' | 'yono';

export const STRATEGY_NAMES: readonly StrategyName[] = ['external-storage', 'internal-flash', 'yono'];

/** What the core is doing during an event. */
export type EventKind = 'load' | 'switch' | 'compute' | 'idle';

/** One interval of the single core's timeline. Events of a strategy never overlap and are in time order. */
export interface SimEvent {
  t0Us: number;
  t1Us: number;
  kind: EventKind;
  /** Model concerned; '' for idle. */
  model: string;
  /** Energy of the MCU (and the SD card where the strategy has one) over the event, microjoules. */
  energyUj: number;
}

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Weights of the uncompressed strategies (external-storage, internal-flash). Default `int8`. */
  baselineFormat?: 'int8' | 'float32';
  /** Engine of the uncompressed strategies. Default: `int8-optimized` for int8, `yono-float-pq` for float32. */
  baselineEngine?: EngineId;
  /** Bytes per f_read when loading from the SD card. Default 4096. */
  sdChunkBytes?: number;
  /** Power the SD card down between loads (each load pays the card init). Default false. */
  sdPowerCycle?: boolean;
  /** Strategies to run, in report order. Default all three. */
  strategies?: StrategyName[];
  /** Keep the event list in the report (large for long scenarios). Default true. */
  keepEvents?: boolean;
}

/** One row of a memory map. */
export interface MemoryItem {
  region: 'flash' | 'sram' | 'sd';
  /** What the bytes hold, e.g. `codebooks`, `activation arena`. */
  label: string;
  bytes: number;
  /** How the figure was obtained when it is not counted from the models (e.g. code size estimates). */
  note?: string;
}

/** Use of one memory region against its capacity. */
export interface RegionUse { used: number; capacity: number; fits: boolean }

/** Where a strategy puts everything on a device, and whether it fits. */
export interface MemoryMap {
  strategy: StrategyName;
  device: string;
  items: MemoryItem[];
  flash: RegionUse;
  sram: RegionUse;
  /** Bytes on the SD card (external-storage only, else 0). */
  sdBytes: number;
  fits: boolean;
  /** `does not fit in flash: needs X KB, has Y KB` (and/or SRAM) when it does not fit, else null. */
  message: string | null;
}

/** Results of one strategy. */
export interface StrategyResult {
  name: StrategyName;
  fits: boolean;
  message: string | null;
  engine: EngineId;
  /** Weight format the strategy executes. */
  weightFormat: 'pq' | 'int8' | 'float32';
  /** Requests that found another model current (the first request counts: nothing is current at t = 0). */
  switches: number;
  /** Mean time from a task change to the new model being ready: load (if any) + set-up. Null if it does not fit. */
  meanSwitchMs: number | null;
  /** Mean energy of a task change, millijoules. */
  meanSwitchMj: number | null;
  /** Time and energy to make each model current (load + set-up), ms and mJ. */
  switchMs: Record<string, number>;
  switchMj: Record<string, number>;
  /** One inference per model, ms and mJ. */
  inferenceMs: Record<string, number>;
  inferenceMj: Record<string, number>;
  /** Per request, in request order: completion minus arrival (queueing + switch + compute), ms. */
  requestLatencyMs: number[];
  latencyMs: { mean: number; p95: number; max: number } | null;
  /** Energy by event kind and in total over the timeline, millijoules. */
  energyMj: { load: number; switch: number; compute: number; idle: number; total: number };
  /** End of this strategy's timeline (last completion, or the scenario's duration if later), microseconds. */
  timelineUs: number;
  /** Busy time / timeline length, %. */
  busyPct: number | null;
  memory: MemoryMap;
  events: SimEvent[];
}

/** The simulation report (issue 6 shape, plus detail). */
export interface SimulationReport {
  device: string;
  deviceName: string;
  /** Number of requests and the timeline length. */
  requests: number;
  durationUs: number;
  options: Required<Omit<SimulateOptions, 'strategies'>> & { strategies: StrategyName[] };
  strategies: StrategyResult[];
  /** YONO against external storage: 100 x (1 - yono / external) on the mean switch latency and energy. */
  reduction: { switchLatencyPct: number | null; switchEnergyPct: number | null };
}
