import { MlflowError } from "../errors/mlflow-error.js";

/**
 * A small schema language for MLflow request messages. It parses a JSON body or a query string
 * the way MLflow's protobuf layer does (int64 as number or numeric string, enums by name or
 * number, repeated query keys), but refuses ill-typed input with INVALID_PARAMETER_VALUE where
 * MLflow 3.6.1 silently coerced it (rest-api.md §9).
 */
type Presence = "optional" | "required" | "defaulted";
type ParseFn<T> = (value: unknown, path: string, fromQuery: boolean) => T;

export class Field<T, P extends Presence = "optional"> {
  constructor(
    readonly typeName: string,
    readonly parseValue: ParseFn<T>,
    readonly presence: P,
    readonly defaultValue: T | undefined = undefined,
    readonly aliases: readonly string[] = [],
    readonly isList = false,
    readonly shape: Shape | undefined = undefined,
  ) {}

  required(): Field<T, "required"> {
    return new Field(this.typeName, this.parseValue, "required", undefined, this.aliases, this.isList, this.shape);
  }

  default(value: T): Field<T, "defaulted"> {
    return new Field(this.typeName, this.parseValue, "defaulted", value, this.aliases, this.isList, this.shape);
  }

  /** Another wire name for the same field (MLflow's `run_uuid` for `run_id`). */
  alias(name: string): Field<T, P> {
    return new Field(this.typeName, this.parseValue, this.presence, this.defaultValue, [...this.aliases, name], this.isList, this.shape);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: any Field may sit in a shape
export type AnyField = Field<any, Presence>;
export type Shape = Readonly<Record<string, AnyField>>;

type FieldValue<F> = F extends Field<infer T, Presence> ? T : never;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Field<unknown, "optional"> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] };
/** The parsed TypeScript type of a message shape. */
export type Infer<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: FieldValue<S[K]> } & { [K in OptionalKeys<S>]?: FieldValue<S[K]> }
>;

type InputKeys<S extends Shape> = { [K in keyof S]: S[K] extends Field<unknown, "required"> ? K : never }[keyof S];
/** What a caller must send: fields with a default may be left out. */
export type InferInput<S extends Shape> = Simplify<
  { [K in InputKeys<S>]: FieldValue<S[K]> } & { [K in Exclude<keyof S, InputKeys<S>>]?: FieldValue<S[K]> }
>;

const STRING_TYPE = "a string";
const SUFFIX = " See the API docs for more information about request parameters.";

const PYTHON_TYPE_NAMES: Readonly<Record<string, string>> = { string: "str", boolean: "bool", object: "dict" };

function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return PYTHON_TYPE_NAMES[typeof value] ?? typeof value;
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

export function invalidValue(path: string, value: unknown, expected: string): MlflowError {
  return MlflowError.invalidParameter(
    `Invalid value ${shown(value)} for parameter '${path}' supplied. Hint: Value was of type '${pythonTypeName(value)}', expected ${expected}.${SUFFIX}`,
  );
}

export function missingValue(path: string): MlflowError {
  return MlflowError.invalidParameter(`Missing value for required parameter '${path}'.${SUFFIX}`);
}

// The largest int64 a double holds exactly enough to compare against (2^63).
const INT64_MAX = 2 ** 63;
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseInteger(min: number, max: number, typeName: string): ParseFn<number> {
  return (value, path) => {
    let n: number | undefined;
    if (typeof value === "number") n = value;
    else if (typeof value === "string" && INTEGER_TEXT.test(value.trim())) n = Number(value.trim());
    if (n === undefined || !Number.isInteger(n) || n < min || n > max) throw invalidValue(path, value, typeName);
    return n;
  };
}

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, inf: Infinity, "-inf": -Infinity };

