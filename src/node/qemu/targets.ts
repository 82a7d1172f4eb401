/**
 * The emulated boards of the Cortex-M check: QEMU's Arm MPS2 FPGA images, with their memories cut to the
 * sizes of the device profiles they stand for, so that a link that would not fit the real part fails.
 * QEMU's MPS2 maps 4 MiB of SSRAM at 0x00000000 (code) and 4 MiB at 0x20000000 (data) on both boards.
 */
export interface QemuTarget {
  /** Short name used in file names and reports. */
  name: 'm7' | 'm4';
  /** QEMU machine (`-M`). */
  machine: string;
  /** The part whose sizes the link uses. */
  standsFor: string;
  /** arm-none-eabi-gcc code-generation flags. */
  cflags: string[];
  flashKB: number;
  ramKB: number;
}

/** Cortex-M7 (mps2-an500) at the STM32F746's 1 MB flash and 320 KB SRAM, single-precision FPv5 as on the F746. */
export const M7: QemuTarget = {
  name: 'm7', machine: 'mps2-an500', standsFor: 'STM32F746 (Cortex-M7, 1 MB flash, 320 KB SRAM)',
  cflags: ['-mcpu=cortex-m7', '-mthumb', '-mfloat-abi=hard', '-mfpu=fpv5-sp-d16', '-mfp16-format=ieee'],
  flashKB: 1024, ramKB: 320,
};

/** Cortex-M4F (mps2-an386) at the nRF52840's 1 MB flash and 256 KB RAM. */
export const M4: QemuTarget = {
  name: 'm4', machine: 'mps2-an386', standsFor: 'nRF52840 (Cortex-M4F, 1 MB flash, 256 KB RAM)',
  cflags: ['-mcpu=cortex-m4', '-mthumb', '-mfloat-abi=hard', '-mfpu=fpv4-sp-d16', '-mfp16-format=ieee'],
  flashKB: 1024, ramKB: 256,
};

export const TARGETS = { m7: M7, m4: M4 } as const;

/** Stack and heap reserved at the top of RAM (bytes); the link fails when data + these exceed RAM. */
export const STACK_BYTES = 8 * 1024;
export const HEAP_BYTES = 16 * 1024;

/**
 * The GNU ld script for a target: vectors then code and constants in flash, initialised data copied
 * from flash to RAM by startup.c, zeroed data, then the heap (newlib's sbrk grows from `end`) and the
 * stack, whose top is the end of RAM.
 */
export function linkerScript(t: QemuTarget): string {
  return `/* ${t.machine} cut to ${t.standsFor}; written by src/node/qemu/targets.ts */
ENTRY(reset_handler)
MEMORY
{
  FLASH (rx)  : ORIGIN = 0x00000000, LENGTH = ${t.flashKB}K
  RAM   (rwx) : ORIGIN = 0x20000000, LENGTH = ${t.ramKB}K
}
__stack_top = ORIGIN(RAM) + LENGTH(RAM);
SECTIONS
{
  .vectors : { KEEP(*(.vectors)) } > FLASH
  .text : ALIGN(4)
  {
    *(.text .text.*)
    *(.rodata .rodata.*)
    KEEP(*(.init)) KEEP(*(.fini))
    . = ALIGN(4);
  } > FLASH
  .ARM.exidx : { *(.ARM.exidx .ARM.exidx.* .gnu.linkonce.armexidx.*) } > FLASH
  .preinit_array : { PROVIDE_HIDDEN(__preinit_array_start = .); KEEP(*(.preinit_array)) PROVIDE_HIDDEN(__preinit_array_end = .); } > FLASH
  .init_array : { PROVIDE_HIDDEN(__init_array_start = .); KEEP(*(SORT(.init_array.*))) KEEP(*(.init_array)) PROVIDE_HIDDEN(__init_array_end = .); } > FLASH
  .fini_array : { PROVIDE_HIDDEN(__fini_array_start = .); KEEP(*(SORT(.fini_array.*))) KEEP(*(.fini_array)) PROVIDE_HIDDEN(__fini_array_end = .); } > FLASH
  .data : ALIGN(4)
  {
    __data_start = .;
    *(.data .data.*)
    . = ALIGN(4);
    __data_end = .;
  } > RAM AT > FLASH
  __data_load = LOADADDR(.data);
  .bss (NOLOAD) : ALIGN(4)
  {
    __bss_start = .; __bss_start__ = .;
    *(.bss .bss.*) *(COMMON)
    . = ALIGN(4);
    __bss_end = .; __bss_end__ = .;
  } > RAM
  .reserved (NOLOAD) : ALIGN(8)
  {
    end = .; _end = .; __end__ = .;
    . += ${HEAP_BYTES};
    . += ${STACK_BYTES};
  } > RAM
  /DISCARD/ : { *(.ARM.attributes) }
}
`;
}
