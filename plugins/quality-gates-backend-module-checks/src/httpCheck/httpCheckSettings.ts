import { Config } from '@backstage/config';

const KEY = 'qualityGates.checks.http';
const DEFAULT_TIMEOUT_SECONDS = 5;

/** `qualityGates.checks.http`, with defaults filled in. */
export interface HttpCheckSettings {
  /** How long one try waits when the criterion sets no `maxLatencyMs`. */
  timeoutMs: number;
  /** Host names (or `*.domain`) checks may call; undefined allows any. */
  allowedHosts?: string[];
}

/** Reads the settings; a wrong value stops the start-up. */
export function readHttpCheckSettings(rootConfig: Config): HttpCheckSettings {
  const config = rootConfig.getOptionalConfig(KEY);
  const timeoutSeconds =
    config?.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new Error(
      `${KEY}.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  const allowedHosts = config?.getOptionalStringArray('allowedHosts');
  for (const host of allowedHosts ?? []) {
    if (!/^(\*\.)?[a-z0-9.:_-]+$/i.test(host)) {
      throw new Error(
        `${KEY}.allowedHosts: '${host}' is not a host name such as status.example.com or *.example.com`,
      );
    }
  }
  return {
    timeoutMs: timeoutSeconds * 1000,
    ...(allowedHosts ? { allowedHosts } : {}),
  };
}
