/** Reading Prometheus' JSON answers, which are untyped until checked. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toStringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([name, v]) => [name, String(v)]),
  );
}

/** Prometheus writes sample values as text, NaN and ±Inf included. */
export function sampleValue(text: unknown): number {
  const value = String(text);
  if (value === '+Inf' || value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return Number(value);
}

/** `[<unix time>, "<value>"]`. */
export function pairValue(pair: unknown): number {
  return Array.isArray(pair) ? sampleValue(pair[1]) : NaN;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
