/**
 * One typed fact of a criterion's evidence. Sources report facts, not
 * prose: the one formatter ({@link formatFact}) turns them into words for
 * the UI, the CLI and the API's messages, so a duration reads "1 h 57 min"
 * everywhere and a time can be shown relative with the absolute on hover.
 *
 * `label` names the fact in a list ("Waited", "CI run"); inside a sentence
 * the label is not shown.
 *
 * @public
 */
export type EvidenceFact =
  | { kind: 'duration'; ms: number; label?: string }
  | {
      kind: 'time';
      at: string;
      /** IANA zone the time reads in (a freeze window's), UTC by default. */
      timeZone?: string;
      label?: string;
    }
  | {
      kind: 'count';
      value: number;
      /** Singular noun, e.g. `request`; pluralised by the formatter. */
      unit?: string;
      label?: string;
    }
  /**
   * A fraction (0.0095), shown as a percentage (0.95 %); `signed` for a
   * change (+35 %).
   */
  | { kind: 'ratio'; value: number; signed?: boolean; label?: string }
  /**
   * A confidence interval of a ratio or number, e.g. `99 % interval
   * +12 … +61 %`; `signed` for a change.
   */
  | {
      kind: 'interval';
      lower: number;
      upper: number;
      of: 'ratio' | 'number';
      /** Its two-sided coverage as a fraction, e.g. 0.99. */
      level?: number;
      signed?: boolean;
      label?: string;
    }
  | { kind: 'number'; value: number; unit?: string; label?: string }
  | { kind: 'version'; version: string; label?: string }
  | { kind: 'link'; url: string; text: string; label?: string }
  | { kind: 'text'; text: string; label?: string };

/**
 * A one-sentence summary: words and facts in reading order, e.g.
 * `['CI run ', {kind:'link', text:'#4185', url}, ' succeeded']`.
 *
 * @public
 */
export type EvidenceSentence = Array<string | EvidenceFact>;
