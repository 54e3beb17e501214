// Shared by the long-running commands (start, serve, worker).

/** Resolves when the process is asked to stop (Ctrl-C, `docker stop`, a supervisor). */
export function stopRequested(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
