/** An empty state: what is missing and how to get it, in the space the result will take. */
import type { ReactNode } from 'react';

export function Empty({ title, children, minHeight }: { title: string; children?: ReactNode; minHeight?: number }) {
  return (
    <div className="empty" style={minHeight ? { minHeight } : undefined}>
      <strong>{title}</strong>
      {children && <div className="small">{children}</div>}
    </div>
  );
}
