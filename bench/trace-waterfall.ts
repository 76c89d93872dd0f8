/*
 * Trace waterfall benchmark: in headless Chromium, the time from a CI
 * trace's spans in memory to the first painted rows of `TraceWaterfall` in
 * the run trace drawer, and the frame time while flinging through its rows,
 * for a trace of 10,000 spans against the same trace cut to 1,000 spans in
 * the same run (targets: first render under 300 ms, p95 frame under 16 ms).
 * Parsing the response body is timed on its own.
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
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { Browser, chromium, Page } from 'playwright-core';
import { TraceResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { ciTrace } from './trace-waterfall/ciTrace';
import type {
  FirstRender,
  FlingOptions,
  ScrollRun,
  TraceWaterfallBench,
} from './trace-waterfall/page';
import { benchPort, machineLine } from './lib/benchEnv';
import { runBench } from './lib/runBench';
import { seededRandom } from './lib/seededRandom';

/** Timed first renders of each size, after uncounted ones. */
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 15);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
/** Counted passes of the flings over each size. */
const FLING_PASSES = Number(process.env.BENCH_FLING_PASSES ?? 2);
/** Flings per pass, each from a jump to another place in the list. */
const FLINGS = Number(process.env.BENCH_FLINGS ?? 12);
const FLING_SEED = 20261207;
/** A fling's first step, px per frame: 3,000 to 4,800 px per 100 ms. */
const FLING_PX_PER_FRAME = [500, 800];
/** Momentum: each frame's step is this fraction of the one before. */
const FLING_DECAY = 0.95;
const FLING_STOP_PX_PER_FRAME = 2;
/** Writes a Chromium performance trace of one fling pass when set. */
const PROFILE_FILE = process.env.BENCH_PROFILE_FILE;
const SPANS = Number(process.env.BENCH_SPANS ?? 10_000);
const BASELINE_SPANS = Number(process.env.BENCH_BASELINE_SPANS ?? 1_000);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TARGET_FIRST_RENDER_MS = 300;
const TARGET_FRAME_MS = 16;
/** The browser window: the drawer gives the rows its height less 300 px. */
const VIEWPORT = { width: 1440, height: 1000 };

