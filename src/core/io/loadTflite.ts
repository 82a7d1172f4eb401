import { toLayersModel } from '../models/toLayersModel';
import { tfliteToIR } from '../tflite/toIR';
import { baseName, type NamedFile } from './files';
import type { LoadedModel } from './loadedModel';

/** The `.tflite` file among the files, or null. */
export function pickTflite(files: readonly NamedFile[]): NamedFile | null {
  const t = files.filter((f) => baseName(f.name).toLowerCase().endsWith('.tflite'));
  if (t.length > 1) throw new Error(`more than one .tflite file among the files (${t.map((f) => baseName(f.name)).join(', ')}): import one model at a time`);
  return t[0] ?? null;
}

/**
 * Loads a `.tflite` model: converts it to the IR (`tfliteToIR`: weights dequantised, int8 input/output
 * quantisation kept as fake-quantisation layers) and builds the tfjs model that evaluates it. The name
 * defaults to the file name without `.tflite`. `storedBytes` is the file's size.
 */
export function loadTfliteFile(file: NamedFile, name?: string): LoadedModel {
  const fname = baseName(file.name);
  const modelName = name ?? fname.replace(/\.tflite$/i, '');
  let conv: ReturnType<typeof tfliteToIR>;
  try {
    conv = tfliteToIR(file.bytes, modelName);
  } catch (e) {
    throw new Error(`${fname}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return { model: toLayersModel(conv.ir), ir: conv.ir, files: [fname], storedBytes: file.bytes.length };
}
