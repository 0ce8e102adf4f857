import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ArtifactText } from "../../api/artifacts/artifact-content.js";
import { artifactListQueryOptions, artifactProbeQueryOptions, artifactTailQueryOptions, artifactTextQueryOptions } from "../../api/artifacts/artifact-queries.js";
import { artifactUrl } from "../../api/artifacts/artifact-url.js";
import { isLastingError } from "../../api/artifacts/is-lasting-error.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { formatBytes, formatCount } from "../../utils/format.js";
import { parentPath } from "./artifact-tree.js";
import { csvTable, parseCsvRows } from "./csv-rows.js";
import { fileName, IMAGE_PREVIEW_MAX_BYTES, previewKind, TABLE_PREVIEW_ROWS, TEXT_PREVIEW_BYTES, type PreviewKind } from "./preview-kind.js";
import { tableCutNotice, textCutNotice } from "./preview-notice.js";
import { pixelScale } from "./pixel-scale.js";
import { PreviewText } from "./preview-text.js";
import { unopenableReason } from "./unopenable-reason.js";

interface Props {
  runId: string;
  /** The selected artifact, or undefined when none is. */
  path: string | undefined;
  /** The run may still write its files: a text preview offers to read its file again. */
  live: boolean;
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

function DownloadLink({ url, name, primary = false, refusal }: { url: string; name: string; primary?: boolean; refusal?: string | undefined }) {
  // A file the server will not give back gets a Download that says so rather than a link to its 400.
  if (refusal !== undefined) {
    return (
      <button type="button" className="btn btn-small" disabled title={refusal} data-testid="artifact-download">
        Download
      </button>
    );
  }
  // Same origin, so `download` names the file; the server also answers with Content-Disposition: attachment.
  return (
    <a className={`btn btn-small${primary ? " btn-primary" : ""}`} href={url} download={name} data-testid="artifact-download">
      Download
    </a>
  );
}

/** A text file's first (or last) MiB; JSON is re-indented, numbers kept as written, a cut one as far as it was read. */
function TextBody({ data, json }: { data: ArtifactText; json: boolean }) {
  if (data.bytesRead === 0 && !data.truncated) return <div className="artifact-preview-state faint">This file is empty.</div>;
  return <PreviewText text={data.text} layout={!json ? "plain" : data.truncated ? "json-cut" : "json"} />;
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

interface FetchedProps {
  runId: string;
  path: string;
  /** The size the folder's listing gives now. */
  size: number | undefined;
  kind: Extract<PreviewKind, { kind: "text" | "table" }>;
  live: boolean;
}

/**
 * Text and tables: the file's first MiB from get-artifact (never more), or for a long text file on
 * request its last MiB ("Show end": a log's latest lines). A live run's listing is read again every
 * few seconds, and its sizes with it; the preview stays on the size it was read at until Reload, so
 * the text does not move under the reader.
 */
function FetchedBody({ runId, path, size, kind, live }: FetchedProps) {
  const [readAt, setReadAt] = useState(size);
  const [part, setPart] = useState<"start" | "end">("start");
  const keySize = live ? readAt : size;
  // A reload of a file that grew asks under its new size: the text read before stays up meanwhile.
  const start = useQuery({ ...artifactTextQueryOptions(runId, path, TEXT_PREVIEW_BYTES, keySize), enabled: part === "start", placeholderData: keepPreviousData });
  const end = useQuery({ ...artifactTailQueryOptions(runId, path, TEXT_PREVIEW_BYTES, keySize), enabled: part === "end", placeholderData: keepPreviousData });
  const content = part === "start" ? start : end;
  const isText = kind.kind === "text";
  // The end of a cut JSON file is a fragment with nothing to lay out: only plain text offers it.
  const long = (keySize ?? 0) > TEXT_PREVIEW_BYTES || start.data?.truncated === true;
  const canShowEnd = isText && !kind.json && long;
  const changed = live && size !== readAt;
  // The end of a log is read from its last line up: shown, or read again, it opens scrolled to the bottom.
  const barRef = useRef<HTMLDivElement>(null);
  const scroller = () => barRef.current?.closest<HTMLElement>(".artifact-preview-body");
  useLayoutEffect(() => {
    const body = scroller();
    if (part === "end" && end.data && body) body.scrollTop = body.scrollHeight;
  }, [part, end.data]);
  const showPart = (next: "start" | "end") => {
    const body = scroller();
    if (body) body.scrollTop = 0;
    setPart(next);
  };
  const reload = () => {
    if (changed) setReadAt(size);
    else void content.refetch();
  };

  const notice = isText && content.data ? textCutNotice(content.data, part) : undefined;
  const bar =
    notice || canShowEnd || live ? (
      <div ref={barRef} className="artifact-text-bar" data-testid="artifact-text-bar">
        <span className="artifact-text-bar-notice" data-testid={notice ? "artifact-notice" : undefined}>
          {notice}
        </span>
        {changed && (
          <span className="artifact-changed" data-testid="artifact-changed">
            File changed
          </span>
        )}
        {canShowEnd && (
          <button type="button" className="btn btn-small" onClick={() => showPart(part === "start" ? "end" : "start")} data-testid="artifact-show-part">
            {part === "start" ? "Show end" : "Show start"}
          </button>
        )}
        {live && (
          <button type="button" className="btn btn-small" onClick={reload} disabled={content.isFetching} title="Read the file again: the run is still writing its artifacts" data-testid="artifact-reload">
            {content.isFetching && !content.isPending ? "Reloading…" : "Reload"}
          </button>
        )}
      </div>
    ) : null;

  let body;
  if (content.isPending) body = <Pending label={part === "start" ? "Loading preview…" : "Loading the end of the file…"} />;
  else if (content.isError)
    body = <ErrorBanner title={`Could not load ${fileName(path)}`} error={content.error} onRetry={isLastingError(content.error) ? undefined : () => void content.refetch()} />;
  else body = isText ? <TextBody data={content.data} json={kind.json && part === "start"} /> : <TableBody data={content.data} delimiter={kind.delimiter} />;
  return (
    <>
      {bar}
      {body}
    </>
  );
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
  const [size, setSize] = useState<{ width: number; height: number } | undefined>(undefined);
  if (failed) return <ImageFailure runId={runId} path={path} />;
  const scale = size ? pixelScale(size.width, size.height) : 1;
  return (
    <figure className="artifact-image-frame">
      <img
        src={artifactUrl(runId, path)}
        alt={fileName(path)}
        decoding="async"
        data-testid="artifact-image"
        className={scale > 1 ? "is-enlarged" : undefined}
        style={size && scale > 1 ? { width: size.width * scale, height: size.height * scale } : undefined}
        onLoad={(event) => setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
        onError={() => setFailed(true)}
      />
      {size && (
        <figcaption className="faint artifact-image-size" data-testid="artifact-image-size">
          {formatCount(size.width)} × {formatCount(size.height)} px{scale > 1 ? `, shown ${String(scale)}× larger` : ""}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * The preview of the selected artifact beside the tree: its path, size and a Download link, then by
 * file type an image, monospace text, a table, or "No preview". Everything comes from MLflow's
 * `get-artifact` route; nothing is rendered as HTML (no innerHTML, no iframe, no object URL).
 */
export function ArtifactPreview({ runId, path, live }: Props) {
  const folderPath = path === undefined ? "" : parentPath(path);
  const refusal = path === undefined ? undefined : unopenableReason(path);
  // The folder's listing is cached already (its folder is open): it gives the size, without a request.
  // The tree asks for it; a refusal it already got is not asked again here.
  const folder = useQuery({ ...artifactListQueryOptions(runId, folderPath), enabled: path !== undefined && unopenableReason(folderPath) === undefined, retryOnMount: false });
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
  // The server refused the folder (a path with `..`): the file in it would be refused the same.
  const folderRefused = folder.isError && isLastingError(folder.error);
  // Undecided while the folder lists; a failed listing still lets the file be tried, size unknown.
  const missing = folder.isSuccess && !entry;
  const isFolder = entry?.is_dir === true;
  const kind = previewKind(path, size);

  let body;
  if (refusal !== undefined)
    body = (
      <div className="artifact-preview-state" data-testid="artifact-unopenable">
        <div className="state-title">This file cannot be opened here</div>
        <div>{refusal} It can be neither previewed nor downloaded through it.</div>
      </div>
    );
  else if (folder.isPending) body = <Pending label="Loading…" />;
  else if (folderRefused) body = <ErrorBanner title={`Could not open ${path}`} error={folder.error} />;
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
  else if (kind.kind === "text" || kind.kind === "table") body = <FetchedBody key={path} runId={runId} path={path} size={size} kind={kind} live={live} />;
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
        {!missing && !isFolder && <DownloadLink url={url} name={name} refusal={refusal ?? (folderRefused ? "The server refused this path" : undefined)} />}
      </div>
      <div className={`artifact-preview-body is-${refusal !== undefined || folderRefused ? "none" : kind.kind}`}>{body}</div>
    </section>
  );
}
