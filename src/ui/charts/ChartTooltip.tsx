/** The tooltip of every recharts chart: a title and one line per series, each value with its unit. */
import type { TooltipContentProps, TooltipValueType } from 'recharts';

export interface ChartTooltipOptions {
  /** Formats one value of series `name` with its unit. */
  format: (value: number, name: string) => string;
  /** Title from the hovered label / datum (default: the label). */
  title?: (label: unknown, datum: Record<string, unknown> | undefined) => string;
}

/** A `content` renderer for recharts' <Tooltip>. */
export function chartTooltip(o: ChartTooltipOptions) {
  return function Content(p: TooltipContentProps<TooltipValueType, string | number>) {
    if (!p.active || !p.payload?.length) return null;
    const datum = p.payload[0]?.payload as Record<string, unknown> | undefined;
    return (
      <div className="chart-tooltip">
        <div className="title">{o.title ? o.title(p.label, datum) : String(p.label ?? '')}</div>
        <dl className="kv">
          {p.payload.map((e) => (
            <div key={String(e.dataKey ?? e.name)} style={{ display: 'contents' }}>
              <dt><span className="swatch" style={{ background: String(e.color ?? e.fill ?? '#888'), display: 'inline-block', width: 8, height: 8, marginRight: 5 }} />{String(e.name)}</dt>
              <dd>{typeof e.value === 'number' ? o.format(e.value, String(e.name)) : '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  };
}
