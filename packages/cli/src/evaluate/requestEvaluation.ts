import { CliError } from './CliError';
import { formatDuration } from './duration';
import { EvaluateAnswer, EvaluateQuestion } from './EvaluateAnswer';

/** Where and how to ask. */
export interface ApiTarget {
  /** Backstage's base URL, e.g. `https://backstage.example.com`. */
  baseUrl: string;
  /** A static external-access token; sent, never printed. */
  token?: string;
  /** How long one request may take. */
  timeoutMs: number;
}

const PLUGIN_PATH = 'api/quality-gates';
const VERDICTS = new Set(['pass', 'warn', 'fail', 'error']);

/** The evaluate route under the base URL (which may already name the plugin). */
export function evaluateUrl(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new CliError(
      `'${baseUrl}' is not a URL; pass Backstage's base URL, e.g. https://backstage.example.com`,
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new CliError(`'${baseUrl}' is not an http(s) URL`);
  }
  const path = base.pathname.replace(/\/+$/, '');
  const pluginBase = path.endsWith(`/${PLUGIN_PATH}`)
    ? path
    : `${path}/${PLUGIN_PATH}`;
  return new URL(`${pluginBase}/gates/evaluate`, base.origin);
}

/** The URL as shown in messages: no credentials, no query. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The message of a Backstage error body, else the start of the text. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const message = body?.error?.message ?? body?.message;
    if (typeof message === 'string' && message) {
      const name = body?.error?.name;
      return typeof name === 'string' && name ? `${name}: ${message}` : message;
    }
  } catch {
    // Not JSON: a proxy's HTML page or plain text.
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}...` : line || '(no body)';
}

function hintFor(status: number): string {
  if (status === 401) {
    return ' (check --token / QUALITY_GATES_API_TOKEN: a static external-access token configured in the backend)';
  }
  if (status === 403) return ' (the token may not ask this)';
  return '';
}

function checkAnswer(body: unknown, url: URL): EvaluateAnswer {
  const answer = body as Partial<EvaluateAnswer> | null;
  if (
    !answer ||
    typeof answer !== 'object' ||
    !VERDICTS.has(answer.verdict as string) ||
    !Array.isArray(answer.evaluations)
  ) {
    throw new CliError(
      `${shown(
        url,
      )} did not answer with a gate decision; is --url Backstage's base URL?`,
    );
  }
  return { ...answer, problems: answer.problems ?? [] } as EvaluateAnswer;
}

/**
 * Asks `POST /gates/evaluate` once. Answers the decision and the body as
 * received (for `--json`); any failure to get a decision is a CliError.
 */
export async function requestEvaluation(
  target: ApiTarget,
  question: EvaluateQuestion,
): Promise<{ answer: EvaluateAnswer; body: string }> {
  const url = evaluateUrl(target.baseUrl);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(target.token ? { Authorization: `Bearer ${target.token}` } : {}),
      },
      body: JSON.stringify({ ...question, trigger: 'ci' }),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    const failure = error as Error & { cause?: { message?: string } };
    if (failure.name === 'TimeoutError' || failure.name === 'AbortError') {
      throw new CliError(
        `no answer from ${shown(url)} within ${formatDuration(
          target.timeoutMs,
        )} (--timeout)`,
      );
    }
    throw new CliError(
      `could not reach ${shown(url)}: ${
        failure.cause?.message ?? failure.message
      }`,
    );
  }
  if (!response.ok) {
    throw new CliError(
      `${shown(url)} answered HTTP ${response.status}: ${serverMessage(
        body,
      )}${hintFor(response.status)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new CliError(
      `${shown(url)} answered something that is not JSON: ${serverMessage(
        body,
      )}`,
    );
  }
  return { answer: checkAnswer(parsed, url), body };
}
