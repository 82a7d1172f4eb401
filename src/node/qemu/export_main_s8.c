/*
 * export_main_s8.c - the Cortex-M check's main for an int8 `yono export-c` output (used instead of its
 * main.c): quantises every stored sample of every model with the model's input parameters, runs it and
 * prints one line per sample,
 *   <model> <sample> <predicted class> <label> <each int8 output as (uint32_t)(int32_t)v, 8 hex digits>...
 * Built with -include yono_probe.h -D'YONO_LAYER_HOOK(i)=yono_probe((uint32_t)(1 + (i)))' (check-s8.ts), each op
 * of an inference runs in probe region 1 + op index, the quantisation and the printing in region 0, so the
 * plugin's regions are the instructions of each layer alone.
 */
#include <stdio.h>
#include "yono_probe.h"
#include "yono_data.h"

int main(void) {
  int32_t mi, i, j;
  for (mi = 0; mi < YONO_N_MODELS; mi++) {
    const yono_s8_model *m = yono_models[mi];
    const yono_samples *s = yono_samples_of[mi];
    for (i = 0; i < s->count; i++) {
      int rc;
      for (j = 0; j < m->input_size; j++) yono_input[j] = yono_quantize_f32(s->x[i * m->input_size + j], m->input_q.scale, m->input_q.zero_point);
      rc = yono_run_s8(m, yono_input, yono_output, yono_arena, YONO_ARENA_BYTES, yono_scratch, YONO_SCRATCH_LEN);
      yono_probe(0u);
      if (rc != 0) {
        printf("%s: yono_run_s8 failed (%d)\n", m->name, rc);
        return 2;
      }
      printf("%s %ld %ld %ld", m->name, (long)i, (long)yono_argmax_s8(yono_output, m->output_size), (long)s->y[i]);
      for (j = 0; j < m->output_size; j++) printf(" %08lx", (unsigned long)(uint32_t)(int32_t)yono_output[j]);
      printf("\n");
    }
  }
  return 0;
}
