import { mapPullRequestEvent } from './pullRequestEvents';
import {
  pullRequestClosedEvent,
  pullRequestOpenedEvent,
  SHAS,
} from './__fixtures__/githubEvents';

describe('mapPullRequestEvent', () => {
  it('puts an opened pull request on its head commit only', () => {
    expect(mapPullRequestEvent(pullRequestOpenedEvent())).toEqual({
      kind: 'record',
      record: {
        hints: { repositorySlug: 'example-corp/checkout' },
        changes: [
          {
            source: 'github',
            repository: 'github.com/example-corp/checkout',
            sha: SHAS.featureSecond,
            pullRequest: {
              number: 42,
              openedAt: '2026-11-18T16:45:10.000Z',
              mergedAt: undefined,
            },
            url: `https://github.com/example-corp/checkout/commit/${SHAS.featureSecond}`,
          },
        ],
      },
    });
  });

  it('puts a merged pull request on its head and its merge commit', () => {
    const mapping = mapPullRequestEvent(pullRequestClosedEvent(true));
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(
      mapping.record.changes!.map(change => [change.sha, change.pullRequest]),
    ).toEqual([
      [
        SHAS.featureSecond,
        {
          number: 42,
          openedAt: '2026-11-18T16:45:10.000Z',
          mergedAt: '2026-11-20T10:02:09.000Z',
        },
      ],
      [
        SHAS.merge,
        {
          number: 42,
          openedAt: '2026-11-18T16:45:10.000Z',
          mergedAt: '2026-11-20T10:02:09.000Z',
        },
      ],
    ]);
  });

  it('records nothing for a pull request closed without merging, or other actions', () => {
    expect(mapPullRequestEvent(pullRequestClosedEvent(false))).toEqual({
      kind: 'ignore',
      reason: 'pull_request #42 closed without merging records nothing',
    });
    const labeled = { ...pullRequestOpenedEvent(), action: 'labeled' };
    expect(mapPullRequestEvent(labeled)).toEqual({
      kind: 'ignore',
      reason: expect.stringContaining("action 'labeled' records nothing"),
    });
  });

  it('treats synchronize and reopened like opened', () => {
    for (const action of ['synchronize', 'reopened']) {
      const mapping = mapPullRequestEvent({
        ...pullRequestOpenedEvent(),
        action,
      });
      expect(
        mapping.kind === 'record' && mapping.record.changes!.map(c => c.sha),
      ).toEqual([SHAS.featureSecond]);
    }
  });
});
