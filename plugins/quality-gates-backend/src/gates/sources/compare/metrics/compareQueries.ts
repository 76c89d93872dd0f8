import {
  InstantQueryResult,
  PrometheusClient,
  queryAll,
} from '../../../../prometheus';

/** A range query's samples: every series' values, pooled. */
export interface RangeSamples {
  values: number[];
  series: number;
}

/** The queries a comparison runs, through the one client, under the evaluation's signal. */
export class CompareQueries {
  readonly #client: PrometheusClient;
  readonly #signal?: AbortSignal;

  constructor(client: PrometheusClient, signal?: AbortSignal) {
    this.#client = client;
    this.#signal = signal;
  }

  /** Instant queries, each at its own time, all or nothing. */
  instant(
    queries: Array<{ query: string; time: Date }>,
  ): Promise<InstantQueryResult[]> {
    return queryAll(
      this.#signal,
      queries.map(
        ({ query, time }) =>
          (signal: AbortSignal) =>
            this.#client.instantQuery(query, time, signal),
      ),
    );
  }

  /** Every value from `start` to `end` every `stepSeconds`, all series pooled. */
  async range(
    query: string,
    window: { start: Date; end: Date },
    stepSeconds: number,
  ): Promise<RangeSamples> {
    const series = await this.#client.rangeQuery(
      query,
      window,
      stepSeconds,
      this.#signal,
    );
    return {
      series: series.length,
      values: series.flatMap(s => s.values),
    };
  }
}
