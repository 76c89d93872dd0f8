/**
 * Bar colours by service, readable on light and dark backgrounds. Red is
 * left out: it means a failed span.
 */
const SERVICE_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#86bcb6',
  '#8cd17d',
];

/** The same service gets the same colour in every trace. */
export function serviceColor(serviceName: string | undefined): string {
  const name = serviceName ?? '';
  let hash = 0;
  for (let i = 0; i < name.length; i++) {
    hash = (hash * 31 + name.charCodeAt(i)) | 0;
  }
  return SERVICE_PALETTE[Math.abs(hash) % SERVICE_PALETTE.length];
}
