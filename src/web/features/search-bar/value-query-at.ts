import { describeSearchPosition } from "../../../core/search/index.js";

/** A tag or param value being typed: what the box may ask the server to complete. */
export interface ValueQuery {
  entity: "tag" | "param";
  key: string;
  /** What has been typed of the value, without its opening quote. */
  prefix: string;
}

/** The tag/param value being typed at `caret` (after `=`, `!=`, LIKE, ILIKE or inside IN (…)), if any. */
export function valueQueryAt(text: string, caret: number): ValueQuery | undefined {
  const at = describeSearchPosition(text, caret);
  if (at.context !== "value" || (at.entity !== "tag" && at.entity !== "param") || at.key === undefined) return undefined;
  return { entity: at.entity, key: at.key, prefix: at.prefix };
}

export function sameValueQuery(a: ValueQuery | undefined, b: ValueQuery | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.entity === b.entity && a.key === b.key && a.prefix === b.prefix);
}
