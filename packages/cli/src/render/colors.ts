/** Colours for verdicts and states, or none at all. */
export interface Palette {
  /** A verdict or criterion state, coloured by how good it is. */
  state(text: string, state: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/**
 * Colour only for a person at a terminal: not when the output is piped or
 * captured in a CI log, nor when `NO_COLOR` is set (https://no-color.org).
 */
export function shouldUseColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

const ANSI = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  grey: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
} as const;

const STATE_COLOR: Record<string, keyof typeof ANSI> = {
  pass: 'green',
  warn: 'yellow',
  warning: 'yellow',
  fail: 'red',
  error: 'red',
  no_data: 'grey',
};

export function palette(useColor: boolean): Palette {
  const paint = (text: string, color: keyof typeof ANSI) =>
    useColor
      ? `\u001b[${ANSI[color][0]}m${text}\u001b[${ANSI[color][1]}m`
      : text;
  return {
    state: (text, state) =>
      STATE_COLOR[state] ? paint(text, STATE_COLOR[state]) : text,
    bold: text => paint(text, 'bold'),
    dim: text => paint(text, 'dim'),
  };
}
