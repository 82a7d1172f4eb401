/**
 * The app and `yono compare` build the same plan and the same comparison rows from the same settings: the
 * app's path (plan editor actions in the store, the comparison request it sends, a shared link of it) and
 * the CLI's (its argument parsing and plan flags) are run side by side, then the rows of both plans.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppStore } from './ui/state/store';
import { makeDeps } from './ui/state/deps';
import { fakeServices } from './ui/state/testing';
import { memoryStore } from './ui/state/persist/kv';
import { decodeHash, encodeHash } from './ui/state/hash';
import { shareableOf } from './ui/state/shareable';
import type { Plan } from './core/compress/types';
import type { PresetName } from './core/compress/plan/presets';
import { parseArgs } from './cli/args';
import { COMPARE_ARGS } from './cli/commands/compare';
import { planFromFlags } from './core/settings/flags';
import { planFromSettings } from './core/settings/plan';
import { compareBaselines } from './core/studies/baselines';
import { comparisonPlan } from './core/studies/comparison';
import { setupNodeTfjs } from './node/tfjs';
import { tinyInput } from './core/compress/testing/tinyModels';
import type { CompressInput } from './core/compress/input/types';

/** The plan and presets the app asks the workers to compare after `edit`. */
async function appRequest(edit: (s: ReturnType<typeof createAppStore>) => void, presets: PresetName[]): Promise<{ plan: Plan; presets: PresetName[] }> {
  let req: { plan: Plan; presets: PresetName[] } | null = null;
  const services = fakeServices({ compareMethods: async (r) => { req = { plan: r.plan, presets: r.presets }; return []; } });
  const store = createAppStore({ deps: makeDeps(services), kv: memoryStore(), saveDelayMs: 0 });
  await store.hydrated;
  edit(store);
  await store.getState().runComparison(presets);
  // a link of the app's settings brings up the same plan
  const link = decodeHash(encodeHash(shareableOf(store.getState())));
  expect(planFromSettings(link.settings.plan)).toEqual(store.getState().plan);
  if (!req) throw new Error('the app sent no comparison request');
  return req;
}

/** The plan `yono compare <argv>` builds. */
const cliPlan = (argv: string[]): Plan => planFromFlags(parseArgs(argv, COMPARE_ARGS).flags);

const CASES: { name: string; edit: (s: ReturnType<typeof createAppStore>) => void; argv: string[] }[] = [
  { name: 'the defaults', edit: () => undefined, argv: [] },
  {
    name: 'edited d, K, budget, seed and effort',
    edit: (s) => {
      const a = s.getState();
      a.setGroup(0, { d: 9, k: 16 });
      a.setGroup(1, { k: 16 });
      a.setSetting('klThreshold', 0.02);
      a.setBudget(2.5);
      a.setSeed(7);
      a.setSetting('epochs', 2);
      a.setSetting('trainSamples', 64);
      a.setSetting('kmeansIter', 4);
      a.setNormalization('layer');
    },
    argv: ['--spatial', 'd9k16', '--k', '16', '--kl', '0.02', '--budget', '2.5', '--seed', '7', '--epochs', '2', '--train-samples', '64', '--kmeans-iter', '4', '--norm', 'layer'],
  },
  {
    name: 'another preset with the single grouping',
    edit: (s) => {
      const a = s.getState();
      a.setPreset('pq-shared');
      a.setGrouping('single');
      a.setGroup(0, { d: 6, k: 8 });
      a.setSetting('recovery', true);
    },
    argv: ['--preset', 'pq-shared', '--grouping', 'single', '--shared', 'd6k8', '--recovery'],
  },
];

describe('the app and the CLI', () => {
  it('build the identical plan and comparison plans from the same settings', async () => {
    for (const c of CASES) {
      const presets: PresetName[] = ['float32', 'int8', 'pq-per-model', 'pq-shared', 'pq-shared-recovery', 'pq-data-aware', 'yono'];
      const app = await appRequest(c.edit, presets);
      const cli = cliPlan(c.argv);
      expect(app.plan, c.name).toEqual(cli);
      expect(app.presets).toEqual(presets);
      for (const p of presets) expect(comparisonPlan(p, app.plan), `${c.name}: ${p}`).toEqual(comparisonPlan(p, cli));
    }
  });

  describe('comparison rows', () => {
    let inputs: CompressInput[];
    beforeAll(async () => {
      await setupNodeTfjs();
      inputs = [await tinyInput('a', 10, 6, 0.3), await tinyInput('b', 20, 6, 0.3)];
    }, 60_000);

    it('are identical (times aside) for the app\'s request and the CLI\'s plan', async () => {
      const c = CASES[1];
      const presets: PresetName[] = ['int8', 'pq-shared', 'pq-shared-recovery'];
      const app = await appRequest(c.edit, presets);
      const cli = cliPlan(c.argv);
      const rows = async (user: Plan) => (await compareBaselines(inputs, { presets, user })).map(({ timeMs: _t, ...r }) => r);
      const a = await rows(app.plan);
      expect(a.map((r) => r.preset)).toEqual(presets);
      expect(await rows(cli)).toEqual(a);
    });
  });
});
