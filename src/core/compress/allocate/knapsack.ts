/**
 * The bit allocation as a multiple-choice knapsack: each layer picks one option (a format: a codebook, int8,
 * float32) with its bytes and its loss (the model's KL divergence to the float model when only that layer
 * is stored so), and the model's loss is taken as the sum over its layers. The Lagrangian relaxation —
 * per layer argmin bytes + μ·loss — traces, as μ grows, a path of allocations from the fewest bytes to the
 * least loss; each step moves one layer to the next vertex of its lower convex hull in (bytes, loss).
 * Every allocation on the path has the fewest bytes for its predicted loss among all allocations whose
 * layers sit on their hulls, and the path is computed exactly (no bisection on μ).
 */

/** One option of a layer. */
export interface LayerOption {
  format: string;
  bytes: number;
  /** Predicted loss (KL, nats) of the model with only this layer stored in this format; ≥ 0. */
  loss: number;
}

/** A layer's options (at least one). */
export interface LayerChoice {
  layer: string;
  options: LayerOption[];
}

/** One allocation on the path: each layer's option index, with its summed bytes and loss. */
export interface Allocation {
  choice: number[];
  bytes: number;
  loss: number;
}

/**
 * The indices of a layer's options on its lower convex hull in (bytes, loss), from the fewest bytes (ties:
 * least loss) to the least loss (ties: fewest bytes). Options off the hull are never a Lagrangian choice.
 */
export function hull(options: LayerOption[]): number[] {
  if (options.length === 0) throw new Error('knapsack: a layer needs at least one option');
  const idx = options.map((_, i) => i).sort((a, b) => options[a].bytes - options[b].bytes || options[a].loss - options[b].loss || a - b);
  // keep the Pareto front: strictly decreasing loss as bytes grow
  const front: number[] = [];
  for (const i of idx) if (front.length === 0 || options[i].loss < options[front[front.length - 1]].loss) front.push(i);
  const h: number[] = [];
  for (const i of front) {
    while (h.length >= 2) {
      const a = options[h[h.length - 2]];
      const b = options[h[h.length - 1]];
      const c = options[i];
      // b is above the segment a–c (not convex): drop it
      if ((b.loss - a.loss) * (c.bytes - a.bytes) >= (c.loss - a.loss) * (b.bytes - a.bytes)) h.pop();
      else break;
    }
    h.push(i);
  }
  return h;
}

/**
 * The Lagrangian path of a model's layers (see the file comment): the first allocation takes every layer's
 * cheapest option, each next one moves the layer whose step buys the most loss per byte. Equal slopes move
 * in layer order. Ends with every layer at its least-loss option.
 */
export function lagrangianPath(layers: LayerChoice[]): Allocation[] {
  const hulls = layers.map((l) => hull(l.options));
  const pos = hulls.map(() => 0);
  const choice = hulls.map((h) => h[0]);
  let bytes = 0;
  let loss = 0;
  layers.forEach((l, i) => { bytes += l.options[choice[i]].bytes; loss += l.options[choice[i]].loss; });
  const steps: { layer: number; slope: number; at: number }[] = [];
  hulls.forEach((h, li) => {
    for (let j = 1; j < h.length; j++) {
      const a = layers[li].options[h[j - 1]];
      const b = layers[li].options[h[j]];
      steps.push({ layer: li, slope: (a.loss - b.loss) / (b.bytes - a.bytes), at: j });
    }
  });
  // within a layer the hull's slopes decrease, so sorting keeps each layer's steps in order
  steps.sort((x, y) => y.slope - x.slope || x.layer - y.layer || x.at - y.at);
  const path: Allocation[] = [{ choice: choice.slice(), bytes, loss }];
  for (const s of steps) {
    const o = layers[s.layer].options;
    const from = o[choice[s.layer]];
    const to = o[hulls[s.layer][s.at]];
    pos[s.layer] = s.at;
    choice[s.layer] = hulls[s.layer][s.at];
    bytes += to.bytes - from.bytes;
    loss += to.loss - from.loss;
    path.push({ choice: choice.slice(), bytes, loss: Math.max(0, loss) });
  }
  return path;
}

/** Index of the first allocation of a path whose predicted loss is at most `target` (the last when none is). */
export function firstWithin(path: Allocation[], target: number): number {
  const i = path.findIndex((a) => a.loss <= target);
  return i < 0 ? path.length - 1 : i;
}

/**
 * The allocation of several models together that fits `budget` bytes (including `fixedBytes`) with the
 * least summed loss along their joint Lagrangian path (every model's steps merged by slope). Returns each
 * model's choice, or null when even the cheapest allocation does not fit.
 */
export function fitBytes(models: LayerChoice[][], budget: number, fixedBytes = 0): { choice: number[][]; bytes: number; loss: number } | null {
  const flat = models.flat();
  const path = lagrangianPath(flat);
  let best = -1;
  for (let i = 0; i < path.length; i++) if (path[i].bytes + fixedBytes <= budget) best = i;
  if (best < 0) return null;
  const a = path[best];
  const out: number[][] = [];
  let o = 0;
  for (const m of models) { out.push(a.choice.slice(o, o + m.length)); o += m.length; }
  return { choice: out, bytes: a.bytes + fixedBytes, loss: a.loss };
}
