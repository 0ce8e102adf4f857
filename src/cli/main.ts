import { Command } from "commander";
import { registerServerCommand } from "./commands/server-command.js";

const program = new Command();
program.name("tracklet").description("Tracklet: an MLflow-compatible tracking server, UI and CLI").helpOption("--help", "show help");
registerServerCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
