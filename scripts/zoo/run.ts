// The import zoo, end to end through the product's own entry points: each architecture is built with
// tfjs layers, briefly trained on generated data, saved as the TensorFlow.js converter writes it (plain,
// --quantize_uint8, --quantize_float16; several groups and shards) and as TFLite float32 and full-integer
// int8 files (the project's test writer), then each file is imported the way `yono eval` imports it and its
// IR is checked against tfjs `predict` of the same file; every plain model is compressed with `yono compress`
// (default plan) and re-imported from `yono export-tfjs`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeConverterFiles } from '../../src/core/io/converterFormat';
import type { ConverterOptions } from '../../src/core/io/converterFormat';
import { importModel } from '../../src/core/io/importModel';
import { encodeNpy } from '../../src/core/io/npy';
import { fromLayersModel } from '../../src/core/models/fromLayersModel';
import { inferenceGraph } from '../../src/core/models/fuseActivations';
import { toLayersModel } from '../../src/core/models/toLayersModel';
import { trainClassifier } from '../../src/core/models/train';
import { calibrationRanges } from '../../src/core/tflite/writer/calibrate';
import { writeTflite } from '../../src/core/tflite/writer/writeTflite';
import { readBundle } from '../../src/core/bundle/read';
import { bundleModelIR } from '../../src/core/bundle/tfjs-export';
import { unsupportedLayers } from '../../src/core/program/support';
import type { CompressionReport } from '../../src/core/compress/types';
import { compressCommand } from '../../src/cli/commands/compress';
import { exportTfjsCommand } from '../../src/cli/commands/export-tfjs';
import { readModelFiles, readNpyDir, writeNamedFiles } from '../../src/node/files';
import type { ZooSpec } from './architectures';
import { checkFloatRuntimes, runtimeAndC } from './runtime';
import type { RuntimeCheck } from './runtime';
import { patternTask } from './data';

/** One file form of a zoo model, imported and checked. */
export interface ZooForm {
  form: 'plain' | 'uint8' | 'float16' | 'tflite-f32' | 'tflite-int8';
  storedBytes: number;
  /** Fraction of samples where the imported IR's class equals tfjs predict's (of the same file; for TFLite: of the original model). */
  agreement: number;
  /** Largest |IR output - tfjs output| over the samples (TFLite: against the original model). */
  maxAbsError: number;
  accuracy: number;
  /** Why the form was not written (e.g. an activation the TFLite writer does not emit). */
  skipped?: string;
  /** The imported IR on the float virtual MCU and in exported C, on the test split (converter forms). */
  runtime?: RuntimeCheck;
}

/** Everything measured of one zoo model. */
export interface ZooModelReport {
  name: string;
  params: number;
  float32Bytes: number;
  trainMs: number;
  accuracy: number;
  forms: ZooForm[];
  compress?: { ratio: number; ratioVsStored: number; dropPp: number; valDropPp: number; budgetPp: number; withinBudget: boolean };
  /** Class agreement of the model re-imported from `yono export-tfjs` with the bundle's decoded model. */
  reimportAgreement?: number;
  /** Layers the virtual MCU / C runtime cannot run yet (empty: all run). */
  runtimeBlockers: string[];
  /**
   * The compressed bundle's model on the test split: virtual MCU class agreement with tfjs of the bundle's
   * decoded model, and the exported C's agreement with the virtual MCU and largest |output difference|.
   */
  compressedRuntime?: { samples: number; agreement: number; cAgreement: number; cMaxAbsDiff: number };
}

const agree = (a: Int32Array, b: Int32Array) => a.reduce((s, v, i) => s + (v === b[i] ? 1 : 0), 0) / a.length;

