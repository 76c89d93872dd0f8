import { mapPushEvent } from './pushEvents';
import { pushEvent, SHAS } from './__fixtures__/githubEvents';

describe('mapPushEvent', () => {
  it('records every commit of a push to the default branch', () => {
    const mapping = mapPushEvent(pushEvent());
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.hints).toEqual({
      repositorySlug: 'example-corp/checkout',
    });
    const common = {
      source: 'github',
      repository: 'github.com/example-corp/checkout',
      author: 'octo-dev',
      authoredAt: undefined,
      ref: 'refs/heads/main',
      pushBeforeSha: SHAS.mainBefore,
      pushAfterSha: SHAS.merge,
    };
    expect(mapping.record.changes).toEqual([
      {
        ...common,
        sha: SHAS.featureFirst,
        message: 'Cache basket totals',
        // The commit's own offset, in UTC.
        committedAt: '2026-11-18T15:40:03.000Z',
        // Pushed before, to the feature branch: that push's time stands.
        pushedAt: undefined,
        url: `https://github.com/example-corp/checkout/commit/${SHAS.featureFirst}`,
      },
      expect.objectContaining({
        sha: SHAS.featureSecond,
        committedAt: '2026-11-19T08:12:44.000Z',
        pushedAt: undefined,
      }),
      {
        ...common,
        sha: SHAS.merge,
        message:
          'Merge pull request #42 from example-corp/faster-checkout\n\nFaster checkout',
        committedAt: '2026-11-20T10:02:09.000Z',
        // repository.pushed_at, in epoch seconds.
        pushedAt: '2026-11-20T10:02:11.000Z',
        url: `https://github.com/example-corp/checkout/commit/${SHAS.merge}`,
      },
    ]);
  });

  it('skips commits already in the repository when pushed to another branch', () => {
    const mapping = mapPushEvent(
      pushEvent({ ref: 'refs/heads/faster-checkout' }),
    );
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.changes!.map(change => change.sha)).toEqual([
      SHAS.merge,
    ]);
  });

  it('falls back to the head commit time without repository.pushed_at', () => {
    const event = pushEvent();
    delete event.repository!.pushed_at;
    const mapping = mapPushEvent(event);
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.changes![2].pushedAt).toBe(
      '2026-11-20T10:02:09.000Z',
    );
  });

  it('does not store the null sha of a new branch as a push boundary', () => {
    const event = pushEvent({ ref: 'refs/heads/faster-checkout' });
    event.before = '0000000000000000000000000000000000000000';
    event.created = true;
    const mapping = mapPushEvent(event);
    if (mapping.kind !== 'record') throw new Error('expected a record');
    expect(mapping.record.changes![0].pushBeforeSha).toBeUndefined();
  });

  it('records nothing for a deleted branch or a push without new commits', () => {
    const deleted = pushEvent({ ref: 'refs/heads/faster-checkout' });
    deleted.deleted = true;
    deleted.after = '0000000000000000000000000000000000000000';
    deleted.commits = [];
    deleted.head_commit = null;
    expect(mapPushEvent(deleted)).toEqual({
      kind: 'ignore',
      reason: 'push deleting refs/heads/faster-checkout records nothing',
    });

    const tag = pushEvent({ ref: 'refs/tags/v1.4.2' });
    tag.commits = [];
    expect(mapPushEvent(tag)).toEqual({
      kind: 'ignore',
      reason: 'push to refs/tags/v1.4.2 brought no new commits to record',
    });
  });

  it('names the invalid commit', () => {
    const event = pushEvent();
    delete event.commits![1].id;
    expect(() => mapPushEvent(event)).toThrow(
      'Invalid push payload: commits.1.id: Required',
    );
  });
});
