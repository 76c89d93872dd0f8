import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { clipText } from '../../input/storableText';
import { timestampField } from '../../input/timestamp';

/** GitHub's ISO 8601 timestamps: `2026-11-20T10:15:30Z`, commits with an offset. */
export const timestamp = timestampField('Invalid datetime');

/** The fields of `repository` every supported event carries. */
export const repositorySchema = z.object({
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name'),
  html_url: z.string().url().optional(),
});

export type GitHubRepository = z.infer<typeof repositorySchema>;

export const userSchema = z.object({ login: z.string().min(1) });

/**
 * Validates the part of a payload that is mapped; other fields pass
 * through unread. The error names the event and the field paths.
 */
export function parsePayload<T extends z.ZodTypeAny>(
  schema: T,
  payload: unknown,
  event: string,
): z.infer<T> {
  const result = schema.safeParse(payload);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues
    .slice(0, 3)
    .map(issue => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new InputError(`Invalid ${event} payload: ${problems.join('; ')}`);
}

/**
 * The repository as other sources name it: host and path, lower-case
 * (GitHub names are case-insensitive), e.g. `github.com/example-corp/checkout`.
 * The host comes from `html_url`, so GitHub Enterprise repositories keep theirs.
 */
export function normaliseRepository(repository: GitHubRepository): string {
  if (repository.html_url) {
    const url = new URL(repository.html_url);
    const path = url.pathname.replace(/\.git$/, '').replace(/\/+$/, '');
    return `${url.host}${path}`.toLowerCase();
  }
  return `github.com/${repository.full_name}`.toLowerCase();
}

/** The web page of a commit, as push events link it. */
export function commitUrl(repository: GitHubRepository, sha: string): string {
  const base =
    repository.html_url ?? `https://github.com/${repository.full_name}`;
  return `${base.replace(/\/+$/, '')}/commit/${sha}`;
}

/** ISO 8601 in UTC, from an ISO string or (push events) epoch seconds. */
export function toIsoTimestamp(value: string | number): string {
  const time =
    typeof value === 'number'
      ? DateTime.fromSeconds(value, { zone: 'utc' })
      : DateTime.fromISO(value, { zone: 'utc' });
  return time.toUTC().toISO()!;
}

/**
 * Free text that goes into a 255-character column (branch names, logins,
 * workflow names): cut, not rejected, so a valid event is never lost to it.
 */
export function clip(value: string): string;
export function clip(value: string | undefined): string | undefined;
export function clip(value: string | undefined) {
  return value === undefined ? undefined : clipText(value, 255);
}

/** The first of several optional strings that is not empty. */
export function firstNonEmpty(
  ...values: Array<string | null | undefined>
): string | undefined {
  return values.find((value): value is string => !!value) ?? undefined;
}
