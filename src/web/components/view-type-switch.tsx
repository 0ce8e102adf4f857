import type { ViewType } from "../../core/index.js";
import { VIEW_TYPE_LABELS } from "../utils/view-type-param.js";

/** Active / Deleted / All, as MLflow's view_type. */
export function ViewTypeSwitch({ value, onChange, label }: { value: ViewType; onChange: (v: ViewType) => void; label: string }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {VIEW_TYPE_LABELS.map(([type, text]) => (
        <button key={type} type="button" aria-pressed={value === type} onClick={() => onChange(type)}>
          {text}
        </button>
      ))}
    </div>
  );
}
