/**
 * Renders a response the way MLflow's protobuf JSON does: empty lists and unset fields are
 * omitted, NaN and ±Infinity become the strings "NaN", "Infinity" and "-Infinity" (JSON has no
 * tokens for them), and int64 values stay JSON numbers.
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, protoJsonReplacer);
}

function protoJsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return value;
  }
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}
