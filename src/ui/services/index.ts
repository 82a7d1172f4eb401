/**
 * The services the app uses. Heavy work runs in workers behind bridges (`src/ui/workers/`): the
 * compression worker (codebooks), a pool of compression workers (comparison table, (d, K) sweep), the
 * model-import worker and the bundle worker (virtual MCU, exports, re-opening bundles). Only the
 * catalogue and the sample previews are read on the page (small files).
 */
import type { Progress } from '../../core/util/progress';
import type { JobOptions, Services, SweepPoint } from './types';
import { InputError, forBrowser, isCancel } from './errors';
import { loadBuiltinCatalog, loadSamplePreview } from './builtins';
import { proxy } from '../workers/bridge';
import { createCompressBridge, createCompressPool } from '../workers/compress';
import { createModelBridge } from '../workers/model';
import { createBundleBridge } from '../workers/bundle';
import { poolProgress } from './poolProgress';

const base = (): string => (typeof import.meta.env?.BASE_URL === 'string' ? import.meta.env.BASE_URL : '/');

const progressProxy = (o?: JobOptions) => (o?.onProgress ? proxy((p: Progress) => o.onProgress?.(p)) : undefined);

/** Re-throws a worker's rejection of bad user input as an InputError with `action` (cancels pass through). */
function asInput(action: string): (e: unknown) => never {
  return (e) => {
    if (isCancel(e) || !(e instanceof Error) || e.name === 'WorkerCrashError') throw e;
    throw new InputError(forBrowser(e.message), action);
  };
}

/** The services of the running app. */
export function createServices(): Services {
  const fetchFn = (url: string) => fetch(url);
  const compressor = createCompressBridge();
  const pool = createCompressPool();
  const importer = createModelBridge();
  const bundler = createBundleBridge();
  // Its own worker, so a quick estimate never waits behind a codebook run.
  const estimator = createCompressBridge('estimate');
  return {
    loadBuiltins: () => loadBuiltinCatalog(fetchFn, base()),
    loadPreview: (task) => loadSamplePreview(fetchFn, base(), task),
    importModel: (files) => importer.call('importModel', [files]).catch(asInput(
      'Give model.json together with every .bin weight file it lists (as tfjs model.save or the converter writes them), or one .tflite file, and optionally x.npy + y.npy.',
    )),
    learnCodebook: (req, o) => compressor.call('learn', [req, progressProxy(o)], { signal: o?.signal }),
    compareMethods: async ({ reuse, ...req }, o) => {
      const prog = poolProgress(req.presets.length, 'comparison', o?.onProgress, 'methods done');
      // Longest first (recovery runs), so the two workers finish together; rows come back in preset order.
      const cost = (p: string) => (reuse?.presets.includes(p as never) ? 0 : p === 'yono' ? 3 : p.includes('recovery') ? 2 : 1);
      const order = req.presets.map((p, i) => i).sort((a, b) => cost(req.presets[b]) - cost(req.presets[a]));
      const rows = await pool.map(order, (w, i) => {
        const preset = req.presets[i];
        if (reuse?.presets.includes(preset)) return w.call('row', [reuse.result, preset]);
        return w.call('compare', [{ ...req, presets: [preset] }, proxy(prog(i, preset))], { signal: o?.signal }).then((r) => r[0]);
      }, { signal: o?.signal });
      const byPreset = new Array<(typeof rows)[number]>(rows.length);
      order.forEach((i, j) => { byPreset[i] = rows[j]; });
      return byPreset;
    },
    runSweep: async (req, o) => {
      const grid = req.ds.flatMap((d) => req.ks.map((k) => ({ d, k })));
      const prog = poolProgress(grid.length, 'sweep', o?.onProgress, 'points done');
      const { ds: _ds, ks: _ks, ...rest } = req;
      return pool.map<{ d: number; k: number }, SweepPoint>(grid, (w, { d, k }, i) => w.call('sweepPoint', [{ ...rest, d, k }, proxy(prog(i, `d ${d}, K ${k}`))], { signal: o?.signal }),
        { signal: o?.signal, onResult: (p) => o?.onPoint?.(p) });
    },
    simulate: (req, o) => bundler.call('simulate', [{ ...req, predictions: 8 }, progressProxy(o)], { signal: o?.signal }),
    exportFile: (kind, req, o) => bundler.call('exportFile', [{ kind, ...req }, progressProxy(o)], { signal: o?.signal }),
    modelShapes: (models) => estimator.call('shapes', [models]),
    quickSqnr: (req, o) => estimator.call('quickSqnr', [req], { signal: o?.signal }),
    importBundle: (file, o) => bundler.call('openBundle', [file], { signal: o?.signal }).catch(asInput(
      'Choose a .yono file written by this app (Export step, Export bundle) or by the command-line tool; if it was copied or edited, export it again from the Export step.',
    )),
  };
}
