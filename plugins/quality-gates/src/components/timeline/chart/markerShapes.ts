/** SVG paths of the marker shapes, centred on (x, y). */

/** A diamond: gate decisions. */
export function diamondPath(x: number, y: number, size: number): string {
  return `M${x},${y - size}L${x + size},${y}L${x},${y + size}L${
    x - size
  },${y}Z`;
}

/** A triangle pointing back in time: rollbacks. */
export function rollbackPath(x: number, y: number, size: number): string {
  return `M${x - size},${y}L${x + size},${y - size}L${x + size},${y + size}Z`;
}

/** A flag on a pole: where an incident opened. */
export function flagPath(x: number, top: number, bottom: number): string {
  return `M${x},${bottom}L${x},${top}L${x + 9},${top + 4}L${x},${top + 8}`;
}
