/** Whether a figure moved the right way since the previous window. */
export type ChangeDirection = 'better' | 'worse' | 'same' | 'none';

export interface MetricChange {
  direction: ChangeDirection;
  /** Whether the value went up; null when it did not move or cannot compare. */
  rising: boolean | null;
  /** e.g. `+1.5 per week`, `−3 h`, `no change`, `nothing to compare with`. */
  text: string;
}

/**
 * The change of a figure against the previous window. Moves smaller than
 * `tolerance` count as no change, so a difference that rounds away in the
 * shown value is not called better or worse.
 */
export function metricChange(options: {
  current: number | null;
  previous: number | null;
  higherIsBetter: boolean;
  tolerance: number;
  /** The size of the change, always positive, with its unit. */
  formatSize: (size: number) => string;
}): MetricChange {
  const { current, previous } = options;
  if (current === null || previous === null) {
    return { direction: 'none', rising: null, text: 'nothing to compare with' };
  }
  const delta = current - previous;
  if (Math.abs(delta) < options.tolerance) {
    return { direction: 'same', rising: null, text: 'no change' };
  }
  const rising = delta > 0;
  return {
    direction: rising === options.higherIsBetter ? 'better' : 'worse',
    rising,
    text: `${rising ? '+' : '−'}${options.formatSize(Math.abs(delta))}`,
  };
}
