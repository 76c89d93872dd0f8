import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const DEFAULT_TIMEOUT_SECONDS = 10;
const DEFAULT_RETRIES = 2;
const MAX_RETRIES = 10;

/** How one Prometheus server is reached, with defaults filled in. */
export interface PrometheusSettings {
  /** Where the HTTP API is asked: no trailing slash, no credentials. */
  baseUrl: string;
  /** Where people open links (the UI may sit behind another host). */
  externalUrl: string;
  /** Sent with every request; credentials in the URL become Basic auth. */
  headers: Record<string, string>;
  /** For one call, retries included. */
  timeoutMs: number;
  /** Further attempts after a 5xx answer or a network failure. */
  retries: number;
}

/**
 * Reads a Prometheus server from the config at `key` (e.g.
 * `qualityGates.gates.prometheus`): `baseUrl`, `externalUrl`, `headers`,
 * `timeoutSeconds` and `retries`, the same keys wherever a server is
 * configured. Undefined when there is no `baseUrl`. Invalid values fail at
 * start-up, naming the key.
 */
export function readPrometheusSettings(
  rootConfig: Config,
  key = 'qualityGates.gates.prometheus',
): PrometheusSettings | undefined {
  const config = rootConfig.getOptionalConfig(key);
  const baseUrl = config?.getOptionalString('baseUrl');
  if (!config || baseUrl === undefined) return undefined;
  const timeoutSeconds =
    config.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new InputError(
      `${key}.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  const retries = config.getOptionalNumber('retries') ?? DEFAULT_RETRIES;
  if (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    throw new InputError(
      `${key}.retries must be a whole number from 0 to ${MAX_RETRIES}, got ${retries}`,
    );
  }
  const api = httpUrl(baseUrl, `${key}.baseUrl`);
  const headers = readHeaders(config.getOptionalConfig('headers'));
  return {
    baseUrl: withoutCredentials(api),
    externalUrl: withoutCredentials(
      httpUrl(
        config.getOptionalString('externalUrl') ?? baseUrl,
        `${key}.externalUrl`,
      ),
    ),
    headers: withBasicAuth(headers, api),
    timeoutMs: timeoutSeconds * 1000,
    retries,
  };
}

function httpUrl(value: string, key: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below.
  }
  // The value may hold a password: name its shape, not its text.
  throw new InputError(
    `${key} must be an http(s) URL, got '${withoutUserInfo(value)}'`,
  );
}

/** fetch refuses URLs with credentials, and messages must not show them. */
function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href.replace(/\/+$/, '');
}

function withBasicAuth(
  headers: Record<string, string>,
  url: URL,
): Record<string, string> {
  const hasAuthorization = Object.keys(headers).some(
    name => name.toLowerCase() === 'authorization',
  );
  if (hasAuthorization || (!url.username && !url.password)) return headers;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    ...headers,
    Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString(
      'base64',
    )}`,
  };
}

function withoutUserInfo(value: string): string {
  return value.replace(/\/\/[^/@]*@/, '//');
}

function readHeaders(config: Config | undefined): Record<string, string> {
  if (!config) return {};
  return Object.fromEntries(
    config.keys().map(name => [name, config.getString(name)]),
  );
}
