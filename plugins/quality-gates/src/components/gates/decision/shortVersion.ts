/** A commit SHA used as a version is cut to 7 characters for tables; others stay whole. */
export function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/i.test(version) ? version.slice(0, 7) : version;
}
