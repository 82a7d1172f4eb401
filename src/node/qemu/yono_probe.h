/*
 * yono_probe.h - marks regions of a run for the yono_insns QEMU plugin: yono_probe(r) makes r the
 * region that the following instructions count towards (0 <= r < YONO_PROBE_REGIONS). On a build that is
 * not for the QEMU check (YONO_QEMU undefined, e.g. the host build of the same main) it does nothing.
 */
#ifndef YONO_PROBE_H
#define YONO_PROBE_H
#include <stdint.h>

#define YONO_PROBE_REGIONS 256

#if defined(YONO_QEMU)
void yono_probe(uint32_t region);
#else
static inline void yono_probe(uint32_t region) { (void)region; }
#endif

#endif /* YONO_PROBE_H */
