import { DateTime } from 'luxon';
import {
  formatHistoryQuery,
  historyFilters,
  historyRequest,
  parseHistoryQuery,
} from './historyQuery';

describe('history query', () => {
  it('reads known filters from the URL and drops the rest', () => {
    const query = parseHistoryQuery(
      new URLSearchParams(
        'gateId=release-checks&owner=checkout-team&environment=production&verdict=fail&overridden=no&from=2026-11-01&to=2026-11-30&page=3&pageSize=50&verdict2=x',
      ),
    );
    expect(query).toEqual({
      gateId: 'release-checks',
      owner: 'checkout-team',
      environment: 'production',
      verdict: 'fail',
      overridden: 'no',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 2,
      pageSize: 50,
    });

    expect(
      parseHistoryQuery(
        new URLSearchParams(
          'verdict=maybe&overridden=perhaps&from=yesterday&page=-1&pageSize=7',
        ),
      ),
    ).toEqual({ page: 0, pageSize: 25 });
  });

  it('writes it back without defaults, one-based pages', () => {
    expect(
      formatHistoryQuery({
        verdict: 'error',
        overridden: 'yes',
        page: 1,
        pageSize: 25,
      }).toString(),
    ).toBe('verdict=error&overridden=yes&page=2');
    expect(formatHistoryQuery({ page: 0, pageSize: 25 }).toString()).toBe('');
  });

  it('keeps the effectiveness view in the URL, and nothing else as a view', () => {
    const query = parseHistoryQuery(
      new URLSearchParams('view=effectiveness&gateId=soak'),
    );
    expect(query).toEqual({
      view: 'effectiveness',
      gateId: 'soak',
      page: 0,
      pageSize: 25,
    });
    expect(formatHistoryQuery(query).toString()).toBe(
      'gateId=soak&view=effectiveness',
    );
    expect(parseHistoryQuery(new URLSearchParams('view=other')).view).toBe(
      undefined,
    );
  });

  it('turns days into the time range the API takes, through the last day', () => {
    const filters = historyFilters({
      overridden: 'no',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 0,
      pageSize: 25,
    });
    expect(filters).toEqual({
      overridden: false,
      from: DateTime.fromISO('2026-11-01').toUTC().toISO(),
      to: DateTime.fromISO('2026-12-01').toUTC().toISO(),
    });
    expect(historyRequest({ gateId: 'freeze', page: 2, pageSize: 50 })).toEqual(
      { gateId: 'freeze', limit: 50, offset: 100 },
    );
  });
});
