import type { MouseEvent } from "react";
import { describe, expect, it } from "vitest";
import { followInApp } from "./follow-in-app.js";

/** A click on `<a href=…>` as React hands it over, recording what the handler does. */
function click(init: Partial<{ button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; target: string; href: string | null; defaultPrevented: boolean }> = {}) {
  const attributes: Record<string, string | null> = { href: init.href === undefined ? "/experiments/1/runs/abc" : init.href, target: init.target ?? null };
  const seen = { prevented: false, navigatedTo: [] as string[] };
  const event = {
    button: init.button ?? 0,
    metaKey: init.metaKey ?? false,
    ctrlKey: init.ctrlKey ?? false,
    shiftKey: init.shiftKey ?? false,
    altKey: init.altKey ?? false,
    defaultPrevented: init.defaultPrevented ?? false,
    currentTarget: { getAttribute: (name: string) => attributes[name] ?? null },
    preventDefault: () => {
      seen.prevented = true;
    },
  } as unknown as MouseEvent<HTMLAnchorElement>;
  followInApp(event, (to) => {
    seen.navigatedTo.push(typeof to === "string" ? to : JSON.stringify(to));
    return undefined;
  });
  return seen;
}

describe("followInApp", () => {
  it("navigates in the app on a plain left click, instead of loading the page", () => {
    expect(click()).toEqual({ prevented: true, navigatedTo: ["/experiments/1/runs/abc"] });
  });

  it.each([
    ["middle button", { button: 1 }],
    ["ctrl (new tab)", { ctrlKey: true }],
    ["meta (new tab on macOS)", { metaKey: true }],
    ["shift (new window)", { shiftKey: true }],
    ["alt (download)", { altKey: true }],
    ["another target", { target: "_blank" }],
    ["a handler that already took it", { defaultPrevented: true }],
    ["no href", { href: null }],
  ])("leaves the click to the browser: %s", (_name, init) => {
    expect(click(init)).toEqual({ prevented: false, navigatedTo: [] });
  });
});
