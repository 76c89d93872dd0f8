/*
 * Trace waterfall benchmark: in headless Chromium, the time from a CI
 * trace's spans in memory to the first painted rows of `TraceWaterfall`,
 * and the frame time while scrolling its rows, for a trace of 10,000 spans
 * against the same trace cut to 1,000 spans in the same run (targets: first
 * render under 300 ms, median frame under 16 ms). Parsing the response body
 * is timed on its own.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/trace-waterfall.ts
 *
 * The component is the plugin's own, bundled with React's production build
 * into a small page (trace-waterfall/page.tsx) that the script serves from
 * a loopback HTTP server along with the traces as JSON response bodies.
 * Every figure is measured in the page with its own clock; the script only
 * asks for the measurements, alternating the two sizes, and summarises.
 */
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { Browser, chromium, Page } from 'playwright-core';
import { TraceResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  DEFAULT_HEIGHT,
  ROW_HEIGHT,
} from '../plugins/quality-gates/src/components/traces/waterfallLayout';
import { ciTrace } from './trace-waterfall/ciTrace';
import type {
  FirstRender,
  ScrollRun,
  TraceWaterfallBench,
} from './trace-waterfall/page';
import { runBench } from './lib/runBench';

/** Timed first renders of each size, after uncounted ones. */
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 15);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
/** Scrolls through each whole trace, per speed and size. */
const SCROLL_PASSES = Number(process.env.BENCH_SCROLL_PASSES ?? 1);
const SPANS = Number(process.env.BENCH_SPANS ?? 10_000);
const BASELINE_SPANS = Number(process.env.BENCH_BASELINE_SPANS ?? 1_000);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TARGET_FIRST_RENDER_MS = 300;
const TARGET_FRAME_MS = 16;
/** The rows' scrolling area is as tall as the app shows it by default. */
const ROWS_HEIGHT = DEFAULT_HEIGHT;
const SCROLL_SPEEDS = [
  { label: '3 rows per frame', pxPerFrame: 3 * ROW_HEIGHT },
  { label: 'a fling of one viewport per frame', pxPerFrame: ROWS_HEIGHT },
];

function describeTrace(trace: TraceResponse, body: string): string {
  const { spans } = trace;
  const jobs = spans.filter(span => span.depth === 1).length;
  const failed = spans.filter(span => span.status.code === 'error').length;
  const depth = Math.max(...spans.map(span => span.depth));
  const minutes =
    (Math.max(...spans.map(s => s.endTimeUnixMicros)) -
      Math.min(...spans.map(s => s.startTimeUnixMicros))) /
    60e6;
  return `${count(
    spans.length,
  )} spans: ${jobs} jobs, ${failed} failed spans, depth ${depth}, ${minutes.toFixed(
    0,
  )} min; body ${(Buffer.byteLength(body) / 1e6).toFixed(1)} MB`;
}

// ------------------------------------------------------------------ page --

/** Bundles the page as the app ships React: production build, minified. */
async function bundlePage(directory: string) {
  await build({
    entryPoints: [path.join(__dirname, 'trace-waterfall', 'page.tsx')],
    outfile: path.join(directory, 'page.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    // Backstage's components import their illustrations.
    loader: { '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(directory, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Trace waterfall bench</title><link rel="icon" href="data:,"></head><body><script src="/page.js"></script></body></html>',
  );
}

async function startServer(files: Map<string, { type: string; body: Buffer }>) {
  const server = http.createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
    });
    response.end(file.body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // Frames as fast as the work allows, not held to the display's 60 Hz:
      // the gap between two frames is then what producing one cost.
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
      // So that the page can collect garbage between repetitions.
      '--js-flags=--expose-gc',
    ],
  });
}

async function openPage(browser: Browser, baseUrl: string, urls: string[]) {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
  });
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(String(error.stack ?? error)));
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => 'traceWaterfallBench' in window);
  await page.evaluate(all => window.traceWaterfallBench.load(all), urls);
  return { page, errors };
}

function call<K extends keyof TraceWaterfallBench>(
  page: Page,
  method: K,
  ...args: Parameters<TraceWaterfallBench[K]>
): Promise<Awaited<ReturnType<TraceWaterfallBench[K]>>> {
  return page.evaluate(
    ({ name, values }) =>
      (window.traceWaterfallBench[name] as (...a: unknown[]) => unknown)(
        ...values,
      ),
    { name: method, values: args as unknown[] },
  ) as Promise<Awaited<ReturnType<TraceWaterfallBench[K]>>>;
}

// ------------------------------------------------------------- summaries --

