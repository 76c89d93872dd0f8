/**
 * A failure the CLI explains in one line and ends with exit code 2 (bad
 * arguments, an unreachable backend, an HTTP error, a timeout).
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