const count = (value: number) => value.toLocaleString('en-US');

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
  const port = await benchPort('BENCH_PAGE_PORT');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
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
  const page = await browser.newPage({ viewport: VIEWPORT });
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
      try {
        const value = await result;
        if (errors.length === 0) return value;
      } catch (error) {
        errors.unshift(String(error));
      }
      throw new Error(`The page failed:\n${errors.join('\n')}`);
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
        `Data to first render: spans in memory to the first rows painted in the drawer (${
          renders.get(SPANS)![0].rowsInDom
        } rows in the DOM for its ${
          renders.get(SPANS)![0].viewportPx
        } px of rows, the first failure selected and its details open)`,
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
        `Flinging the rows: ${FLINGS} flings per pass, each a jump to a place in the list (as a drag of the scroll bar or a click in the overview does), then a fling from ${count(
          FLING_PX_PER_FRAME[0],
        )} to ${count(FLING_PX_PER_FRAME[1])} px per frame (${count(
          FLING_PX_PER_FRAME[0] * 6,
        )} to ${count(
          FLING_PX_PER_FRAME[1] * 6,
        )} px per 100 ms at 60 Hz), slowing by ${(
          (1 - FLING_DECAY) *
          100
        ).toFixed(
          0,
        )}% a frame until under ${FLING_STOP_PX_PER_FRAME} px; then a jump to the last row`,
        `  the same flings at both sizes (places as fractions of the list); ${FLING_PASSES} pass(es) per size after one uncounted over ${count(
          BASELINE_SPANS,
        )} spans; frame time: between consecutive requestAnimationFrame timestamps`,
      ].join('\n'),
    );
    const random = seededRandom(FLING_SEED);
    const flingOptions: FlingOptions = {
      decay: FLING_DECAY,
      stopPxPerFrame: FLING_STOP_PX_PER_FRAME,
      flings: Array.from({ length: FLINGS }, () => {
        const from = random();
        return {
          from,
          // Towards the farther end, so that the fling has room to run.
          direction: from < 0.5 ? 1 : -1,
          pxPerFrame: Math.round(
            FLING_PX_PER_FRAME[0] +
              random() * (FLING_PX_PER_FRAME[1] - FLING_PX_PER_FRAME[0]),
          ),
        };
      }),
    };

    const runs = new Map<number, ScrollRun[]>(sizes.map(s => [s, []]));
    await checked(call(page, 'show', urlOf(BASELINE_SPANS)));
    await checked(call(page, 'fling', flingOptions));
    const plain = await checked(
      call(page, 'flingPlain', BASELINE_SPANS, flingOptions),
    );
    for (let pass = 0; pass < FLING_PASSES; pass++) {
      for (const size of pass % 2 ? [...sizes].reverse() : sizes) {
        await checked(call(page, 'show', urlOf(size)));
        if (pass === 0 && size === SPANS && PROFILE_FILE) {
          await browser!.startTracing(page, {
            path: PROFILE_FILE,
            screenshots: false,
          });
          await checked(call(page, 'fling', flingOptions));
          await browser!.stopTracing();
          console.log(
            `  (a Chromium trace of an extra, uncounted pass over ${count(
              SPANS,
            )} spans is in ${PROFILE_FILE})`,
          );
        }
        const run = await checked(call(page, 'fling', flingOptions));
        if (!run.reachedLastRow) {
          throw new Error(`The last row of ${size} spans was never rendered`);
        }
        runs.get(size)!.push(run);
      }
    }
    await checked(call(page, 'hide'));

    const frames = (size: number) => runs.get(size)!.flatMap(r => r.frameMs);
    const total = (size: number, pick: (run: ScrollRun) => number) =>
      runs.get(size)!.reduce((sum, run) => sum + pick(run), 0);
    console.log(
      [
        ...sizes.map(
          size =>
            `  ${sized(size)}: ${framesFigures(frames(size))}; ${count(
              Math.round(
                total(size, r => r.scrolledPx) / runs.get(size)!.length,
              ),
            )} px scrolled per pass; long animation frames (50 ms or more): ${count(
              total(size, r => r.longFrames),
            )}; frames beginning with rows short of the viewport: ${count(
              total(size, r => r.uncoveredFrames),
            )}`,
        ),
        `  ${RATIO}: p95 ${ratio(
          percentile(frames(SPANS), 0.95),
          percentile(frames(BASELINE_SPANS), 0.95),
        )}, median ${ratio(
          median(frames(SPANS)),
          median(frames(BASELINE_SPANS)),
        )}, max ${ratio(
          Math.max(...frames(SPANS)),
          Math.max(...frames(BASELINE_SPANS)),
        )}`,
        `  floor, a plain element of ${count(
          BASELINE_SPANS,
        )} rows' height flung alike (nothing re-renders): ${framesFigures(
          plain,
        )}`,
      ].join('\n'),
    );

    const firstRender = median(painted(SPANS));
    const frameP95 = percentile(frames(SPANS), 0.95);
    console.log(
      [
        '',
        'Targets',
        `  first render of ${count(SPANS)} spans (median): ${ms(
          firstRender,
        )} < ${TARGET_FIRST_RENDER_MS} ms: ${met(
          firstRender < TARGET_FIRST_RENDER_MS,
        )} (with parsing the body: ${ms(median(withParse(SPANS)))}; ${ratio(
          firstRender,
          median(painted(BASELINE_SPANS)),
        )} the ${count(BASELINE_SPANS)} spans' ${ms(
          median(painted(BASELINE_SPANS)),
        )})`,
        `  frame time flinging ${count(SPANS)} spans (p95): ${ms(
          frameP95,
        )} < ${TARGET_FRAME_MS} ms: ${met(frameP95 < TARGET_FRAME_MS)} (${ratio(
          frameP95,
          percentile(frames(BASELINE_SPANS), 0.95),
        )} the ${count(BASELINE_SPANS)} spans' ${ms(
          percentile(frames(BASELINE_SPANS), 0.95),
        )})`,
        '',
        `Machine: ${machineLine()}`,
        `Took ${((performance.now() - started) / 1000).toFixed(
          0,
        )} s; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after.`,
      ].join('\n'),
    );
  } finally {
    await cleanUp();
    abandons.delete(cleanUp);
  }
}

runBench(main, abandons);
