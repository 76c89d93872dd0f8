import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
  criterionTemplateValues,
  fillTemplate,
} from '@can-i-deploy/plugin-quality-gates-node';
import { checkUrl } from './checkUrl';
import { describeExpectedStatus } from './expectedStatus';
import { HostGuard } from './hostGuard';
import { readHttpCheckDefinition } from './httpCheckDefinition';
import { HttpCheckSettings } from './httpCheckSettings';

/** What the http-check source is made from. */
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
 */
export function createHttpCheckCriterionSource(
  options: HttpCheckCriterionSourceOptions,
): CriterionSource {
  const guard = new HostGuard(options.settings.allowedHosts);
  return {
    id: 'http-check',
    measure: request =>
      measure(request, options.settings, guard, options.fetch ?? fetch),
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
