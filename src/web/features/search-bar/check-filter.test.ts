import { describe, expect, it } from "vitest";
import { checkRunFilter, type FilterCheck } from "./check-filter.js";

type Failure = Extract<FilterCheck, { ok: false }>;
function failure(text: string): Failure {
  const check = checkRunFilter(text);
  if (check.ok) throw new Error(`${text} was accepted`);
  return check;
}
const underlined = (text: string) => {
  const check = failure(text);
  return text.slice(check.start, check.end);
};

describe("checkRunFilter", () => {
  it("accepts a valid filter", () => {
    expect(checkRunFilter("metrics.loss < 0.5 AND tags.team = 'vision'")).toEqual({ ok: true });
  });

  it("reads a word still being typed at the end as incomplete, underlining the word", () => {
    for (const [text, word] of [
      ["met", "met"],
      ["parameter", "parameter"],
      ["metrics", "metrics"],
      ["par", "par"],
      ["ta", "ta"],
      ["attr", "attr"],
      ["datas", "datas"],
      ["stat", "stat"],
      ["run_na", "run_na"],
      ["start", "start"],
      ["attributes.sta", "sta"],
      ["run.end", "end"],
      ["datasets.na", "na"],
      ["metrics.loss < 1 AND met", "met"],
      ["(stat", "stat"],
    ] as const) {
      const check = failure(text);
      expect(check.incomplete, text).toBeDefined();
      expect(underlined(text), text).toBe(word);
    }
    expect(failure("met").incomplete?.message).toBe("Unfinished name 'met': keep typing (metrics.).");
    expect(failure("metric").incomplete?.message).toBe("Unfinished name 'metric': keep typing (metrics.).");
    expect(failure("ru").incomplete?.message).toBe("Unfinished name 'ru': keep typing (run_id, run_name).");
    expect(failure("pa").incomplete?.message).toBe("Unfinished name 'pa': keep typing (params.).");
    expect(failure("stat").incomplete?.message).toContain("status");
    // The parser's own message stays available for when the user presses Enter anyway.
    expect(failure("met").message).toMatch(/Invalid attribute key 'met'/);
  });

  it("reads an open quote at the end as incomplete", () => {
    expect(failure("tags.team = 'vis").incomplete?.message).toBe("Unfinished string: close it with '.");
    expect(failure("attributes.`run na").incomplete?.message).toBe("Unfinished quoted key: close it with `.");
  });

  it("keeps reading something missing at the end as incomplete", () => {
    expect(failure("status").incomplete?.message).toMatch(/Expected a comparator/);
    expect(failure("metrics.loss < ").incomplete).toBeDefined();
    expect(failure("metrics.").incomplete).toBeDefined();
  });

  it("keeps real mistakes invalid", () => {
    for (const text of [
      "foo",
      "Met",
      "met ",
      "met AND status = 'x'",
      "foo.bar",
      "attributes.foo",
      "datasets.x",
      "name",
      "tags.team = sta",
      "tags.team == 'nlp'",
      "met = 1 AND status = 'x'",
    ]) {
      expect(failure(text).incomplete, text).toBeUndefined();
    }
  });
});
