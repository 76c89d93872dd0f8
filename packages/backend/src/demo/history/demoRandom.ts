/** Mulberry32 seeded from a string: stable demo data without a dependency. */
export function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) {
    state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` lower-case hex digits. */
export function randomHex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += Math.floor(random() * 16).toString(16);
  }
  return out;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
