import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const KEY = 'qualityGates.gates.prometheus';
const DEFAULT_TIMEOUT_SECONDS = 10;

/** `qualityGates.gates.prometheus`, with defaults filled in. */
export interface PrometheusSettings {
  /** Where the HTTP API is asked, without a trailing slash. */
  baseUrl: string;
  /** Where people open links (the UI may sit behind another host). */
  externalUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * Reads the Prometheus server gate criteria are measured against.
 * Undefined when no `baseUrl` is configured: the sources that need it are
 * then not offered. Invalid values fail at start-up.
 */
export function readPrometheusSettings(
  rootConfig: Config,
): PrometheusSettings | undefined {
  const config = rootConfig.getOptionalConfig(KEY);
  const baseUrl = config?.getOptionalString('baseUrl');
  if (!config || baseUrl === undefined) return undefined;
  const timeoutSeconds =
    config.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new InputError(
      `${KEY}.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  return {
    baseUrl: withoutTrailingSlash(httpUrl(baseUrl, `${KEY}.baseUrl`)),
    externalUrl: withoutTrailingSlash(
      httpUrl(
        config.getOptionalString('externalUrl') ?? baseUrl,
        `${KEY}.externalUrl`,
      ),
    ),
    headers: readHeaders(config.getOptionalConfig('headers')),
    timeoutMs: timeoutSeconds * 1000,
  };
}

function httpUrl(value: string, key: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // Reported below.
  }
  throw new InputError(`${key} must be an http(s) URL, got '${value}'`);
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function readHeaders(config: Config | undefined): Record<string, string> {
  if (!config) return {};
  return Object.fromEntries(
    config.keys().map(name => [name, config.getString(name)]),
  );
}
