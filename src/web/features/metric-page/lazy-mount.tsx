import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders `children` once the placeholder comes within `margin` of the viewport, and keeps them
 * (scrolling back does not refetch). A grid of a hundred charts fetches and draws only what is seen.
 */
export function LazyMount({ height, margin = "200px", children }: { height: number; margin?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: margin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, margin]);
  if (seen) return <>{children}</>;
  return <div ref={ref} className="metric-grid-placeholder" style={{ height }} data-testid="chart-placeholder" />;
}
