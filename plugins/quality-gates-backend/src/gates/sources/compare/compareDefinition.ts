import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parsePrometheusDuration } from '../prometheus/prometheusDuration';

/** Prometheus' (pre-UTF-8) metric and label name rules. */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** One `name op "value"` matcher; the value may hold `{{placeholders}}`. */
const MATCHER =
  /^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*$/;

const metricName = z
  .string()
  .regex(
    METRIC_NAME,
    'must be a Prometheus metric name such as http_requests_total',
  );

/**
 * Extra label matchers as PromQL, with or without braces:
 * `{job="checkout",environment="{{environment}}"}`. Placeholders are
 * filled in and escaped like a prometheus criterion's query.
 */
const selector = z
  .string()
  .transform(text =>
    text
      .trim()
      .replace(/^\{([\s\S]*)\}$/, '$1')
      .trim(),
  )
  .refine(text => text === '' || splitMatchers(text).every(isMatcher), {
    message:
      'must be label matchers such as {job="checkout"} (name, =, !=, =~ or !~, a double-quoted value)',
  });

const tolerance = z
  .object({
    relative: z.number().min(0, 'must not be negative').optional(),
    absolute: z
      .number()
      .min(0, 'must not be negative')
      .lt(1, 'must be below 1 (a share of requests)')
      .optional(),
  })
  .strict();

const probability = z
  .number()
  .gt(0, 'must lie strictly between 0 and 1')
  .lt(1, 'must lie strictly between 0 and 1');

const errorRatioMetric = z
  .object({
    type: z.literal('errorRatio'),
    /** A request counter, e.g. `http_requests_total`. */
    counter: metricName,
    /** Which requests failed; default 5xx on a `code` label. */
    errorMatcher: z
      .string()
      .refine(isMatcher, {
        message: 'must be one label matcher such as code=~"5.."',
      })
      .default('code=~"5.."'),
    selector: selector.optional(),
  })
  .strict();

const histogramMetric = z
  .object({
    type: z.literal('histogram'),
    /** The histogram's base name, without `_bucket`/`_count`/`_sum`. */
    histogram: metricName.refine(name => !/_(bucket|count|sum)$/.test(name), {
      message:
        'must be the base name, without _bucket, _count or _sum (e.g. http_request_duration_seconds)',
    }),
    quantiles: z.array(probability).min(1).optional(),
    selector: selector.optional(),
  })
  .strict();

const gaugeMetric = z
  .object({
    type: z.literal('gauge'),
    metric: metricName,
    /** Resolution of the samples; default a sixtieth of the window. */
    step: z
      .string()
      .refine(text => wholeSeconds(text) !== undefined, {
        message: 'must be a Prometheus duration such as 30s or 1m',
      })
      .optional(),
    selector: selector.optional(),
  })
  .strict();

/**
 * A compare criterion's default confidence. A gate usually holds two or
 * three of them (errors, latency, perhaps a gauge), and each may hold back
 * a harmless version with probability up to 1 − confidence on its test
 * alone, so the gate up to k times that. At 0.99 each, a gate of two holds
 * back at most 2 % of harmless versions (Bonferroni); the replay
 * (bench/compare-replay.ts) measured specificity 0.958–0.975 at 0.95 and
 * 0.992–1.000 at 0.99, with sensitivity 0.993–1.000 at both.
 */
export const CRITERION_CONFIDENCE_LEVEL = 0.99;

const definitionSchema = z
  .object({
    metric: z.discriminatedUnion('type', [
      errorRatioMetric,
      histogramMetric,
      gaugeMetric,
    ]),
    /** The label carrying the version. */
    versionLabel: z
      .string()
      .regex(
        LABEL_NAME,
        'must be a Prometheus label name; Prometheus writes service.version as service_version',
      )
      .default('version'),
    /**
     * Where the baseline comes from. Not named `baseline`: that field of a
     * criterion is the evaluator's (earlier evaluations), never the source's.
     */
    compareWith: z
      .object({
        strategy: z.enum(['auto', 'canary', 'previous']).default('auto'),
        offset: z.enum(['none', '1d', '7d']).default('none'),
      })
      .strict()
      .default({}),
    direction: z.enum(['increase', 'decrease', 'either']).optional(),
    /** Fail once a change beyond it is established. */
    tolerance: tolerance.optional(),
    /**
     * Pass once the change is shown within it (error ratio and histogram;
     * never below the tolerance). Between the two either verdict is right,
     * which lets every version reach one.
     */
    passTolerance: tolerance.optional(),
    confidenceLevel: z
      .number()
      .gt(0.5, 'must lie between 0.5 and 1, e.g. 0.99')
      .lt(1, 'must lie between 0.5 and 1, e.g. 0.99')
      .default(CRITERION_CONFIDENCE_LEVEL),
    /** Per side: requests, observations or samples. */
    minSamples: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((definition, ctx) => {
    for (const field of ['tolerance', 'passTolerance'] as const) {
      if (
        definition.metric.type === 'histogram' &&
        definition[field]?.absolute !== undefined
      ) {
        ctx.addIssue({
          code: 'custom',
          path: [field, 'absolute'],
          message:
            'a histogram comparison has only a relative tolerance (of each quantile)',
        });
      }
    }
    if (definition.metric.type === 'gauge' && definition.passTolerance) {
      ctx.addIssue({
        code: 'custom',
        path: ['passTolerance'],
        message:
          'a gauge comparison is judged at a fixed sample: it has a tolerance only',
      });
    }
  });

export type CompareDefinition = z.infer<typeof definitionSchema>;
export type CompareMetric = CompareDefinition['metric'];
export type BaselineStrategy = CompareDefinition['compareWith']['strategy'];

/** Reads and checks a definition; throws naming the field that is wrong. */
export function readCompareDefinition(
  definition: Record<string, unknown>,
): CompareDefinition {
  const parsed = definitionSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(issue => {
    const field = issue.path.join('.') || 'definition';
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`Invalid compare criterion: ${problems.join('; ')}`);
}

/** Seconds of a duration such as `30s`, or undefined when it is not one. */
export function wholeSeconds(text: string): number | undefined {
  const seconds = parsePrometheusDuration(text);
  return seconds !== undefined && seconds >= 1 && Number.isInteger(seconds)
    ? seconds
    : undefined;
}

/** Matchers split at commas outside double-quoted values. */
export function splitMatchers(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '\\') {
      current += char + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  // A trailing comma is valid PromQL.
  return parts.filter((part, i) => i < parts.length - 1 || part.trim());
}

function isMatcher(text: string): boolean {
  return MATCHER.test(text);
}
