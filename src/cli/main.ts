import { runCli } from "./run-cli.js";

// Long-running commands (server, ui) resolve once listening; the open server keeps the process alive.
process.exitCode = await runCli(process.argv.slice(2));
