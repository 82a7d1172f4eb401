/** A size as one view shows it: the model's base size, what this view adds (each named) and the total. */
import type { SizeView } from '../../core/report/sizes';
import { formatBytes } from '../lib/format';

export function SizeBreakdown({ size, testId, totalLabel = 'total' }: { size: SizeView; testId?: string; totalLabel?: string }) {
  const adds = size.adds.filter((a) => a.bytes !== 0);
  return (
    <span className="small muted size-breakdown" data-testid={testId} data-base={size.base} data-total={size.total}>
      base {formatBytes(size.base)}{adds.map((a) => <span key={a.label}> + {a.label} {formatBytes(a.bytes)}</span>)} = {totalLabel} {formatBytes(size.total)}
    </span>
  );
}
