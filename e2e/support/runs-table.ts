import { expect, type Locator, type Page } from "@playwright/test";

/** Page helpers for the runs table, shared by the specs that drive it. */
export const runRows = (page: Page): Locator => page.getByTestId("run-row");

export const runRow = (page: Page, name: string): Locator => runRows(page).filter({ has: page.getByRole("link", { name, exact: true }) });

/** The text of a cell of the row, by column id (e.g. `tags.team`). */
export const cell = (row: Locator, columnId: string): Locator => row.locator(`[data-column-id="${columnId}"]`);

/** Waits until the last page of the current search has arrived. */
export async function waitAllLoaded(page: Page): Promise<void> {
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-state", "complete", { timeout: 15_000 });
}

/** Names of the rendered rows in display order (virtualised: only rows near the viewport). */
export async function renderedRunNames(page: Page, options: { topLevelOnly?: boolean } = {}): Promise<string[]> {
  return page.getByTestId("runs-grid").evaluate((grid, topLevelOnly) => {
    const rows = [...grid.querySelectorAll<HTMLElement>('[data-testid="run-row"]')]
      .filter((r) => !topLevelOnly || r.getAttribute("aria-level") === "1")
      .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")));
    return rows.map((r) => r.querySelector(".run-link")?.textContent ?? "");
  }, options.topLevelOnly ?? false);
}

export async function applyFilter(page: Page, filter: string): Promise<void> {
  const box = page.getByLabel("Filter runs");
  await box.fill(filter);
  await box.press("Enter");
}

/**
 * Scrolls the virtualised grid from the top until the row of run `name` is rendered. Each step waits
 * for two frames, so the rows of a position are rendered before the next step moves past them, and
 * a pass that reaches the end without the row starts over once (rows that arrive late, such as a
 * filter's ancestors shown as context, move the others down while the grid scrolls).
 */
export async function scrollToRow(page: Page, name: string): Promise<Locator> {
  const row = runRow(page, name);
  const grid = page.getByTestId("runs-grid");
  for (let pass = 0; pass < 2; pass++) {
    await grid.evaluate((el) => (el.scrollTop = 0));
    for (let step = 0; step < 200; step++) {
      if ((await row.count()) > 0) return row;
      const atEnd = await grid.evaluate(async (el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollTop += el.clientHeight * 0.8;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return end;
      });
      if (atEnd && (await row.count()) === 0) break;
    }
  }
  await expect(row).toHaveCount(1);
  return row;
}

/** The header cell of a column, by column id (e.g. `metrics.loss`, `attributes.run_name`). */
export const headerCell = (page: Page, columnId: string): Locator => page.locator(`[role="columnheader"][data-column-id="${columnId}"]`);

/** The resize handle on the right edge of a column's header. */
export const resizeHandle = (page: Page, columnId: string): Locator => headerCell(page, columnId).getByRole("separator");

export async function boxWidth(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not rendered");
  return box.width;
}

/** Drags a column's resize handle by `dx` px with the mouse, in `steps` moves. */
export async function dragColumnEdge(page: Page, columnId: string, dx: number, steps = 12): Promise<void> {
  const box = await resizeHandle(page, columnId).boundingBox();
  if (!box) throw new Error(`no resize handle for ${columnId}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps });
  await page.mouse.up();
}

/** The name of the first row that shows under the grid's sticky header. */
export async function firstVisibleRunName(page: Page): Promise<string> {
  return page.getByTestId("runs-grid").evaluate((grid) => {
    const header = grid.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]');
    const below = (header?.getBoundingClientRect().bottom ?? grid.getBoundingClientRect().top) + 1;
    const rows = [...grid.querySelectorAll<HTMLElement>('[data-testid="run-row"]')]
      .filter((r) => r.getBoundingClientRect().bottom > below)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return rows[0]?.querySelector(".run-link")?.textContent ?? "";
  });
}
