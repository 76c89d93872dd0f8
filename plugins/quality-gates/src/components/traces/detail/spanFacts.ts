import {
  SpanAttributes,
  SpanAttributeValue,
  TraceSpan,
  TraceSpanEvent,
} from '@can-i-deploy/plugin-quality-gates-common';

/** Text as is; anything else as JSON, which says what type it is. */
export function attributeText(value: SpanAttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Attributes by key, for a table a reader can scan. */
export function sortedAttributes(
  attributes: SpanAttributes | undefined,
): Array<[key: string, text: string]> {
  return Object.entries(attributes ?? {})
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([key, value]) => [key, attributeText(value)]);
}

/**
 * When the event happened after the span started. Event times come in
 * nanoseconds, beyond what a number holds exactly, so the difference is
 * taken in integers first; undefined for a time that is not a number.
 */
export function eventOffsetMicros(
  event: TraceSpanEvent,
  span: TraceSpan,
): number | undefined {
  if (!/^\d+$/.test(event.timeUnixNano)) return undefined;
  const nanos =
    BigInt(event.timeUnixNano) -
    BigInt(span.startTimeUnixMicros) * BigInt(1000);
  return Number(nanos) / 1000;
}

/**
 * A pipeline run as people know it, e.g. `deploy #812`: the CI/CD
 * conventions' pipeline name and run id from a span of that run (the root
 * usually carries them); the start of the stored id when none does.
 */
export function pipelineRunLabel(spans: TraceSpan[], runId: string): string {
  for (const span of spans) {
    if (span.pipelineRunId !== runId) continue;
    const name = span.attributes['cicd.pipeline.name'];
    const number = span.attributes['cicd.pipeline.run.id'];
    if (typeof name === 'string' && name && number !== undefined) {
      return `${name} #${attributeText(number)}`;
    }
    if (typeof name === 'string' && name) return name;
  }
  return runId.length > 8 ? runId.slice(0, 8) : runId;
}
