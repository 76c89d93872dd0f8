import {
  EvidenceFact,
  EvidenceSentence,
  formatDuration,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
  criterionTemplateValues,
  fillTemplate,
} from '@can-i-deploy/plugin-quality-gates-node';
import { checkUrl, UrlCheck } from './checkUrl';
import { describeExpectedStatus } from './expectedStatus';
import { HostGuard } from './hostGuard';
import { readHttpCheckDefinition } from './httpCheckDefinition';
import { HttpCheckSettings, SETTINGS_KEY } from './httpCheckSettings';

/**
 * What the http-check source is made from.
 *
 * @public
 */
export interface HttpCheckCriterionSourceOptions {
  settings: HttpCheckSettings;
  /** For tests or proxies; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * `source: http-check`: synthetic requests to one or more URLs, each
 * expected to answer with an accepted status within a latency bound,
 * within `tries` with backoff. The value is the share of URLs that passed
 * (1 = all), so the default `>= 1` needs every one; the evidence keeps
 * every try of every URL.
 *
 * A URL that fails is a measurement, not a provider error; a definition
 * that is wrong or a URL the guard refuses throws (the criterion is then
 * `error`), as does the evaluation's deadline.
 *
 * @public
 */
export function createHttpCheckCriterionSource(
  options: HttpCheckCriterionSourceOptions,
): CriterionSource {
  const guards = guardsOf(options.settings);
  return {
    id: 'http-check',
    // Criteria from a component's gate file call only the hosts listed for
    // repositories.
    safeForRepositoryConfig: true,
    measure: request =>
      measure(
        request,
        options.settings,
        guards[request.origin] ?? guards.component,
        options.fetch ?? fetch,
      ),
  };
}

/** One guard per origin: central gates and components' gate files. */
function guardsOf(
  settings: HttpCheckSettings,
): Record<CriterionMeasurementRequest['origin'], HostGuard> {
  const repositoryKey = `${SETTINGS_KEY}.repositoryAllowedHosts`;
  return {
    central: new HostGuard(
      settings.allowedHosts,
      host => `host ${host} is not in ${SETTINGS_KEY}.allowedHosts`,
    ),
    component: new HostGuard(settings.repositoryAllowedHosts, host =>
      settings.repositoryAllowedHosts.length === 0
        ? `host ${host} cannot be checked from a component's gate file: ${repositoryKey} is empty; the platform team may list there the hosts repositories may check`
        : `host ${host} is not in ${repositoryKey}, the hosts a component's gate file may check`,
    ),
  };
}

async function measure(
  request: CriterionMeasurementRequest,
  settings: HttpCheckSettings,
  guard: HostGuard,
  fetchImpl: typeof fetch,
): Promise<CriterionMeasurement> {
  const definition = readHttpCheckDefinition(request.definition);
  const values = criterionTemplateValues(request);
  const templates = definition.urls ?? [definition.url!];
  const urls = templates.map((template, index) => {
    const field = definition.urls ? `urls[${index}]` : 'url';
    const rendered = fillTemplate(template, values, {
      field,
      encode: encodeURIComponent,
    });
    let url: URL;
    try {
      url = new URL(rendered);
    } catch {
      throw new Error(
        `http-check criterion: ${field} '${rendered}' is not a URL`,
      );
    }
    const refusal = guard.refusal(url);
    if (refusal) {
      throw new Error(`http-check criterion: ${field} ${rendered}: ${refusal}`);
    }
    return url.toString();
  });

  const checks = await Promise.all(
    urls.map(url =>
      checkUrl(
        url,
        {
          method: definition.method,
          headers: definition.headers ?? {},
          expectStatus: definition.expectStatus,
          maxLatencyMs: definition.maxLatencyMs,
          timeoutMs: definition.maxLatencyMs ?? settings.timeoutMs,
          bodyContains: definition.bodyContains,
          followRedirects: definition.followRedirects,
          tries: definition.tries,
          backoffMs: definition.backoffMs,
          guard,
          fetch: fetchImpl,
        },
        request.signal,
      ),
    ),
  );
  const passed = checks.filter(check => check.passed).length;
  return {
    value: passed / checks.length,
    sampleSize: checks.length,
    ...(checks.length === 1 ? { link: checks[0].url } : {}),
    ...httpCheckEvidence(definition.method, checks),
    details: {
      // Header values may be credentials: only their names are kept.
      request: {
        method: definition.method,
        expectStatus: describeExpectedStatus(definition.expectStatus),
        ...(definition.maxLatencyMs !== undefined
          ? { maxLatencyMs: definition.maxLatencyMs }
          : {}),
        tries: definition.tries,
        backoffMs: definition.backoffMs,
        ...(definition.bodyContains !== undefined
          ? { bodyContains: definition.bodyContains }
          : {}),
        ...(definition.headers
          ? { headerNames: Object.keys(definition.headers) }
          : {}),
      },
      passed,
      failed: checks.filter(check => !check.passed).map(check => check.url),
      urls: checks,
    },
  };
}

/** Why one URL failed, from its last try: the status or the error. */
function failureOf(check: UrlCheck): string {
  const last = check.attempts[check.attempts.length - 1];
  if (!last) return 'not tried';
  if (last.error) return last.error;
  return last.status === undefined ? 'no answer' : `answered ${last.status}`;
}

function tries(check: UrlCheck): string {
  const n = check.attempts.length;
  return n > 1 ? ` after ${n} tries` : '';
}

/**
 * "GET https://shop.example.com/health answered 200 in 120 ms", or which
 * URLs failed and why.
 */
export function httpCheckEvidence(
  method: string,
  checks: UrlCheck[],
): Pick<CriterionMeasurement, 'summary' | 'facts' | 'valueKind'> {
  const failed = checks.filter(check => !check.passed);
  const facts: EvidenceFact[] = checks.map(check => {
    const last = check.attempts[check.attempts.length - 1];
    return {
      kind: 'text' as const,
      label: check.url,
      text: check.passed
        ? `answered ${last?.status ?? ''} in ${formatDuration(
            last?.latencyMs ?? 0,
          )}${tries(check)}`.replace('  ', ' ')
        : `failed: ${failureOf(check)}${tries(check)}`,
    };
  });
  if (checks.length === 1) {
    const [check] = checks;
    const last = check.attempts[check.attempts.length - 1];
    const url: EvidenceFact = { kind: 'link', url: check.url, text: check.url };
    return {
      summary: check.passed
        ? [
            `${method} `,
            url,
            ` answered ${last?.status ?? ''} in `.replace('  ', ' '),
            { kind: 'duration', ms: last?.latencyMs ?? 0 },
          ]
        : [`${method} `, url, ` failed: ${failureOf(check)}${tries(check)}`],
      facts,
      valueKind: { kind: 'ratio' },
    };
  }
  const passed = checks.length - failed.length;
  return {
    summary: [
      { kind: 'count', value: passed },
      ' of ',
      { kind: 'count', value: checks.length, unit: 'URL' },
      ' answered as expected',
      ...(failed.length
        ? [
            '; ',
            ...failed.flatMap(
              (check, index): EvidenceSentence => [
                ...(index > 0 ? [', '] : []),
                { kind: 'link', url: check.url, text: check.url },
                ` ${failureOf(check)}`,
              ],
            ),
          ]
        : []),
    ],
    facts,
    valueKind: { kind: 'ratio' },
  };
}
