/**
 * Device profiles: what the cost model and the scenario simulator need to know about a microcontroller board.
 * Every number in a profile file carries its source in a comment ("derived from ..." where computed,
 * "estimate" where no public figure was found).
 */

/** Inference engines the cost model knows. */
export type EngineId =
  /** Vendor / CMSIS-NN-style int8 kernels (int8 weights and activations): what MLPerf Tiny measures. */
  | 'int8-optimized'
  /**
   * A plain C99 runtime with float32 activations that decodes weights on the fly: from PQ codebooks (`pq`),
   * by dequantizing int8 kernels, or reading float32 kernels directly. The YONO runtime of issue 5.
   */
  | 'yono-float-pq'
  /**
   * The exported int8 PQ runtime (issue 15): int8 activations, PQ codebooks as int8, the C kernels of
   * bundle/c/int8 compiled by arm-none-eabi-gcc: instructions counted on QEMU x a CPI for compiled C.
   */
  | 'yono-int8-pq';

export const ENGINE_IDS: readonly EngineId[] = ['int8-optimized', 'yono-float-pq', 'yono-int8-pq'];

/** Layer kinds that carry MACs. */
export type MacOp = 'conv' | 'depthwise' | 'pointwise' | 'dense' | 'conv1d';

/** Cost of the int8 engine on one core: instructions per MAC (an ISA property) times cycles per instruction. */
export interface Int8EngineModel {
  /** What this models and where the figures come from. */
  description: string;
  /** Instructions per MAC by layer kind; `convFirst` is a conv with fewer than 4 input channels (no SIMD path). */
  insnsPerMac: Record<MacOp | 'convFirst', number>;
  /** Instructions per element op of pooling / elementwise layers (requantizing add, average). */
  insnsPerElementOp: number;
  /** Cycles per instruction of this engine on this core (fitted on the calibration points). */
  cyclesPerInsn: number;
  /** Fixed cycles per layer (kernel call, parameter set-up, im2col set-up). */
  layerOverheadCycles: number;
}

/**
 * Cost of the exported int8 PQ runtime on one core: instructions per layer fitted on the instructions QEMU
 * counts in the real export (per kind: a·MACs + b·outputs + c·decoded weights; element ops for pooling,
 * adds, clamps and tables) times a cycles-per-instruction figure for compiled C on that core.
 */
export interface Int8PqEngineModel {
  /** What this models and where the figures come from. */
  description: string;
  insnsPerMac: Record<MacOp | 'convFirst', number>;
  insnsPerOutput: Record<MacOp | 'convFirst', number>;
  insnsPerDecodedWeight: Record<MacOp | 'convFirst', number>;
  insnsPerElementOp: number;
  cyclesPerInsn: number;
  layerOverheadCycles: number;
}

/** Cost of the float decode-on-the-fly engine on one core, in cycles. */
export interface FloatPqEngineModel {
  /** What this models and where the figures come from. */
  description: string;
  /** Cycles per float MAC by layer kind (loads, multiply, add, loop). */
  cyclesPerMac: Record<MacOp, number>;
  /**
   * Cycles per tap: one kernel position of one output (padding check, pointer set-up, inner-loop entry). Taps
   * are MACs / input channels (conv, pointwise, conv1d, dense) or MACs (depthwise: one MAC per tap in NHWC).
   */
  cyclesPerTap: number;
  /** Cycles per output element (bias, activation, store, loop bookkeeping). */
  cyclesPerOutput: number;
  /** Cycles per codebook lookup (codeword address, loop entry), excluding the unpack and the copy. */
  cyclesPerLookup: number;
  /** Cycles to extract one bit-packed index. */
  cyclesPerIndexUnpack: number;
  /** Cycles per weight value written to the decode scratch, by source format. */
  cyclesPerDecodedWeight: { pq: number; int8: number };
  /** Cycles per element op of pooling / elementwise layers. */
  cyclesPerElementOp: number;
  /** Fixed cycles per layer (call, loop set-up). */
  layerOverheadCycles: number;
}

/** Cycles to make a model current once its weights are where the runtime reads them. */
export interface SetupModel {
  /** Fixed cycles per switch (select the model's descriptor table, reset the arena pointer). */
  fixedCycles: number;
  /** Cycles per layer (patch the layer's weight/arena pointers from the precomputed plan). */
  perLayerCycles: number;
}

/** A CPU core class with its engine cost models. */
export interface CoreModel {
  name: 'cortex-m7' | 'cortex-m4f';
  int8: Int8EngineModel;
  floatPq: FloatPqEngineModel;
  /** The exported int8 PQ runtime (yono-int8-pq). */
  int8Pq: Int8PqEngineModel;
  setup: SetupModel;
}

/** On-chip flash read behaviour as the CPU sees it for data (weights). */
export interface FlashModel {
  /** Wait states at the profile's clock. */
  waitStates: number;
  /** Bytes delivered per flash access (line width). */
  lineBytes: number;
  /** Stall cycles per weight byte streamed from flash (not hidden by cache/prefetch). */
  stallCyclesPerByte: number;
  /** How the figure was obtained. */
  note: string;
}

/** An SD card behind FatFs. Time of one f_read of n bytes = perReadOverheadS + n / streamBytesPerS. */
export interface SdModel {
  bus: 'sdmmc-4bit' | 'spi';
  /** Sustained transfer rate within one read request, bytes per second. */
  streamBytesPerS: number;
  /** Fixed cost per f_read call (command, card latency, FatFs bookkeeping), seconds. */
  perReadOverheadS: number;
  /** f_open of a model file: this many single-sector reads (directory entry, FAT). */
  openSectorReads: number;
  /** Card initialization after power-up, seconds (only when the card is power-cycled between loads). */
  initS: number;
  /** Card current while reading, amperes. */
  cardReadCurrentA: number;
  /** Card current while idle (powered, not selected), amperes. */
  cardIdleCurrentA: number;
}

/** Supply and currents of the MCU itself. */
export interface PowerModel {
  voltageV: number;
  /** Run current while computing at the profile clock, amperes. */
  activeCurrentA: number;
  /** MCU current while it waits for an SD transfer (run mode, bus + DMA active), amperes. */
  sdWaitCurrentA: number;
  /** Current in the idle state between requests (sleep with fast wake-up), amperes. */
  sleepCurrentA: number;
}

/** Estimated code size of the runtime pieces, bytes (flash). */
export interface CodeSizeModel {
  /** int8 interpreter + optimized kernels. */
  int8Runtime: number;
  /** The plain C YONO runtime (decode + float kernels). */
  yonoRuntime: number;
  /** The int8 YONO runtime (yono_runtime_s8 + yono_kernels_s8): measured `.text` (arm-none-eabi-size). */
  yonoInt8Runtime: number;
  /** FatFs + SD driver (external-storage strategy only). */
  sdStack: number;
}

/** A device profile. */
export interface DeviceProfile {
  id: string;
  /** Human-readable name (part and board). */
  name: string;
  core: CoreModel;
  clockHz: number;
  /** SRAM usable for data (all banks that can hold the arena and weights), bytes. */
  sramBytes: number;
  /** On-chip flash, bytes. */
  flashBytes: number;
  flash: FlashModel;
  sd: SdModel;
  power: PowerModel;
  code: CodeSizeModel;
}
