/** The heading line of a step: its title and one sentence of what it is for. */
import type { ReactNode } from 'react';

export function StepIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="step-intro">
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  );
}
