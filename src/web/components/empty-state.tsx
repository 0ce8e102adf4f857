import type { ReactNode } from "react";

/** The designed "nothing here" view: what is empty and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state" data-testid="empty-state">
      <div className="state-title">{title}</div>
      {children && <div>{children}</div>}
    </div>
  );
}
