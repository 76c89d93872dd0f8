/*
 * Where a bench runs: every port, database name and prefix comes from an
 * environment variable, with a free port or a unique name by default, so two
 * benches, or a bench and the app, can run side by side on one machine.
 */
import net from 'node:net';
import os from 'node:os';

/** The PostgreSQL server benches create their databases on. */
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** Prefix of every database a bench creates (and drops at its end). */
export const DATABASE_PREFIX = process.env.BENCH_DATABASE_PREFIX ?? 'qg_bench';

/** A port nobody listens on right now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The port named by `variable` (e.g. `BENCH_BACKEND_PORT`) when it is set,
 * otherwise a free one.
 */
export async function benchPort(variable: string): Promise<number> {
  const fixed = process.env[variable];
  if (fixed === undefined || fixed === '') return freePort();
  const port = Number(fixed);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable} must be a port number, not "${fixed}"`);
  }
  return port;
}

/**
 * A database name no other run uses: `<prefix>_<bench>_<pid>_<time>`, or
 * `BENCH_DATABASE_NAME` when set (then the bench keeps one database).
 */
export function benchDatabaseName(bench: string): string {
  const fixed = process.env.BENCH_DATABASE_NAME;
  if (fixed) return fixed;
  return `${DATABASE_PREFIX}_${bench}_${process.pid}_${Date.now()}`;
}

/** One line naming the machine a figure came from, for bench/README.md. */
export function machineLine(): string {
  const cpus = os.cpus();
  return [
    `${new Date().toISOString().slice(0, 10)}`,
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `Node ${process.version}`,
    `${os.platform()} ${os.release()}`,
  ].join(', ');
}
