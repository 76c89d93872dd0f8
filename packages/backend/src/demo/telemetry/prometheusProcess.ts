import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The binary's path on PATH, or undefined. */
export function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** Writes OpenMetrics text into TSDB blocks in `dataDir`. */
export async function backfill(
  promtool: string,
  input: string,
  dataDir: string,
): Promise<void> {
  try {
    await promisify(execFile)(
      promtool,
      ['tsdb', 'create-blocks-from', 'openmetrics', input, dataDir],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `promtool could not backfill the demo telemetry: ${
        stderr || stdout || error
      }`,
    );
  }
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Prometheus server this process started. */
export interface PrometheusProcess {
  baseUrl: string;
  child: ChildProcess;
}

/**
 * Starts `prometheus` on a free loopback port over `dataDir` and waits until
 * it is ready. The port is found free and then bound by Prometheus: another
 * process may take it in between, so a bind failure is tried again.
 */
export async function startPrometheus(
  binary: string,
  options: { configFile: string; dataDir: string },
): Promise<PrometheusProcess> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freeLoopbackPort();
    try {
      return await launch(binary, { ...options, port });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('address already in use')) {
        throw error;
      }
    }
  }
}

async function launch(
  binary: string,
  options: { configFile: string; dataDir: string; port: number },
): Promise<PrometheusProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.dataDir}`,
      // The backfilled past is older than the default retention may keep.
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${options.port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', chunk => {
    log = (log + String(chunk)).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', error =>
      reject(new Error(`Could not start prometheus: ${error.message}`)),
    );
    child.once('exit', code =>
      reject(
        new Error(
          `prometheus exited with code ${code} before it was ready: ${log}`,
        ),
      ),
    );
  });
  try {
    await Promise.race([exited, waitUntilReady(baseUrl)]);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  exited.catch(() => {});
  return { baseUrl, child };
}

async function waitUntilReady(baseUrl: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(
    `prometheus at ${baseUrl} was not ready within ${READY_TIMEOUT_MS} ms`,
  );
}

/** SIGTERM, then SIGKILL if it has not exited after a while. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
    return;
  }
  const exit = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exit;
  clearTimeout(timer);
}
