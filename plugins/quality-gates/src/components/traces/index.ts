export { TraceWaterfall } from './TraceWaterfall';
export type { TraceWaterfallProps, ViewportSize } from './TraceWaterfall';
