import {
  DEFAULT_BURN_RATE_WINDOWS,
  readBurnRateDefinition,
} from './burnRateDefinition';

const QUERY =
  'sum(rate(errors_total[{{window}}])) / sum(rate(requests_total[{{window}}]))';

describe('burn-rate definitions', () => {
  it('defaults to the SRE workbook pairs and checks coverage', () => {
    const definition = readBurnRateDefinition({
      sloTarget: 0.999,
      errorRatioQuery: QUERY,
    });
    expect(definition.checkCoverage).toBe(true);
    expect(definition.windows).toEqual(
      DEFAULT_BURN_RATE_WINDOWS.map((pair, i) => ({
        ...pair,
        longSeconds: [3600, 21600, 86400, 259200][i],
        shortSeconds: [300, 1800, 7200, 21600][i],
      })),
    );
  });

  it('writes custom windows the way Prometheus does', () => {
    expect(
      readBurnRateDefinition({
        sloTarget: 0.99,
        errorRatioQuery: QUERY,
        windows: [{ long: '60m', short: '300s', factor: 10 }],
        checkCoverage: false,
      }),
    ).toEqual({
      sloTarget: 0.99,
      errorRatioQuery: QUERY,
      windows: [
        {
          long: '1h',
          short: '5m',
          factor: 10,
          longSeconds: 3600,
          shortSeconds: 300,
        },
      ],
      checkCoverage: false,
    });
  });

  it.each([
    [
      { sloTarget: 99.9, errorRatioQuery: QUERY },
      "A burn-rate criterion's 'sloTarget' must be a number between 0 and 1, e.g. 0.999 for 99.9 %; got 99.9",
    ],
    [{ sloTarget: '0.999', errorRatioQuery: QUERY }, 'got "0.999"'],
    [{ sloTarget: 1, errorRatioQuery: QUERY }, 'got 1'],
    [{ sloTarget: 0.999 }, "A burn-rate criterion needs an 'errorRatioQuery'"],
    [
      { sloTarget: 0.999, errorRatioQuery: 'sum(rate(errors_total[1h]))' },
      "A burn-rate criterion's 'errorRatioQuery' must use {{window}}",
    ],
    [
      { sloTarget: 0.999, errorRatioQuery: QUERY, windows: [] },
      "A burn-rate criterion's 'windows' must list pairs such as { long: '1h', short: '5m', factor: 14.4 }",
    ],
    [
      {
        sloTarget: 0.999,
        errorRatioQuery: QUERY,
        windows: [{ long: '1 hour', short: '5m', factor: 14.4 }],
      },
      'windows[0].long must be a Prometheus duration of whole seconds such as 5m, 1h or 3d; got "1 hour"',
    ],
    [
      {
        sloTarget: 0.999,
        errorRatioQuery: QUERY,
        windows: [
          { long: '1h', short: '5m', factor: 14.4 },
          { long: '30m', short: '6h', factor: 6 },
        ],
      },
      'windows[1]: the short window (6h) must be shorter than the long one (30m)',
    ],
    [
      {
        sloTarget: 0.999,
        errorRatioQuery: QUERY,
        windows: [{ long: '1h', short: '5m', factor: 0 }],
      },
      'windows[0].factor must be a positive number (the burn rate that alerts), got 0',
    ],
    [
      { sloTarget: 0.999, errorRatioQuery: QUERY, checkCoverage: 'yes' },
      "A burn-rate criterion's 'checkCoverage' must be true or false",
    ],
  ])('refuses %j', (definition, message) => {
    expect(() => readBurnRateDefinition(definition)).toThrow(message);
  });
});
