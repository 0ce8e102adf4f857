import type { Param } from "../../../core/index.js";
import { Card } from "../../components/card.js";
import { useKeyFilter } from "./key-filter.js";
import { LongValueText } from "./long-value-text.js";

export function ParamsTable({ params }: { params: readonly Param[] }) {
  const { shown, control } = useKeyFilter(params, "Filter parameters");
  return (
    <Card id="params" title="Parameters" count={params.length} actions={control}>
      {params.length === 0 ? (
        <p className="faint">No parameters logged.</p>
      ) : (
        <table className="kv-table" data-testid="params">
          <tbody>
            {shown.map((p) => (
              <tr key={p.key}>
                <th scope="row" className="mono">
                  {p.key}
                </th>
                <td className="kv-value">
                  <LongValueText value={p.value} label={p.key} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
