import { CliIo } from '../CliIo';
import { palette, shouldUseColor } from '../render/colors';
import { renderAnswer } from '../render/renderAnswer';
import { formatDuration } from './duration';
import { EvaluateAnswer, EvaluateQuestion } from './EvaluateAnswer';
import { ExitCode, ExitCodeValue, exitCodeForAnswer } from './exitCodes';
import { ApiTarget, requestEvaluation } from './requestEvaluation';
import {
  askAgainAtOf,
  WaitingCriterion,
  waitingCriteria,
} from './waitingCriteria';

export interface EvaluateOptions {
  question: EvaluateQuestion;
  target: ApiTarget;
  json: boolean;
  failOnWarn: boolean;
  /** Ask again while the answer is `not_yet`, at the time it gives. */
  wait: boolean;
  /** The bound of the whole wait (`--max-wait`). */
  maxWaitMs: number;
  /** At most this long between two questions, when given. */
  pollIntervalMs?: number;
}

/** Past the time the backend gives, so the next evaluation sees it due. */
const DECIDE_MARGIN_MS = 1_000;
/** A clock that differs from the server's must not make a busy loop. */
const MIN_PAUSE_MS = 1_000;

function describeWaiting(waiting: WaitingCriterion[]): string {
  return waiting
    .map(criterion => `${criterion.gateId}/${criterion.key}`)
    .join(', ');
}

/** How long to sleep: until the time to ask again, within the bounds. */
function pauseBeforeNextAsk(
  askAgainAt: Date | undefined,
  options: EvaluateOptions,
  now: number,
  deadline: number,
): number {
  const untilDue = askAgainAt
    ? askAgainAt.getTime() + DECIDE_MARGIN_MS - now
    : options.pollIntervalMs ?? MIN_PAUSE_MS;
  return Math.max(
    0,
    Math.min(
      Math.max(untilDue, MIN_PAUSE_MS),
      options.pollIntervalMs ?? Infinity,
      deadline - now,
    ),
  );
}

function printAnswer(
  answer: EvaluateAnswer,
  body: string,
  options: EvaluateOptions,
  io: CliIo,
) {
  if (options.json) {
    // Exactly what the API answered, for jq.
    io.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
    return;
  }
  io.stdout.write(
    renderAnswer(answer, palette(shouldUseColor(io.stdout, io.env))),
  );
}

/**
 * `can-i-deploy evaluate`: asks; with `--wait`, while the answer is
 * `not_yet`, asks again at the time it gives (printing a progress line to
 * stderr each time) until it is decided or `--max-wait` is reached; prints
 * the last answer, and answers the exit code: `notYet` when the bound was
 * reached. Errors (CliError) propagate.
 */
export async function runEvaluate(
  options: EvaluateOptions,
  io: CliIo,
): Promise<ExitCodeValue> {
  const started = io.now();
  const deadline = started + options.maxWaitMs;
  for (;;) {
    const { answer, body } = await requestEvaluation(
      options.target,
      options.question,
    );
    const waiting = options.wait ? waitingCriteria(answer) : [];
    if (waiting.length === 0) {
      printAnswer(answer, body, options, io);
      return exitCodeForAnswer(answer, options);
    }
    const now = io.now();
    if (now >= deadline) {
      printAnswer(answer, body, options, io);
      io.stderr.write(
        `can-i-deploy: still not yet after waiting ${formatDuration(
          options.maxWaitMs,
        )} (--max-wait) for ${describeWaiting(waiting)}; giving up (exit ${
          ExitCode.notYet
        })\n`,
      );
      return ExitCode.notYet;
    }
    const askAgainAt = askAgainAtOf(answer, waiting);
    const pause = pauseBeforeNextAsk(askAgainAt, options, now, deadline);
    io.stderr.write(
      `can-i-deploy: not yet${
        now > started ? ` after ${formatDuration(now - started)}` : ''
      } - ${describeWaiting(waiting)}: ${waiting[0].message}${
        askAgainAt ? `; may decide at ${askAgainAt.toISOString()}` : ''
      }; asking again in ${formatDuration(pause)}\n`,
    );
    await io.sleep(pause);
  }
}
