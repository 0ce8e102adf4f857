import { fieldId, parseFieldId, type FieldRef } from "./compare-fields.js";

interface Props {
  label: string;
  value: FieldRef | undefined;
  options: readonly FieldRef[];
  /** An option's text: a closed select shows no group, so `lr` of either kind must say which it is. */
  fieldLabel: (field: FieldRef) => string;
  onChange: (field: FieldRef) => void;
}

/** A select over params and metrics, grouped, keyed by the same ids as the URL. */
export function FieldSelect({ label, value, options, fieldLabel, onChange }: Props) {
  const group = (kind: FieldRef["kind"]) => options.filter((o) => o.kind === kind);
  return (
    <label className="field-select">
      <span className="muted">{label}</span>
      <select
        className="input"
        aria-label={label}
        value={value ? fieldId(value) : ""}
        onChange={(e) => {
          const field = parseFieldId(e.target.value);
          if (field) onChange(field);
        }}
      >
        {!value && <option value="">—</option>}
        {(["params", "metrics"] as const).map((kind) =>
          group(kind).length ? (
            <optgroup key={kind} label={kind === "params" ? "Parameters" : "Metrics"}>
              {group(kind).map((o) => (
                <option key={fieldId(o)} value={fieldId(o)}>
                  {fieldLabel(o)}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </select>
    </label>
  );
}
