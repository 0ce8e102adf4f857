import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ArtifactText } from "../../api/artifacts/artifact-content.js";
import { artifactListQueryOptions, artifactProbeQueryOptions, artifactTextQueryOptions } from "../../api/artifacts/artifact-queries.js";
import { artifactUrl } from "../../api/artifacts/artifact-url.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { formatBytes } from "../../utils/format.js";
import { parentPath } from "./artifact-tree.js";
import { csvTable, parseCsvRows } from "./csv-rows.js";
import { prettyJson } from "./pretty-json.js";
import { fileName, IMAGE_PREVIEW_MAX_BYTES, previewKind, TABLE_PREVIEW_ROWS, TEXT_PREVIEW_BYTES, type PreviewKind } from "./preview-kind.js";
import { tableCutNotice, textCutNotice } from "./preview-notice.js";

interface Props {
  runId: string;
  /** The selected artifact, or undefined when none is. */
  path: string | undefined;
}

function Pending({ label }: { label: string }) {
  return (
    <div className="artifact-preview-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p className="artifact-notice" data-testid="artifact-notice">
      {text}
    </p>
  ) : null;
}

function DownloadLink({ url, name, primary = false }: { url: string; name: string; primary?: boolean }) {
  // Same origin, so `download` names the file; the server also answers with Content-Disposition: attachment.
  return (
    <a className={`btn btn-small${primary ? " btn-primary" : ""}`} href={url} download={name} data-testid="artifact-download">
      Download
    </a>
  );
}

/** A text file's first MiB, monospace; JSON read whole is re-indented (numbers kept as written). */
function TextBody({ data, json }: { data: ArtifactText; json: boolean }) {
  const text = useMemo(() => (json && !data.truncated ? (prettyJson(data.text) ?? data.text) : data.text), [data, json]);
  if (data.bytesRead === 0 && !data.truncated) return <div className="artifact-preview-state faint">This file is empty.</div>;
  return (
    <>
      <Notice text={textCutNotice(data)} />
      {/* A text node: whatever the file holds (HTML, <script>, SVG) is shown as characters, never parsed. */}
      <pre className="artifact-text" data-testid="artifact-text">
        {text}
      </pre>
    </>
  );
}

/** The first rows of a CSV or TSV file as a table, the first row as its header. */
function TableBody({ data, delimiter }: { data: ArtifactText; delimiter: "," | "\t" }) {
  const { header, body, more } = useMemo(() => {
    const parsed = parseCsvRows(data.text, { delimiter, maxRows: TABLE_PREVIEW_ROWS + 1, cut: data.truncated });
    return { ...csvTable(parsed.rows), more: parsed.more };
  }, [data, delimiter]);
  if (header.length === 0) return <div className="artifact-preview-state faint">{data.bytesRead === 0 ? "This file is empty." : "No complete row in the part of the file read."}</div>;
  return (
    <>
      <Notice text={tableCutNotice(data, body.length, more)} />
      <div className="artifact-table-wrap">
        <table className="artifact-table" data-testid="artifact-table">
          <thead>
            <tr>
              {header.map((cell, i) => (
                <th key={i} scope="col" title={cell}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} title={cell.length > 40 ? cell : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Text and tables: the file's start from get-artifact with fetch, read no further than the cap. */
function FetchedBody({ runId, path, size, kind }: { runId: string; path: string; size: number | undefined; kind: Extract<PreviewKind, { kind: "text" | "table" }> }) {
  const content = useQuery(artifactTextQueryOptions(runId, path, TEXT_PREVIEW_BYTES, size));
  if (content.isPending) return <Pending label="Loading preview…" />;
  if (content.isError) return <ErrorBanner title={`Could not load ${fileName(path)}`} error={content.error} onRetry={() => void content.refetch()} />;
  return kind.kind === "text" ? <TextBody data={content.data} json={kind.json} /> : <TableBody data={content.data} delimiter={kind.delimiter} />;
}

/** Why an image did not display: the server's error when it has one, else a file the browser cannot decode. */
function ImageFailure({ runId, path }: { runId: string; path: string }) {
  const probe = useQuery(artifactProbeQueryOptions(runId, path));
  if (probe.isPending) return <Pending label="Checking the file…" />;
  if (probe.isError) return <ErrorBanner title={`Could not load ${fileName(path)}`} error={probe.error} />;
  return <div className="artifact-preview-state">The browser could not display this image: the file may be damaged or in a format it cannot show.</div>;
}

function ImageBody({ runId, path }: { runId: string; path: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <ImageFailure runId={runId} path={path} />;
  return (
    <div className="artifact-image-frame">
      <img src={artifactUrl(runId, path)} alt={fileName(path)} decoding="async" data-testid="artifact-image" onError={() => setFailed(true)} />
    </div>
  );
}

/**
 * The preview of the selected artifact beside the tree: its path, size and a Download link, then by
 * file type an image, monospace text, a table, or "No preview". Everything comes from MLflow's
 * `get-artifact` route; nothing is rendered as HTML (no innerHTML, no iframe, no object URL).
 */
export function ArtifactPreview({ runId, path }: Props) {
  // The folder's listing is cached already (its folder is open): it gives the size, without a request.
  const folder = useQuery({ ...artifactListQueryOptions(runId, path === undefined ? "" : parentPath(path)), enabled: path !== undefined });
  if (path === undefined) {
    return (
      <div className="artifact-preview is-empty" data-testid="artifact-preview">
        <div className="artifact-preview-state faint">Select a file to preview it.</div>
      </div>
    );
  }
  const name = fileName(path);
  const url = artifactUrl(runId, path);
  const entry = folder.data?.files.find((f) => f.path === path);
  const size = entry?.file_size;
  // Undecided while the folder lists; a failed listing still lets the file be tried, size unknown.
  const missing = folder.isSuccess && !entry;
  const isFolder = entry?.is_dir === true;
  const kind = previewKind(path, size);

  let body;
  if (folder.isPending) body = <Pending label="Loading…" />;
  else if (missing)
    body = (
      <div className="artifact-preview-state" role="alert" data-testid="artifact-missing">
        <div className="state-title">No such artifact</div>
        <div>
          This run has no file at <span className="mono">{path}</span>; it may have been deleted or moved.
        </div>
      </div>
    );
  else if (isFolder) body = <div className="artifact-preview-state faint">This is a folder: select a file in it to preview it.</div>;
  else if (kind.kind === "image") body = <ImageBody key={path} runId={runId} path={path} />;
  else if (kind.kind === "text" || kind.kind === "table") body = <FetchedBody runId={runId} path={path} size={size} kind={kind} />;
  else
    body = (
      <div className="artifact-preview-state" data-testid="artifact-no-preview">
        <div className="state-title">{kind.reason === "too-large" ? "Too large to preview" : "No preview for this file type"}</div>
        {kind.reason === "too-large" && <div>Images over {formatBytes(IMAGE_PREVIEW_MAX_BYTES)} are not shown here.</div>}
        <DownloadLink url={url} name={name} primary />
      </div>
    );

  return (
    <section className="artifact-preview" aria-label={`Preview of ${name}`} data-testid="artifact-preview">
      <div className="artifact-preview-header">
        <span className="artifact-preview-path mono" data-testid="artifact-preview-path">
          {path}
        </span>
        {size !== undefined && <span className="artifact-size">{formatBytes(size)}</span>}
        {!missing && !isFolder && <DownloadLink url={url} name={name} />}
      </div>
      <div className={`artifact-preview-body is-${kind.kind}`}>{body}</div>
    </section>
  );
}
