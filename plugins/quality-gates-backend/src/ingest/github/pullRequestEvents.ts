import { z } from 'zod';
import { ChangeReport } from '../../delivery/DeliveryBatch';
import { GitHubEventMapping, ignore, recordOf } from './GitHubEventMapping';
import {
  commitUrl,
  normaliseRepository,
  parsePayload,
  repositorySchema,
  timestamp,
  toIsoTimestamp,
} from './githubPayloadSchema';

const pullRequestEventSchema = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number().int().positive(),
    created_at: timestamp,
    merged: z.boolean().nullish(),
    merged_at: timestamp.nullish(),
    merge_commit_sha: z.string().max(64).nullish(),
    head: z.object({ sha: z.string().min(1).max(64) }),
  }),
  repository: repositorySchema,
});

const HEAD_ACTIONS = ['opened', 'reopened', 'synchronize'];

/**
 * `pull_request` → the pull request on the commits it concerns: its head
 * commit when opened, reopened or pushed to (`synchronize`), and when
 * merged also the commit the merge created on the base branch
 * (`merge_commit_sha`; for an open pull request that is only GitHub's test
 * merge, so it is not recorded then).
 *
 * For lead time, a deployment of a merge commit finds its pull request here
 * (`pr_number`, `pr_opened_at`, `pr_merged_at`). Its first commit is the
 * earliest `committedAt` among the commits of its branch's pushes (changes
 * whose sha, or whose `pushAfterSha`, carries that number), else its
 * opening time when those pushes were not received. Commit data (message,
 * times, push) comes from push events of the same shas.
 */
export function mapPullRequestEvent(payload: unknown): GitHubEventMapping {
  const event = parsePayload(pullRequestEventSchema, payload, 'pull_request');
  const { action, pull_request: pr, repository } = event;

  let shas: string[];
  if (HEAD_ACTIONS.includes(action)) {
    shas = [pr.head.sha];
  } else if (action === 'closed' && pr.merged && pr.merge_commit_sha) {
    shas = [pr.head.sha, pr.merge_commit_sha];
  } else if (action === 'closed') {
    return ignore(
      `pull_request #${pr.number} closed without merging records nothing`,
    );
  } else {
    return ignore(
      `pull_request action '${action}' records nothing; recorded actions: ${HEAD_ACTIONS.join(
        ', ',
      )}, closed (merged)`,
    );
  }

  const pullRequest = {
    number: pr.number,
    openedAt: toIsoTimestamp(pr.created_at),
    mergedAt: pr.merged_at ? toIsoTimestamp(pr.merged_at) : undefined,
  };
  return recordOf({
    hints: { repositorySlug: repository.full_name },
    changes: [...new Set(shas)].map(
      (sha): Omit<ChangeReport, 'entityRef' | 'entityHint'> => ({
        source: 'github',
        repository: normaliseRepository(repository),
        sha,
        pullRequest,
        // The commit's page, as push events link it, so either event's
        // value is the same.
        url: commitUrl(repository, sha),
      }),
    ),
  });
}