function outputs(m: tf.LayersModel, x: Float32Array, shape: number[], batch = 64): Float32Array {
  const row = shape.reduce((a, b) => a * b, 1);
  const n = x.length / row;
  const parts: Float32Array[] = [];
  for (let s = 0; s < n; s += batch) {
    const e = Math.min(n, s + batch);
    parts.push(tf.tidy(() => (m.predict(tf.tensor(x.subarray(s * row, e * row), [e - s, ...shape])) as tf.Tensor).dataSync() as Float32Array));
  }
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function argmaxRows(v: Float32Array, classes: number): Int32Array {
  const n = v.length / classes;
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let c = 1; c < classes; c++) if (v[i * classes + c] > v[i * classes + b]) b = c;
    r[i] = b;
  }
  return r;
}

const maxAbs = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** Options of runZoo. */
export interface ZooOptions {
  dir: string;
  samples: number;
  epochs: number;
  /** Learning rate of the brief training (default 5e-3). */
  learningRate?: number;
  /** Shard size of the converter files (small values force several shards). */
  shardBytes: number;
  /** Run `yono compress` over the plain models and re-import from `yono export-tfjs`. */
  compress: boolean;
  log?: (s: string) => void;
  seed?: number;
  /** Run each converter form on the float virtual MCU and in exported C (default true). */
  runtimes?: boolean;
}

/** Runs the zoo (see the file comment) and returns one report per model. */
export async function runZoo(specs: ZooSpec[], o: ZooOptions): Promise<ZooModelReport[]> {
  const log = o.log ?? (() => {});
  rmSync(o.dir, { recursive: true, force: true });
  mkdirSync(o.dir, { recursive: true });
  const reports: ZooModelReport[] = [];
  const specsArg: string[] = [];
  for (const spec of specs) {
    const seed = o.seed ?? 1;
    const d = patternTask(spec.inputShape, spec.classes, o.samples, seed + 11);
    if (spec.dataScale) for (let i = 0; i < d.x.length; i++) d.x[i] = d.x[i] * spec.dataScale[0] + spec.dataScale[1];
    const nTrain = Math.floor(d.n * 0.6);
    const row = d.x.length / d.n;
    const model = spec.build(seed);
    const t0 = Date.now();
    await trainClassifier(model, { x: d.x.subarray(0, nTrain * row), y: d.y.subarray(0, nTrain) },
      { epochs: o.epochs, batchSize: 32, learningRate: o.learningRate ?? 5e-3, seed, val: { x: d.x.subarray(nTrain * row), y: d.y.subarray(nTrain) } });
    const trainMs = Date.now() - t0;
    const mdir = join(o.dir, spec.name);
    const dataDir = join(mdir, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'x.npy'), encodeNpy(d.x, [d.n, ...spec.inputShape]));
    writeFileSync(join(dataDir, 'y.npy'), encodeNpy(d.y, [d.n]));
    const ref = outputs(model, d.x, spec.inputShape);
    const refCls = argmaxRows(ref, spec.classes);
    const accuracy = agree(refCls, d.y);
    const forms: ZooForm[] = [];
    const data = await readNpyDir(dataDir);
    for (const [form, opts] of [['plain', {}], ['uint8', { quantize: 'uint8' }], ['float16', { quantize: 'float16' }]] as [ZooForm['form'], ConverterOptions][]) {
      const fdir = join(mdir, form);
      await writeNamedFiles(fdir, await writeConverterFiles(model, { ...opts, shardBytes: o.shardBytes }));
      const imp = await importModel({ files: await readModelFiles(join(fdir, 'model.json')), data, name: spec.name });
      try {
        const tfOut = outputs(imp.model, d.x, spec.inputShape);
        const irModel = toLayersModel(inferenceGraph(imp.ir));
        const irOut = outputs(irModel, d.x, spec.inputShape);
        irModel.dispose();
        const cls = argmaxRows(irOut, spec.classes);
        const tfCls = argmaxRows(tfOut, spec.classes);
        const t0 = Math.floor(d.n * 0.8);
        const runtime = o.runtimes === false ? undefined : checkFloatRuntimes(inferenceGraph(imp.ir), d.x.subarray(t0 * row), d.y.subarray(t0), d.n - t0,
          tfCls.subarray(t0), join(fdir, 'c'));
        forms.push({ form, storedBytes: imp.storedBytes, agreement: agree(cls, tfCls), maxAbsError: maxAbs(irOut, tfOut), accuracy: agree(cls, d.y), runtime });
      } finally {
        imp.model.dispose();
      }
    }
    const graph = inferenceGraph(fromLayersModel(model, spec.name));
    for (const form of ['tflite-f32', 'tflite-int8'] as const) {
      const path = join(mdir, `${spec.name}${form === 'tflite-int8' ? '_int8' : ''}.tflite`);
      try {
        const bytes = form === 'tflite-f32' ? writeTflite(graph)
          : writeTflite(graph, { quantize: 'int8', ranges: calibrationRanges(graph, d.x.subarray(0, Math.min(nTrain, 200) * row)) });
        writeFileSync(path, bytes);
      } catch (e) {
        forms.push({ form, storedBytes: 0, agreement: NaN, maxAbsError: NaN, accuracy: NaN, skipped: (e as Error).message });
        continue;
      }
      const imp = await importModel({ files: await readModelFiles(path), data, name: spec.name });
      try {
        const out = outputs(imp.model, d.x, spec.inputShape);
        const cls = argmaxRows(out, spec.classes);
        const t0 = Math.floor(d.n * 0.8);
        // the TFLite file's IR (its int8 input/output quantisation as fake-quant layers) on the float runtimes, against tfjs of the same IR
        const runtime = o.runtimes === false ? undefined : checkFloatRuntimes(inferenceGraph(imp.ir), d.x.subarray(t0 * row), d.y.subarray(t0), d.n - t0,
          cls.subarray(t0), join(mdir, `c-${form}`));
        forms.push({ form, storedBytes: imp.storedBytes, agreement: agree(cls, refCls), maxAbsError: maxAbs(out, ref), accuracy: agree(cls, d.y), runtime });
      } finally {
        imp.model.dispose();
      }
    }
    const blockers = unsupportedLayers({ name: spec.name, layers: graph.layers as never, inputShape: [], output: '', accuracyFloat: null, accuracyCompressed: null, samples: null })
      .map((b) => `${b.layer} (${b.why})`);
    reports.push({ name: spec.name, params: model.countParams(), float32Bytes: model.countParams() * 4, trainMs, accuracy, forms, runtimeBlockers: blockers });
    log(`${spec.name}: ${model.countParams()} params, trained in ${trainMs} ms, accuracy ${(accuracy * 100).toFixed(1)} %`);
    specsArg.push(`${join(mdir, 'plain', 'model.json')}=${dataDir}`);
    model.dispose();
  }
  if (o.compress) await compressAndReimport(reports, specsArg, o);
  return reports;
}

