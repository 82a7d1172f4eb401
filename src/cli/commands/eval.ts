import { basename, dirname, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { intFlag, parseArgs, strFlag } from '../args';
import { importModel } from '../../core/io/importModel';
import { predictClasses } from '../../core/models/evaluate';
import { readModelFiles, readNpyDir } from '../../node/files';
import { setupNodeTfjs } from '../../node/tfjs';

const USAGE = `Usage: yono eval --model PATH/model.json|PATH/model.tflite --data DIR [--batch N] [--json]

Prints the accuracy of a tfjs Layers model (model.json + its .bin weight files, as model.save or the
TensorFlow.js converter writes them, also with uint8/uint16/float16 weights) or of a .tflite model
(float32 or int8: weights dequantised, its input/output quantisation applied) on NumPy data: DIR/x.npy (float32 or float64, shape (n, ...model input)) and DIR/y.npy (integer
class ids, shape (n,)). Runs on the tfjs WASM backend.

  --model PATH   the model.json (its weight files next to it) or the .tflite file
  --data DIR     folder holding x.npy and y.npy
  --batch N      samples per inference batch (default 256)
  --json         print {model, samples, correct, accuracy, classes} as JSON`;

/** Result of `yono eval`, also printed with --json. */
export interface EvalReport {
  model: string;
  /** Bytes of the weights as stored in the files (shards or the .tflite file). */
  storedBytes: number;
  samples: number;
  correct: number;
  accuracy: number;
  classes: number;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'accuracy of an imported tfjs model on x.npy / y.npy',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { values: ['model', 'data', 'batch'], booleans: ['json'] });
    const modelPath = strFlag(p, 'model');
    const dataDir = strFlag(p, 'data');
    if (!modelPath) throw new UsageError('--model is required');
    if (!dataDir) throw new UsageError('--data is required');
    const batch = intFlag(p, 'batch', 256);
    if (batch < 1) throw new UsageError('--batch must be at least 1');
    await setupNodeTfjs();
    const files = await readModelFiles(modelPath);
    const data = await readNpyDir(dataDir);
    const imported = await importModel({ files, data, name: basename(dirname(resolve(modelPath))) });
    try {
      const d = imported.data;
      if (!d) throw new Error('no evaluation data was read');
      const pred = await predictClasses(imported.model, d.x, batch);
      let correct = 0;
      for (let i = 0; i < pred.length; i++) if (pred[i] === d.y[i]) correct++;
      const report: EvalReport = { model: imported.ir.name, storedBytes: imported.storedBytes, samples: pred.length, correct, accuracy: correct / pred.length, classes: imported.numClasses };
      if (p.flags.has('json')) console.log(JSON.stringify(report, null, 2));
      else console.log(`${report.model}: accuracy ${(report.accuracy * 100).toFixed(2)} % (${correct} / ${pred.length} correct, ${report.classes} classes; weights stored in ${report.storedBytes} bytes)`);
      return 0;
    } finally {
      imported.model.dispose();
    }
  },
};
