/**
 * Which URLs an http-check may call. Only http and https, so a definition
 * cannot read files or talk to other protocols; with `allowedHosts`
 * configured, only those hosts (`*.example.com` for subdomains), so a
 * gate definition cannot make the backend probe its internal network.
 */
export class HostGuard {
  readonly #allowedHosts?: string[];

  constructor(allowedHosts?: string[]) {
    this.#allowedHosts = allowedHosts?.map(host => host.toLowerCase());
  }

  /** Why the URL may not be called, or undefined when it may. */
  refusal(url: URL): string | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return `only http and https URLs can be checked, not ${url.protocol}`;
    }
    if (!this.#allowedHosts) return undefined;
    // URL gives IPv6 hosts in brackets; configs write them without.
    const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    const allowed = this.#allowedHosts.some(pattern =>
      pattern.startsWith('*.')
        ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
        : host === pattern,
    );
    return allowed
      ? undefined
      : `host ${host} is not in qualityGates.checks.http.allowedHosts`;
  }
}
