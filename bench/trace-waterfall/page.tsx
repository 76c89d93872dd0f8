/*
 * The page the trace waterfall benchmark loads in a headless browser
 * (bench/trace-waterfall.ts bundles it). It renders nothing by itself: the
 * script calls the measurements below through `window.traceWaterfallBench`,
 * and every figure is taken with the page's own clock.
 */
import { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@material-ui/core/CssBaseline';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { TraceResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { TraceWaterfall } from '../../plugins/quality-gates/src/components/traces';
import {
  DEFAULT_HEIGHT as ROWS_HEIGHT,
  ROW_HEIGHT,
} from '../../plugins/quality-gates/src/components/traces/waterfallLayout';

const ROW = '[data-testid="trace-row"]';
const ROWS = '[data-testid="trace-rows"]';

export interface FirstRender {
  /** `JSON.parse` of the response body, string to objects. */
  parseMs: number;
  /** From `root.render` until the first rows were in the DOM. */
  rowsInDomMs: number;
  /** From `root.render` until the frame that showed them was painted. */
  paintedMs: number;
  rowsInDom: number;
}

export interface ScrollRun {
  /** Deltas between consecutive animation frames while scrolling. */
  frameMs: number[];
  /** Frames that began with rows not covering the viewport. */
  uncoveredFrames: number;
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
  /** Scrolls the shown trace's rows from the top to the bottom. */
  scroll(pxPerFrame: number): Promise<ScrollRun>;
  /**
   * Scrolls a plain element of the rows' size holding `heightPx` of
   * striped background the same way: frames where nothing re-renders.
   */
  scrollPlain(heightPx: number, pxPerFrame: number): Promise<number[]>;
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

/**
 * Renders a trace in a fresh root and resolves once the first rows are on
 * screen: the first animation frame that begins with rows in the DOM, and a
 * task after it, which runs once that frame's style, layout and paint are
 * done on the main thread.
 */
async function mount(spans: TraceResponse['spans']) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  let rowsInDomAt: number | undefined;
  // Mutation callbacks run right after the task that committed the rows.
  const observer = new MutationObserver(() => {
    if (rowsInDomAt === undefined && container.querySelector(ROW)) {
      rowsInDomAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(container, { childList: true, subtree: true });

  const start = performance.now();
  root.render(inTheme(<TraceWaterfall spans={spans} height={ROWS_HEIGHT} />));
  while (!container.querySelector(ROW)) await nextFrame();
  await new Promise(resolve => setTimeout(resolve, 0));
  const paintedAt = performance.now();
  observer.disconnect();

  return {
    container,
    spanCount: spans.length,
    unmount: () => {
      root.unmount();
      container.remove();
    },
    rowsInDomMs: (rowsInDomAt ?? paintedAt) - start,
    paintedMs: paintedAt - start,
  };
}

/** The trace being scrolled. */
let shown: Awaited<ReturnType<typeof mount>> | undefined;

/** Whether the rendered rows fill the viewport at its scroll offset. */
function rowsCover(
  scroller: HTMLElement,
  offset: number,
  viewportHeight: number,
): boolean {
  let top = Infinity;
  let bottom = -Infinity;
  for (const row of scroller.querySelectorAll<HTMLElement>(ROW)) {
    // The rows place themselves with `translateY`: read without a layout.
    const y = Number(
      /translateY\(([-\d.]+)px\)/.exec(row.style.transform)?.[1],
    );
    top = Math.min(top, y);
    bottom = Math.max(bottom, y + ROW_HEIGHT);
  }
  return top <= offset && bottom >= offset + viewportHeight;
}

/**
 * Scrolls `scroller` from the top to the bottom by `pxPerFrame` in each
 * animation frame and returns the frames' timestamps. `inspect` runs at the
 * start of each frame, after that frame's scroll events.
 */
async function scrollFrames(
  scroller: HTMLElement,
  pxPerFrame: number,
  inspect: (offset: number, viewportHeight: number) => void = () => {},
): Promise<number[]> {
  scroller.scrollTop = 0;
  await settle();
  const viewportHeight = scroller.clientHeight;
  const end = scroller.scrollHeight - viewportHeight;
  const stamps: number[] = [];
  let offset = 0;
  await new Promise<void>(resolve => {
    const frame = (time: number) => {
      stamps.push(time);
      inspect(offset, viewportHeight);
      if (offset >= end) {
        resolve();
        return;
      }
      offset = Math.min(end, offset + pxPerFrame);
      scroller.scrollTop = offset;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return stamps.slice(1).map((stamp, i) => stamp - stamps[i]);
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
    const { spans } = parse(url);
    const parseMs = performance.now() - parseStart;
    const mounted = await mount(spans);
    const rowsInDom = mounted.container.querySelectorAll(ROW).length;
    mounted.unmount();
    return {
      parseMs,
      rowsInDomMs: mounted.rowsInDomMs,
      paintedMs: mounted.paintedMs,
      rowsInDom,
    };
  },

  async show(url) {
    shown?.unmount();
    shown = await mount(parse(url).spans);
    await settle();
  },

  async scroll(pxPerFrame) {
    if (!shown) throw new Error('No trace is shown');
    const scroller = shown.container.querySelector<HTMLElement>(ROWS)!;
    let uncoveredFrames = 0;
    // The list re-renders synchronously in its scroll listener, so a frame
    // begins with the rows for the offset set in the frame before.
    const frameMs = await scrollFrames(
      scroller,
      pxPerFrame,
      (offset, viewportHeight) => {
        if (!rowsCover(scroller, offset, viewportHeight)) uncoveredFrames++;
      },
    );
    // The last scroll event may still be on its way: let it arrive.
    await settle();
    const lastRowTop = `translateY(${(shown.spanCount - 1) * ROW_HEIGHT}px)`;
    const reachedLastRow = [
      ...scroller.querySelectorAll<HTMLElement>(ROW),
    ].some(row => row.style.transform === lastRowTop);
    return { frameMs, uncoveredFrames, reachedLastRow };
  },

  async scrollPlain(heightPx, pxPerFrame) {
    const scroller = document.createElement('div');
    scroller.style.height = `${ROWS_HEIGHT}px`;
    scroller.style.overflowY = 'auto';
    const content = document.createElement('div');
    content.style.height = `${heightPx}px`;
    content.style.background = `repeating-linear-gradient(#fff 0 ${
      ROW_HEIGHT - 1
    }px, #ddd ${ROW_HEIGHT - 1}px ${ROW_HEIGHT}px)`;
    scroller.append(content);
    document.body.append(scroller);
    try {
      return await scrollFrames(scroller, pxPerFrame);
    } finally {
      scroller.remove();
    }
  },

  async hide() {
    shown?.unmount();
    shown = undefined;
  },
};
