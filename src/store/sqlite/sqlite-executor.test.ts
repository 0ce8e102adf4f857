import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type RawBuilder } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteExecutor } from "./sqlite-executor.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "tracklet-executor-"));
  dirs.push(dir);
  return join(dir, "db.sqlite");
}

const statement = (executor: SqliteExecutor, query: RawBuilder<unknown>) => ({ compile: () => query.compile(executor.db) });

describe("SqliteExecutor.foreignWriteVersion", () => {
  it("moves when another connection commits, not for the executor's own commits", async () => {
    const file = fileDb();
    const executor = new SqliteExecutor(file);
    try {
      await executor.run(statement(executor, sql`CREATE TABLE t (x INTEGER)`));
      const start = executor.foreignWriteVersion();
      await executor.run(statement(executor, sql`INSERT INTO t VALUES (1)`));
      await executor.write(async (tx) => void (await tx.run(statement(executor, sql`INSERT INTO t VALUES (2)`))));
      expect(executor.foreignWriteVersion()).toBe(start);

      const other = new BetterSqlite3(file);
      try {
        other.prepare("INSERT INTO t VALUES (3)").run();
      } finally {
        other.close();
      }
      const afterForeign = executor.foreignWriteVersion();
      expect(afterForeign).not.toBe(start);
      expect(executor.foreignWriteVersion()).toBe(afterForeign);
    } finally {
      await executor.close();
    }
  });
});
