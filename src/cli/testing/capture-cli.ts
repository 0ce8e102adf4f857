import { runCli } from "../run-cli.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `tracklet` command line in-process and captures what it prints. */
export async function captureCli(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
