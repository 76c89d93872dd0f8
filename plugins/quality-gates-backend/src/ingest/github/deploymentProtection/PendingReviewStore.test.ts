import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../../../database/migrations';
import { PendingReviewStore } from './PendingReviewStore';

jest.setTimeout(60_000);

const REVIEW = {
  request: {
    environment: 'production',
    version: 'a'.repeat(40),
    callbackUrl:
      'https://api.github.com/repos/o/r/actions/runs/1/deployment_protection_rule',
    repository: { full_name: 'o/r' },
    hints: {},
  },
  target: {
    callbackUrl:
      'https://api.github.com/repos/o/r/actions/runs/1/deployment_protection_rule',
    repositoryUrl: 'https://github.com/o/r',
    environment: 'production',
  },
} as any;

describe('PendingReviewStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lets one replica alone claim a due review, until its lease ends (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      // Two replicas sharing one database.
      const one = new PendingReviewStore(knex, 'replica-one');
      const two = new PendingReviewStore(knex, 'replica-two');
      const now = new Date('2026-12-06T12:00:00Z');
      await one.add({
        ...REVIEW,
        nextAt: '2026-12-06T11:59:00Z',
        giveUpAt: '2026-12-06T18:00:00Z',
      });
      await one.add({
        ...REVIEW,
        nextAt: '2026-12-06T12:30:00Z',
        giveUpAt: '2026-12-06T18:00:00Z',
      });

      const [first, second] = await Promise.all([
        one.claimDue(now, 60_000),
        two.claimDue(now, 60_000),
      ]);
      // The due one, claimed once; the other is not due yet.
      expect(first.length + second.length).toBe(1);
      const [claimed] = [...first, ...second];
      expect(claimed.request).toEqual(REVIEW.request);
      expect(claimed.giveUpAt).toBe('2026-12-06T18:00:00.000Z');
      const holder = first.length ? one : two;
      const other = first.length ? two : one;

      // Held: nobody else takes it within the lease, nor removes it.
      expect(
        await other.claimDue(new Date(now.getTime() + 30_000), 60_000),
      ).toEqual([]);
      await other.remove(claimed.id);
      expect(await holder.count()).toBe(2);
      // A replica that died mid-way: the lease ends and another takes it.
      const retaken = await other.claimDue(
        new Date(now.getTime() + 61_000),
        60_000,
      );
      expect(retaken.map(r => r.id)).toEqual([claimed.id]);
      // Asked again later: free, and due only then.
      await other.reschedule(claimed.id, '2026-12-06T12:10:00Z', 'decision-2');
      expect(
        await holder.claimDue(new Date('2026-12-06T12:05:00Z'), 60_000),
      ).toEqual([]);
      const later = await holder.claimDue(
        new Date('2026-12-06T12:10:00Z'),
        60_000,
      );
      expect(later).toEqual([
        expect.objectContaining({
          id: claimed.id,
          lastDecisionId: 'decision-2',
        }),
      ]);
      await holder.remove(claimed.id);
      expect(await holder.count()).toBe(1);
    },
  );
});
