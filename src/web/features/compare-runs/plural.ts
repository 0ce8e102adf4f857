import { formatCount } from "../../utils/format.js";

/** `1 run`, `2 runs`, `1,250 runs`: English plural by appending "s", enough for the nouns of this page. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}
