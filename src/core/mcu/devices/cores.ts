import type { CoreModel, FloatPqEngineModel, Int8EngineModel, Int8PqEngineModel, SetupModel } from './types';

/**
 * Per-core cost models. The sources are in /work/shared/MCU-FIGURES.md unless a comment says otherwise; the
 * calibration test (cost/calibration.test.ts) checks the int8 engine against every cited MLPerf Tiny point.
 */

/**
 * CMSIS-NN instructions per MAC by kernel, measured on the CMSIS-NN kernels under an instruction-counting
 * emulator (MCU-FIGURES.md, "CMSIS-NN insns/MAC (M4=M7 ISA)"): conv3x3 2.33, first conv (Cin=3) 4.86,
 * pointwise 2.05-2.66 (mid-point 2.35 used), depthwise 3x3 8.25, FC 1.96. Conv1D is a 1-row conv: conv3x3 value.
 */
const CMSIS_NN_INSNS_PER_MAC: Int8EngineModel['insnsPerMac'] = {
  conv: 2.33, convFirst: 4.86, pointwise: 2.35, depthwise: 8.25, dense: 1.96, conv1d: 2.33,
};
/** Instructions per element of a requantizing add / pooling step (estimate: load, add, requantize, saturate, store). */
const INT8_INSNS_PER_ELEMENT_OP = 3;
/**
 * Fixed instructions per layer: kernel call, quantization parameters, im2col set-up. Fitted on the NUCLEO-L4R5ZI
 * points (5,000 cycles at 1.442 cycles/insn); the fit is flat between 3,000 and 7,000 cycles (worst error 6-7 %).
 */
const INT8_LAYER_OVERHEAD_INSNS = 3500;

/**
 * The exported int8 PQ runtime's instructions per layer, fitted on the instructions QEMU counts per layer in
 * the real export (`npm run bench -- --only mcu --models suite`: yono export-c of the four built-ins, int8
 * activations, PQ per channel / int8 / PQ per layer in turn, arm-none-eabi-gcc 12.2 -O2, mps2-an500; the fit
 * predicts the suite models it was not fitted on within -13.3..+8.2 %). Per kind: a·MACs + b·outputs + c·decoded
 * weights (requantisation, im2col and the PQ decode per inference are in b and c); pooling, adds, clamps and
 * tables 8.62 instructions per element op. The Cortex-M4 build counts the same to ±1 % (same ISA).
 */
const YONO_INT8_INSNS_PER_MAC: Int8PqEngineModel['insnsPerMac'] = { conv: 1.711, convFirst: 1.434, pointwise: 1.487, depthwise: 8.073, dense: 10.903, conv1d: 1.816 };
const YONO_INT8_INSNS_PER_OUTPUT: Int8PqEngineModel['insnsPerOutput'] = { conv: 0, convFirst: 47.62, pointwise: 39.32, depthwise: 0, dense: 127.17, conv1d: 29.83 };
const YONO_INT8_INSNS_PER_DECODED: Int8PqEngineModel['insnsPerDecodedWeight'] = { conv: 30.437, convFirst: 0, pointwise: 7.65, depthwise: 93.48, dense: 0, conv1d: 7.898 };
const YONO_INT8_INSNS_PER_ELEMENT_OP = 8.62;
/** Fixed instructions per layer of the int8 runtime's dispatch: in the fitted terms already (QEMU counts each op whole). */
const YONO_INT8_LAYER_OVERHEAD_INSNS = 0;
/**
 * Cycles per instruction of compiled C on a Cortex-M4: the M4 fit of compiled CMSIS-NN C on the NUCLEO-L4R5ZI
 * MLPerf Tiny points (1.442, MCU-FIGURES.md derives 1.46-1.78 without a flash term). On the Cortex-M7 that
 * figure scaled by Arm's CoreMark/MHz of the two cores (compiler-generated code: Cortex-M4 3.40, Cortex-M7 5.01):
 * 1.442 x 3.40 / 5.01 = 0.98. An estimate for the M7 (no published CPI of compiled int8 code on it was found);
 * the vendor engines' 0.30-0.65 (MCU-FIGURES.md) fold in their hand-tuned code and are not used here.
 */
const CPI_COMPILED_C = { m4: 1.442, m7: 0.98 } as const;

const int8Pq = (cpi: number, where: string): Int8PqEngineModel => ({
  description: `the exported int8 PQ runtime: per-layer instructions fitted on QEMU counts of the real export x ${cpi} cycles/instruction for compiled C (${where})`,
  insnsPerMac: YONO_INT8_INSNS_PER_MAC, insnsPerOutput: YONO_INT8_INSNS_PER_OUTPUT, insnsPerDecodedWeight: YONO_INT8_INSNS_PER_DECODED,
  insnsPerElementOp: YONO_INT8_INSNS_PER_ELEMENT_OP, cyclesPerInsn: cpi, layerOverheadCycles: YONO_INT8_LAYER_OVERHEAD_INSNS * cpi,
});

/**
 * Model switch set-up in the runtimes simulated here: the arena is planned offline, so making a model current
 * means selecting its descriptor table and patching per-layer pointers (~25 loads/stores per layer) — an
 * estimate, the same for every strategy. It is the whole cost of a YONO switch.
 */
const SETUP: SetupModel = { fixedCycles: 1000, perLayerCycles: 100 };

/**
 * Cortex-M4F (ARMv7E-M, single-issue, FPv4-SP). Calibrated on the NUCLEO-L4R5ZI (STM32L4R5, 120 MHz, flash at
 * 5 wait states behind the ART accelerator) with microTVM + CMSIS-NN; applied to the nRF52840 at 64 MHz.
 */
