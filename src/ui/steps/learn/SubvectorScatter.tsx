/**
 * The subvectors as points in 2-D (d = 2 directly, PCA plane for d > 2), coloured by codeword once
 * assigned, codewords as large marks; after an update step a line shows where each codeword moved.
 */
import { useMemo } from 'react';
import type { LearnDemo, LearnFrame } from '../../../core/learn/session';
import { clusterColor } from './clusterColor';

const SIZE = 380;
const PAD = 28;

export function SubvectorScatter({ demo, frame, prev }: { demo: LearnDemo; frame: LearnFrame; prev: LearnFrame | null }) {
  const { points2d, n, projection } = demo;
  const scale = useMemo(() => {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = points2d[i * 2], y = points2d[i * 2 + 1];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    const span = Math.max(x1 - x0, y1 - y0) || 1;
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const k = (SIZE - 2 * PAD) / (span * 1.05);
    return { X: (x: number) => SIZE / 2 + (x - cx) * k, Y: (y: number) => SIZE / 2 - (y - cy) * k };
  }, [points2d, n]);
  const shown = frame.phase !== 'weights';
  const c2 = frame.centroids2d;
  const moved = frame.phase === 'update' && prev?.centroids2d ? prev.centroids2d : null;
  const axisX = projection.isPca ? `PC1 (${(projection.explained[0] * 100).toFixed(0)} % of variance)` : 'subvector[0]';
  const axisY = projection.isPca ? `PC2 (${(projection.explained[1] * 100).toFixed(0)} %)` : 'subvector[1]';

  return (
    <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" data-testid="learn-scatter"
      aria-label={`${n} subvectors${c2 ? ` and ${demo.k} codewords` : ''} in 2-D`} style={{ maxWidth: '100%', height: 'auto', background: '#fff', border: '1px solid var(--border)', borderRadius: 5 }}>
      <line x1={PAD} x2={SIZE - PAD / 2} y1={SIZE - PAD} y2={SIZE - PAD} stroke="#c3cad4" />
      <line x1={PAD} x2={PAD} y1={PAD / 2} y2={SIZE - PAD} stroke="#c3cad4" />
      <text x={SIZE / 2} y={SIZE - 8} fontSize={11} fill="#5b6675" textAnchor="middle">{axisX}</text>
      <text x={12} y={SIZE / 2} fontSize={11} fill="#5b6675" textAnchor="middle" transform={`rotate(-90 12 ${SIZE / 2})`}>{axisY}</text>
      {!shown && <text x={SIZE / 2} y={SIZE / 2} fontSize={12.5} fill="#8a94a3" textAnchor="middle">The subvectors appear here once the weights are cut.</text>}
      {shown && Array.from({ length: n }, (_, i) => (
        <circle key={i} cx={scale.X(points2d[i * 2])} cy={scale.Y(points2d[i * 2 + 1])} r={3}
          fill={frame.assignments ? clusterColor(frame.assignments[i]) : '#8a94a3'} fillOpacity={0.75} />
      ))}
      {moved && c2 && Array.from({ length: demo.k }, (_, j) => (
        <line key={`m${j}`} x1={scale.X(moved[j * 2])} y1={scale.Y(moved[j * 2 + 1])} x2={scale.X(c2[j * 2])} y2={scale.Y(c2[j * 2 + 1])} stroke="#1b2430" strokeDasharray="3 2" />
      ))}
      {c2 && Array.from({ length: demo.k }, (_, j) => {
        const x = scale.X(c2[j * 2]), y = scale.Y(c2[j * 2 + 1]);
        return <path key={`c${j}`} d={`M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`} fill={clusterColor(j)} stroke="#1b2430" strokeWidth={1.5} data-codeword={j} />;
      })}
    </svg>
  );
}
