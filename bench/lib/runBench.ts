/**
 * Runs a bench's main function and exits with its outcome. `cleanups` are
 * what must not outlive the run (temporary databases, servers): they run
 * when it fails or is interrupted (Ctrl-C, SIGTERM) as well.
 */
export function runBench(
  main: () => Promise<void>,
  cleanups: Set<() => Promise<void>>,
): void {
  const cleanUp = async () => {
    for (const cleanup of [...cleanups]) await cleanup().catch(() => {});
  };
  const abandon = async () => {
    await cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', abandon);
  process.once('SIGTERM', abandon);
  main().then(
    () => process.exit(0),
    async error => {
      console.error(error);
      await cleanUp();
      process.exit(1);
    },
  );
}
