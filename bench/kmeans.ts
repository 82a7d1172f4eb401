/**
 * The k-means benchmark: the project's k-means against ml-kmeans (and scikit-learn when python3 has it)
 * on the standard workload, plus a larger case for the project alone. Used by `npm run bench` and
 * `yono bench-kmeans`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kmeans } from '../src/core/pq/kmeans';
import { assign } from '../src/core/pq/assign';
import { fixedInitialCentroids, syntheticWeights, WEIGHTS_DESCRIPTION } from './weights';
import { parallelKmeans } from './kmeans-parallel';

/** One k-means workload: n subvectors of d dims, k codewords, a fixed number of Lloyd iterations. */
export interface Workload { n: number; d: number; k: number; iterations: number; seed: number }

/** The standard workload of issue 2. */
export const STANDARD: Workload = { n: 262_144, d: 8, k: 256, iterations: 25, seed: 1 };
/** The larger case, timed for the project only. */
export const LARGE: Workload = { n: 1_048_576, d: 8, k: 256, iterations: 25, seed: 2 };
/** Largest relative inertia difference accepted between implementations. */
export const INERTIA_TOLERANCE = 1e-3;

/**
 * Timing of one implementation: the median wall-clock ms per iteration over runs, every run, and for
 * in-process single-thread runs the median CPU ms per iteration of this process (less sensitive to
 * other work on a shared machine; it includes V8's background GC/compiler threads).
 */
export interface Figure { msPerIter: number; runsMsPerIter: number[]; cpuMsPerIter?: number; inertia: number; iterations: number; engine?: string }

/** CPU time (user + system, ms) this process used since `since`. */
const cpuMs = (since: NodeJS.CpuUsage) => { const c = process.cpuUsage(since); return (c.user + c.system) / 1000; };

/** Everything one benchmark run measured. */
export interface KmeansBenchReport {
  workload: Workload & { data: string; init: string; runs: number };
  implementations: Record<string, Figure>;
  /** Implementations that did not run, and why. */
  skipped: Record<string, string>;
  /** How many times slower than the project's k-means each other implementation is (ms/iter ratio). */
  ratios: Record<string, number>;
  /** Relative inertia difference of each implementation to the project's, and whether all are within tolerance. */
  inertiaCheck: { relDiff: Record<string, number>; tolerance: number; ok: boolean };
  large?: { workload: Workload; implementations: Record<string, Figure> };
  machine: { cpu: string; cores: number; node: string; loadAverageAtStart: number; note: string };
}

