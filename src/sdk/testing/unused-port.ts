import { createServer } from "node:net";

/**
 * A local port nothing listens on: connections to it are refused. (Fixed low ports such as 9
 * will not do: fetch refuses them as "bad port" before trying to connect.)
 */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}
