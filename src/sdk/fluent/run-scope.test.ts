import { describe, expect, it } from "vitest";
import type { ActiveRun } from "./active-run.js";
import { enterScope, isolate, lastEndedScope, visibleScope, type RunScope } from "./run-scope.js";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

/** What startRun does, minus the server: enter the scope synchronously, be ready after some I/O. */
async function start(name: string, implicit = false): Promise<RunScope> {
  const scope = enterScope(visibleScope(), implicit);
  await tick();
  scope.run = { runId: name } as ActiveRun;
  return scope;
}

const activeName = (): string | undefined => visibleScope()?.run?.runId;

describe("run scopes", () => {
  it("a started run is active for the rest of the starting function, and not after it ended", async () => {
    await isolate(async () => {
      const scope = await start("a");
      expect(activeName()).toBe("a");
      await tick();
      expect(activeName()).toBe("a");
      scope.ended = true;
      expect(activeName()).toBeUndefined();
      expect(lastEndedScope()?.run?.runId).toBe("a");
    });
  });

  it("sibling tasks started in one go each get their own run under the parent", async () => {
    await isolate(async () => {
      const parent = await start("parent");
      const seen = await Promise.all(
        ["x", "y", "z"].map(async (name) => {
          const scope = await start(name);
          const parentName = scope.parent?.run?.runId;
          await tick();
          const active = activeName();
          scope.ended = true;
          return { parentName, active };
        }),
      );
      expect(seen).toEqual(["x", "y", "z"].map((name) => ({ parentName: "parent", active: name })));
      expect(activeName()).toBe("parent");
      parent.ended = true;
    });
  });

  it("the starting stretch of code does not see a sibling's run", async () => {
    await isolate(async () => {
      const tasks = [start("x"), start("y")];
      expect(activeName()).toBeUndefined();
      const [x, y] = await Promise.all(tasks);
      expect([x?.parent, y?.parent]).toEqual([undefined, undefined]);
      for (const s of [x, y]) if (s) s.ended = true;
    });
  });

  it("un-awaited logging calls in one stretch share the implicit run the first one started", async () => {
    await isolate(async () => {
      const first = enterScope(visibleScope(), true);
      expect(visibleScope()).toBe(first);
      first.ended = true;
      await tick();
    });
  });

  it("isolate keeps a run started inside from leaking out", async () => {
    await isolate(async () => {
      const outer = await start("outer");
      let inner: RunScope | undefined;
      const done = isolate(async () => {
        inner = await start("inner");
        expect(activeName()).toBe("inner");
      });
      await tick();
      expect(activeName()).toBe("outer");
      await done;
      expect(inner?.parent).toBe(outer);
      expect(activeName()).toBe("outer");
      outer.ended = true;
    });
  });
});
