import { isRecord } from '../../../sourceFiles';

/**
 * One alerting rule, read from a rule file or live from Prometheus, in the
 * one shape the alerts check validates.
 */
export interface AlertingRule {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /**
   * The `for` duration: seconds when known, the text as written when it is
   * not a Prometheus duration, undefined when absent.
   */
  holdFor: { seconds: number } | { invalid: string } | undefined;
  /** Where it was found: the file's path or `prometheus`. */
  source: string;
  url?: string;
}

/** Labels or annotations as strings; YAML may have given numbers or booleans. */
export function toStringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([key, v]) => [key, String(v)]),
  );
}
