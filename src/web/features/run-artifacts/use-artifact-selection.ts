import { useCallback } from "react";
import { useLocation, useNavigate } from "react-router";
import { readArtifactParam, withArtifactParam } from "./artifact-url-state.js";

/**
 * The selected artifact, read from and written to the run page's URL (`?artifact=…`, the only place it
 * lives), so a link or a reload opens the same file. A new selection replaces the history entry:
 * looking through twenty files should not take twenty presses of Back to leave the run.
 */
export function useArtifactSelection(): [string | undefined, (path: string | undefined) => void] {
  const { search, hash } = useLocation();
  const navigate = useNavigate();
  const selected = readArtifactParam(search);
  const select = useCallback(
    (path: string | undefined) => {
      if (readArtifactParam(search) === path) return;
      void navigate({ search: withArtifactParam(search, path), hash }, { replace: true, preventScrollReset: true });
    },
    [navigate, search, hash],
  );
  return [selected, select];
}
