import type {
  DecisionAnswer,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';

/** How the process ends, so a CI step can branch without reading output. */
export const ExitCode = {
  /** `pass`, or `warn` without `--fail-on-warn`. */
  pass: 0,
  fail: 1,
  /** The gates could not decide, or the CLI could not ask: fail closed. */
  error: 2,
  /** `warn` with `--fail-on-warn`. */
  warn: 3,
  /** With `--wait`: still `not_yet` when `--max-wait` was reached. */
  notYet: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for an answer's verdict; anything unknown is an error. */
export function exitCodeForVerdict(
  verdict: GateVerdict | string,
  options: { failOnWarn: boolean },
): ExitCodeValue {
  switch (verdict) {
    case 'pass':
      return ExitCode.pass;
    case 'warn':
      return options.failOnWarn ? ExitCode.warn : ExitCode.pass;
    case 'fail':
      return ExitCode.fail;
    default:
      return ExitCode.error;
  }
}

/**
 * The exit code for a decision: its answer (an override that lets it pass
 * is a `yes`), `warn` telling apart a yes with warnings. A backend that
 * does not answer yet is judged by its verdict.
 */
export function exitCodeForAnswer(
  decision: { answer?: DecisionAnswer | string; verdict: GateVerdict | string },
  options: { failOnWarn: boolean },
): ExitCodeValue {
  switch (decision.answer) {
    case undefined:
      return exitCodeForVerdict(decision.verdict, options);
    case 'yes':
      return decision.verdict === 'warn' && options.failOnWarn
        ? ExitCode.warn
        : ExitCode.pass;
    // Not yet without --wait: not a yes, so it blocks (--wait waits for it).
    case 'no':
    case 'not_yet':
      return ExitCode.fail;
    default:
      return ExitCode.error;
  }
}

/** Shown at the end of `--help`. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  yes: every enforcing gate passes or is overridden to pass
     (a warning too, without --fail-on-warn)
  1  no (or not yet, without --wait)
  2  error: the gates could not decide, or the question could not be asked
     (bad arguments, network error, HTTP 4xx/5xx, timeout) - fails closed
  3  warn with --fail-on-warn
  4  still not yet when --max-wait was reached (with --wait)
`;
