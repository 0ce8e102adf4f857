import type { ComponentProps } from "react";
import Markdown, { type Components, type UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * http(s), mailto and scheme-less (relative) URLs survive; `javascript:`, `data:`, `vbscript:` and
 * every other scheme become inert. A scheme is whatever precedes the first `:` before any `/ ? #`.
 */
const SAFE_URL = /^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))/i;

/** Exported for tests: what a link or image URL becomes. */
export const safeUrl: UrlTransform = (url) => {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : "";
};

function ExternalLink({ href, children }: ComponentProps<"a">) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A note's heading sits under the page's own: the run name is the page's h1 and the note's section an
 * h2, so a note's `#` becomes an h3 (h2 → h4, h3 → h5, deeper → h6). The class keeps the size the
 * author meant by the level they wrote (run-page.css).
 */
function demoted(level: Level) {
  const Tag = `h${Math.min(level + 2, 6) as Level}` as const;
  return function NoteHeading({ children, id }: ComponentProps<"h1">) {
    return (
      <Tag id={id} className={`md-heading md-h${level}`}>
        {children}
      </Tag>
    );
  };
}

const COMPONENTS: Components = {
  a: ExternalLink,
  h1: demoted(1),
  h2: demoted(2),
  h3: demoted(3),
  h4: demoted(4),
  h5: demoted(5),
  h6: demoted(6),
};

/** GitHub-flavoured markdown, as MLflow's UI renders notes: tables, task lists, strikethrough, autolinks. */
const REMARK_PLUGINS = [remarkGfm];

/**
 * Renders user markdown (run notes) safely: react-markdown builds React elements from the markdown
 * tree and never injects raw HTML (skipHtml drops `<img onerror=…>` and friends entirely), so no
 * script or event handler can reach the DOM; URLs pass through an allow-list of schemes.
 */
export function MarkdownView({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown skipHtml remarkPlugins={REMARK_PLUGINS} urlTransform={safeUrl} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}
