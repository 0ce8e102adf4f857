import { expect } from "vitest";
import type { ApiResponse, ErrorEnvelope } from "./api-client.js";
import type { TestApp } from "./create-test-app.js";

/** Asserts MLflow's error envelope: exactly `{error_code, message}`, JSON, with the given status. */
export function expectError(res: ApiResponse, status: number, errorCode: string, message?: string | RegExp): void {
  expect({ status: res.status, error_code: (res.json as Partial<ErrorEnvelope> | undefined)?.error_code }, res.text).toEqual({ status, error_code: errorCode });
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const body = res.json as ErrorEnvelope;
  expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
  expect(typeof body.message).toBe("string");
  if (message !== undefined) expect(body.message).toMatch(message);
}

export function expectOk(res: ApiResponse): void {
  expect(res.status, res.text).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
}

/** Runs `action` and asserts that no row of the database changed. */
export async function expectNoWrite<T>(t: Pick<TestApp, "snapshot">, action: () => Promise<T>): Promise<T> {
  const before = t.snapshot();
  const result = await action();
  expect(t.snapshot()).toEqual(before);
  return result;
}
