import { expect, vi } from 'vitest';
import type { Command } from '../command';

/** Runs a CLI command expecting exit code 0 and returns what it printed with console.log (test helper). */
export async function captureLog(command: Command, args: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await command.run(args)).toBe(0);
    return log.mock.calls.map((c) => String(c[0])).join('\n');
  } finally {
    log.mockRestore();
  }
}

/** Dumps the raw float bits of every output of every stored sample: "<model> <sample> <hex> <hex> ...". */
export const DUMP_C = `#include <stdio.h>
#include <string.h>
#include "yono_data.h"
int main(void) {
  int32_t mi, i, j;
  for (mi = 0; mi < YONO_N_MODELS; mi++) {
    const yono_model *m = yono_models[mi];
    const yono_samples *s = yono_samples_of[mi];
    for (i = 0; i < s->count; i++) {
      if (yono_run(m, s->x + i * m->input_size, yono_output, yono_arena, YONO_ARENA_FLOATS, yono_scratch, YONO_SCRATCH_FLOATS) != 0) return 1;
      printf("%s %ld", m->name, (long)i);
      for (j = 0; j < m->output_size; j++) { uint32_t b; memcpy(&b, &yono_output[j], 4); printf(" %08lx", (unsigned long)b); }
      printf("\\n");
    }
  }
  return 0;
}
`;
