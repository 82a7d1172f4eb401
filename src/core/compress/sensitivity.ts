import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import type { ModelState } from './state';
import type { Split } from '../data/types';

/**
 * Per-layer sensitivity: for every compressed layer of the model, the accuracy drop (percentage
 * points, on `split`) when only that layer is stored as it is now and everything else (biases too) is
 * the original float model.
 * Writes `sensitivityPp` on each layer state and restores the session's weights afterwards.
 */
export async function measureSensitivity(
  st: ModelState, split: Split, onProgress?: ProgressFn, shouldCancel?: CancelCheck,
): Promise<void> {
  const snap = st.session.snapshot();
  const compressed = st.layers.filter((l) => l.cur.enc.format !== 'float32');
  try {
    st.session.restore(st.floatSnapshot);
    for (let i = 0; i < compressed.length; i++) {
      await throwIfCancelled(shouldCancel);
      const l = compressed[i];
      st.session.setKernel(l.layer.name, l.cur.decoded);
      l.sensitivityPp = (st.valFloat - st.session.accuracy(split)) * 100;
      st.session.setKernel(l.layer.name, l.float);
      onProgress?.({ fraction: (i + 1) / compressed.length, phase: 'sensitivity', message: `${st.input.ir.name}/${l.layer.name}: ${l.sensitivityPp.toFixed(2)} pp` });
    }
  } finally {
    st.session.restore(snap);
  }
}
