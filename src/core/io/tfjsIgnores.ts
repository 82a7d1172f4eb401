type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keras config keys that tfjs-layers 4.22 silently ignores, by class: a model using them computes otherwise in tfjs. */
const IGNORED: Record<string, { key: string; neutral: unknown }[]> = {
  ReLU: [{ key: 'negative_slope', neutral: 0 }, { key: 'threshold', neutral: 0 }],
};

/**
 * Throws naming the first layer of a model.json topology that uses a Keras option tfjs-layers 4.22
 * ignores (ReLU's negative_slope and threshold): tfjs would build it and compute something else, so the
 * model cannot be evaluated against tfjs. Nested functional configs are searched too.
 */
export function checkTfjsIgnoredOptions(topology: Obj): void {
  const visit = (cfg: unknown): void => {
    if (!isObj(cfg)) return;
    const layers = isObj(cfg.config) && Array.isArray(cfg.config.layers) ? cfg.config.layers : Array.isArray(cfg.layers) ? cfg.layers : [];
    for (const l of layers) {
      if (!isObj(l)) continue;
      const cls = String(l.class_name);
      const c = isObj(l.config) ? l.config : {};
      for (const { key, neutral } of IGNORED[cls] ?? []) {
        if (c[key] !== undefined && c[key] !== null && c[key] !== neutral) {
          throw new Error(`layer '${String(c.name)}' (class ${cls}) sets ${key} = ${JSON.stringify(c[key])}, which tfjs-layers 4.22 ignores: ` +
            `tfjs would compute a plain ReLU, so YONO cannot evaluate this model against tfjs. Use a LeakyReLU (negative slope) or ThresholdedReLU (threshold) layer instead`);
        }
      }
      visit(l);
    }
  };
  visit(isObj(topology.model_config) ? topology.model_config : topology);
}
