/**
 * A host as the URL parser spells it, so a list entry and a URL compare
 * alike: lower case, IPv4 in dotted decimal (`127.1`, `2130706433` and
 * `0x7f.1` are all `127.0.0.1`), IPv6 compressed and without brackets, and
 * no trailing dot (`example.com.` is `example.com`). Undefined when the
 * text is not a host.
 */
export function canonicalHost(text: string): string | undefined {
  // Only a host: no scheme, userinfo, path, query or whitespace around it.
  if (/[/?#@\\\s]/.test(text)) return undefined;
  const bracketed = text.includes(':') && !text.startsWith('[');
  let hostname: string;
  try {
    const url = new URL(`http://${bracketed ? `[${text}]` : text}/`);
    if (url.port !== '' || url.username !== '' || url.password !== '') {
      return undefined;
    }
    hostname = url.hostname;
  } catch {
    return undefined;
  }
  return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** An allowed-hosts entry: one host, or `*.domain` for its subdomains. */
type HostPattern = { host: string } | { suffix: string };

function patternOf(entry: string): HostPattern | undefined {
  if (entry.startsWith('*.')) {
    const domain = canonicalHost(entry.slice(2));
    // Subdomains of an IP address are not a thing.
    const isAddress =
      !domain || /^[\d.]+$/.test(domain) || domain.includes(':');
    return isAddress ? undefined : { suffix: `.${domain}` };
  }
  const host = canonicalHost(entry);
  return host ? { host } : undefined;
}

/**
 * Whether every entry is a host name, an IP address or `*.domain`; the
 * ones that are not, for a start-up error.
 */
export function invalidHostEntries(entries: string[]): string[] {
  return entries.filter(entry => !patternOf(entry));
}

/**
 * Which URLs an http-check may call. Only http and https, so a definition
 * cannot read files or talk to other protocols; with a host list, only
 * those hosts (`*.example.com` for subdomains, any port), so a gate
 * definition cannot make the backend probe its internal network.
 *
 * Hosts are compared as the URL parser reads them — the same parse the
 * request is then made from — so userinfo (`http://allowed@evil`), other
 * spellings of an IP address or a trailing dot cannot pass for a listed
 * host. Names are not resolved: a listed name is trusted whatever it
 * resolves to, and an unlisted one is refused whatever it resolves to.
 */
export class HostGuard {
  readonly #patterns?: HostPattern[];

  /**
   * @param allowedHosts - the hosts that may be called; undefined allows
   *   any, an empty list none.
   * @param describeRefusal - why a host not on the list is refused.
   */
  constructor(
    allowedHosts: string[] | undefined,
    private readonly describeRefusal: (host: string) => string,
  ) {
    this.#patterns = allowedHosts?.map(entry => {
      const pattern = patternOf(entry);
      if (!pattern) throw new Error(`'${entry}' is not a host name`);
      return pattern;
    });
  }

  /** Why the URL may not be called, or undefined when it may. */
  refusal(url: URL): string | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return `only http and https URLs can be checked, not ${url.protocol}`;
    }
    if (!this.#patterns) return undefined;
    const host = canonicalHost(url.hostname);
    const allowed =
      host !== undefined &&
      this.#patterns.some(pattern =>
        'host' in pattern
          ? host === pattern.host
          : host.endsWith(pattern.suffix) &&
            host.length > pattern.suffix.length,
      );
    return allowed ? undefined : this.describeRefusal(host ?? url.hostname);
  }
}
