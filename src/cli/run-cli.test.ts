import { describe, expect, it } from "vitest";
import { captureCli } from "./testing/capture-cli.js";

const COMMANDS = [
  [],
  ["server"],
  ["ui"],
  ["experiments"],
  ["experiments", "create"],
  ["experiments", "search"],
  ["experiments", "rename"],
  ["experiments", "delete"],
  ["experiments", "restore"],
  ["runs"],
  ["runs", "list"],
  ["runs", "describe"],
  ["runs", "delete"],
  ["runs", "restore"],
];

describe("tracklet --help", () => {
  it.each(COMMANDS.map((c) => [c.join(" ") || "(program)", c] as const))("%s --help prints usage and exits 0", async (_name, command) => {
    const { code, stdout, stderr } = await captureCli(...command, "--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(new RegExp(`^Usage: tracklet${command.length ? ` ${command.join(" ")}` : ""} `));
    expect(stdout).toContain("--help");
  });

  it("lists every command at the top level", async () => {
    const { stdout } = await captureCli("--help");
    for (const name of ["server", "ui", "experiments", "runs"]) expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
  });

  it("keeps -h for --host on server and ui", async () => {
    expect((await captureCli("server", "--help")).stdout).toMatch(/-h, --host <host>/);
    expect((await captureCli("ui", "--help")).stdout).toMatch(/-h, --host <host>/);
  });

  it("documents --tracking-uri and --json on the experiments and runs commands", async () => {
    for (const command of COMMANDS.filter((c) => c.length === 2 && c[0] !== "ui")) {
      const { stdout } = await captureCli(...command, "--help");
      expect(stdout, command.join(" ")).toContain("--tracking-uri <uri>");
      expect(stdout, command.join(" ")).toContain("--json");
    }
  });
});

describe("bad command lines exit 2 with a message", () => {
  it.each([
    [["nope"], /unknown command 'nope'/],
    [["experiments", "create"], /required option '-n, --experiment-name <name>' not specified/],
    [["experiments", "create", "-n", "x", "--bogus"], /unknown option '--bogus'/],
    [["experiments", "search", "--max-results", "0"], /option '--max-results <n>' argument '0' is invalid. must be a positive integer/],
    [["experiments", "search", "--view", "some"], /must be one of active_only, deleted_only, all/],
    [["experiments", "rename", "-x", "1"], /required option '--new-name <name>' not specified/],
    [["runs", "describe"], /required option '-r, --run-id <id>' not specified/],
    [["runs", "list", "--experiment-id"], /option '-x, --experiment-id <id>' argument missing/],
    [["experiments"], /Usage: tracklet experiments/],
  ] as const)("%j", async (argv, message) => {
    const previous = process.env.MLFLOW_EXPERIMENT_ID;
    delete process.env.MLFLOW_EXPERIMENT_ID;
    try {
      const { code, stdout, stderr } = await captureCli(...argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    } finally {
      if (previous !== undefined) process.env.MLFLOW_EXPERIMENT_ID = previous;
    }
  });

  it("an unusable --backend-uri or --port fails with exit 1", async () => {
    expect(await captureCli("ui", "--backend-uri", "ftp://host")).toMatchObject({ code: 1, stderr: expect.stringMatching(/expected an http:\/\/ or https:\/\/ tracking server/) as unknown });
    expect(await captureCli("ui", "--backend-uri", "http://127.0.0.1:1", "--port", "99999")).toMatchObject({ code: 1, stderr: "error: Invalid --port: 99999\n" });
  });
});
