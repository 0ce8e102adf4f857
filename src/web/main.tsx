import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { createAppRouter } from "./app/create-app-router.js";
import { mlflowHashRoute } from "./app/mlflow-link.js";
import { preloadWhenQuiet } from "./app/preload-when-quiet.js";
import { trackRecentInput } from "./app/recent-input.js";
import { routeModules } from "./app/route-modules.js";
import { appQueryClient } from "./lib/app-query-client.js";
import "./styles/base.css";
import "./styles/controls.css";
import "./styles/layout.css";
import "./styles/feedback.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// An MLflow UI link (`/#/experiments/1/runs/<id>`) opens the same view, before the router reads the URL.
const fromMlflow = mlflowHashRoute(window.location.hash);
if (fromMlflow) window.history.replaceState(null, "", fromMlflow);
// Made before React renders anything: creating the router runs the route loaders, which start the
// page's requests while React is still setting up the first render.
const router = createAppRouter(appQueryClient);
createRoot(root).render(
  <StrictMode>
    <App queryClient={appQueryClient} router={router} />
  </StrictMode>,
);
// The other pages' code, fetched and compiled while the user reads this one, so the first click to a
// chart or a run does not wait for it; not on a data-saving connection.
if (!(navigator as { connection?: { saveData?: boolean } }).connection?.saveData) {
  const userActive = trackRecentInput(window, 1000);
  preloadWhenQuiet([routeModules.metricPage, routeModules.runPage, routeModules.comparePage, routeModules.runMetricsPage], {
    busy: () => document.visibilityState !== "visible" || appQueryClient.isFetching() > 0 || userActive(),
  });
}
