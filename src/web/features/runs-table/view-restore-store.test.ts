import { describe, expect, it } from "vitest";
import { createViewRestoreStore, type KeyValueStorage, type SavedView } from "./view-restore-store.js";

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  quota = Infinity;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const view = (scrollTop: number, change: Partial<SavedView> = {}): SavedView => ({
  url: "/experiments/1/runs",
  scrollTop,
  scrollLeft: 10,
  anchor: { runId: "run-a", offset: 4 },
  activeRunId: "run-b",
  expansion: { searchKey: "k", mode: "default", toggled: ["run-a"] },
  ...change,
});

describe("view restore store", () => {
  it("keeps a view per history entry", () => {
    const store = createViewRestoreStore(new MemoryStorage(), "views", 10);
    store.save("a", view(100));
    store.save("b", view(200));
    store.save("a", view(300));
    expect(store.read("a")).toEqual(view(300));
    expect(store.read("b")).toEqual(view(200));
    expect(store.read("c")).toBeUndefined();
  });

  it("survives a new store over the same storage (a reload)", () => {
    const storage = new MemoryStorage();
    createViewRestoreStore(storage, "views", 10).save("a", view(100));
    expect(createViewRestoreStore(storage, "views", 10).read("a")).toEqual(view(100));
  });

  it("is bounded: the least recently saved entries go first", () => {
    const storage = new MemoryStorage();
    const store = createViewRestoreStore(storage, "views", 3);
    for (const [i, key] of ["a", "b", "c", "d"].entries()) store.save(key, view(i));
    store.save("b", view(9));
    store.save("e", view(5));
    expect(["a", "b", "c", "d", "e"].map((k) => store.read(k)?.scrollTop)).toEqual([undefined, 9, undefined, 3, 5]);
    expect((JSON.parse(storage.getItem("views") ?? "[]") as unknown[]).length).toBe(3);
  });

  it("reads garbage as nothing, and fixes or drops malformed fields", () => {
    const storage = new MemoryStorage();
    const store = createViewRestoreStore(storage, "views", 10);
    storage.setItem("views", "{not json");
    expect(store.read("a")).toBeUndefined();
    storage.setItem("views", JSON.stringify([["a", { url: "/u", scrollTop: "5", scrollLeft: 0 }], "junk", ["b", { url: "/u", scrollTop: -3, scrollLeft: 2, anchor: { runId: 1 }, expansion: { searchKey: "k", mode: "sideways", toggled: [] } }]]));
    expect(store.read("a")).toBeUndefined();
    expect(store.read("b")).toEqual({ url: "/u", scrollTop: 0, scrollLeft: 2, anchor: undefined, activeRunId: undefined, expansion: undefined });
    store.save("c", view(1));
    expect(store.read("c")).toEqual(view(1));
  });

  it("does not fail without storage or over its quota, and keeps the newest entry if it can", () => {
    expect(() => createViewRestoreStore(undefined, "views", 10).save("a", view(1))).not.toThrow();
    const storage = new MemoryStorage();
    const store = createViewRestoreStore(storage, "views", 10);
    store.save("a", view(1));
    storage.quota = JSON.stringify([["b", view(2)]]).length;
    store.save("b", view(2));
    expect(store.read("b")).toEqual(view(2));
    expect(store.read("a")).toBeUndefined();
    storage.quota = 0;
    expect(() => store.save("c", view(3))).not.toThrow();
  });

  it("leaves out a very long list of one-by-one toggles", () => {
    const store = createViewRestoreStore(new MemoryStorage(), "views", 10);
    store.save("a", view(1, { expansion: { searchKey: "k", mode: "all", toggled: Array.from({ length: 5000 }, (_, i) => `r${i}`) } }));
    expect(store.read("a")).toEqual(view(1, { expansion: undefined }));
  });
});
