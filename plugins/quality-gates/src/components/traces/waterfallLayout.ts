/** Every row is this tall: the virtualizer places rows without measuring. */
export const ROW_HEIGHT = 28;

/** Span name, service, time axis: shared by the header, minimap and rows. */
export const WATERFALL_COLUMNS = 'minmax(200px, 30%) minmax(72px, 12%) 1fr';

export const DEFAULT_HEIGHT = 600;
