/*
 * The page the trace waterfall benchmark loads in a headless browser
 * (bench/trace-waterfall.ts bundles it). It renders nothing by itself: the
 * script calls the measurements below through `window.traceWaterfallBench`,
 * and every figure is taken with the page's own clock.
 *
 * The trace is shown as the pipelines tab shows it: `RunTraceDrawer`, the
 * right-hand drawer over the page, with the plugin's API answering the
 * trace request from memory.
 */
import { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import CssBaseline from '@material-ui/core/CssBaseline';
import { ThemeProvider } from '@material-ui/core/styles';
import { ApiProvider } from '@backstage/core-app-api';
import { lightTheme } from '@backstage/theme';
import { TraceResponse } from '@can-i-deploy/plugin-quality-gates-common';
import {
  QualityGatesApi,
  qualityGatesApiRef,
} from '../../plugins/quality-gates/src/api/QualityGatesApi';
import { RunTraceDrawer } from '../../plugins/quality-gates/src/components/pipelines/trace/RunTraceDrawer';
import { ROW_HEIGHT } from '../../plugins/quality-gates/src/components/traces/waterfallLayout';

const ROW = '[data-testid="trace-row"]';
const ROWS = '[data-testid="trace-rows"]';
const SHOWN = '[data-testid="trace-rows-shown"]';

export interface FirstRender {
  /** `JSON.parse` of the response body, string to objects. */
  parseMs: number;
  /** From `root.render` until the first rows were in the DOM. */
  rowsInDomMs: number;
  /** From `root.render` until the frame that showed them was painted. */
  paintedMs: number;
  rowsInDom: number;
  /** Height of the rows' scrolling area, as the drawer sized it. */
  viewportPx: number;
}

/**
 * One fling: a jump to `from` (a fraction of the scroll range), then a
 * scroll starting at `pxPerFrame` in `direction`, slowing by `decay` every
 * frame, until it is slower than `stopPxPerFrame` or reaches an end.
 */
export interface Fling {
  from: number;
  direction: 1 | -1;
  pxPerFrame: number;
}

export interface FlingOptions {
  flings: Fling[];
  decay: number;
  stopPxPerFrame: number;
}

export interface ScrollRun {
  /** Deltas between consecutive animation frames while flinging. */
  frameMs: number[];
  /** Pixels scrolled, jumps included. */
  scrolledPx: number;
  /** Frames that began with rows not covering the viewport. */
  uncoveredFrames: number;
  /** `long-animation-frame` entries (frames of 50 ms or more) meanwhile. */
  longFrames: number;
  /** The last row was rendered once the end was reached. */
  reachedLastRow: boolean;
}

export interface TraceWaterfallBench {
  /** Fetches the payloads as response bodies, untimed. */
  load(urls: string[]): Promise<void>;
  /** Parses a payload and renders it in a fresh root, then unmounts it. */
  firstRender(url: string): Promise<FirstRender>;
  /** Renders a trace to scroll, untimed, in place of the one shown. */
  show(url: string): Promise<void>;
  /** Flings the shown trace's rows, then scrolls to its last row. */
  fling(options: FlingOptions): Promise<ScrollRun>;
  /**
   * Flings a plain element of the rows' size holding `rows` rows of
   * striped background the same way: frames where nothing re-renders.
   */
  flingPlain(rows: number, options: FlingOptions): Promise<number[]>;
  hide(): Promise<void>;
}

declare global {
  interface Window {
    traceWaterfallBench: TraceWaterfallBench;
    /** Present when the browser runs with `--js-flags=--expose-gc`. */
    gc?: () => void;
  }
}

const payloads = new Map<string, string>();

const nextFrame = () =>
  new Promise<number>(resolve => requestAnimationFrame(resolve));
/** After the frame's rendering steps: rAF callbacks run before the paint. */
const afterPaint = () =>
  new Promise<void>(resolve =>
    requestAnimationFrame(() => setTimeout(resolve, 0)),
  );
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Collects the previous repetition's garbage outside the timings. */
async function settle() {
  window.gc?.();
  await afterPaint();
  await afterPaint();
}

function inTheme(children: ReactNode) {
  return (
    <ThemeProvider theme={lightTheme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

function parse(url: string): TraceResponse {
  const body = payloads.get(url);
  if (body === undefined) throw new Error(`${url} was not loaded`);
  return JSON.parse(body);
}

/** The plugin's API as far as the drawer uses it: the trace, from memory. */
function apisFor(trace: TraceResponse) {
  const api: Partial<QualityGatesApi> = {
    getTrace: async () => trace,
  };
  return {
    get: <T,>(ref: { id: string }): T | undefined =>
      ref.id === qualityGatesApiRef.id ? (api as T) : undefined,
  };
}

const rowsScroller = () => document.querySelector<HTMLElement>(ROWS);

/**
 * Opens the drawer on a trace in a fresh root and resolves once the first
 * rows are on screen: the first animation frame that begins with rows in
 * the DOM, and a task after it, which runs once that frame's style, layout
 * and paint are done on the main thread. The drawer renders into a portal
 * on the body, so the rows are looked for in the whole document.
 */
async function mount(trace: TraceResponse) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  let rowsInDomAt: number | undefined;
  // Mutation callbacks run right after the task that committed the rows.
  const observer = new MutationObserver(() => {
    if (rowsInDomAt === undefined && document.querySelector(ROW)) {
      rowsInDomAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });

  const start = performance.now();
  root.render(
    inTheme(
      <MemoryRouter>
        <ApiProvider apis={apisFor(trace)}>
          <RunTraceDrawer open traceId={trace.traceId} onClose={() => {}} />
        </ApiProvider>
      </MemoryRouter>,
    ),
  );
  while (!document.querySelector(ROW)) {
    if (performance.now() - start > 30_000) {
      throw new Error(
        `No rows after 30 s: ${document.body.innerText.slice(0, 500)}`,
      );
    }
    await nextFrame();
  }
  await new Promise(resolve => setTimeout(resolve, 0));
  const paintedAt = performance.now();
  observer.disconnect();

  return {
    spanCount: trace.spans.length,
    unmount: () => {
      root.unmount();
      container.remove();
    },
    rowsInDomMs: (rowsInDomAt ?? paintedAt) - start,
    paintedMs: paintedAt - start,
  };
}

/** The trace being flung. */
let shown: Awaited<ReturnType<typeof mount>> | undefined;

/**
 * The offsets from the top of the list that the rendered rows cover, read
 * without a layout: the rows sit in normal flow in one element, moved to
 * the first one's offset.
 */
function renderedRows(scroller: HTMLElement): { top: number; bottom: number } {
  const rows = scroller.querySelector<HTMLElement>(SHOWN);
  const translated =
    rows && /translateY\(([-\d.]+)px\)/.exec(rows.style.transform);
  if (!rows || !translated) return { top: Infinity, bottom: -Infinity };
  const top = Number(translated[1]);
  return {
    top,
    bottom: top + rows.querySelectorAll(ROW).length * ROW_HEIGHT,
  };
}

/** Whether the rendered rows fill the viewport at its scroll offset. */
function rowsCover(
  scroller: HTMLElement,
  offset: number,
  viewportHeight: number,
): boolean {
  const { top, bottom } = renderedRows(scroller);
  return top <= offset && bottom >= offset + viewportHeight;
}

/** The scroll offset of every frame of the flings, jumps included. */
function flingOffsets(end: number, options: FlingOptions): number[] {
  const offsets: number[] = [];
  for (const fling of options.flings) {
    let offset = Math.round(fling.from * end);
    offsets.push(offset);
    let speed = fling.pxPerFrame;
    while (speed >= options.stopPxPerFrame) {
      const next = Math.min(end, Math.max(0, offset + fling.direction * speed));
      if (next === offset) break;
      offset = next;
      offsets.push(Math.round(offset));
      speed *= options.decay;
    }
  }
  return offsets;
}

/**
 * Sets `scroller`'s offset to each of `offsets`, one per animation frame,
 * as a fling that the page drives on the main thread does, and returns the
 * time between consecutive frames. `inspect` runs at the start of each
 * frame, after that frame's scroll events.
 */
async function scrollFrames(
  scroller: HTMLElement,
  offsets: number[],
  inspect: (offset: number, viewportHeight: number) => void = () => {},
): Promise<number[]> {
  const viewportHeight = scroller.clientHeight;
  const stamps: number[] = [];
  let step = 0;
  let offset = scroller.scrollTop;
  await new Promise<void>(resolve => {
    const frame = (time: number) => {
      stamps.push(time);
      inspect(offset, viewportHeight);
      if (step === offsets.length) {
        resolve();
        return;
      }
      offset = offsets[step++];
      scroller.scrollTop = offset;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return stamps.slice(1).map((stamp, i) => stamp - stamps[i]);
}

function scrolled(start: number, offsets: number[]) {
  let sum = 0;
  let at = start;
  for (const offset of offsets) {
    sum += Math.abs(offset - at);
    at = offset;
  }
  return sum;
}

window.traceWaterfallBench = {
  async load(urls) {
    for (const url of urls) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      payloads.set(url, await response.text());
    }
  },

  async firstRender(url) {
    await settle();
    const parseStart = performance.now();
    const trace = parse(url);
    const parseMs = performance.now() - parseStart;
    const mounted = await mount(trace);
    const rowsInDom = document.querySelectorAll(ROW).length;
    const viewportPx = rowsScroller()?.clientHeight ?? 0;
    mounted.unmount();
    return {
      parseMs,
      rowsInDomMs: mounted.rowsInDomMs,
      paintedMs: mounted.paintedMs,
      rowsInDom,
      viewportPx,
    };
  },

  async show(url) {
    shown?.unmount();
    shown = await mount(parse(url));
    // The drawer slides in first.
    await sleep(500);
    await settle();
  },

  async fling(options) {
    if (!shown) throw new Error('No trace is shown');
    const scroller = rowsScroller()!;
    scroller.scrollTop = 0;
    await settle();
    const end = scroller.scrollHeight - scroller.clientHeight;
    // The flings, then the last row: it must be rendered at the bottom.
    const offsets = [...flingOffsets(end, options), end];
    let uncoveredFrames = 0;
    let longFrames = 0;
    const observer = new PerformanceObserver(list => {
      longFrames += list.getEntries().length;
    });
    observer.observe({ type: 'long-animation-frame' });
    // The list re-renders synchronously in its scroll listener, so a frame
    // begins with the rows for the offset set in the frame before.
    const frameMs = await scrollFrames(
      scroller,
      offsets,
      (offset, viewportHeight) => {
        if (!rowsCover(scroller, offset, viewportHeight)) uncoveredFrames++;
      },
    );
    // The last scroll event may still be on its way: let it arrive.
    await settle();
    longFrames += observer.takeRecords().length;
    observer.disconnect();
    const reachedLastRow =
      renderedRows(scroller).bottom === shown.spanCount * ROW_HEIGHT;
    return {
      frameMs,
      scrolledPx: scrolled(0, offsets),
      uncoveredFrames,
      longFrames,
      reachedLastRow,
    };
  },

  async flingPlain(rows, options) {
    const viewport = rowsScroller()?.clientHeight;
    if (!viewport) throw new Error('No trace is shown');
    const scroller = document.createElement('div');
    scroller.style.height = `${viewport}px`;
    scroller.style.overflowY = 'auto';
    const content = document.createElement('div');
    content.style.height = `${rows * ROW_HEIGHT}px`;
    content.style.background = `repeating-linear-gradient(#fff 0 ${
      ROW_HEIGHT - 1
    }px, #ddd ${ROW_HEIGHT - 1}px ${ROW_HEIGHT}px)`;
    scroller.append(content);
    document.body.append(scroller);
    try {
      await settle();
      const end = scroller.scrollHeight - scroller.clientHeight;
      return await scrollFrames(scroller, flingOffsets(end, options));
    } finally {
      scroller.remove();
    }
  },

  async hide() {
    shown?.unmount();
    shown = undefined;
  },
};
