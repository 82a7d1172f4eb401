import type { Command } from '../command';
import { intFlag, parseArgs } from '../args';
import { UsageError } from '../command';
import { benchKmeans, formatKmeansBench } from '../../../bench/kmeans';

const USAGE = `Usage: yono bench-kmeans [--json] [--runs N] [--threads N] [--no-ml] [--no-large]

Times the project's k-means (WASM SIMD kernel, one thread) on the standard workload — 262,144
synthetic weight subvectors, d = 8, K = 256, 25 Lloyd iterations from fixed initial centroids — against
ml-kmeans (and scikit-learn, single thread, when python3 has it) in the same run, checks they reach the
same inertia (1e-3 relative), then times the larger case 1,048,576 x 8 for the project alone. The
project's k-means is also timed on N worker threads (the points split between them).
Reports the median ms per iteration of N runs. Progress goes to stderr.

  --json      print one JSON object: workload, per implementation msPerIter and inertia, ratios
  --runs N    runs per implementation (default 3)
  --threads N also time the project on N worker threads (default 2; 1 = skip)
  --no-ml     skip ml-kmeans (about 27 s per run)
  --no-large  skip the larger case`;

export const benchKmeansCommand: Command = {
  name: 'bench-kmeans',
  summary: 'benchmark k-means against ml-kmeans (and scikit-learn when available)',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { values: ['runs', 'threads'], booleans: ['json', 'no-ml', 'no-large'] });
    if (p.positional.length) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const runs = intFlag(p, 'runs', 3);
    if (runs < 1) throw new UsageError(`--runs must be at least 1, got ${runs}`);
    const threads = intFlag(p, 'threads', 2);
    if (threads < 1 || threads > 64) throw new UsageError(`--threads must be in 1..64, got ${threads}`);
    const report = await benchKmeans({
      runs, threads, mlKmeans: !p.flags.has('no-ml'), large: !p.flags.has('no-large'), log: (s) => console.error(s),
    });
    console.log(p.flags.has('json') ? JSON.stringify(report, null, 2) : formatKmeansBench(report));
    return report.inertiaCheck.ok ? 0 : 1;
  },
};
