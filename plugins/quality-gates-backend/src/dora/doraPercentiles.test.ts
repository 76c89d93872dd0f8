import { TestDatabases } from '@backstage/backend-test-utils';
import { nearestRank } from './doraSql';

// On PostgreSQL the DORA percentiles come from percentile_disc, on SQLite
// from row numbers and nearestRank's integer arithmetic. Both must pick the
// same row for every count: percentile_disc computes ceil(p·n) in floating
// point, which must not round across an integer.

jest.setTimeout(60_000);

describe('nearest-rank percentiles', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });

  it.each(databases.eachSupportedId())(
    '%p: percentile_disc picks row ceil(p·n), as nearestRank does',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const result = await knex.raw(`
        select n.n,
          (select percentile_disc(0.5) within group (order by g) from generate_series(1, n.n) g) as p50,
          (select percentile_disc(0.9) within group (order by g) from generate_series(1, n.n) g) as p90,
          ${nearestRank(50, 'n.n')} as rank50,
          ${nearestRank(90, 'n.n')} as rank90
        from generate_series(1, 2000) n(n)`);
      const differing = result.rows.filter(
        (row: any) =>
          Number(row.p50) !== Number(row.rank50) ||
          Number(row.p90) !== Number(row.rank90),
      );
      expect(result.rows).toHaveLength(2000);
      expect(differing).toEqual([]);
    },
  );
});
