/**
 * A group's subvectors (a sample, coloured by model) and its codewords (black crosses) on the two
 * principal axes of the subvectors: where the codebook put its codewords in the weight space.
 */
import { useEffect, useRef } from 'react';
import type { CodebookProjection } from '../../services/types';
import { SERIES } from '../../charts/palette';
import { hidpiContext } from '../../lib/canvas';

const SIZE = 300;
const PAD = 10;

/** `models`: every model of the result, so each keeps its colour across views. */
export function ProjectionView({ p, models }: { p: CodebookProjection; models: string[] }) {
  const color = (i: number) => SERIES[Math.max(0, models.indexOf(p.models[i])) % SERIES.length];
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && hidpiContext(c, SIZE, SIZE);
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SIZE, SIZE);
    // Robust extent: the 1st..99th percentile of the points, so a few outliers do not squash the rest.
    const xs = Array.from({ length: p.points.length / 2 }, (_, i) => p.points[2 * i]).sort((a, b) => a - b);
    const ys = Array.from({ length: p.points.length / 2 }, (_, i) => p.points[2 * i + 1]).sort((a, b) => a - b);
    const q = (a: number[], f: number) => (a.length ? a[Math.min(a.length - 1, Math.floor(f * a.length))] : 0);
    const x0 = q(xs, 0.01), x1 = q(xs, 0.99), y0 = q(ys, 0.01), y1 = q(ys, 0.99);
    const span = Math.max(x1 - x0, y1 - y0) * 1.15 || 1;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const X = (v: number) => SIZE / 2 + ((v - cx) / span) * (SIZE - 2 * PAD);
    const Y = (v: number) => SIZE / 2 - ((v - cy) / span) * (SIZE - 2 * PAD);
    ctx.globalAlpha = 0.45;
    for (let i = 0; i < p.pointModel.length; i++) {
      ctx.fillStyle = color(p.pointModel[i]);
      ctx.fillRect(X(p.points[2 * i]) - 1.5, Y(p.points[2 * i + 1]) - 1.5, 3, 3);
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#1b2430';
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    for (let j = 0; j < p.k; j++) {
      const x = X(p.codewords[2 * j]), y = Y(p.codewords[2 * j + 1]);
      ctx.moveTo(x - 3, y); ctx.lineTo(x + 3, y); ctx.moveTo(x, y - 3); ctx.lineTo(x, y + 3);
    }
    ctx.stroke();
  }, [p, models]);
  const pct = (f: number) => `${(f * 100).toFixed(0)} %`;
  return (
    <figure className="stack-sm" style={{ margin: 0 }} data-testid={`projection-${p.group}`}>
      <canvas ref={ref} role="img" style={{ width: SIZE, height: SIZE, maxWidth: '100%', border: '1px solid var(--border)', borderRadius: 5 }}
        aria-label={`${p.pointModel.length} of ${p.total} subvectors of ${p.group} and its ${p.k} codewords on two principal axes`} />
      <figcaption className="small">
        <div className="row legend" style={{ flexWrap: 'wrap', gap: 10 }}>
          {p.models.map((m, i) => <span key={m}><span className="swatch" style={{ background: color(i) }} /> {m}</span>)}
          <span>✚ codewords</span>
        </div>
        <span className="muted">PC1 {pct(p.explained[0])}, PC2 {pct(p.explained[1])} of the variance; {p.pointModel.length.toLocaleString()} of {p.total.toLocaleString()} subvectors (d = {p.d}) shown.</span>
      </figcaption>
    </figure>
  );
}
