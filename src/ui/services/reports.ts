/**
 * The shapes of the results the UI shows, as the core issues specify them (issue 4's compression report,
 * issue 6's simulation report). They are plain, structured-clonable data: they come back from workers,
 * go into the store and into IndexedDB as they are. When the core modules export their own types, these
 * become aliases of them.
 */

/** One layer's line in the compression report (issue 4). */
export interface ReportLayer {
  name: string;
  kind: string;
  params: number;
  /** True when the layer is product-quantized (marked `(c)` in tables). */
  compressed: boolean;
  /** Codebook group name, or null when the layer is kept. */
  codebook: string | null;
  /** Signal-to-quantization-noise ratio of the layer's weights, dB (null for kept layers). */
  sqnrDb: number | null;
  /** Bytes of the layer after compression (indices + scales + bias, or the kept weights). */
  bytes: number;
  /** Float32 bytes of the layer before compression, when the core reports it. */
  float32Bytes?: number;
  /** Accuracy drop (percentage points) when only this layer is quantized, when measured. */
  sensitivityPp?: number;
}

/** One model in the compression report. */
export interface ReportModel {
  name: string;
  float32Bytes: number;
  compressedBytes: number;
  /** Accuracy in [0, 1] of the float model on its test split. */
  accuracyFloat: number;
  /** Accuracy in [0, 1] with the decoded (compressed) weights. */
  accuracyCompressed: number;
  layers: ReportLayer[];
}

/** The compression report JSON of issue 4. */
export interface CompressReport {
  totals: { float32Bytes: number; compressedBytes: number; ratio: number };
  codebooks: { name: string; d: number; k: number; bytes: number; layers: number }[];
  models: ReportModel[];
  timingsMs: Record<string, number>;
}

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