async function compressAndReimport(reports: ZooModelReport[], specsArg: string[], o: ZooOptions): Promise<void> {
  const reportPath = join(o.dir, 'compress-report.json');
  const bundlePath = join(o.dir, 'zoo.yono');
  const quietLog = console.log;
  console.log = () => {};
  try {
    await compressCommand.run(['--models', specsArg.join(','), '--report', reportPath, '--out', bundlePath, '--quiet']);
  } finally {
    console.log = quietLog;
  }
  const r = JSON.parse(readFileSync(reportPath, 'utf8')) as CompressionReport;
  const bundle = readBundle(new Uint8Array(readFileSync(bundlePath)));
  const exportDir = join(o.dir, 'export');
  console.log = () => {};
  try {
    await exportTfjsCommand.run([bundlePath, '--out', exportDir]);
  } finally {
    console.log = quietLog;
  }
  r.models.forEach((m, i) => {
    const rep = reports[i];
    rep.compress = {
      ratio: m.float32Bytes / m.compressedBytes, ratioVsStored: (m.storedBytes ?? 0) / m.compressedBytes,
      dropPp: (m.accuracyFloat - m.accuracyCompressed) * 100, valDropPp: (m.valAccuracyFloat - m.valAccuracyCompressed) * 100,
      // within the budget as the selection judges it: with an allocation its rule (KL threshold, and the
      // validation drop with one standard error of allowance on a split under 1,000 samples), else the drop
      budgetPp: r.plan.budgetPp, withinBudget: m.allocation ? m.allocation.passed : (m.valAccuracyFloat - m.valAccuracyCompressed) * 100 <= r.plan.budgetPp + 1e-9,
    };
  });
  for (const [i, m] of r.models.entries()) {
    const ir = bundleModelIR(bundle, m.name);
    const data = await readNpyDir(join(o.dir, reports[i].name, 'data'));
    const imp = await importModel({ files: await readModelFiles(join(exportDir, m.name, 'model.json')), data, name: m.name });
    try {
      const want = toLayersModel(ir);
      const d = imp.data as NonNullable<typeof imp.data>;
      const a = argmaxRows(outputs(imp.model, d.x, ir.inputShape), imp.numClasses);
      const b = argmaxRows(outputs(want, d.x, ir.inputShape), imp.numClasses);
      reports[i].reimportAgreement = agree(a, b);
      if (o.runtimes !== false) {
        const r = runtimeAndC(bundle, m.name, join(o.dir, 'c-compressed', m.name));
        const ref = argmaxRows(outputs(want, r.x, ir.inputShape), imp.numClasses);
        reports[i].compressedRuntime = { samples: r.n, agreement: agree(r.classes, ref), cAgreement: r.cAgreement, cMaxAbsDiff: r.cMaxAbsDiff };
      }
      want.dispose();
    } finally {
      imp.model.dispose();
    }
  }
}

