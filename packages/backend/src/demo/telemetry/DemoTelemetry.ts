import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { demoHistoryFor } from '../history/demoHistory';
import { scenarioOf } from '../scenarios';
import { scrapeText, writeOpenMetrics } from './exposition';
import {
  backfill,
  findBinary,
  startPrometheus,
  stopProcess,
} from './prometheusProcess';
import { trafficSeries } from './trafficModel';

/** How far before the demo's start the telemetry reaches back. */
const HISTORY_HOURS = 7;
/** At most this much past is backfilled, however old the demo is. */
const MAX_BACKFILL_HOURS = 48;
const BACKFILL_STEP_SECONDS = 30;
const SCRAPE_INTERVAL = '15s';
/** Also on these, before anything else may end the process. */
const EXIT_EVENTS = ['exit', 'SIGINT', 'SIGTERM'] as const;

/** Why the demo has no Prometheus, in a line a person acts on. */
export const MISSING_BINARIES =
  'Prometheus is not configured: install prometheus and promtool (scripts/install-system-packages.sh) and restart the demo';

/** The demo telemetry could not start, and why. */
export class DemoTelemetryUnavailable extends Error {}

/**
 * Demo only: the demo components' request counters and latency histograms
 * in a real Prometheus on a free loopback port. The past (from a few hours
 * before the demo's history was written) is backfilled with promtool; from
 * then on Prometheus scrapes the same counters live from a small exporter
 * in this process, so the data always ends now. Everything lives in a
 * temporary directory that `stop` removes.
 */
export class DemoTelemetry {
  private stopped?: Promise<void>;
  private readonly onExit = () => this.stopNow();

  private constructor(
    readonly baseUrl: string,
    readonly summary: { series: number; samples: number; stories: number },
    private readonly parts: {
      workDir: string;
      prometheus: ChildProcess;
      exporter: http.Server;
    },
  ) {
    // A backend that exits without its shutdown hooks (a failed start, a
    // development server that stops its backend at once on Ctrl+C) still
    // ends its Prometheus and removes its data.
    for (const event of EXIT_EVENTS) process.once(event, this.onExit);
  }

  /**
   * Starts Prometheus over the telemetry of the stories of `entityRefs`,
   * as their demo history written at `anchor` tells them. Throws
   * {@link DemoTelemetryUnavailable} when the binaries are missing.
   */
  static async start(options: {
    entityRefs: string[];
    anchor: DateTime;
    now?: DateTime;
  }): Promise<DemoTelemetry> {
    const prometheusBinary = findBinary('prometheus');
    const promtool = findBinary('promtool');
    if (!prometheusBinary || !promtool) {
      throw new DemoTelemetryUnavailable(MISSING_BINARIES);
    }
    const now = options.now ?? DateTime.utc();
    const stories = options.entityRefs.flatMap(entityRef => {
      const scenario = scenarioOf(entityRef);
      if (!scenario) return [];
      const { releases } = demoHistoryFor(entityRef, '', options.anchor);
      return [
        {
          scenario,
          previousVersion: releases[releases.length - 2].version,
          candidateVersion: releases[releases.length - 1].version,
        },
      ];
    });
    const end = Math.floor(now.toSeconds());
    const start = Math.max(
      Math.floor(options.anchor.minus({ hours: HISTORY_HOURS }).toSeconds()),
      end - MAX_BACKFILL_HOURS * 3600,
    );
    const series = trafficSeries(
      stories,
      Math.floor(options.anchor.toSeconds()),
      start,
    );

    const workDir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'can-i-deploy-demo-telemetry-'),
    );
    let exporter: http.Server | undefined;
    try {
      exporter = await serveMetrics(() =>
        scrapeText(series, Date.now() / 1000),
      );
      const dataDir = path.join(workDir, 'data');
      fs.mkdirSync(dataDir);
      const input = path.join(workDir, 'backfill.om');
      const samples = writeOpenMetrics(series, {
        start,
        end,
        stepSeconds: BACKFILL_STEP_SECONDS,
        file: input,
      });
      await backfill(promtool, input, dataDir);
      fs.rmSync(input);
      const configFile = path.join(workDir, 'prometheus.yml');
      const { port } = exporter.address() as net.AddressInfo;
      fs.writeFileSync(
        configFile,
        JSON.stringify({
          global: { scrape_interval: SCRAPE_INTERVAL },
          scrape_configs: [
            {
              job_name: 'demo-services',
              // The exporter's job and instance labels match the backfill's.
              honor_labels: true,
              static_configs: [{ targets: [`127.0.0.1:${port}`] }],
            },
          ],
        }),
      );
      const prometheus = await startPrometheus(prometheusBinary, {
        configFile,
        dataDir,
      });
      return new DemoTelemetry(
        prometheus.baseUrl,
        { series: series.length, samples, stories: stories.length },
        { workDir, prometheus: prometheus.child, exporter },
      );
    } catch (error) {
      exporter?.close();
      fs.rmSync(workDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Stops Prometheus and the exporter and removes the data. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      for (const event of EXIT_EVENTS) process.off(event, this.onExit);
      await stopProcess(this.parts.prometheus);
      await new Promise<void>(resolve =>
        this.parts.exporter.close(() => resolve()),
      );
      fs.rmSync(this.parts.workDir, { recursive: true, force: true });
    })();
    return this.stopped;
  }

  /** At process exit nothing can be awaited: kill and remove. */
  private stopNow() {
    if (this.stopped) return;
    this.stopped = Promise.resolve();
    this.parts.prometheus.kill('SIGKILL');
    fs.rmSync(this.parts.workDir, { recursive: true, force: true });
  }
}

function serveMetrics(text: () => string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      .end(text());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
