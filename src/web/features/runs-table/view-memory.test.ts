import { describe, expect, it } from "vitest";
import { createViewMemory, experimentSetKey } from "./view-memory.js";

function fakeStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe("view memory", () => {
  it("remembers columns, sort and widths per experiment set", () => {
    const storage = fakeStorage();
    const memory = createViewMemory(storage, "views", 10);
    memory.remember(experimentSetKey(["2", "1"]), { columns: ["metrics.loss", "params.lr"], sort: { columnId: "metrics.loss", direction: "DESC" }, widths: { "metrics.loss": 200 } });
    expect(memory.read("1,2")).toEqual({ columns: ["metrics.loss", "params.lr"], sort: { columnId: "metrics.loss", direction: "DESC" }, widths: { "metrics.loss": 200 } });
    expect(memory.read("1")).toBeUndefined();
  });

  it("keeps an explicit empty choice apart from no choice", () => {
    const memory = createViewMemory(fakeStorage(), "views", 10);
    memory.remember("1", { columns: [], sort: undefined, widths: {} });
    expect(memory.read("1")).toEqual({ columns: [], sort: undefined, widths: {} });
    memory.forget("1");
    expect(memory.read("1")).toBeUndefined();
  });

  it("keeps the most recent sets only and survives garbage", () => {
    const storage = fakeStorage();
    const memory = createViewMemory(storage, "views", 2);
    for (const id of ["1", "2", "3"]) memory.remember(id, { columns: [`metrics.m${id}`], sort: undefined, widths: {} });
    expect(memory.read("1")).toBeUndefined();
    expect(memory.read("3")?.columns).toEqual(["metrics.m3"]);
    storage.setItem("views", "{not json");
    expect(memory.read("3")).toBeUndefined();
    storage.setItem("views", JSON.stringify([["4", "c=bogus&c=metrics.ok&w=9999.metrics.ok"]]));
    expect(memory.read("4")).toEqual({ columns: ["metrics.ok"], sort: undefined, widths: { "metrics.ok": 800 } });
  });

  it("works without storage", () => {
    const memory = createViewMemory(undefined, "views", 2);
    memory.remember("1", { columns: ["metrics.a"], sort: undefined, widths: {} });
    expect(memory.read("1")).toBeUndefined();
  });
});