export const f = {
  string: (): Field<string> =>
    new Field(STRING_TYPE, (value, path) => {
      if (typeof value !== "string") throw invalidValue(path, value, STRING_TYPE);
      return value;
    }, "optional"),

  /** Experiment ids: strings on the wire, but older clients send integers. */
  id: (): Field<string> =>
    new Field("an id string", (value, path) => {
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
      throw invalidValue(path, value, "an id string");
    }, "optional"),

  int64: (): Field<number> => new Field("a 64-bit integer", parseInteger(-INT64_MAX, INT64_MAX, "a 64-bit integer"), "optional"),
  int32: (): Field<number> => new Field("a 32-bit integer", parseInteger(-2147483648, 2147483647, "a 32-bit integer"), "optional"),

  double: (): Field<number> =>
    new Field("a number", (value, path) => {
      if (typeof value === "number") return value;
      if (typeof value === "string") {
        const special = SPECIAL_DOUBLES[value];
        if (special !== undefined) return special;
        if (NUMBER_TEXT.test(value.trim())) return Number(value.trim());
      }
      throw invalidValue(path, value, "a number");
    }, "optional"),

  bool: (): Field<boolean> =>
    new Field("a boolean", (value) => {
      if (typeof value === "boolean") return value;
      if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
      throw MlflowError.invalidParameter(`Invalid boolean value: ${shown(value)}, must be 'true' or 'false'.`);
    }, "optional"),

  enumOf: <const E extends string>(names: readonly E[], numbers: Readonly<Record<number, E>>): Field<E> =>
    new Field(`one of ${names.join(", ")}`, (value, path) => {
      if (typeof value === "string" && (names as readonly string[]).includes(value)) return value as E;
      const n = typeof value === "number" ? value : typeof value === "string" && INTEGER_TEXT.test(value) ? Number(value) : NaN;
      const byNumber = numbers[n];
      if (byNumber !== undefined) return byNumber;
      throw invalidValue(path, value, `one of ${names.join(", ")}`);
    }, "optional"),

  list: <T>(item: Field<T, Presence>): Field<T[]> =>
    new Field(`a list`, (value, path, fromQuery) => {
      if (!Array.isArray(value)) throw invalidValue(path, value, `a list of ${item.typeName}`);
      return value.map((v: unknown, i) => {
        const itemPath = `${path}[${i}]`;
        if (v === null || v === undefined) throw invalidValue(itemPath, v, item.typeName);
        return item.parseValue(v, itemPath, fromQuery);
      });
    }, "optional", undefined, [], true),

  message: <S extends Shape>(shape: S): Field<Infer<S>> =>
    new Field("an object", (value, path, fromQuery) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidValue(path, value, "an object");
      return parseFields(shape, value as Record<string, unknown>, `${path}.`, fromQuery);
    }, "optional", undefined, [], false, shape),
};

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function parseFields<S extends Shape>(shape: S, source: Record<string, unknown>, prefix: string, fromQuery: boolean): Infer<S> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    let raw = source[name];
    for (const alias of field.aliases) if (isMissing(raw)) raw = source[alias];
    const path = `${prefix}${name}`;
    if (isMissing(raw)) {
      if (field.presence === "required") throw missingValue(path);
      if (field.presence === "defaulted") out[name] = field.defaultValue;
      else if (raw === "" && field.typeName === STRING_TYPE) out[name] = "";
      continue;
    }
    out[name] = field.parseValue(raw, path, fromQuery);
  }
  return out as Infer<S>;
}

/** Parses a JSON request body (already decoded) against a message shape. */
export function parseJsonMessage<S extends Shape>(shape: S, body: unknown): Infer<S> {
  let value = body;
  // Old MLflow clients double-encode: a JSON string holding the JSON object.
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw MlflowError.invalidParameter("Request body must be a JSON object.");
    }
  }
  if (value === undefined || value === null) value = {};
  if (typeof value !== "object" || Array.isArray(value)) throw MlflowError.invalidParameter("Request body must be a JSON object.");
  return parseFields(shape, value as Record<string, unknown>, "", false);
}

export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Parses a GET query string: repeated keys (and `key[]`) form lists; scalars take the first value. */
export function parseQueryMessage<S extends Shape>(shape: S, query: QueryParams): Infer<S> {
  const source: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    for (const wireName of [name, ...field.aliases]) {
      const raw = query[wireName] ?? query[`${wireName}[]`];
      if (raw === undefined) continue;
      const values = typeof raw === "string" ? [raw] : raw;
      source[wireName] = field.isList ? values : values[0];
    }
  }
  return parseFields(shape, source, "", true);
}
