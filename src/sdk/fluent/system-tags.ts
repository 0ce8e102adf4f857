import { userInfo } from "node:os";
import { resolve } from "node:path";
import { SystemTags } from "../../core/index.js";
import { findGitCommit } from "./git-commit.js";

/** Python's getpass.getuser(): the login environment variables first, then the password database. */
export function currentUser(): string {
  for (const name of ["LOGNAME", "USER", "LNAME", "USERNAME"]) {
    const value = process.env[name];
    if (value) return value;
  }
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

let cached: Promise<Record<string, string>> | undefined;

/**
 * The context tags MLflow's fluent API sets on every run it starts: user, source (the entry
 * script, type LOCAL) and the git commit of the repository holding that script. Computed once.
 */
export function systemRunTags(): Promise<Record<string, string>> {
  cached ??= (async () => {
    const entry = process.argv[1] ? resolve(process.argv[1]) : undefined;
    const tags: Record<string, string> = {
      [SystemTags.USER]: currentUser(),
      [SystemTags.SOURCE_NAME]: entry ?? "<console>",
      [SystemTags.SOURCE_TYPE]: "LOCAL",
    };
    const commit = entry ? await findGitCommit(entry) : undefined;
    if (commit) tags[SystemTags.GIT_COMMIT] = commit;
    return tags;
  })();
  return cached;
}
