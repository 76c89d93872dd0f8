/*
 * A real backend for a bench, in a child process of the bench's own script
 * (run with `--serve`), so the bench's measuring does not share its event
 * loop: the child says when it is ready, and stops when told.
 */
import { ChildProcess, fork } from 'node:child_process';

/** What the child sends its parent. */
export type BackendChildMessage =
  | { type: 'ready' }
  | { type: 'error'; message: string };

/** A message between the bench and its backend child: a type and data. */
export type BenchMessage = { type: string };

/**
 * In the child, once its backend has started: answers the parent's
 * requests with `answer` (a message back, or nothing), stops the backend
 * when told, exits with a parent that is gone, and says it is ready.
 */
export function serveParent<Request extends BenchMessage>(
  backend: { stop(): Promise<void> },
  answer: (request: Request) => Promise<BenchMessage | void> = async () => {},
): void {
  // A parent gone without saying stop (killed) takes the backend with it.
  process.once('disconnect', () => process.exit(1));
  process.on('message', async (request: Request | { type: 'stop' }) => {
    if (request.type === 'stop') {
      await backend.stop();
      process.exit(0);
    }
    const reply = await answer(request as Request);
    if (reply) process.send!(reply);
  });
  process.send!({ type: 'ready' } satisfies BackendChildMessage);
}

/** Sends the child a request and waits for its answer of type `answer`. */
export function askBackend<Answer extends BenchMessage>(
  child: ChildProcess,
  request: BenchMessage,
  answer: Answer['type'],
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`The backend exited (${code})`));
    const onMessage = (message: BenchMessage) => {
      if (message.type === answer) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Answer);
      }
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

/**
 * The `backend` config of a bench backend: listening on `port`, every
 * plugin in a schema of one PostgreSQL database, callers with `token`.
 */
export function benchBackendConfig(options: {
  port: number;
  databaseUrl: string;
  token: string;
}) {
  const { port, databaseUrl, token } = options;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    listen: { host: '127.0.0.1', port },
    database: {
      client: 'pg',
      connection: databaseUrl,
      // Every plugin in a schema of the benchmark's own database.
      pluginDivisionMode: 'schema',
    },
    auth: {
      externalAccess: [
        { type: 'static', options: { token, subject: 'bench' } },
      ],
    },
  };
}

/** Forks `script --serve` with `env` added and waits until it is ready. */
export async function forkBackend(
  script: string,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = fork(script, ['--serve'], {
    execArgv: process.execArgv,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message: BackendChildMessage) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'error') reject(new Error(message.message));
    });
    child.once('exit', code => reject(new Error(`backend exited (${code})`)));
  });
  return child;
}

/** Asks the child to stop; kills it if it has not after 10 s. */
export async function stopBackend(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
