import { SystemTags, type DatasetInput } from "../../../core/index.js";
import { Card } from "../../components/card.js";

/** Dataset inputs (runs/log-inputs): name, digest, context, source; schema and profile on demand. */
export function DatasetsList({ inputs }: { inputs: readonly DatasetInput[] }) {
  return (
    <Card id="datasets" title="Datasets" count={inputs.length}>
      {inputs.length === 0 ? (
        <p className="faint">No dataset inputs logged.</p>
      ) : (
        <ul className="datasets" data-testid="datasets">
          {inputs.map(({ dataset, tags }, i) => {
            const context = tags.find((t) => t.key === SystemTags.DATASET_CONTEXT)?.value;
            return (
              <li key={`${dataset.name}:${dataset.digest}:${i}`}>
                <div className="dataset-head">
                  <strong>{dataset.name}</strong>
                  {context && <span className="badge">{context}</span>}
                  <span className="mono faint">{dataset.digest}</span>
                  <span className="faint">{dataset.source_type}</span>
                </div>
                <div className="mono dataset-source">{dataset.source}</div>
                {(dataset.schema || dataset.profile) && (
                  <details>
                    <summary>Schema and profile</summary>
                    {dataset.schema && <pre>{dataset.schema}</pre>}
                    {dataset.profile && <pre>{dataset.profile}</pre>}
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
