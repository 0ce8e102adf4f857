import { RestClient } from "../../src/client/rest-client.js";
import { API_URL } from "./e2e-env.js";

/** The REST client the tests seed and verify with: the same typed client the UI uses. */
export const api = new RestClient({ baseUrl: API_URL, prefix: "/api/2.0", maxRetries: 2 });
