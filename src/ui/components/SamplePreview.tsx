/**
 * A preview of one input sample on canvas, per modality: a grayscale image (digit, garment), a
 * spectrogram heatmap (time across, low bands at the bottom), or a 3-axis accelerometer trace.
 */
import { useEffect, useRef } from 'react';
import type { SamplePreview as Preview } from '../services/types';
import { extent, toRgba, transpose } from '../lib/colormap';
import { hidpiContext } from '../lib/canvas';

const TRACE_COLORS = ['#2f5fd0', '#e07b39', '#2a9d8f'];

function drawPixels(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, w: number, h: number, flipY = false) {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(w, h);
  if (!flipY) img.data.set(rgba);
  else for (let y = 0; y < h; y++) img.data.set(rgba.subarray((h - 1 - y) * w * 4, (h - y) * w * 4), y * w * 4);
  ctx.putImageData(img, 0, 0);
}

function drawTrace(canvas: HTMLCanvasElement, p: Extract<Preview, { kind: 'trace' }>, cssW: number, cssH: number) {
  const ctx = hidpiContext(canvas, cssW, cssH);
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, cssW, cssH);
  const [lo, hi] = extent(p.values);
  const pad = (hi - lo) * 0.08 || 1;
  const y0 = lo - pad, y1 = hi + pad;
  ctx.font = '10px system-ui, sans-serif';
  const hiText = `${hi.toFixed(1)} g`;
  const loText = `${lo.toFixed(1)} g`;
  // The axis labels decide the left margin, so "-12.5 g" is never cut off.
  const left = Math.ceil(Math.max(ctx.measureText(hiText).width, ctx.measureText(loText).width)) + 6;
  const bottom = cssH - 14, top = 4, right = cssW - 4;
  const X = (i: number) => left + ((right - left) * i) / Math.max(1, p.length - 1);
  const Y = (v: number) => bottom - ((bottom - top) * (v - y0)) / (y1 - y0);
  ctx.strokeStyle = '#dde1e7';
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, right - left, bottom - top);
  ctx.fillStyle = '#5b6675';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText(hiText, left - 3, top + 8);
  ctx.fillText(loText, left - 3, bottom);
  ctx.textAlign = 'left';
  const secs = p.rateHz ? `${(p.length / p.rateHz).toFixed(2)} s` : `${p.length} samples`;
  // The longest time-axis label that fits the plot's width (small previews get the short one).
  const label = [`0 … ${secs}`, secs, `n ${p.length}`].find((t) => ctx.measureText(t).width <= right - left) ?? '';
  ctx.fillText(label, left, cssH - 2);
  for (let a = 0; a < 3; a++) {
    ctx.strokeStyle = TRACE_COLORS[a];
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    for (let i = 0; i < p.length; i++) {
      const v = p.values[i * 3 + a];
      if (i === 0) ctx.moveTo(X(i), Y(v)); else ctx.lineTo(X(i), Y(v));
    }
    ctx.stroke();
  }
}

/** Draws `preview` in a canvas of about `height` CSS pixels. */
export function SamplePreview({ preview, height = 112 }: { preview: Preview; height?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const traceW = Math.round(height * 1.9);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    if (preview.kind === 'image') drawPixels(c, toRgba(preview.pixels, preview.height, preview.width, 'gray'), preview.width, preview.height);
    else if (preview.kind === 'spectrogram') {
      const t = transpose(preview.values, preview.frames, preview.bands); // (bands x frames)
      drawPixels(c, toRgba(t, preview.bands, preview.frames, 'seq'), preview.frames, preview.bands, true);
    } else drawTrace(c, preview, traceW, height);
  }, [preview, height, traceW]);

  const label = preview.kind === 'image' ? `${preview.width}×${preview.height} image`
    : preview.kind === 'spectrogram' ? `spectrogram, ${preview.frames} frames × ${preview.bands} bands`
      : `3-axis accelerometer trace, ${preview.length} samples`;
  const style = preview.kind === 'image' ? { width: height, height }
    : preview.kind === 'spectrogram' ? { width: Math.round(height * (preview.frames / preview.bands)), height }
      : { width: traceW, height, imageRendering: 'auto' as const, background: '#fff' };
  return (
    <figure className="preview-figure" style={{ margin: 0 }}>
      <canvas ref={ref} className="preview" style={style} role="img" aria-label={`Sample: ${label}${preview.label ? `, class ${preview.label}` : ''}`} />
      <figcaption className="small muted">
        {preview.kind === 'trace' && (
          <span className="legend" style={{ display: 'inline-flex', marginRight: 8 }}>
            {['x', 'y', 'z'].map((a, i) => <span key={a}><span className="swatch" style={{ background: TRACE_COLORS[i] }} />{a}</span>)}
          </span>
        )}
        {preview.label !== undefined && <>class <strong>{preview.label}</strong></>}
      </figcaption>
    </figure>
  );
}
