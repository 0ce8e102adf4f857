import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { Experiment } from "../../../core/index.js";
import { ExperimentRow } from "./experiment-row.js";

const ROW_HEIGHT = 36;

interface Props {
  experiments: readonly Experiment[];
  checked: ReadonlySet<string>;
  onCheckedChange: (next: ReadonlySet<string>) => void;
}

/** A virtualised list: servers with 20,000 experiments render as fast as ones with 20. */
export function ExperimentList({ experiments, checked, onCheckedChange }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: experiments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onCheckedChange(next);
  };

  return (
    <div className="experiment-list" role="table" aria-label="Experiments" aria-rowcount={experiments.length + 1}>
      <div className="experiment-grid experiment-header" role="row">
        <span role="columnheader">
          <span className="visually-hidden">Select</span>
        </span>
        <span role="columnheader">Name</span>
        <span role="columnheader">ID</span>
        <span role="columnheader">Created</span>
        <span role="columnheader">Last updated</span>
        <span role="columnheader">Artifact location</span>
        <span role="columnheader">
          <span className="visually-hidden">Actions</span>
        </span>
      </div>
      <div className="experiment-scroll" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const experiment = experiments[item.index];
            if (!experiment) return null;
            return (
              <ExperimentRow
                key={experiment.experiment_id}
                experiment={experiment}
                checked={checked.has(experiment.experiment_id)}
                onToggle={() => toggle(experiment.experiment_id)}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
