/** Decoded audio: mono samples in [-1, 1] and their rate. */
export interface DecodedAudio {
  sampleRate: number;
  samples: Float32Array;
}

function bad(what: string): never {
  throw new Error(`Not a readable WAV file: ${what}. Use 8/16/24/32-bit PCM or 32-bit float WAV.`);
}

/**
 * Parses a RIFF/WAVE file (PCM 8, 16, 24, 32-bit or IEEE float 32, any channel count, also
 * WAVE_FORMAT_EXTENSIBLE) into mono float samples (channels averaged). A data chunk whose size runs past
 * the end of the file (streamed WAVs) is read to the end.
 */
export function parseWav(bytes: ArrayBuffer | Uint8Array): DecodedAudio {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const tag = (o: number) => String.fromCharCode(u8[o], u8[o + 1], u8[o + 2], u8[o + 3]);
  if (u8.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') bad('no RIFF/WAVE header');
  let fmt: { format: number; channels: number; rate: number; bits: number } | null = null;
  let o = 12;
  while (o + 8 <= u8.length) {
    const id = tag(o);
    const size = dv.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      if (size < 16) bad('fmt chunk too short');
      let format = dv.getUint16(body, true);
      if (format === 0xfffe && size >= 26) format = dv.getUint16(body + 24, true);
      fmt = { format, channels: dv.getUint16(body + 2, true), rate: dv.getUint32(body + 4, true), bits: dv.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) bad('data chunk before fmt chunk');
      const { format, channels, rate, bits } = fmt;
      if (channels < 1 || rate < 1) bad(`${channels} channels at ${rate} Hz`);
      const isFloat = format === 3 && bits === 32;
      if (!(format === 1 && [8, 16, 24, 32].includes(bits)) && !isFloat) bad(`format ${format} with ${bits} bits`);
      const bps = bits / 8;
      const end = Math.min(u8.length, body + size);
      const frames = Math.floor((end - body) / (bps * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let acc = 0;
        for (let c = 0; c < channels; c++) {
          const p = body + (i * channels + c) * bps;
          if (isFloat) acc += dv.getFloat32(p, true);
          else if (bits === 8) acc += (u8[p] - 128) / 128;
          else if (bits === 16) acc += dv.getInt16(p, true) / 32768;
          else if (bits === 24) acc += (((u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16)) << 8) >> 8) / 8388608;
          else acc += dv.getInt32(p, true) / 2147483648;
        }
        samples[i] = acc / channels;
      }
      return { sampleRate: rate, samples };
    }
    o = body + size + (size & 1);
  }
  return bad('no data chunk');
}
