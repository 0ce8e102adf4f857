/**
 * Graceful shutdown on SIGINT/SIGTERM: `close` runs once (in-flight requests finish), then the
 * process exits 0; a second signal exits at once with 1.
 */
export function closeOnSignals(close: () => Promise<void>, doing: string): void {
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    console.log(`${signal}: ${doing}…`);
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}
