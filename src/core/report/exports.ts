/**
 * The Export step's files: the `.yono` bundle (with stored test samples), a zip of the C export, a zip of
 * the decoded tfjs models, and the report as JSON or CSV. Pure apart from tfjs (loaded only for the tfjs
 * export).
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { CompressionResult } from '../compress/types';
import type { BundleSamples } from '../bundle/write';
import { writeBundle } from '../bundle/write';
import { readBundle } from '../bundle/read';
import { exportC } from '../bundle/c/export';
import { modelNames } from '../bundle/bundle';
import { reportCsv, reportJson } from './report';
import type { ReportExtras } from './report';

/** The export kinds. */
export type ExportKind = 'bundle' | 'c' | 'tfjs' | 'report-json' | 'report-csv';

/** A file produced for download. */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  mime: string;
}

/** Test samples stored per model in exported bundles (the C example runs the first 10). */
export const BUNDLE_SAMPLES = 32;

const BUNDLE_NAME = 'yono-bundle.yono';

/** The bundle of a result with up to BUNDLE_SAMPLES test samples per model. */
export function bundleBytes(result: CompressionResult, samples: Record<string, BundleSamples>): Uint8Array {
  return writeBundle(result, { samples, maxSamples: BUNDLE_SAMPLES });
}

/** One export of `result`. `tfjsFiles` is given by the worker (it loads tfjs on demand). */
export async function exportFile(
  kind: ExportKind, result: CompressionResult, samples: Record<string, BundleSamples>, extras: ReportExtras,
  tfjsFiles: (bundle: ReturnType<typeof readBundle>, model: string) => Promise<{ path: string; bytes: Uint8Array }[]>,
): Promise<ExportedFile> {
  switch (kind) {
    case 'report-json': return { fileName: 'yono-report.json', bytes: strToU8(reportJson(result, extras)), mime: 'application/json' };
    case 'report-csv': return { fileName: 'yono-report.csv', bytes: strToU8(reportCsv(result, extras)), mime: 'text/csv' };
    case 'bundle': return { fileName: BUNDLE_NAME, bytes: bundleBytes(result, samples), mime: 'application/octet-stream' };
    case 'c': {
      const c = exportC(readBundle(bundleBytes(result, samples)), { bundleName: BUNDLE_NAME });
      const files: Zippable = {};
      for (const f of c.files) files[`yono-c/${f.path}`] = strToU8(f.text);
      return { fileName: 'yono-c.zip', bytes: zipSync(files, { level: 6 }), mime: 'application/zip' };
    }
    case 'tfjs': {
      // the tfjs export is of the float model (tfjs runs float32); an int8 result's float decode
      const b = readBundle(writeBundle(result, { arithmetic: 'float32' }));
      const files: Zippable = {};
      for (const name of modelNames(b)) for (const f of await tfjsFiles(b, name)) files[`yono-tfjs/${name}/${f.path}`] = f.bytes;
      return { fileName: 'yono-tfjs.zip', bytes: zipSync(files, { level: 6 }), mime: 'application/zip' };
    }
  }
}
