import { RestClient } from "../../client/rest-client.js";

/**
 * The one REST client of the UI. Same-origin relative `/ajax-api/2.0` URLs, so the UI works behind
 * `tracklet server`, `tracklet ui --backend-uri …` and the Vite dev proxy alike (no CORS, any MLflow server).
 */
export const apiClient = new RestClient({ baseUrl: "", prefix: "/ajax-api/2.0" });
