/*
 * startup.c - bare-metal start-up for running exported YONO C under QEMU's Arm MPS2 boards
 * (mps2-an500: Cortex-M7, mps2-an386: Cortex-M4), with semihosting for stdout and the exit status.
 * The vector table holds the initial stack pointer and the reset handler; faults end the emulation with
 * a semihosting exit (status 1) so a crash never hangs the check. Also defines the instruction-count
 * probe (yono_probe.h) that the yono_insns plugin watches.
 */
#include <stdint.h>
#include "yono_probe.h"

extern uint32_t __stack_top, __data_load, __data_start, __data_end, __bss_start, __bss_end;
extern int main(void);
extern void exit(int status);
extern void initialise_monitor_handles(void); /* librdimon: opens the semihosting stdin/stdout/stderr */

void reset_handler(void);
static void fault_handler(void);
static void spin_handler(void);

/* Cortex-M exception vectors 0..15; external interrupts are never enabled here. */
__attribute__((section(".vectors"), used))
static void (*const vectors[16])(void) = {
  (void (*)(void))&__stack_top, reset_handler,
  spin_handler,                                             /* NMI */
  fault_handler, fault_handler, fault_handler, fault_handler, /* HardFault, MemManage, BusFault, UsageFault */
  0, 0, 0, 0,
  spin_handler, spin_handler, 0, spin_handler, spin_handler /* SVCall, DebugMonitor, -, PendSV, SysTick */
};

/* Semihosting SYS_EXIT (0x18) with ADP_Stopped_RunTimeErrorUnknown: QEMU exits with status 1. */
static void fault_handler(void) {
  register uint32_t op __asm("r0") = 0x18u;
  register uint32_t reason __asm("r1") = 0x20023u;
  __asm volatile("bkpt 0xab" : : "r"(op), "r"(reason) : "memory");
  for (;;) {}
}

static void spin_handler(void) { fault_handler(); }

/* -nostartfiles leaves out crti/crtn, whose hooks newlib's init/fini code still calls. */
void _init(void) {}
void _fini(void) {}

volatile uint8_t yono_probe_regions[YONO_PROBE_REGIONS];

__attribute__((noinline)) void yono_probe(uint32_t region) {
  yono_probe_regions[region] = 1u;
}

/* Plain loops for the copies: the pattern-to-memcpy optimisation would count libc in the start-up. */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
void reset_handler(void) {
  uint32_t *from = &__data_load, *to = &__data_start;
#if defined(__ARM_FP)
  *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20; /* CPACR: full access to CP10 and CP11 (the FPU) */
  __asm volatile("dsb\n\tisb" ::: "memory");
#endif
  while (to < &__data_end) *to++ = *from++;
  for (to = &__bss_start; to < &__bss_end; to++) *to = 0u;
  initialise_monitor_handles();
  exit(main());
}
