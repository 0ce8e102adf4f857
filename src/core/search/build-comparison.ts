import type { Comparator, Comparison, SourceSpan } from "./filter-node.js";
import type { ResolvedField } from "./resolve-field.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import { spanOf } from "./token-cursor.js";

/** The right-hand side as written; `buildComparison` decides whether it fits the field. */
export type RightHandSide =
  | { readonly kind: "number"; readonly value: number; readonly text: string; readonly span: SourceSpan }
  | { readonly kind: "string"; readonly value: string; readonly text: string; readonly span: SourceSpan }
  | { readonly kind: "list"; readonly items: readonly ListItem[]; readonly text: string; readonly span: SourceSpan }
  /** IS NULL / IS NOT NULL: nothing to compare with. */
  | { readonly kind: "none"; readonly text: string; readonly span: SourceSpan }
  /** Not a literal: a bare word, a backticked name, another field, or TRUE/FALSE/NULL. */
  | { readonly kind: "word" | "backtick" | "field" | "keyword"; readonly text: string; readonly span: SourceSpan };

export interface ListItem {
  readonly value: string;
  readonly span: SourceSpan;
}

export interface ComparatorUse {
  readonly value: Comparator;
  readonly span: SourceSpan;
}

/** Checks the comparator, then the value, against the field's rules (search-syntax.md §3, §4). */
export function buildComparison(field: ResolvedField, comparator: ComparatorUse, rhs: RightHandSide): Comparison {
  checkComparator(field, comparator);
  return {
    type: "comparison",
    entity: field.entity,
    key: field.key,
    comparator: comparator.value,
    value: checkValue(field, rhs),
    span: spanOf(field.span, rhs.span),
  };
}

function subjectOf(field: ResolvedField): string {
  return `${field.entity === "dataset" ? "dataset field" : field.entity} '${field.key}'`;
}

function checkComparator(field: ResolvedField, { value: op, span }: ComparatorUse): void {
  const { spec, entity } = field;
  if (spec.comparators.includes(op)) return;
  const subject = subjectOf(field);
  let reason: string;
  if (op === "IS NULL" || op === "IS NOT NULL") {
    reason = "IS NULL / IS NOT NULL is only supported for tags and params.";
  } else if ((op === "IN" || op === "NOT IN") && spec.listHint !== undefined) {
    reason = spec.listHint;
  } else if (spec.type === "number") {
    reason = `${subject} is numeric.`;
  } else {
    reason = `${subject} holds strings${entity === "param" ? " (params are always compared as strings, never as numbers)" : ""}.`;
  }
  const allowed = spec.comparators.join(", ");
  throw new SearchSyntaxError(`Invalid comparator '${op}' for ${subject}: ${reason} Use one of: ${allowed}.`, span);
}

function checkValue(field: ResolvedField, rhs: RightHandSide): Comparison["value"] {
  const subject = subjectOf(field);
  const fail = (message: string): never => {
    throw new SearchSyntaxError(message, rhs.span);
  };
  switch (rhs.kind) {
    case "none":
      return null;
    case "list":
      return field.spec.mlflowList === true ? mlflowListItems(rhs.items) : rhs.items.map((item) => item.value);
    case "number":
      if (field.spec.type === "number") return rhs.value;
      return fail(`Expected a quoted string value for ${subject}, found the number ${rhs.text}. Write '${rhs.text}'.`);
    case "string":
      if (field.spec.type === "string") return rhs.value;
      return fail(`Expected a numeric value for ${subject}, found the string ${rhs.text}. Numbers are written without quotes.`);
    case "keyword":
      if (rhs.text.toUpperCase() === "NULL") {
        return fail(
          field.spec.comparators.includes("IS NULL")
            ? `NULL is not a value. To find runs without ${subject}, write ${field.text} IS NULL (or IS NOT NULL).`
            : `NULL is not a value, and ${subject} cannot be tested for NULL.`,
        );
      }
      return fail(field.spec.type === "number" ? `Expected a numeric value for ${subject}, found ${rhs.text}.` : `Unquoted value ${rhs.text}: quote it, e.g. '${rhs.text.toLowerCase()}'.`);
    case "backtick":
      return fail(`Backticks quote keys, not values. Put the value for ${subject} in single or double quotes: '${rhs.text.slice(1, -1)}'.`);
    case "field":
      return fail(`The right side of a comparison must be a literal value, not another field ('${rhs.text}'). Comparing two fields is not supported.`);
    case "word":
      if (field.spec.type === "string") return fail(`Unquoted value '${rhs.text}' for ${subject}. Put string values in single or double quotes: '${rhs.text}'.`);
      return fail(`Expected a numeric value for ${subject}, found '${rhs.text}'.${/^(nan|inf|infinity)$/i.test(rhs.text) ? " NaN and infinity cannot be written in a filter." : ""}`);
  }
}

/**
 * MLflow reads run_id and dataset lists as a Python literal (backslashes would be escapes, so they
 * are refused here) and then silently drops items that are not all lower case (`str.islower()`).
 * Dropping them keeps the meaning identical: `run_id IN ('ABC')` matches nothing, as in MLflow.
 */
function mlflowListItems(items: readonly ListItem[]): string[] {
  for (const item of items) {
    if (item.value.includes("\\")) {
      throw new SearchSyntaxError(`Backslashes are not supported in this list (MLflow would read them as escape sequences): '${item.value}'.`, item.span);
    }
  }
  return items.map((item) => item.value).filter(isPythonLower);
}

/** Python's `str.islower()`: at least one cased character, and no upper- or title-case ones. */
function isPythonLower(value: string): boolean {
  return /\p{Ll}/u.test(value) && !/[\p{Lu}\p{Lt}]/u.test(value);
}
