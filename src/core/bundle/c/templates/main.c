/*
 * main.c - example: runs the test samples stored with each exported model and prints the predicted
 * class of each, one line per sample:  <model> <sample> <predicted class> <label>
 * then a summary line per model. Exported by YONO Workbench; see README.md.
 */
#include <stdio.h>
#include "yono_data.h"

int main(void) {
  int32_t mi, i;
  int failed = 0;
  for (mi = 0; mi < YONO_N_MODELS; mi++) {
    const yono_model *m = yono_models[mi];
    const yono_samples *s = yono_samples_of[mi];
    int32_t right = 0;
    for (i = 0; i < s->count; i++) {
      int32_t cls;
      if (yono_run(m, s->x + i * m->input_size, yono_output, yono_arena, YONO_ARENA_FLOATS,
                   yono_scratch, YONO_SCRATCH_FLOATS) != 0) {
        printf("%s: yono_run failed (arena or scratch too small)\n", m->name);
        return 1;
      }
      cls = yono_argmax(yono_output, m->output_size);
      if (cls == s->y[i]) right++;
      printf("%s %ld %ld %ld\n", m->name, (long)i, (long)cls, (long)s->y[i]);
    }
    printf("# %s: %ld of %ld samples predicted as labelled\n", m->name, (long)right, (long)s->count);
    if (s->count == 0) failed = 1;
  }
  return failed;
}
