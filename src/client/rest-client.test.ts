import { describe, expect, it } from "vitest";
import { errorOfResponse } from "./rest-client.js";

describe("errorOfResponse", () => {
  it("keeps MLflow's envelope as it is", async () => {
    const error = await errorOfResponse(new Response(JSON.stringify({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "Run 'x' not found" }), { status: 404 }));
    expect(error.errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
    expect(error.message).toBe("Run 'x' not found");
  });

  it.each([
    [401, "UNAUTHENTICATED"],
    [403, "PERMISSION_DENIED"],
    [404, "ENDPOINT_NOT_FOUND"],
    [429, "REQUEST_LIMIT_EXCEEDED"],
    [502, "TEMPORARILY_UNAVAILABLE"],
    [503, "TEMPORARILY_UNAVAILABLE"],
    [504, "DEADLINE_EXCEEDED"],
    [500, "INTERNAL_ERROR"],
    [507, "INTERNAL_ERROR"],
    [418, "BAD_REQUEST"],
  ])("names a bare %i from a proxy %s, with the body's start as the message", async (status, code) => {
    const error = await errorOfResponse(new Response("<html>upstream busy</html>", { status }));
    expect(error.errorCode).toBe(code);
    expect(error.message).toBe("<html>upstream busy</html>");
  });

  it("ignores an envelope with an unknown code, and says the status when the body is empty", async () => {
    const error = await errorOfResponse(new Response(JSON.stringify({ error_code: "NOPE", message: "m" }), { status: 503 }));
    expect(error.errorCode).toBe("TEMPORARILY_UNAVAILABLE");
    expect((await errorOfResponse(new Response("", { status: 503 }))).message).toBe("HTTP 503");
  });
});
