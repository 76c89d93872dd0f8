import { CliIo } from '../CliIo';
import { palette, shouldUseColor } from '../render/colors';
import { renderAnswer } from '../render/renderAnswer';
import { formatDuration } from './duration';
import { EvaluateAnswer, EvaluateQuestion } from './EvaluateAnswer';
import { ExitCode, ExitCodeValue, exitCodeForVerdict } from './exitCodes';
import { ApiTarget, requestEvaluation } from './requestEvaluation';
import { WaitingCriterion, waitingCriteria } from './waitingCriteria';

export interface EvaluateOptions {
  question: EvaluateQuestion;
  target: ApiTarget;
  json: boolean;
  failOnWarn: boolean;
  /** Re-evaluate while a wait-timer (soak) criterion is not yet decided. */
  wait: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
}

/** Past the moment a soak is due, so the next evaluation sees it done. */
const DECIDE_MARGIN_MS = 1_000;
const MIN_PAUSE_MS = 1_000;

function describeWaiting(waiting: WaitingCriterion[]): string {
  return waiting
    .map(
      criterion =>
        `${criterion.gateId}/${criterion.key} (${criterion.observed}s${
          criterion.threshold ? `, needs ${criterion.threshold}` : ''
        }${
          criterion.decideAt ? `, due ${criterion.decideAt.toISOString()}` : ''
        })`,
    )
    .join(', ');
}

/** How long to sleep: the poll interval, or less when a soak is due sooner. */
function pauseBeforeNextPoll(
  waiting: WaitingCriterion[],
  options: EvaluateOptions,
  now: number,
  deadline: number,
): number {
  const due = waiting
    .map(criterion => criterion.decideAt?.getTime())
    .filter((at): at is number => at !== undefined);
  const untilDue =
    due.length === waiting.length
      ? Math.max(...due) + DECIDE_MARGIN_MS - now
      : Infinity;
  // Never less than a second for a due soak: a clock that differs from the
  // server's must not turn the wait into a busy loop.
  return Math.max(
    0,
    Math.min(
      options.pollIntervalMs,
      Math.max(untilDue, MIN_PAUSE_MS),
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
 * `can-i-deploy evaluate`: asks, with `--wait` asks again until no
 * criterion waits any more or the wait timeout passes, prints the last
 * answer, and answers the exit code. Errors (CliError) propagate.
 */
export async function runEvaluate(
  options: EvaluateOptions,
  io: CliIo,
): Promise<ExitCodeValue> {
  const deadline = io.now() + options.waitTimeoutMs;
  for (;;) {
    const { answer, body } = await requestEvaluation(
      options.target,
      options.question,
    );
    const waiting = options.wait ? waitingCriteria(answer) : [];
    if (waiting.length === 0) {
      printAnswer(answer, body, options, io);
      return exitCodeForVerdict(answer.verdict, options);
    }
    const now = io.now();
    if (now >= deadline) {
      printAnswer(answer, body, options, io);
      io.stderr.write(
        `can-i-deploy: still ${answer.verdict} after waiting ${formatDuration(
          options.waitTimeoutMs,
        )} (--wait-timeout) for ${describeWaiting(waiting)}; failing closed\n`,
      );
      return ExitCode.error;
    }
    const pause = pauseBeforeNextPoll(waiting, options, now, deadline);
    io.stderr.write(
      `can-i-deploy: ${answer.verdict} for now; waiting for ${describeWaiting(
        waiting,
      )}; evaluating again in ${formatDuration(pause)}\n`,
    );
    await io.sleep(pause);
  }
}
