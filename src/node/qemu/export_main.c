/*
 * export_main.c - the Cortex-M check's main for a `yono export-c` output (used instead of its main.c):
 * runs every stored sample of every model and prints one line per sample,
 *   <model> <sample> <predicted class> <label> <output bits as 8 hex digits>...
 * Each inference runs in probe region 1 + model index (yono_probe.h), everything else in region 0, so
 * the plugin's region counts are the instructions of the inferences alone.
 */
#include <stdio.h>
#include <string.h>
#include "yono_data.h"
#include "yono_probe.h"

int main(void) {
  int32_t mi, i, j;
  for (mi = 0; mi < YONO_N_MODELS; mi++) {
    const yono_model *m = yono_models[mi];
    const yono_samples *s = yono_samples_of[mi];
    for (i = 0; i < s->count; i++) {
      int rc;
      yono_probe((uint32_t)(1 + mi));
      rc = yono_run(m, s->x + i * m->input_size, yono_output, yono_arena, YONO_ARENA_FLOATS, yono_scratch, YONO_SCRATCH_FLOATS);
      yono_probe(0u);
      if (rc != 0) {
        printf("%s: yono_run failed (%d)\n", m->name, rc);
        return 2;
      }
      printf("%s %ld %ld %ld", m->name, (long)i, (long)yono_argmax(yono_output, m->output_size), (long)s->y[i]);
      for (j = 0; j < m->output_size; j++) {
        uint32_t b;
        memcpy(&b, &yono_output[j], sizeof b);
        printf(" %08lx", (unsigned long)b);
      }
      printf("\n");
    }
  }
  return 0;
}
