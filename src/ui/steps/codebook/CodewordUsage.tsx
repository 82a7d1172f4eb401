/**
 * How each model uses a group's codewords: one row per model, one column per codeword (sorted by total
 * use, most used left), darker = used more by that model. Below, how many codewords each model uses and
 * how many are shared, which is what makes one codebook serve several networks.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { CodewordUsage as Usage } from '../../services/types';
import { SERIES } from '../../charts/palette';

const ROW_H = 16;

function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** `models`: every model of the result, so each keeps its colour across views. */
export function CodewordUsage({ usage, models }: { usage: Usage; models: string[] }) {
  const color = (m: string) => SERIES[Math.max(0, models.indexOf(m)) % SERIES.length];
  const ref = useRef<HTMLCanvasElement>(null);
  const { order, used, shared } = useMemo(() => {
    const total = new Float64Array(usage.k);
    for (const m of usage.models) for (let j = 0; j < usage.k; j++) total[j] += m.counts[j];
    const order = Array.from({ length: usage.k }, (_, j) => j).sort((a, b) => total[b] - total[a]);
    const used = usage.models.map((m) => m.counts.reduce((a, c) => a + (c > 0 ? 1 : 0), 0));
    let shared = 0;
    for (let j = 0; j < usage.k; j++) if (usage.models.filter((m) => m.counts[j] > 0).length >= 2) shared++;
    return { order, used, shared };
  }, [usage]);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const rows = usage.models.length;
    c.width = usage.k;
    c.height = rows;
    const img = ctx.createImageData(usage.k, Math.max(1, rows));
    usage.models.forEach((m, r) => {
      const [R, G, B] = rgb(color(m.model));
      const max = m.counts.reduce((a, v) => Math.max(a, v), 0) || 1;
      order.forEach((j, col) => {
        const a = m.counts[j] === 0 ? 0 : 0.15 + 0.85 * Math.sqrt(m.counts[j] / max);
        const o = (r * usage.k + col) * 4;
        img.data[o] = Math.round(255 - a * (255 - R));
        img.data[o + 1] = Math.round(255 - a * (255 - G));
        img.data[o + 2] = Math.round(255 - a * (255 - B));
        img.data[o + 3] = 255;
      });
    });
    ctx.putImageData(img, 0, 0);
  }, [usage, order, models]);

  return (
    <figure className="stack-sm" style={{ margin: 0 }} data-testid={`usage-${usage.group}`}>
      <canvas ref={ref} className="preview" role="img" style={{ width: '100%', height: ROW_H * Math.max(1, usage.models.length), imageRendering: 'pixelated', border: '1px solid var(--border)' }}
        aria-label={`Codeword usage of ${usage.group}: ${usage.models.map((m, i) => `${m.model} uses ${used[i]} of ${usage.k}`).join(', ')}; ${shared} shared`} />
      <figcaption className="small">
        <div className="row legend" style={{ flexWrap: 'wrap', gap: 10 }}>
          {usage.models.map((m, i) => (
            <span key={m.model}><span className="swatch" style={{ background: color(m.model) }} /> {m.model}: {used[i]} of {usage.k} codewords</span>
          ))}
        </div>
        <span className="muted">{shared} codewords are used by two or more models. Columns sorted by total use.</span>
      </figcaption>
    </figure>
  );
}
