import type { ReactNode } from "react";
import "./card.css";

interface Props {
  /** Used for the heading id the section is labelled by. */
  id: string;
  title: string;
  count?: number;
  /** Right-aligned header content: buttons, a key filter, a saving hint. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One section of the run page: a titled card with an optional count badge and header actions. */
export function Card({ id, title, count, actions, className = "", children }: Props) {
  return (
    <section className={`card ${className}`} aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {count !== undefined && <span className="badge">{count}</span>}
        {actions}
      </div>
      {children}
    </section>
  );
}
