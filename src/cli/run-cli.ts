import { Command, CommanderError } from "commander";
import { MlflowError } from "../core/index.js";
import { registerExperimentsCommand } from "./commands/experiments-command.js";
import { registerRunsCommand } from "./commands/runs-command.js";
import { registerServerCommand } from "./commands/server-command.js";
import { registerUiCommand } from "./commands/ui-command.js";
import { processIo, type CliIo } from "./support/cli-io.js";

/** Exit codes: 0 success, 1 the command failed, 2 the command line was wrong (as click-based MLflow). */
export const ExitCode = { OK: 0, FAILED: 1, USAGE: 2 } as const;

export function createProgram(io: CliIo = processIo): Command {
  const program = new Command();
  program
    .name("tracklet")
    .description("Tracklet: an MLflow-compatible tracking server, UI and CLI")
    // `-h` stays free for `--host`, as in `mlflow server`.
    .helpOption("--help", "show help")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showSuggestionAfterError();
  // Subcommands copy these settings when created, so they are set first.
  registerServerCommand(program);
  registerUiCommand(program);
  registerExperimentsCommand(program, io);
  registerRunsCommand(program, io);
  return program;
}

function describe(error: unknown): string {
  if (error instanceof MlflowError && error.errorCode === "TEMPORARILY_UNAVAILABLE") {
    return `${error.message}\nIs the tracking server running? Set it with --tracking-uri or MLFLOW_TRACKING_URI.`;
  }
  if (error instanceof MlflowError) return `${error.message} (${error.errorCode})`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs one command line (without `node` and the script); resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: "user" });
    return ExitCode.OK;
  } catch (error) {
    // Commander has already printed its message (usage errors) or the help text.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    io.err(`error: ${describe(error)}\n`);
    return ExitCode.FAILED;
  }
}
