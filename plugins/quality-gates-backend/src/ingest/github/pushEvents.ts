import { z } from 'zod';
import { ChangeReport } from '../../delivery/DeliveryBatch';
import { GitHubEventMapping, ignore, recordOf } from './GitHubEventMapping';
import {
  clip,
  firstNonEmpty,
  normaliseRepository,
  parsePayload,
  repositorySchema,
  timestamp,
  toIsoTimestamp,
} from './githubPayloadSchema';

/** What GitHub puts in `before`/`after` for a branch that did not / no longer exists. */
const NULL_SHA = /^0+$/;

const commitSchema = z.object({
  id: z.string().min(1).max(64),
  distinct: z.boolean().optional(),
  message: z.string().optional(),
  timestamp: timestamp.optional(),
  url: z.string().optional(),
  author: z
    .object({
      name: z.string().nullish(),
      username: z.string().nullish(),
      date: timestamp.nullish(),
    })
    .nullish(),
});

type PushedCommit = z.infer<typeof commitSchema>;

const pushEventSchema = z.object({
  ref: z.string().min(1),
  before: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  commits: z.array(commitSchema).nullish(),
  head_commit: commitSchema.nullish(),
  repository: repositorySchema.extend({
    // Epoch seconds in push events, ISO 8601 elsewhere.
    pushed_at: z.union([z.number(), timestamp]).nullish(),
    default_branch: z.string().optional(),
  }),
});

/**
 * `push` → one change per commit pushed. Lead time joins a deployment to
 * the push whose `after` is the deployed sha (`pushAfterSha`): the commits
 * of that push are what it brought, and the earliest `committedAt` among
 * them starts the clock.
 *
 * - `pushedAt` (when the commit reached the repository) is the push's time,
 *   `repository.pushed_at`, else the head commit's timestamp.
 * - Commits GitHub marks not `distinct` were already in the repository.
 *   Pushed to the default branch (a fast-forward merge) they are recorded
 *   again, so they join that branch's push and its deployments, but keep
 *   their first push time. Pushed elsewhere (e.g. the default branch merged
 *   into a feature branch) they are skipped: recording them would move
 *   them off the default branch's push.
 * - Pushes that only create or delete a branch or tag bring no commits and
 *   record nothing.
 */
export function mapPushEvent(payload: unknown): GitHubEventMapping {
  const event = parsePayload(pushEventSchema, payload, 'push');
  if (event.deleted) {
    return ignore(`push deleting ${event.ref} records nothing`);
  }
  const defaultBranch = event.repository.default_branch;
  const toDefaultBranch =
    !defaultBranch || event.ref === `refs/heads/${defaultBranch}`;
  const commits = (event.commits ?? []).filter(
    commit => commit.distinct !== false || toDefaultBranch,
  );
  if (commits.length === 0) {
    return ignore(`push to ${event.ref} brought no new commits to record`);
  }

  const repository = normaliseRepository(event.repository);
  const pushedAt = firstNonEmpty(
    event.repository.pushed_at !== null &&
      event.repository.pushed_at !== undefined
      ? toIsoTimestamp(event.repository.pushed_at)
      : undefined,
    event.head_commit?.timestamp
      ? toIsoTimestamp(event.head_commit.timestamp)
      : undefined,
  );
  const changes = commits.map(
    (commit): Omit<ChangeReport, 'entityRef' | 'entityHint'> => ({
      source: 'github',
      repository,
      sha: commit.id,
      message: commit.message,
      author: clip(authorOf(commit)),
      authoredAt: commit.author?.date
        ? toIsoTimestamp(commit.author.date)
        : undefined,
      committedAt: commit.timestamp
        ? toIsoTimestamp(commit.timestamp)
        : undefined,
      pushedAt: commit.distinct === false ? undefined : pushedAt,
      ref: clip(event.ref),
      pushBeforeSha: realSha(event.before),
      pushAfterSha: realSha(event.after),
      url: commit.url,
    }),
  );
  return recordOf({
    hints: { repositorySlug: event.repository.full_name },
    changes,
  });
}

function authorOf(commit: PushedCommit): string | undefined {
  return firstNonEmpty(commit.author?.username, commit.author?.name);
}

function realSha(sha: string): string | undefined {
  return sha && !NULL_SHA.test(sha) ? sha.slice(0, 64) : undefined;
}
