import { Config } from '@backstage/config';

const KEY = 'qualityGates.checks.mlflow';
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * `qualityGates.checks.mlflow`, with defaults filled in.
 *
 * @public
 */
export interface MlflowSettings {
  /** Where the REST API is asked, without a trailing slash. */
  baseUrl: string;
  /** Where people open the MLflow UI, for links in evidence. */
  externalUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** Per request. */
  timeoutMs: number;
}

/**
 * Reads the MLflow tracking server mlflow criteria ask. Undefined when no
 * `baseUrl` is configured: the source is then not offered, and criteria
 * naming it fail closed. A wrong value stops the start-up.
 *
 * @public
 */
export function readMlflowSettings(
  rootConfig: Config,
): MlflowSettings | undefined {
  const config = rootConfig.getOptionalConfig(KEY);
  const baseUrl = config?.getOptionalString('baseUrl');
  if (!config || baseUrl === undefined) return undefined;
  const timeoutSeconds =
    config.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new Error(
      `${KEY}.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  const token = config.getOptionalString('token');
  return {
    baseUrl: httpUrl(baseUrl, `${KEY}.baseUrl`),
    externalUrl: httpUrl(
      config.getOptionalString('externalUrl') ?? baseUrl,
      `${KEY}.externalUrl`,
    ),
    ...(token ? { token } : {}),
    timeoutMs: timeoutSeconds * 1000,
  };
}

/** The URL without a trailing slash, or a start-up error. */
function httpUrl(value: string, key: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      return value.replace(/\/+$/, '');
    }
  } catch {
    // Reported below.
  }
  throw new Error(`${key} must be an http(s) URL, got '${value}'`);
}
