/** A run as `runDisplayNames` needs it. */
export interface NamedRun {
  readonly runId: string;
  readonly runName: string;
  /** The parent run's name (`mlflow.parentRunId`), when known: it tells apart the same-named children of two sweeps. */
  readonly parentName?: string | undefined;
}

/** Between a run's name and what tells it apart. */
export const NAME_SEPARATOR = " · ";
/** Characters of the run id shown to tell same-named runs apart (more while that is not enough). */
const SHORT_ID = 6;

/**
 * A name for each run, unique among `runs` (nested sweeps make many runs named `seed-0`): the run's
 * name where no other run has it; else `name · parent` where that is unique among the runs of that
 * name and no other run is called so; else `name · <id prefix>` (6 characters, more while two of
 * them share a prefix). Depends on the set, not on its order. Keyed by run id.
 */
export function runDisplayNames(runs: readonly NamedRun[]): Map<string, string> {
  const byName = new Map<string, NamedRun[]>();
  for (const run of runs) {
    const group = byName.get(run.runName);
    if (group) {
      if (!group.some((r) => r.runId === run.runId)) group.push(run);
    } else byName.set(run.runName, [run]);
  }
  const out = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      out.set((group[0] as NamedRun).runId, name);
      continue;
    }
    const withParent = (r: NamedRun): string | undefined => (r.parentName ? `${name}${NAME_SEPARATOR}${r.parentName}` : undefined);
    const parentCounts = new Map<string, number>();
    for (const r of group) {
      const label = withParent(r);
      if (label !== undefined) parentCounts.set(label, (parentCounts.get(label) ?? 0) + 1);
    }
    const needId: NamedRun[] = [];
    for (const r of group) {
      const label = withParent(r);
      // Unique among the same-named runs, and not some other run's own name.
      if (label !== undefined && parentCounts.get(label) === 1 && !byName.has(label)) out.set(r.runId, label);
      else needId.push(r);
    }
    const length = shortIdLength(needId.map((r) => r.runId));
    for (const r of needId) out.set(r.runId, `${name}${NAME_SEPARATOR}${r.runId.slice(0, length)}`);
  }
  return out;
}

/** The shortest prefix length (at least SHORT_ID) at which `ids` are all different. */
function shortIdLength(ids: readonly string[]): number {
  const longest = Math.max(0, ...ids.map((id) => id.length));
  for (let length = SHORT_ID; length < longest; length++) if (new Set(ids.map((id) => id.slice(0, length))).size === ids.length) return length;
  return longest;
}

/**
 * The runs whose names another run of `runs` has: only these need their parent's name
 * (`runDisplayNames`), so a caller can fetch the parents of these alone. Each id once.
 */
export function runsWithSharedNames(runs: readonly Pick<NamedRun, "runId" | "runName">[]): string[] {
  const counts = new Map<string, Set<string>>();
  for (const r of runs) counts.set(r.runName, (counts.get(r.runName) ?? new Set()).add(r.runId));
  return [...new Set(runs.filter((r) => (counts.get(r.runName)?.size ?? 0) > 1).map((r) => r.runId))];
}
