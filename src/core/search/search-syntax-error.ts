import { MlflowError } from "../errors/mlflow-error.js";
import type { SourceSpan } from "./filter-node.js";

/**
 * A filter or order_by string that cannot be accepted. Always INVALID_PARAMETER_VALUE (HTTP 400),
 * with the span of the offending token so the UI can underline it. A span with `start === end`
 * marks the place where something is missing (for example the end of the input).
 */
export class SearchSyntaxError extends MlflowError {
  readonly position: SourceSpan;

  constructor(message: string, position: SourceSpan) {
    super("INVALID_PARAMETER_VALUE", message);
    this.position = { start: position.start, end: position.end };
  }
}
