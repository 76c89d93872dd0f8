import { z } from 'zod';

/**
 * A repository as every source stores it: host and path, lower-case, no
 * scheme or `.git`, e.g. `github.com/example-corp/checkout`, so commits
 * reported here meet the same commits reported by push webhooks. URLs and
 * scp-style remotes (`git@github.com:org/repo.git`) are accepted and
 * normalised; a bare `org/repo` is refused, as its host is unknown.
 */
export function normaliseRepository(value: string): string | undefined {
  let hostAndPath = value.trim();
  const scpLike = /^[\w.-]+@([^:/]+):(.+)$/.exec(hostAndPath);
  if (scpLike) {
    hostAndPath = `${scpLike[1]}/${scpLike[2]}`;
  } else if (/^[a-z][a-z\d+.-]*:\/\//i.test(hostAndPath)) {
    try {
      const url = new URL(hostAndPath);
      // A web URL's port is part of its address; an SSH port is transport.
      const host = /^https?:$/.test(url.protocol) ? url.host : url.hostname;
      hostAndPath = `${host}${url.pathname}`;
    } catch {
      return undefined;
    }
  }
  const normalised = hostAndPath
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .toLowerCase();
  const [host, ...path] = normalised.split('/');
  const hostLooksReal = host.includes('.') || host.startsWith('localhost');
  return hostLooksReal && path.length > 0 && path.every(Boolean)
    ? normalised
    : undefined;
}

export const repositoryField = z
  .string()
  .min(1)
  .max(512)
  .transform((value, context) => {
    const normalised = normaliseRepository(value);
    if (!normalised) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'expected a repository with its host, e.g. github.com/org/repo or https://github.com/org/repo',
      });
      return z.NEVER;
    }
    return normalised;
  });

/** A full commit id: SHA-1 (40 hex digits) or SHA-256 (64), stored lower-case. */
export const commitShaField = z
  .string()
  .regex(
    /^(?:[\da-f]{40}|[\da-f]{64})$/i,
    'expected a full commit sha (40 or 64 hex digits)',
  )
  .transform(sha => sha.toLowerCase());
