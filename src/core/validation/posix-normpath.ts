/** Python's posixpath.normpath, which MLflow uses to refuse names that alias other names. */
export function posixNormpath(path: string): string {
  if (path === "") return ".";
  const initialSlashes = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? 2 : 1) : 0;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== ".." || (initialSlashes === 0 && out.length === 0) || out[out.length - 1] === "..") out.push(part);
    else if (out.length > 0) out.pop();
  }
  const joined = "/".repeat(initialSlashes) + out.join("/");
  return joined === "" ? "." : joined;
}
