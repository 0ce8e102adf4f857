import BetterSqlite3 from "better-sqlite3";
import { closeSync, openSync, readSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery, sql, type RawBuilder } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlExecutor } from "../sql/sql-executor.js";
import { SqliteExecutor } from "./sqlite-executor.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tracklet-executor-"));
  file = join(dir, "test.db");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const insert = CompiledQuery.raw("INSERT INTO t (v) VALUES (?)");
const write = (v: number) => (tx: SqlExecutor) => tx.runMany(insert, [[v]]);
const refuse = (v: number) => async (tx: SqlExecutor) => {
  await tx.runMany(insert, [[v]]);
  throw new Error(`refused ${v}`);
};

function values(executor: SqliteExecutor): number[] {
  return executor.withRawConnection((db) => (db.prepare("SELECT v FROM t ORDER BY v").all() as { v: number }[]).map((r) => r.v));
}

/** The WAL header's checkpoint sequence number, which SQLite increments each time the WAL restarts from its start. */
function walSequence(): number {
  const fd = openSync(`${file}-wal`, "r");
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}

describe("SqliteExecutor writes", () => {
  it("writes queued together commit together, and a refused one rolls back alone", async () => {
    const executor = new SqliteExecutor(file);
    try {
      executor.withRawConnection((db) => db.exec("CREATE TABLE t (v INTEGER)"));
      const outcomes = await Promise.allSettled([executor.write(write(1)), executor.write(refuse(2)), executor.write(write(3))]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(values(executor)).toEqual([1, 3]);
    } finally {
      await executor.close();
    }
  });

  it("a refused write on its own leaves nothing behind and the next write commits", async () => {
    const executor = new SqliteExecutor(file);
    try {
      executor.withRawConnection((db) => db.exec("CREATE TABLE t (v INTEGER)"));
      await expect(executor.write(refuse(1))).rejects.toThrow("refused 1");
      await executor.write(write(2));
      expect(values(executor)).toEqual([2]);
    } finally {
      await executor.close();
    }
  });

  it("under back-to-back writes the WAL restarts from its start instead of growing", async () => {
    const executor = new SqliteExecutor(file, { checkpoint: { intervalMs: 5, restartFrames: 64 } });
    try {
      executor.withRawConnection((db) => db.exec("CREATE TABLE t (v INTEGER, pad BLOB)"));
      const fill = CompiledQuery.raw("INSERT INTO t (v, pad) VALUES (?, randomblob(1000))");
      const rows = Array.from({ length: 20 }, (_, i) => [i]);
      await executor.write((tx) => tx.runMany(fill, rows));
      const first = walSequence();
      // Without the checkpointer holding the writer back, a passive checkpoint never finds every
      // frame copied at the start of a write, and the sequence number stays put.
      for (let i = 0; i < 5000 && walSequence() < first + 2; i++) await executor.write((tx) => tx.runMany(fill, rows));
      expect(walSequence()).toBeGreaterThanOrEqual(first + 2);
    } finally {
      await executor.close();
    }
  });
});

const statement = (executor: SqliteExecutor, query: RawBuilder<unknown>) => ({ compile: () => query.compile(executor.db) });

describe("SqliteExecutor.foreignWriteVersion", () => {
  it("moves when another connection commits, not for the executor's own commits", async () => {
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
