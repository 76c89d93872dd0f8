import {
  escapePromQLString,
  queryTemplateValues,
  renderQueryTemplate,
} from './queryTemplate';
import { formatPrometheusDuration } from './prometheusDuration';
import { readMeasurementWindow } from './measurementWindow';

// Pure text: what the templates turn into. That the escaped text is valid
// PromQL matching the right series is tested against a real Prometheus in
// prometheusCriterionSource.test.ts.

const request = {
  entityRef: 'component:payments/checkout',
  environment: 'production',
  version: 'v2',
};

describe('query templates', () => {
  it('fills in every placeholder, with or without spaces inside the braces', () => {
    const values = queryTemplateValues(request, {
      duration: '15m',
      seconds: 900,
    });
    expect(
      renderQueryTemplate(
        '{{entity.kind}}|{{ entity.namespace }}|{{entity.name}}|{{entityRef}}|' +
          '{{environment}}|{{version}}|{{window}}|{{windowSeconds}}',
        values,
      ),
    ).toBe(
      'component|payments|checkout|component:payments/checkout|production|v2|15m|900',
    );
  });

  it('escapes values for PromQL double-quoted strings', () => {
    const values = queryTemplateValues(
      { ...request, version: 'v2"} or vector(1) #\\' },
      { duration: '5m', seconds: 300 },
    );
    expect(renderQueryTemplate('up{version="{{version}}"}', values)).toBe(
      'up{version="v2\\"} or vector(1) #\\\\"}',
    );
    expect(escapePromQLString('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('names an unknown placeholder and the field it is in', () => {
    const values = queryTemplateValues(request, {
      duration: '5m',
      seconds: 300,
    });
    expect(() =>
      renderQueryTemplate('up{team="{{entity.owner}}"}', values, 'query'),
    ).toThrow(
      'Unknown placeholder {{entity.owner}} in query; use one of {{entity.name}}, {{entity.namespace}}, {{entity.kind}}, {{entityRef}}, {{environment}}, {{version}}, {{window}}, {{windowSeconds}}',
    );
  });

  it('refuses an entity reference it cannot read', () => {
    expect(() =>
      queryTemplateValues(
        { ...request, entityRef: 'checkout' },
        { duration: '5m', seconds: 300 },
      ),
    ).toThrow(
      "'checkout' is not an entity reference such as component:default/checkout",
    );
  });
});

describe('windows as Prometheus durations', () => {
  it.each([
    [300, '5m'],
    [900, '15m'],
    [5400, '1h30m'],
    [7200, '2h'],
    [86400, '1d'],
    [90061, '1d1h1m1s'],
    [7 * 86400, '1w'],
    [365 * 86400, '1y'],
  ])('writes %i s as %s', (seconds, text) => {
    expect(formatPrometheusDuration(seconds)).toBe(text);
  });

  it('reads a request window, rounding to whole seconds', () => {
    expect(
      readMeasurementWindow({
        start: '2026-01-10T10:00:00Z',
        end: '2026-01-10T12:30:00.200Z',
      }),
    ).toEqual({
      start: new Date('2026-01-10T10:00:00Z'),
      end: new Date('2026-01-10T12:30:00.200Z'),
      seconds: 9000,
      duration: '2h30m',
    });
  });

  it('refuses an empty or unreadable window', () => {
    expect(() =>
      readMeasurementWindow({
        start: '2026-01-10T12:00:00Z',
        end: '2026-01-10T12:00:00Z',
      }),
    ).toThrow(
      'The window from 2026-01-10T12:00:00Z to 2026-01-10T12:00:00Z is shorter than a second',
    );
    expect(() =>
      readMeasurementWindow({
        start: 'yesterday',
        end: '2026-01-10T12:00:00Z',
      }),
    ).toThrow("window.start 'yesterday' is not an ISO 8601 time");
  });
});
