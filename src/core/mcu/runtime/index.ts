/** The virtual-MCU runtime: executes a validated `.yono` bundle from its bytes. */
export { createRuntime, argmax } from './executor';
export type { ModelRuntime } from './executor';
export { compileModel, findModel } from './compile';
export { createMemoryImage, flashRegions } from './memory-image';
export type { MemoryImage, MemoryRegion, RegionKind } from './memory-image';
export { planArena, ALIGN_FLOATS } from './arena';
export type { ArenaBuffer, ArenaPlacement } from './arena';
export { OP, ACT, WFMT, BUF } from './program';
export { mcuSimdSupported } from './wasm/load';
export { modelCounts } from './counts';
export type { Program, Op, Geometry, WeightRef, TensorRef } from './program';
