import { Config } from '@backstage/config';
import { invalidHostEntries } from './hostGuard';

export const SETTINGS_KEY = 'qualityGates.checks.http';
const DEFAULT_TIMEOUT_SECONDS = 5;

/**
 * `qualityGates.checks.http`, with defaults filled in.
 *
 * @public
 */
export interface HttpCheckSettings {
  /** How long one try waits when the criterion sets no `maxLatencyMs`. */
  timeoutMs: number;
  /** Host names (or `*.domain`) central checks may call; undefined allows any. */
  allowedHosts?: string[];
  /**
   * Host names (or `*.domain`) checks in a component's gate file may call;
   * none unless listed.
   */
  repositoryAllowedHosts: string[];
}

function hostList(
  config: Config | undefined,
  field: string,
): string[] | undefined {
  const hosts = config?.getOptionalStringArray(field);
  const [invalid] = invalidHostEntries(hosts ?? []);
  if (invalid !== undefined) {
    throw new Error(
      `${SETTINGS_KEY}.${field}: '${invalid}' is not a host name such as status.example.com or *.example.com`,
    );
  }
  return hosts;
}

/**
 * Reads the settings; a wrong value stops the start-up.
 *
 * @public
 */
export function readHttpCheckSettings(rootConfig: Config): HttpCheckSettings {
  const config = rootConfig.getOptionalConfig(SETTINGS_KEY);
  const timeoutSeconds =
    config?.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new Error(
      `${SETTINGS_KEY}.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  const allowedHosts = hostList(config, 'allowedHosts');
  return {
    timeoutMs: timeoutSeconds * 1000,
    ...(allowedHosts ? { allowedHosts } : {}),
    repositoryAllowedHosts: hostList(config, 'repositoryAllowedHosts') ?? [],
  };
}
