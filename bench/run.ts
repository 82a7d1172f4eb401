// `npm run bench`: every benchmark of the project, one after the other. Add new ones to the list.
// Options: --runs N (default 3), --json (one JSON object per benchmark, keyed by name),
// --only NAME[,NAME] (run just those), --bundle FILE.yono (the qemu and mcu benches' bundle), --models suite (mcu:
// check the counts model on the suite), --quick and
// --samples N (the int8 bench: a short pq-shared run; test samples run on the reference int8 execution).
import { benchKmeans, formatKmeansBench } from './kmeans';
import { benchMcu, formatMcuBench } from './mcu';
import { benchInt8Export, formatInt8ExportBench } from './int8/export';
import { benchCompress, formatCompressBench } from './compress';
import { benchImport, formatImportBench } from './import';
import { benchQemu, formatQemuBench } from './qemu';
import { benchInt8, formatInt8Bench } from './int8/agreement';
import { benchCalibration, formatCalibrationBench } from './int8/calibration';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const log = (s: string) => console.error(s);

const benches: { name: string; run: () => Promise<{ report: unknown; text: string }> }[] = [
  { name: 'kmeans', run: async () => { const r = await benchKmeans({ runs, log }); return { report: r, text: formatKmeansBench(r) }; } },
  { name: 'mcu', run: async () => {
    const r = benchMcu({ runs });
    // the real int8 export on QEMU M7/M4: per-layer counts, per kind beside CMSIS-NN, the counts model (--models suite: checked on the suite)
    const at = argv.indexOf('--bundle');
    const m = argv.indexOf('--models');
    const e = await benchInt8Export({ bundle: at >= 0 ? argv[at + 1] : undefined, suite: m >= 0 && argv[m + 1].includes('suite'), log });
    return { report: { simulate: r, export: e }, text: `${formatMcuBench(r)}\n\n${formatInt8ExportBench(e)}` };
  } },
  { name: 'compress', run: async () => { const r = await benchCompress({ log }); return { report: r, text: formatCompressBench(r) }; } },
  { name: 'import', run: async () => { const r = await benchImport({ log }); return { report: r, text: formatImportBench(r) }; } },
  // the int8 kernels chained into the built-in models on QEMU Cortex-M7 (--bundle FILE.yono for a pipeline bundle's formats)
  { name: 'qemu', run: async () => { const at = argv.indexOf('--bundle'); const r = await benchQemu({ bundle: at >= 0 ? argv[at + 1] : undefined, log }); return { report: r, text: formatQemuBench(r) }; } },
  // int8 activations: fake-quant tfjs vs the reference int8 execution and vs float, and its cost (--quick: a short pq-shared run)
  { name: 'int8-calibration', run: async () => { const r = await benchCalibration({ log }); return { report: r, text: formatCalibrationBench(r) }; } },
  { name: 'int8', run: async () => { const at = argv.indexOf('--samples'); const r = await benchInt8({ quick: argv.includes('--quick'), samples: at >= 0 ? Number(argv[at + 1]) : undefined, log }); return { report: r, text: formatInt8Bench(r) }; } },
];

const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : null;
const reports: Record<string, unknown> = {};
for (const b of benches.filter((x) => !only || only.includes(x.name))) {
  const { report, text } = await b.run();
  reports[b.name] = report;
  if (!json) console.log(`\n${text}\n`);
}
if (json) console.log(JSON.stringify(reports, null, 2));
