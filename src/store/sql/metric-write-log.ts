/**
 * Which runs' metric rows this process has written, as a generation per run that grows after
 * each committed write (`touch`, called once the write transaction has resolved). With the
 * executor's `foreignWriteVersion` (writes by other connections) it tells a reader that a series
 * it counted is unchanged since, without counting it again (summary-step-sampler.ts).
 *
 * Touching after the commit is what makes it safe: a reader that takes the generation before it
 * counts either counted after the commit, or sees a newer generation on its next read.
 */
export class MetricWriteLog {
  private clock = 0;
  private readonly last = new Map<string, number>();

  touch(runId: string): void {
    this.last.set(runId, ++this.clock);
  }

  generation(runId: string): number {
    return this.last.get(runId) ?? 0;
  }
}