/** Nearest rank. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}
const median = (values: number[]) => percentile(values, 0.5);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
const count = (value: number) => value.toLocaleString('en-US');
const ratio = (big: number, small: number) => `${(big / small).toFixed(2)}×`;
const sized = (size: number) => `${count(size).padStart(6)} spans`;
const RATIO = `ratio ${count(SPANS)} / ${count(BASELINE_SPANS)}`;

function figureLines(
  label: string,
  baseline: number[],
  measured: number[],
  target?: number,
): string[] {
  const figures = (values: number[]) =>
    `median ${ms(median(values))}, p95 ${ms(percentile(values, 0.95))}`;
  const verdict =
    target === undefined
      ? ''
      : ` (target < ${target} ms: ${met(median(measured) < target)})`;
  return [
    `  ${label}`,
    `    ${sized(BASELINE_SPANS)}: ${figures(baseline)}`,
    `    ${sized(SPANS)}: ${figures(measured)}${verdict}`,
    `    ${RATIO}: medians ${ratio(
      median(measured),
      median(baseline),
    )}, p95 ${ratio(percentile(measured, 0.95), percentile(baseline, 0.95))}`,
  ];
}

function framesFigures(frames: number[]): string {
  const slow = frames.filter(frame => frame > TARGET_FRAME_MS).length;
  return `${count(frames.length)} frames, median ${ms(
    median(frames),
  )}, p95 ${ms(percentile(frames, 0.95))}, max ${ms(
    Math.max(...frames),
  )}; over ${TARGET_FRAME_MS} ms: ${count(slow)} (${(
    (slow / frames.length) *
    100
  ).toFixed(1)}%)`;
}

// ------------------------------------------------------------------ main --

const abandons = new Set<() => Promise<void>>();

async function main() {
  const started = performance.now();
  const load = () =>
    os
      .loadavg()
      .map(value => value.toFixed(1))
      .join(' ');
  const loadBefore = load();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-trace-'));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const cleanUp = async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  };
  abandons.add(cleanUp);
  try {
    const sizes = [BASELINE_SPANS, SPANS];
    const urlOf = (size: number) => `/trace-${size}.json`;
    const files = new Map<string, { type: string; body: Buffer }>();
    const descriptions: string[] = [];
    for (const size of sizes) {
      const trace = ciTrace(size);
      const body = JSON.stringify(trace);
      descriptions.push(describeTrace(trace, body));
      files.set(urlOf(size), {
        type: 'application/json',
        body: Buffer.from(body),
      });
    }
    await bundlePage(directory);
    for (const [url, name, type] of [
      ['/', 'index.html', 'text/html; charset=utf-8'],
      ['/page.js', 'page.js', 'text/javascript; charset=utf-8'],
    ]) {
      files.set(url, {
        type,
        body: fs.readFileSync(path.join(directory, name)),
      });
    }
    server = await startServer(files);
    browser = await launchBrowser();
    const { page, errors } = await openPage(
      browser,
      server.baseUrl,
      sizes.map(urlOf),
    );
    const checked = async <T>(result: Promise<T>): Promise<T> => {
      const value = await result;
      if (errors.length > 0) {
        throw new Error(`The page failed:\n${errors.join('\n')}`);
      }
      return value;
    };

    console.log(
      [
        `Trace waterfall in headless Chromium ${browser.version()}: React production build, software rendering, frames not held to 60 Hz`,
        ...descriptions.map(line => `  ${line}`),
        `  ${REPETITIONS} first renders per size after ${WARM_UP} uncounted, sizes alternating, a fresh React root each`,
      ].join('\n'),
    );

    // Sizes alternate so that the machine's other work weighs on both alike.
    const renders = new Map<number, FirstRender[]>(sizes.map(s => [s, []]));
    for (let i = 0; i < WARM_UP + REPETITIONS; i++) {
      for (const size of i % 2 ? [...sizes].reverse() : sizes) {
        const result = await checked(call(page, 'firstRender', urlOf(size)));
        if (result.rowsInDom === 0) throw new Error('No rows were rendered');
        if (i >= WARM_UP) renders.get(size)!.push(result);
      }
    }
    const of = (size: number, pick: (render: FirstRender) => number) =>
      renders.get(size)!.map(pick);
    const painted = (size: number) => of(size, r => r.paintedMs);
    const withParse = (size: number) => of(size, r => r.parseMs + r.paintedMs);
    console.log(
      [
        '',
        `Data to first render: spans in memory to the first rows painted (${
          renders.get(SPANS)![0].rowsInDom
        } rows in the DOM for the ${ROWS_HEIGHT} px list)`,
        ...figureLines(
          'JSON.parse of the response body:',
          of(BASELINE_SPANS, r => r.parseMs),
          of(SPANS, r => r.parseMs),
        ),
        ...figureLines(
          'root.render until the rows are in the DOM:',
          of(BASELINE_SPANS, r => r.rowsInDomMs),
          of(SPANS, r => r.rowsInDomMs),
        ),
        ...figureLines(
          'root.render until the frame showing them is painted:',
          painted(BASELINE_SPANS),
          painted(SPANS),
          TARGET_FIRST_RENDER_MS,
        ),
        ...figureLines(
          'body to painted rows (parse, then render):',
          withParse(BASELINE_SPANS),
          withParse(SPANS),
        ),
      ].join('\n'),
    );

    console.log(
      [
        '',
        'Scrolling the rows from top to bottom, one step per animation frame (frame time: between consecutive requestAnimationFrame timestamps)',
        `  ${SCROLL_PASSES} pass(es) per size and speed after one uncounted over ${count(
          BASELINE_SPANS,
        )} spans`,
      ].join('\n'),
    );
    const verdicts: string[] = [];
    for (const speed of SCROLL_SPEEDS) {
      const runs = new Map<number, ScrollRun[]>(sizes.map(s => [s, []]));
      await checked(call(page, 'show', urlOf(BASELINE_SPANS)));
      await checked(call(page, 'scroll', speed.pxPerFrame));
      for (let pass = 0; pass < SCROLL_PASSES; pass++) {
        for (const size of pass % 2 ? [...sizes].reverse() : sizes) {
          await checked(call(page, 'show', urlOf(size)));
          const run = await checked(call(page, 'scroll', speed.pxPerFrame));
          if (!run.reachedLastRow) {
            throw new Error(`The last row of ${size} spans was never rendered`);
          }
          runs.get(size)!.push(run);
        }
      }
      await checked(call(page, 'hide'));
      const plain = await checked(
        call(
          page,
          'scrollPlain',
          BASELINE_SPANS * ROW_HEIGHT,
          speed.pxPerFrame,
        ),
      );
      const frames = (size: number) => runs.get(size)!.flatMap(r => r.frameMs);
      // A pass over the larger trace lasts ten times as long: its opening,
      // as long as a pass over the smaller one, tells size from duration.
      const baselineLength = runs.get(BASELINE_SPANS)![0].frameMs.length;
      const opening = runs
        .get(SPANS)!
        .flatMap(run => run.frameMs.slice(0, baselineLength));
      const uncovered = (size: number) =>
        runs.get(size)!.reduce((sum, run) => sum + run.uncoveredFrames, 0);
      const frameMedian = median(frames(SPANS));
      verdicts.push(
        `  median frame scrolling ${count(SPANS)} spans, ${speed.label}: ${ms(
          frameMedian,
        )} < ${TARGET_FRAME_MS} ms: ${met(frameMedian < TARGET_FRAME_MS)}`,
      );
      console.log(
        [
          `  ${speed.label} (${speed.pxPerFrame} px):`,
          ...sizes.map(
            size =>
              `    ${sized(size)}: ${framesFigures(
                frames(size),
              )}; frames beginning with rows short of the viewport: ${uncovered(
                size,
              )}`,
          ),
          `    ${RATIO}: medians ${ratio(
            frameMedian,
            median(frames(BASELINE_SPANS)),
          )}, p95 ${ratio(
            percentile(frames(SPANS), 0.95),
            percentile(frames(BASELINE_SPANS), 0.95),
          )}`,
          `    ${sized(SPANS)}, the first ${count(
            baselineLength,
          )} frames of each pass only: ${framesFigures(
            opening,
          )}; ${RATIO}: medians ${ratio(
            median(opening),
            median(frames(BASELINE_SPANS)),
          )}`,
          `    floor, a plain element scrolled alike (nothing re-renders): ${framesFigures(
            plain,
          )}`,
        ].join('\n'),
      );
    }

    const firstRender = median(painted(SPANS));
    console.log(
      [
        '',
        'Targets',
        `  median first render of ${count(SPANS)} spans: ${ms(
          firstRender,
        )} < ${TARGET_FIRST_RENDER_MS} ms: ${met(
          firstRender < TARGET_FIRST_RENDER_MS,
        )} (with parsing the body: ${ms(median(withParse(SPANS)))})`,
        ...verdicts,
        '',
        `Took ${((performance.now() - started) / 1000).toFixed(0)} s on ${
          os.cpus().length
        } cores; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
      ].join('\n'),
    );
  } finally {
    await cleanUp();
    abandons.delete(cleanUp);
  }
}

runBench(main, abandons);
