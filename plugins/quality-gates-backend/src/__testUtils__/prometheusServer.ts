import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const INSTALL_HINT = 'run ./scripts/install-system-packages.sh';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** A real Prometheus server started for a test. */
export interface PrometheusServer {
  /** e.g. `http://127.0.0.1:41235`, without a trailing slash. */
  baseUrl: string;
  pid: number;
  /** Stops the server by its PID and removes its data directory. */
  stop(): Promise<void>;
}

export interface PrometheusServerOptions {
  /** Rule files (absolute or relative to the working directory) to load. */
  ruleFiles?: string[];
  /**
   * OpenMetrics text (ending in `# EOF`) backfilled into the database with
   * promtool before the server starts, for queries over past data.
   */
  openMetrics?: string;
  /** The same as a file, for data too large for one string. */
  openMetricsFile?: string;
  /** How often rules are evaluated. Default 1s, so alerts settle fast. */
  evaluationInterval?: string;
  /** The loopback port to listen on; a free one when not given. */
  port?: number;
}

/**
 * Starts Debian's `prometheus` on a loopback port (free unless given) with the given rule
 * files and, optionally, backfilled data, and waits until it is ready.
 * Fails (never skips) when the binaries are missing.
 */
export async function startPrometheus(
  options: PrometheusServerOptions = {},
): Promise<PrometheusServer> {
  const prometheus = requireBinary('prometheus');
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'qg-prometheus-'));
  try {
    const dataDir = path.join(workDir, 'data');
    fs.mkdirSync(dataDir);
    if (options.openMetrics !== undefined) {
      const input = path.join(workDir, 'backfill.om');
      const text = options.openMetrics;
      await writeFile(input, text.endsWith('\n') ? text : `${text}\n`);
      await backfill(input, dataDir);
    } else if (options.openMetricsFile !== undefined) {
      await backfill(options.openMetricsFile, dataDir);
    }
    const configFile = path.join(workDir, 'prometheus.yml');
    await writeFile(
      configFile,
      JSON.stringify({
        global: { evaluation_interval: options.evaluationInterval ?? '1s' },
        rule_files: (options.ruleFiles ?? []).map(file => path.resolve(file)),
      }),
    );
    // A port found free can be taken before Prometheus binds it: try again.
    for (let attempt = 1; ; attempt += 1) {
      const port = options.port ?? (await freeLoopbackPort());
      try {
        return await launch(prometheus, { configFile, dataDir, port, workDir });
      } catch (error) {
        if (
          options.port !== undefined ||
          attempt >= 3 ||
          !String(error).includes('address already in use')
        ) {
          throw error;
        }
      }
    }
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function launch(
  binary: string,
  options: {
    configFile: string;
    dataDir: string;
    port: number;
    workDir: string;
  },
): Promise<PrometheusServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.dataDir}`,
      // Backfilled samples may be old; keep them all.
      '--storage.tsdb.retention.time=100y',
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
      reject(
        new Error(
          `Could not start prometheus (${error.message}); ${INSTALL_HINT}`,
        ),
      ),
    );
    child.once('exit', code =>
      reject(
        new Error(
          `prometheus exited with code ${code} before it was ready:\n${log}`,
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
  return {
    baseUrl,
    pid: child.pid!,
    async stop() {
      await stopProcess(child);
      await rm(options.workDir, { recursive: true, force: true });
    },
  };
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
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(
    `prometheus at ${baseUrl} was not ready within ${READY_TIMEOUT_MS} ms`,
  );
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exit = new Promise<void>(resolve =>
      child.once('exit', () => resolve()),
    );
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.pid)
        process.kill(child.pid, 'SIGKILL');
    }, STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  }
}

/** Writes an OpenMetrics file into TSDB blocks in `dataDir`. */
async function backfill(input: string, dataDir: string) {
  const promtool = requireBinary('promtool');
  try {
    await promisify(execFile)(promtool, [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      input,
      dataDir,
    ]);
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `promtool could not backfill the OpenMetrics data: ${
        stderr || stdout || error
      }`,
    );
  }
}

/** The binary's path on PATH, or an error that says how to install it. */
function requireBinary(name: string): string {
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
  throw new Error(
    `${name} is not installed (not found on PATH); ${INSTALL_HINT}`,
  );
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
