/**
 * A package URL (purl), e.g. `pkg:oci/checkout@sha256%3A0b31?tag=1.4.0`,
 * the artifact identifier CDEvents uses.
 */
export interface PackageUrl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
  subpath?: string;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A stray `%` is kept as written rather than failing the whole event.
    return part;
  }
}

/**
 * Parses a purl in the order the purl specification prescribes (subpath,
 * qualifiers, scheme, type, version, name, namespace), so an `@` or `/`
 * inside a qualifier value cannot be mistaken for the version or name.
 * Returns undefined for anything that is not a `pkg:` URL with a name.
 */
export function parsePackageUrl(purl: string): PackageUrl | undefined {
  let rest = purl.trim();

  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    subpath = rest
      .slice(hash + 1)
      .split('/')
      .filter(segment => segment && segment !== '.' && segment !== '..')
      .map(decode)
      .join('/');
    rest = rest.slice(0, hash);
  }

  const qualifiers: Record<string, string> = {};
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals > 0 && equals < pair.length - 1) {
        qualifiers[pair.slice(0, equals).toLowerCase()] = decode(
          pair.slice(equals + 1),
        );
      }
    }
    rest = rest.slice(0, question);
  }

  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg') {
    return undefined;
  }
  rest = rest
    .slice(colon + 1)
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');

  const slash = rest.indexOf('/');
  if (slash <= 0) {
    return undefined;
  }
  const type = rest.slice(0, slash).toLowerCase();
  rest = rest.slice(slash + 1);

  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    version = decode(rest.slice(at + 1)) || undefined;
    rest = rest.slice(0, at);
  }

  const segments = rest.split('/').filter(Boolean).map(decode);
  const name = segments.pop();
  if (!name) {
    return undefined;
  }
  return {
    type,
    namespace: segments.length ? segments.join('/') : undefined,
    name,
    version,
    qualifiers,
    subpath: subpath || undefined,
  };
}
