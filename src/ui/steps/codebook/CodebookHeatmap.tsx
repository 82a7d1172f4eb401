/** A learned codebook as a heatmap: one row per codeword, one column per subvector position. */
import { useEffect, useRef } from 'react';
import type { CodebookGroup } from '../../../core/compress/types';
import { toRgba } from '../../lib/colormap';

export function CodebookHeatmap({ group, height = 220 }: { group: CodebookGroup; height?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = group.d;
    c.height = group.k;
    const img = ctx.createImageData(group.d, group.k);
    img.data.set(toRgba(group.codebook, group.k, group.d, 'div'));
    ctx.putImageData(img, 0, 0);
  }, [group]);
  return (
    <figure style={{ margin: 0 }} className="stack-sm">
      <canvas ref={ref} className="preview" style={{ width: Math.min(240, group.d * 24), height, background: '#fff' }}
        role="img" aria-label={`Codebook ${group.name}: ${group.k} codewords of ${group.d} values`} />
      <figcaption className="small muted">{group.name}: K = {group.k} rows × d = {group.d}; blue negative, red positive</figcaption>
    </figure>
  );
}