export const CORTEX_M4F: CoreModel = {
  name: 'cortex-m4f',
  int8: {
    description: 'CMSIS-NN-style int8 kernels (calibrated: NUCLEO-L4R5ZI, microTVM + CMSIS-NN, MLPerf Tiny)',
    insnsPerMac: CMSIS_NN_INSNS_PER_MAC,
    insnsPerElementOp: INT8_INSNS_PER_ELEMENT_OP,
    // Fitted: minimizes the worst error over the four L4R5 points (KWS, IC, VWW, AD) together with the layer
    // overhead and the L4R5's flash stall (0.625 cycles/byte). MCU-FIGURES.md derives 1.46-1.78 cycles/insn per
    // network from the same latencies without a flash term; the flash term takes part of that.
    cyclesPerInsn: 1.442,
    layerOverheadCycles: INT8_LAYER_OVERHEAD_INSNS * 1.442,
  },
  floatPq: {
    description: 'plain C99 float32 runtime decoding weights on the fly (estimate: arm-none-eabi-gcc 12.2 -O2 inner loops x Cortex-M4 TRM cycle timings; not calibrated against a measurement)',
    // dot loop `acc += x[i]*w[i]` compiles to VLDM, VLDM, VMUL, CMP, VADD, BNE (6 insns): 2+2+1+1+1+3 (taken
    // branch 1+P, P=2) = 10 cycles per MAC. Depthwise (NHWC) walks one channel with a strided input and a
    // padding check per tap: counted by cyclesPerTap below, so the MAC itself costs the same.
    cyclesPerMac: { conv: 10, pointwise: 10, dense: 10, conv1d: 10, depthwise: 10 },
    // per output element: bias load, ReLU compare, store, outer-loop bookkeeping (estimate ~12 insns)
    cyclesPerOutput: 14,
    // per codebook lookup: codeword address (MUL), inner-loop entry and exit, outer-loop branch: 13 cycles of
    // the 23-instruction per-subvector body of decode_pq (the rest is the index unpack below)
    cyclesPerLookup: 13,
    // bit-unpack of one index: 3 LDRB (2+1+1 cycles pipelined) + 9 shift/or/and/add = 13 cycles
    cyclesPerIndexUnpack: 13,
    // writing one decoded weight from a float16 codebook (what bundles store): LDRH, VMOV, VCVTB.F32.F16,
    // CMP, VMUL (scale), VSTM, BNE = 2+1+1+1+1+2+3 = 11 (the loop arm-none-eabi-gcc 12.2 -O2 -mfp16-format=ieee
    // emits for the C runtime's decode_unit; Cortex-M4 TRM: VMOV core-to-FP and VCVT half-to-single 1 cycle
    // each). A float32 codebook (older bundles) would be VLDM, VMUL, CMP, VSTM, BNE = 9; it is charged 11 too.
    // int8 dequantize: LDRSB, VMOV, VCVT, CMP, VMUL, VSTM, BNE = 2+1+1+1+1+2+3 = 11
    cyclesPerDecodedWeight: { pq: 11, int8: 11 },
    cyclesPerElementOp: 6,
    layerOverheadCycles: 300,
    // per tap (one kernel position: padding check, pointer set-up, inner-loop entry; ~8 insns): estimate
    cyclesPerTap: 9,
  } satisfies FloatPqEngineModel,
  int8Pq: int8Pq(CPI_COMPILED_C.m4, 'Cortex-M4: fitted on compiled CMSIS-NN C, NUCLEO-L4R5ZI MLPerf Tiny'),

  setup: SETUP,
};

/**
 * Cortex-M7 (ARMv7E-M, dual-issue, FPv5). int8: calibrated on the DISCO-F746NG (216 MHz) with the Plumerai and
 * Bosch HALE engines of MLPerf Tiny; float: estimate.
 */
export const CORTEX_M7: CoreModel = {
  name: 'cortex-m7',
  int8: {
    description: 'vendor-optimized int8 engine (calibrated: DISCO-F746NG, Plumerai and Bosch HALE, MLPerf Tiny)',
    insnsPerMac: CMSIS_NN_INSNS_PER_MAC,
    insnsPerElementOp: INT8_INSNS_PER_ELEMENT_OP,
    // Fitted on the four F746 points with the layer overhead fixed at the M4 fit (3,500 insns) and the F746's
    // flash stall (0.40 cycles/byte, fitted on AD). MCU-FIGURES.md derives 0.3-0.65 for these engines.
    cyclesPerInsn: 0.451,
    layerOverheadCycles: INT8_LAYER_OVERHEAD_INSNS * 0.451,
  },
  floatPq: {
    description: 'plain C99 float32 runtime decoding weights on the fly (estimate: the M4F loop costs roughly halved for dual issue, a branch predictor and pipelined FPU; ARM publishes no M7 cycle tables; not calibrated)',
    // the dot loop is bound by the loop-carried VADD (latency ~3) plus the taken branch: ~4 cycles per MAC
    cyclesPerMac: { conv: 4, pointwise: 4, dense: 4, conv1d: 4, depthwise: 4 },
    cyclesPerOutput: 7,
    cyclesPerLookup: 6,
    cyclesPerIndexUnpack: 6,
    // pq: the float16 codebook value's VMOV + VCVTB.F32.F16 (1 cycle each on FPv5) add one cycle to the
    // float32 copy-and-scale loop after dual issue (estimate, as the rest of this model)
    cyclesPerDecodedWeight: { pq: 5, int8: 5 },
    cyclesPerElementOp: 3,
    layerOverheadCycles: 150,
    cyclesPerTap: 4,
  },
  int8Pq: int8Pq(CPI_COMPILED_C.m7, 'Cortex-M7: the M4 figure x Arm CoreMark/MHz 3.40 / 5.01, an estimate'),

  setup: SETUP,
};
