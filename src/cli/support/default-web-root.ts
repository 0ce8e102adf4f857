import { fileURLToPath } from "node:url";

/** The built UI sits beside the compiled CLI: dist/web next to dist/node; TRACKLET_WEB_ROOT overrides it. */
export function defaultWebRoot(): string {
  return process.env.TRACKLET_WEB_ROOT ?? fileURLToPath(new URL("../../../../web", import.meta.url));
}
