import { FlatTable, TfliteFormatError } from './flatTable';
import { F } from './schema';

/** Affine quantisation of a tensor: real = scale[c] * (q - zeroPoint[c]) along `dim` (one entry: per tensor). */
export interface TfliteQuant { scale: Float32Array; zeroPoint: number[]; dim: number }

/** One tensor of the main subgraph. `data` is the constant buffer (a view of the file) or null. */
export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  type: number;
  data: Uint8Array | null;
  quant: TfliteQuant | null;
}

/** One operator: its builtin code (max of the two code fields), tensor indices (-1: absent) and options table. */
export interface TfliteOperator {
  index: number;
  code: number;
  custom: string | null;
  version: number;
  inputs: number[];
  outputs: number[];
  options: FlatTable | null;
}

/** The parts of a `.tflite` model the importer reads: the main subgraph, with constant data resolved. */
export interface TfliteModel {
  version: number;
  description: string | null;
  subgraphs: number;
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
}

/**
 * Reads a `.tflite` flatbuffer (schema version 3) with bounds checks on every offset: the operator codes,
 * the first subgraph's tensors (shape, type, quantisation, constant data), inputs, outputs and operators.
 * Buffers stored outside the flatbuffer (models over 2 GB) are read from their offset in the file.
 * Throws a TfliteFormatError for a file that is not a well-formed TFLite model.
 */
export function parseTflite(bytes: Uint8Array): TfliteModel {
  const root = FlatTable.root(bytes, 'Model', 'TFL3');
  const version = root.uint32(F.model.version);
  if (version !== 3) throw new TfliteFormatError(`schema version ${version}; this reader reads version 3 (every TFLite converter since 2018)`);
  const codes = root.tables(F.model.operatorCodes, 'operator_codes').map((c) => ({
    code: Math.max(c.int8(F.operatorCode.deprecatedBuiltinCode), c.int32(F.operatorCode.builtinCode)),
    custom: c.string(F.operatorCode.customCode, 'custom_code'),
    version: c.int32(F.operatorCode.version, 1),
  }));
  const bufferTables = root.tables(F.model.buffers, 'buffers');
  const buffers = bufferTables.map((b, i) => b.bytes(F.buffer.data, `buffers[${i}].data`));
  const external = bufferTables.map(externalRange);
  const subgraphs = root.tables(F.model.subgraphs, 'subgraphs');
  if (subgraphs.length === 0) throw new TfliteFormatError('it has no subgraph');
  const sg = subgraphs[0];
  const tensors = sg.tables(F.subgraph.tensors, 'tensors').map((t, index): TfliteTensor => {
    const name = t.string(F.tensor.name, 'tensor name') ?? `tensor${index}`;
    const b = t.uint32(F.tensor.buffer);
    if (b >= Math.max(1, buffers.length)) throw new TfliteFormatError(`tensor '${name}' uses buffer ${b}, the model has ${buffers.length}`);
    let data: Uint8Array | null = buffers[b]?.length ? buffers[b] : null;
    const ext = external[b];
    if (!data && ext) {
      if (ext.offset + ext.size > bytes.length) throw new TfliteFormatError(`buffer ${b} at bytes ${ext.offset}..${ext.offset + ext.size} lies outside the file`);
      data = bytes.subarray(ext.offset, ext.offset + ext.size);
    }
    if (t.has(F.tensor.sparsity)) throw new Error(`tensor '${name}' is stored sparse; sparse TFLite tensors are not supported: convert without sparsity`);
    const q = t.table(F.tensor.quantization, `tensor '${name}' quantization`);
    const scale = q ? q.float32s(F.quantization.scale, 'scale') : new Float32Array(0);
    const quant = q && scale.length
      ? { scale, zeroPoint: q.int64s(F.quantization.zeroPoint, 'zero_point'), dim: q.int32(F.quantization.quantizedDimension) }
      : null;
    return { index, name, shape: t.int32s(F.tensor.shape, 'shape'), type: t.int8(F.tensor.type), data, quant };
  });
  const ti = (v: number[], what: string) => v.map((i) => {
    if (i < -1 || i >= tensors.length) throw new TfliteFormatError(`${what} refers to tensor ${i}, the subgraph has ${tensors.length}`);
    return i;
  });
  const operators = sg.tables(F.subgraph.operators, 'operators').map((o, index): TfliteOperator => {
    const ci = o.uint32(F.operator.opcodeIndex);
    const c = codes[ci];
    if (!c) throw new TfliteFormatError(`operator ${index} uses operator code ${ci}, the model has ${codes.length}`);
    return { index, code: c.code, custom: c.custom, version: c.version, inputs: ti(o.int32s(F.operator.inputs, 'inputs'), `operator ${index} input`),
      outputs: ti(o.int32s(F.operator.outputs, 'outputs'), `operator ${index} output`), options: o.table(F.operator.options, `operator ${index} options`) };
  });
  return {
    version, description: root.string(F.model.description, 'description'), subgraphs: subgraphs.length, tensors,
    inputs: ti(sg.int32s(F.subgraph.inputs, 'inputs'), 'subgraph input'), outputs: ti(sg.int32s(F.subgraph.outputs, 'outputs'), 'subgraph output'), operators,
  };
}

/** A buffer stored after the flatbuffer (offset > 1, as the > 2 GB format says), or null. */
function externalRange(b: FlatTable): { offset: number; size: number } | null {
  const off = b.uint64(F.buffer.offset);
  const size = b.uint64(F.buffer.size);
  return off > 1 ? { offset: off, size } : null;
}
