import type { CodeSizeModel } from './types';

/** MCU-FIGURES.md: all SD/FatFs figures below come from its "SD over ..." and "per-request overhead" rows. */

/**
 * f_open of a model file: directory entry + FAT lookups, counted as 3 single-sector reads (estimate from the
 * FatFs path walk: root directory sector, FAT sector, first data sector).
 */
export const SD_OPEN_SECTOR_READS = 3;
/** SD init after power-up: ">=1 ms + 74 clocks; ACMD41 busy <= 1 s; 50-80 ms measured" -> 65 ms (mid of measured). */
export const SD_INIT_S = 0.065;
/** SD card idle, powered: "idle 0.07-0.2 mA" -> 0.2 mA (upper end). */
export const SD_IDLE_A = 0.0002;
/** FatFs work area in SRAM: FATFS.win 512 B + FIL.buf 512 B + ~100 B of structures (FF_MAX_SS = 512). */
export const FATFS_SRAM_BYTES = 1124;

/**
 * Code sizes, all estimates:
 * - int8 runtime: TFLM's core runtime "fits in 16 KB on an Arm Cortex M3", 22 KB with the ops of the keyword
 *   model (tensorflow.org/lite/microcontrollers overview); CMSIS-NN conv/depthwise/FC/pool/add/softmax kernels
 *   estimated at +18 KB -> 40 KB.
 * - YONO runtime: the plain C99 runtime of issue 5 (not yet written): decoder + ~12 layer kinds, estimated at
 *   12 KB; replace with `arm-none-eabi-size` of the C export once it exists.
 * - YONO int8 runtime: `.text` of yono_runtime_s8.c + yono_kernels_s8.c (bundle/c/int8) measured with
 *   arm-none-eabi-size (gcc 12.2 -O2 -ffunction-sections, Cortex-M7): 2,176 + 9,336 = 11,512 bytes (M4: 11,468).
 * - SD stack: FatFs 14.1 KB code + 0.8 KB rodata (BoxLambda FatFs docs) + an SD driver ~2.4 KB (SEGGER emFile
 *   MMC/SD driver, ARM7 thumb) -> 17 KB.
 */
export const CODE_SIZES: CodeSizeModel = { int8Runtime: 40 * 1024, yonoRuntime: 12 * 1024, yonoInt8Runtime: 11512, sdStack: 17 * 1024 };
