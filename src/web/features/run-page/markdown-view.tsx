import type { ComponentProps } from "react";
import Markdown, { type UrlTransform } from "react-markdown";
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
      <Markdown skipHtml remarkPlugins={REMARK_PLUGINS} urlTransform={safeUrl} components={{ a: ExternalLink }}>
        {text}
      </Markdown>
    </div>
  );
}
