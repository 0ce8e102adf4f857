import { expect, test, type Page } from "@playwright/test";
import { BASE_TIME, createExperiment, createRun, mapLimit } from "./support/generators.js";
import { recordRunSearches } from "./support/network.js";

/**
 * Value autocomplete asks the server. 405 runs: the newest 400 carry common values, and the 5
 * oldest the only `vintage` team and `adamw-rare` optimizer, beyond what the table loads by itself
 * (a first page of 100, then one of 250 a second later).
 */
let experimentId = "";
const RUNS = 405;
const RARE = 5;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  experimentId = (await createExperiment()).id;
  await mapLimit(
    Array.from({ length: RUNS }, (_, i) => i),
    8,
    (i) => {
      const rare = i >= RUNS - RARE;
      return createRun(experimentId, {
        name: `sv-${String(i).padStart(3, "0")}`,
        startTime: BASE_TIME + 1_000_000 - i * 1000,
        params: [{ key: "optimizer", value: rare ? "adamw-rare" : (["adam", "sgd"][i % 2] ?? "adam") }],
        tags: [{ key: "team", value: rare ? "vintage" : (["vision", "nlp", "speech"][i % 3] ?? "vision") }],
      });
    },
  );
});

const options = (page: Page) => page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
const valueSearches = (bodies: Record<string, unknown>[]) => bodies.filter((b) => typeof b.filter === "string" && b.filter.includes("ILIKE"));

/** The table with its automatic pages in, and more on the server. */
async function openTable(page: Page): Promise<void> {
  await page.goto(`/experiments/${experimentId}/runs`);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "350", { timeout: 15_000 });
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-state", "more");
}

test("a tag value that only runs beyond the loaded pages have is suggested from the server", async ({ page }) => {
  const searches = recordRunSearches(page);
  await openTable(page);
  const box = page.getByLabel("Filter runs");
  await box.click();
  await box.pressSequentially("tags.team = 'vi");
  // The loaded runs' value at once, the server's as it comes; typing was never held up.
  await expect(options(page).first()).toHaveText("vision");
  await expect(options(page).filter({ hasText: "vintage" })).toBeVisible();
  await expect(box).toHaveValue("tags.team = 'vi");

  const asked = valueSearches(searches.bodies);
  // Asked after a pause in typing, not per key: only for what the value was at a pause (a loaded
  // machine may pause after the quote or the 'v' too), and last for 'vi'.
  const firstRounds = asked.filter((b) => typeof b.filter === "string" && !b.filter.includes("!=")).map((b) => b.filter);
  expect(firstRounds.at(-1)).toBe("tags.`team` ILIKE 'vi%'");
  for (const filter of firstRounds) expect(["tags.`team` ILIKE '%'", "tags.`team` ILIKE 'v%'", "tags.`team` ILIKE 'vi%'"]).toContain(filter);
  const vi = asked.filter((b) => typeof b.filter === "string" && b.filter.startsWith("tags.`team` ILIKE 'vi%'"));
  expect(vi[0]).toMatchObject({ experiment_ids: [experimentId], run_view_type: "ACTIVE_ONLY", filter: "tags.`team` ILIKE 'vi%'" });
  // The first round found 'vision' only, so the second leaves it out.
  expect(vi[1]?.filter).toBe("tags.`team` ILIKE 'vi%' AND tags.`team` != 'vision'");
  for (const body of asked) expect(Number(body.max_results)).toBeLessThanOrEqual(100);

  await options(page).filter({ hasText: "vintage" }).click();
  await expect(box).toHaveValue("tags.team = 'vintage' ");
  await box.press("Enter");
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", String(RARE));
});

test("param values come from the server too, and an answer for an older prefix does not replace the newer one", async ({ page }) => {
  await openTable(page);
  // The answer for 'a' comes late, after the one for 'adamw', and says there are no values: were it
  // to replace the newer answer, the list would empty.
  let answerLate: () => void = () => undefined;
  const late = new Promise<void>((resolve) => (answerLate = resolve));
  await page.route("**/runs/search", async (route) => {
    const filter = (route.request().postDataJSON() as { filter?: string } | null)?.filter ?? "";
    if (!filter.startsWith("params.`optimizer` ILIKE 'a%'")) return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ json: { runs: [] } });
    answerLate();
  });
  const box = page.getByLabel("Filter runs");
  await box.click();
  await box.pressSequentially("params.optimizer = 'a");
  await page.waitForTimeout(400);
  await box.pressSequentially("damw");
  await expect(options(page)).toHaveText(["adamw-rare"]);
  await late;
  await page.waitForTimeout(200);
  await expect(options(page)).toHaveText(["adamw-rare"]);
  await box.press("Backspace");
  await box.press("Backspace");
  await expect(options(page)).toHaveText(["adam", "adamw-rare"]);
});