/** The zoo table: one row per model and form. */
export function formatZoo(reports: ZooModelReport[]): string {
  const rows = [['model', 'params', 'form', 'stored KB', 'class agreement', 'max abs err', 'accuracy', 'MCU = tfjs', 'MCU logit err', 'C = MCU', 'C - MCU',
    'ratio f32', 'ratio stored', 'test drop pp', 're-import', 'compressed: MCU = tfjs, C = MCU', 'C runtime']];
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  for (const r of reports) {
    for (const f of r.forms) {
      const c = r.compress;
      const first = f === r.forms[0];
      rows.push([first ? r.name : '', first ? String(r.params) : '', f.form, f.skipped ? '-' : (f.storedBytes / 1024).toFixed(1),
        f.skipped ? `skipped: ${f.skipped.slice(0, 60)}` : `${(f.agreement * 100).toFixed(2)} %`, f.skipped ? '' : f.maxAbsError.toExponential(2),
        f.skipped ? '' : `${(f.accuracy * 100).toFixed(1)} %`,
        f.runtime ? pct(f.runtime.agreement) : '', f.runtime ? f.runtime.maxAbsLogitError.toExponential(2) : '',
        f.runtime ? pct(f.runtime.cAgreement) : '', f.runtime ? f.runtime.cMaxAbsDiff.toExponential(2) : '',
        first && c ? `${c.ratio.toFixed(2)}x` : '', first && c ? `${c.ratioVsStored.toFixed(2)}x` : '',
        first && c ? `${c.dropPp.toFixed(2)}${c.withinBudget ? '' : ' (over)'}` : '',
        first && r.reimportAgreement !== undefined ? `${(r.reimportAgreement * 100).toFixed(1)} %` : '',
        first && r.compressedRuntime ? `${pct(r.compressedRuntime.agreement)}, ${pct(r.compressedRuntime.cAgreement)} (${r.compressedRuntime.cMaxAbsDiff.toExponential(1)})` : '',
        first ? (r.runtimeBlockers.length ? `no: ${r.runtimeBlockers.slice(0, 2).join(', ')}${r.runtimeBlockers.length > 2 ? ', ...' : ''}` : 'yes') : '']);
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  return rows.map((x) => x.map((c, i) => c.padEnd(w[i])).join('  ')).join('\n');
}
