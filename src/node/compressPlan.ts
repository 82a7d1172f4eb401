// Shared by `yono compress`, `yono compare` and the bench: plan flags -> Plan, progress printing.
import { isCoarseGroup, isTierGroup } from '../core/compress/routing';
import type { ParsedArgs } from '../cli/args';
import { UsageError } from '../cli/command';
import { isPresetName, presetPlan, PRESET_NAMES } from '../core/compress/presets';
import type { GroupingRule, Normalization, Plan } from '../core/compress/types';
import type { Progress } from '../core/util/progress';

/** Value flags that tune a plan; see PLAN_USAGE. */
export const PLAN_FLAGS = ['preset', 'd', 'd-spatial', 'k', 'budget', 'margin', 'confidence', 'seed', 'norm', 'grouping', 'epochs', 'recovery-layers', 'keep-under', 'coarse-over', 'train-samples'];
/** Boolean flags that tune a plan. */
export const PLAN_BOOLEANS = ['no-recovery', 'recovery', 'codewords', 'no-autoplan', 'distill', 'no-distill'];

/** Usage lines of the plan flags. */
export const PLAN_USAGE = `  --preset NAME        ${PRESET_NAMES.join(' | ')} (default yono)
  --d N                subvector length of 1x1/dense layers (default 4)
  --d-spatial N        subvector length of 3x3/depthwise/conv1d kernels (default 3)
  --k N                codewords per codebook (default 64)
  --budget PP          per-model accuracy budget, percentage points (default 1.0)
  --margin PP          aim this far inside the budget on the validation split (default 0)
  --confidence Z       judge the budget on validation accuracy minus Z standard errors (yono: 1)
  --seed S             seed of every random choice (default 1)
  --norm MODE          none | layer | channel | auto (yono: channel)
  --grouping RULE      paper | single | per-model | per-layer
  --keep-under N       layers with fewer weights stay int8 (yono: 256)
  --coarse-over N      layers with at least N weights start in the coarse codebooks (yono: 16384; 0 = off)
  --recovery / --no-recovery   turn the EM recovery on or off
  --recovery-layers N  EM rounds (layers) per model (default 3)
  --epochs N           fine-tuning epochs per EM round (default 1)
  --train-samples N    training rows per epoch (default 2048; 0 = all)
  --codewords          also fine-tune the codewords (trades generality)
  --distill / --no-distill   fine-tune towards the float model's outputs instead of the labels
  --no-autoplan        do not revert sensitive layers to int8`;

function num(p: ParsedArgs, name: string): number | undefined {
  const v = p.flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v === true || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got ${String(v)}`);
  return n;
}

function int(p: ParsedArgs, name: string, min: number): number | undefined {
  const n = num(p, name);
  if (n !== undefined && (!Number.isInteger(n) || n < min)) throw new UsageError(`--${name} must be an integer >= ${min}, got ${n}`);
  return n;
}

/** The plan of a preset with the command-line tweaks applied. `presetOverride` wins over --preset. */
export function planFromFlags(p: ParsedArgs, presetOverride?: string): Plan {
  const name = presetOverride ?? (p.flags.get('preset') as string | undefined) ?? 'yono';
  if (!isPresetName(name)) throw new UsageError(`unknown preset '${name}'; use one of ${PRESET_NAMES.join(', ')}`);
  const plan = presetPlan(name);
  const d = int(p, 'd', 1);
  const ds = int(p, 'd-spatial', 1);
  const k = int(p, 'k', 2);
  // The medium, fine and coarse tiers keep their own d and K: --d and --k set the codebooks of the paper's split.
  for (const g of Object.keys(plan.groups).filter((x) => !isTierGroup(x) && !isCoarseGroup(x))) {
    if (k !== undefined) plan.groups[g].k = k;
    if (d !== undefined && g !== 'spatial') plan.groups[g].d = d;
    if (ds !== undefined && g === 'spatial') plan.groups[g].d = ds;
  }
  const budget = num(p, 'budget');
  if (budget !== undefined) { if (budget < 0) throw new UsageError('--budget must be >= 0'); plan.budgetPp = budget; }
  const margin = num(p, 'margin');
  if (margin !== undefined) { if (margin < 0) throw new UsageError('--margin must be >= 0'); plan.selectionMarginPp = margin; }
  const z = num(p, 'confidence');
  if (z !== undefined) { if (z < 0) throw new UsageError('--confidence must be >= 0'); plan.selectionZ = z; }
  const seed = int(p, 'seed', 0);
  if (seed !== undefined) plan.seed = seed;
  const norm = p.flags.get('norm');
  if (norm !== undefined) {
    if (!['none', 'layer', 'channel', 'auto'].includes(String(norm))) throw new UsageError(`--norm must be none, layer, channel or auto, got ${String(norm)}`);
    plan.normalization = norm as Normalization;
  }
  const grouping = p.flags.get('grouping');
  if (grouping !== undefined) {
    if (!['paper', 'single', 'per-model', 'per-layer'].includes(String(grouping))) throw new UsageError(`--grouping must be paper, single, per-model or per-layer, got ${String(grouping)}`);
    plan.grouping = grouping as GroupingRule;
  }
  const coarse = int(p, 'coarse-over', 0);
  if (coarse !== undefined) plan.coarseMinParams = coarse;
  const keep = int(p, 'keep-under', 0);
  if (keep !== undefined) plan.keep.minParams = keep;
  if (p.flags.has('recovery')) plan.recovery.enabled = true;
  if (p.flags.has('no-recovery')) plan.recovery.enabled = false;
  if (p.flags.has('codewords')) plan.recovery.fineTuneCodewords = true;
  if (p.flags.has('distill')) plan.recovery.distill = true;
  if (p.flags.has('no-distill')) plan.recovery.distill = false;
  if (p.flags.has('no-autoplan')) plan.autoPlan = false;
  const epochs = int(p, 'epochs', 0);
  if (epochs !== undefined) plan.recovery.epochs = epochs;
  const layers = int(p, 'recovery-layers', 0);
  if (layers !== undefined) plan.recovery.maxLayers = layers;
  const samples = int(p, 'train-samples', 0);
  if (samples !== undefined) plan.recovery.maxTrainSamples = samples;
  if (p.flags.size > 0 && presetOverride === undefined && name === plan.preset && hasTweaks(p)) plan.preset = `${name}*`;
  return plan;
}

function hasTweaks(p: ParsedArgs): boolean {
  return [...PLAN_FLAGS, ...PLAN_BOOLEANS].some((f) => f !== 'preset' && f !== 'seed' && p.flags.has(f));
}

/** A progress printer for stderr: one line per phase change or every 5 %, unless quiet. */
export function stderrProgress(quiet: boolean): ((p: Progress) => void) | undefined {
  if (quiet) return undefined;
  let last = -1;
  let phase = '';
  return (p) => {
    const pct = Math.floor(p.fraction * 100);
    if (p.phase === phase && pct < last + 5) return;
    last = pct;
    phase = p.phase;
    process.stderr.write(`[${String(pct).padStart(3)} %] ${p.phase}: ${p.message ?? ''}\n`);
  };
}
