const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Milliseconds of a duration as people write it in CI files: `30s`, `10m`,
 * `1h30m`, `500ms`; a bare number is seconds. Throws on anything else.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1_000;
  if (trimmed === '') {
    throw new Error('an empty duration; write e.g. 30s, 10m or 1h30m');
  }
  // Sticky: each unit must follow the previous one, nothing in between.
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
  let total = 0;
  while (part.lastIndex < trimmed.length) {
    const match = part.exec(trimmed);
    if (!match) {
      throw new Error(
        `'${text}' is not a duration; write e.g. 30s, 10m or 1h30m`,
      );
    }
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return total;
}

/** A duration for messages: `45s`, `2m 5s`, `1h 30m`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = Math.round(ms / 1_000);
  const h = Math.floor(seconds / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''];
  return parts.filter(Boolean).join(' ') || '0s';
}
