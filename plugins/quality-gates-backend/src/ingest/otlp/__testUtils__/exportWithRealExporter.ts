/**
 * Sends test CI runs to a backend with the real OpenTelemetry OTLP/HTTP
 * exporters, in a process of its own: the exporters load Node's http module
 * with a dynamic import(), which Jest's module sandbox cannot run.
 *
 * Usage: node -r <TS transform> exportWithRealExporter.ts '<ExportJob JSON>'
 * Prints the export results as JSON.
 */
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ciRunSpans, CiRunSpec } from './ciRunSpans';

export interface ExportJob {
  url: string;
  authorization: string;
  encoding: 'json' | 'protobuf';
  gzip: boolean;
  batchSize: number;
  runs: CiRunSpec[];
  /** Send only spans whose index modulo 3 differs from this. */
  skipModulo3?: number;
  reverse?: boolean;
}

type ExporterConfig = NonNullable<
  ConstructorParameters<typeof JsonTraceExporter>[0]
>;

async function main(job: ExportJob) {
  const config: ExporterConfig = {
    url: job.url,
    headers: { Authorization: job.authorization },
    ...(job.gzip
      ? { compression: 'gzip' as ExporterConfig['compression'] }
      : {}),
  };
  const exporter: SpanExporter =
    job.encoding === 'json'
      ? new JsonTraceExporter(config)
      : new ProtoTraceExporter(config);
  let spans = job.runs.flatMap(run =>
    ciRunSpans(run).filter(
      (_span, i) => job.skipModulo3 === undefined || i % 3 !== job.skipModulo3,
    ),
  );
  if (job.reverse) spans = spans.reverse();
  const results: Array<{ code: number; error?: string }> = [];
  for (let i = 0; i < spans.length; i += job.batchSize) {
    const result = await new Promise<{ code: number; error?: Error }>(resolve =>
      exporter.export(spans.slice(i, i + job.batchSize), resolve),
    );
    results.push({ code: result.code, error: result.error?.message });
  }
  await exporter.shutdown();
  process.stdout.write(JSON.stringify(results));
}

main(JSON.parse(process.argv[2])).catch(error => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
