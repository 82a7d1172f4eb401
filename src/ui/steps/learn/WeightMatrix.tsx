/**
 * A (rows x cols) kernel as a heatmap (blue negative, red positive; columns are output units). After
 * the cut, each unit's column is split into chunks of d (one subvector each); once assigned, each chunk
 * is outlined in its codeword's colour.
 */
import { useEffect, useRef } from 'react';
import { toRgba } from '../../lib/colormap';
import { clusterColor } from './clusterColor';
import type { DemoLayout } from '../../../core/learn/layer';
import { hidpiContext } from '../../lib/canvas';

export interface WeightMatrixProps {
  values: Float32Array;
  layout: DemoLayout;
  /** Scale: values are coloured against this magnitude (so an error map stays comparable). */
  magnitude: number;
  showCut: boolean;
  assignments: Int32Array | null;
  /** Largest side in CSS pixels. */
  size?: number;
  label: string;
}

export function WeightMatrix({ values, layout, magnitude, showCut, assignments, size = 300, label }: WeightMatrixProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { rows, cols, d, chunksPerUnit } = layout;
  const cell = Math.max(3, Math.floor(Math.min(size / cols, size / rows)));
  const w = cell * cols, h = cell * rows;

  useEffect(() => {
    const c = ref.current;
    const ctx = c && hidpiContext(c, w, h);
    if (!ctx) return;
    // Colour against a fixed magnitude: append a +-magnitude pair so toRgba's own scaling matches it.
    const scaled = new Float32Array(values.length + 2);
    scaled.set(values);
    scaled[values.length] = magnitude;
    scaled[values.length + 1] = -magnitude;
    const rgba = toRgba(scaled, 1, scaled.length, 'div');
    for (let i = 0; i < rows; i++) {
      for (let u = 0; u < cols; u++) {
        const o = (i * cols + u) * 4;
        ctx.fillStyle = `rgb(${rgba[o]} ${rgba[o + 1]} ${rgba[o + 2]})`;
        ctx.fillRect(u * cell, i * cell, cell, cell);
      }
    }
    if (!showCut) return;
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgb(27 36 48 / 55%)';
    for (let u = 0; u < cols; u++) {
      for (let ch = 0; ch < chunksPerUnit; ch++) {
        const y0 = ch * d * cell;
        const y1 = Math.min(rows, (ch + 1) * d) * cell;
        const s = u * chunksPerUnit + ch;
        if (assignments) {
          ctx.strokeStyle = clusterColor(assignments[s]);
          ctx.lineWidth = Math.max(1.5, cell / 5);
          const inset = ctx.lineWidth / 2;
          ctx.strokeRect(u * cell + inset, y0 + inset, cell - 2 * inset, y1 - y0 - 2 * inset);
        } else {
          ctx.strokeRect(u * cell + 0.5, y0 + 0.5, cell - 1, y1 - y0 - 1);
        }
      }
    }
  }, [values, magnitude, showCut, assignments, rows, cols, d, chunksPerUnit, cell, w, h]);

  return <canvas ref={ref} style={{ width: w, height: h, display: 'block' }} role="img" aria-label={label} />;
}