/** Options of benchKmeans. */
export interface KmeansBenchOptions {
  /** Runs per implementation (median reported), at least 1; default 3. */
  runs?: number;
  /** Time ml-kmeans (default true). */
  mlKmeans?: boolean;
  /** Run the larger case (default true). */
  large?: boolean;
  /** Also time the project's k-means on this many worker threads (default 2; 1 or 0 = skip). */
  threads?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Workloads other than STANDARD / LARGE (tests use small ones). */
  workload?: Workload;
  largeWorkload?: Workload;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

/** One timed run of one implementation. */
interface RunOutcome { ms: number; cpuMs?: number; iterations: number; inertia: number; engine?: string }

/** An implementation under test: `once()` does one full timed run. */
interface Runner { name: string; once(): Promise<RunOutcome>; dispose?(): void }

function yonoRunner(x: Float32Array, w: Workload, init: Float32Array): Runner {
  return {
    name: 'yono',
    async once() {
      const c0 = process.cpuUsage();
      const t = performance.now();
      const res = await kmeans(x, w.n, w.d, { k: w.k, maxIter: w.iterations, tol: 0, init });
      return { ms: performance.now() - t, cpuMs: cpuMs(c0), iterations: res.iterations, inertia: res.inertia, engine: `${res.backend}, 1 thread` };
    },
  };
}

function parallelRunner(x: Float32Array, w: Workload, init: Float32Array, threads: number): Runner {
  return {
    name: `yono-${threads}-threads`,
    async once() {
      const t = performance.now();
      const res = await parallelKmeans(x, w.n, w.d, w.k, init, w.iterations, threads);
      return { ms: performance.now() - t, iterations: res.iterations, inertia: res.inertia, engine: `wasm, ${threads} worker threads` };
    },
  };
}

async function mlKmeansRunner(x: Float32Array, w: Workload, init: Float32Array): Promise<Runner> {
  const { kmeans: mlKmeans } = await import('ml-kmeans');
  const rows = Array.from({ length: w.n }, (_, i) => Array.from(x.subarray(i * w.d, i * w.d + w.d)));
  return {
    name: 'ml-kmeans',
    async once() {
      const start = Array.from({ length: w.k }, (_, i) => Array.from(init.subarray(i * w.d, i * w.d + w.d)));
      const c0 = process.cpuUsage();
      const t = performance.now();
      // tolerance -1: never "converged", so exactly `iterations` steps (assign + update) run
      const res = mlKmeans(rows, w.k, { initialization: start, maxIterations: w.iterations, tolerance: -1 });
      const ms = performance.now() - t;
      const cpu = cpuMs(c0);
      // Its inertia: exact squared distances of every point to the nearest of its final centroids.
      const inertia = assign(x, w.n, w.d, Float32Array.from(res.centroids.flat()), w.k).inertia;
      return { ms, cpuMs: cpu, iterations: res.iterations, inertia };
    },
  };
}

/** Median figures over the outcomes of one implementation. */
function figure(outcomes: RunOutcome[]): Figure {
  const per = outcomes.map((o) => o.ms / o.iterations);
  const cpu = outcomes.flatMap((o) => (o.cpuMs === undefined ? [] : [o.cpuMs / o.iterations]));
  const last = outcomes[outcomes.length - 1];
  return {
    msPerIter: median(per), runsMsPerIter: per, ...(cpu.length ? { cpuMsPerIter: median(cpu) } : {}),
    inertia: last.inertia, iterations: last.iterations, ...(last.engine ? { engine: last.engine } : {}),
  };
}

/**
 * Runs every implementation `runs` times, interleaved (round 1 of each, then round 2, ...), so that
 * load from other work on a shared machine spreads over all of them alike.
 */
async function timeInterleaved(runners: Runner[], runs: number, log: (s: string) => void): Promise<Record<string, Figure>> {
  const outcomes = new Map<string, RunOutcome[]>(runners.map((r) => [r.name, []]));
  try {
    for (let round = 1; round <= runs; round++) {
      for (const r of runners) {
        const o = await r.once();
        outcomes.get(r.name)!.push(o);
        const cpu = o.cpuMs === undefined ? '' : `, CPU ${(o.cpuMs / o.iterations).toFixed(1)}`;
        log(`  ${r.name} run ${round}/${runs}: ${(o.ms / o.iterations).toFixed(1)} ms/iter${cpu}`);
      }
    }
  } finally {
    for (const r of runners) r.dispose?.();
  }
  return Object.fromEntries(runners.map((r) => [r.name, figure(outcomes.get(r.name)!)]));
}

/**
 * The Python that has scikit-learn: $PYTHON, else `python3` on the PATH, else Debian's /usr/bin/python3
 * (`apt-get install python3-sklearn`; a pyenv shim may shadow it). A string saying why not when none has it.
 */
function findSklearnPython(): { python: string } | { why: string } {
  let msg = '';
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p)) {
    try {
      execFileSync(python, ['-c', 'import sklearn, threadpoolctl, numpy'], { stdio: 'pipe' });
      return { python };
    } catch (e) {
      msg = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? String(e);
    }
  }
  return { why: `python3 -c "import sklearn" fails on this machine (${msg}); \`apt-get install python3-sklearn\` provides it` };
}

