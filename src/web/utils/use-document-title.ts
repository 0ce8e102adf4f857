import { useEffect } from "react";

/** Names the browser tab after the page, so many open Tracklet tabs stay tellable apart. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Tracklet` : "Tracklet";
  }, [title]);
}
