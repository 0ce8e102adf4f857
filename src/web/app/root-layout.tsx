import { useEffect, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { paths } from "../config/paths.js";
import { isPlainKey, isTypingTarget } from "../utils/is-typing-target.js";
import { ShortcutsHelp } from "./shortcuts-help.js";
import { BrandMark } from "../components/brand-mark.js";

/** Pages mark their main search field with this attribute; `/` focuses it from anywhere. */
export const SEARCH_FIELD_ATTRIBUTE = "data-search-field";

export function RootLayout() {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPlainKey(event) || isTypingTarget(event.target)) return;
      if (event.key === "/") {
        const field = document.querySelector<HTMLElement>(`[${SEARCH_FIELD_ATTRIBUTE}]`);
        if (field) {
          event.preventDefault();
          field.focus();
        }
      } else if (event.key === "?") {
        setHelpOpen((open) => !open);
      } else if (event.key === "Escape") {
        setHelpOpen(false);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <NavLink to={paths.experiments.href()} className="app-brand">
          <BrandMark size={18} />
          Tracklet
        </NavLink>
        <nav className="app-nav">
          <NavLink to={paths.experiments.href()}>Experiments</NavLink>
        </nav>
        <div className="app-header-spacer" />
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setHelpOpen((o) => !o)} aria-expanded={helpOpen}>
          Shortcuts <span className="kbd">?</span>
        </button>
      </header>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
