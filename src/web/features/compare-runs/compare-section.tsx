import type { ReactNode } from "react";

/** One titled block of the compare page (table, scatter, parallel coordinates, and later charts). */
export function CompareSection({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="compare-block" aria-label={title} data-testid={testId}>
      <div className="compare-block-header">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