function sklearnRunner(python: string, x: Float32Array, w: Workload, init: Float32Array): Runner {
  const dir = mkdtempSync(join(tmpdir(), 'yono-bench-'));
  const xp = join(dir, 'x.f32');
  const ip = join(dir, 'init.f32');
  writeFileSync(xp, new Uint8Array(x.buffer, x.byteOffset, w.n * w.d * 4));
  writeFileSync(ip, new Uint8Array(init.buffer, init.byteOffset, w.k * w.d * 4));
  // beside this file under tsx; under bench/ next to dist-cli/ in the bundled CLI
  const script = [new URL('./sklearn_kmeans.py', import.meta.url), new URL('../bench/sklearn_kmeans.py', import.meta.url)]
    .map((u) => fileURLToPath(u)).find((f) => existsSync(f));
  return {
    name: 'scikit-learn',
    async once() {
      if (!script) throw new Error('bench/sklearn_kmeans.py not found');
      const out = execFileSync(python, [script, xp, ip, ...[w.n, w.d, w.k, w.iterations, 1].map(String)], {
        env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(out.toString()) as { msPerIter: number[]; inertia: number; iterations: number; version: string };
      return { ms: r.msPerIter[0] * r.iterations, iterations: r.iterations, inertia: r.inertia, engine: `scikit-learn ${r.version}, 1 thread` };
    },
    dispose() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Runs the benchmark and returns its report (nothing printed unless `log` is given). */
export async function benchKmeans(opts: KmeansBenchOptions = {}): Promise<KmeansBenchReport> {
  const runs = opts.runs ?? 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench-kmeans: runs must be a positive integer, got ${runs}`);
  const log = opts.log ?? (() => {});
  const w = opts.workload ?? STANDARD;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverageAtStart: loadavg()[0],
    note: 'wall-clock timings on a machine that may be shared with other work; runs are interleaved across implementations; CPU ms/iter is this process\'s CPU time',
  };
  log(`generating ${w.n} x ${w.d} synthetic weights...`);
  const x = syntheticWeights(w.n, w.d, w.seed);
  const init = fixedInitialCentroids(x, w.n, w.d, w.k, w.seed + 100);

  const skipped: Record<string, string> = {};
  const threads = opts.threads ?? 2;
  const runners: Runner[] = [yonoRunner(x, w, init)];
  if (threads > 1) runners.push(parallelRunner(x, w, init, threads));
  if (opts.mlKmeans ?? true) {
    try {
      runners.push(await mlKmeansRunner(x, w, init));
    } catch (e) {
      skipped['ml-kmeans'] = `could not run: ${e instanceof Error ? e.message : String(e)} (it is a devDependency: npm install)`;
    }
  } else {
    skipped['ml-kmeans'] = 'skipped on request';
  }
  const py = findSklearnPython();
  if ('why' in py) skipped['scikit-learn'] = py.why;
  else runners.push(sklearnRunner(py.python, x, w, init));
  const implementations = await timeInterleaved(runners, runs, log);

  const base = implementations.yono;
  const ratios: Record<string, number> = {};
  const relDiff: Record<string, number> = {};
  for (const [name, f] of Object.entries(implementations)) {
    if (name === 'yono') continue;
    ratios[`${name}/yono`] = f.msPerIter / base.msPerIter;
    if (f.cpuMsPerIter && base.cpuMsPerIter) ratios[`${name}/yono (CPU time)`] = f.cpuMsPerIter / base.cpuMsPerIter;
    relDiff[name] = Math.abs(f.inertia - base.inertia) / base.inertia;
  }
  const report: KmeansBenchReport = {
    workload: { ...w, data: WEIGHTS_DESCRIPTION, init: `${w.k} distinct data points (seeded), the same for every implementation`, runs },
    implementations, skipped, ratios,
    inertiaCheck: { relDiff, tolerance: INERTIA_TOLERANCE, ok: Object.values(relDiff).every((v) => v <= INERTIA_TOLERANCE) },
    machine,
  };
  if (opts.large ?? true) {
    const L = opts.largeWorkload ?? LARGE;
    log(`larger case: ${L.n} x ${L.d}, K = ${L.k}...`);
    const xl = syntheticWeights(L.n, L.d, L.seed);
    const initL = fixedInitialCentroids(xl, L.n, L.d, L.k, L.seed + 100);
    const largeRunners = [yonoRunner(xl, L, initL), ...(threads > 1 ? [parallelRunner(xl, L, initL, threads)] : [])];
    report.large = { workload: L, implementations: await timeInterleaved(largeRunners, runs, log) };
  }
  return report;
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The report as the human-readable table `npm run bench` prints. */
export function formatKmeansBench(r: KmeansBenchReport): string {
  const w = r.workload;
  const lines = [
    `k-means, ${w.n === STANDARD.n && w.d === STANDARD.d && w.k === STANDARD.k ? 'standard workload' : 'workload'}: ${w.n.toLocaleString('en')} x ${w.d}, K = ${w.k}, ${w.iterations} Lloyd iterations from fixed initial centroids, median of ${w.runs} run(s)`,
    `  data: ${w.data}`,
    `  machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}, load average ${r.machine.loadAverageAtStart.toFixed(2)} at start (${r.machine.note})`,
    '',
  ];
  const base = r.implementations.yono;
  for (const [name, f] of Object.entries(r.implementations)) {
    const ratio = f.msPerIter / base.msPerIter;
    const vs = name === 'yono' ? '' : ratio >= 1 ? `  ${ratio.toFixed(1)}x the time of yono` : `  ${(1 / ratio).toFixed(2)}x faster than yono on 1 thread`;
    const cpu = f.cpuMsPerIter ? `, CPU ${fmt(f.cpuMsPerIter)} ms/iter` : '';
    lines.push(`  ${name.padEnd(15)} ${fmt(f.msPerIter).padStart(7)} ms/iter  (runs: ${f.runsMsPerIter.map(fmt).join(', ')}${cpu})  inertia ${f.inertia.toPrecision(7)}${f.engine ? `  [${f.engine}]` : ''}${vs}`);
  }
  for (const [name, why] of Object.entries(r.skipped)) lines.push(`  ${name.padEnd(15)} not timed: ${why}`);
  const diffs = Object.entries(r.inertiaCheck.relDiff).map(([n, v]) => `${n} ${v.toExponential(2)}`);
  if (diffs.length) {
    lines.push(`  inertia vs yono (relative): ${diffs.join(', ')} — ${r.inertiaCheck.ok ? 'same' : 'DIFFERENT'} within ${r.inertiaCheck.tolerance}`);
  }
  if (r.large) {
    const L = r.large.workload;
    lines.push('', `larger case: ${L.n.toLocaleString('en')} x ${L.d}, K = ${L.k}, ${L.iterations} iterations (project only)`);
    for (const [name, f] of Object.entries(r.large.implementations)) {
      const cpu = f.cpuMsPerIter ? `, CPU ${fmt(f.cpuMsPerIter)} ms/iter` : '';
      lines.push(`  ${name.padEnd(15)} ${fmt(f.msPerIter).padStart(7)} ms/iter  (runs: ${f.runsMsPerIter.map(fmt).join(', ')}${cpu})  inertia ${f.inertia.toPrecision(7)}  [${f.engine}]`);
    }
  }
  return lines.join('\n');
}
