import { TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import { applyDatabaseMigrations } from '../../database/migrations';
import { GitHubDeliveryLog } from './GitHubDeliveryLog';

jest.setTimeout(60_000);

describe('GitHubDeliveryLog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'marks a delivery once and forgets it after a week, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const log = new GitHubDeliveryLog(knex);

      expect(await log.isRecorded('d-1')).toBe(false);
      expect(
        await knex.transaction(tx => log.markRecorded(tx, 'd-1', 'push')),
      ).toBe(true);
      expect(
        await knex.transaction(tx => log.markRecorded(tx, 'd-1', 'push')),
      ).toBe(false);
      expect(await log.isRecorded('d-1')).toBe(true);

      await knex('github_webhook_deliveries').insert({
        delivery_id: 'd-old',
        event: 'deployment_status',
        received_at: DateTime.utc().minus({ days: 8 }).toJSDate(),
      });
      await log.pruneIfDue();
      expect(
        (await knex('github_webhook_deliveries').select('delivery_id')).map(
          row => row.delivery_id,
        ),
      ).toEqual(['d-1']);

      // At most once an hour: a second call right away deletes nothing.
      await knex('github_webhook_deliveries').insert({
        delivery_id: 'd-old-2',
        event: 'push',
        received_at: DateTime.utc().minus({ days: 8 }).toJSDate(),
      });
      await log.pruneIfDue();
      expect(await log.isRecorded('d-old-2')).toBe(true);
    },
  );
});
