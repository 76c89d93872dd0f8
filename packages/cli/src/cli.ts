import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { CliIo } from './CliIo';
import { CliError } from './evaluate/CliError';
import { parseDuration } from './evaluate/duration';
import { runEvaluate } from './evaluate/evaluateCommand';
import { EXIT_CODES_HELP, ExitCode } from './evaluate/exitCodes';

/** A commander parser for a positive duration option. */
function durationArgument(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  if (ms <= 0) throw new InvalidArgumentError('it must be longer than 0');
  return ms;
}

interface GlobalOptions {
  url?: string;
  token?: string;
  timeout: number;
}

interface EvaluateCommandOptions extends GlobalOptions {
  entity: string;
  environment: string;
  version: string;
  json?: boolean;
  failOnWarn?: boolean;
  wait?: boolean;
  maxWait: number;
  waitTimeout?: number;
  pollInterval?: number;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void) {
  const program = new Command('can-i-deploy')
    .description(
      "Asks Backstage's quality gates whether a version may be deployed",
    )
    // Commander would exit with 1 on bad arguments; the CLI answers 2.
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    })
    .addOption(
      new Option('--url <url>', "Backstage's base URL").env('BACKSTAGE_URL'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'a static external-access token (never printed)',
      ).env('QUALITY_GATES_API_TOKEN'),
    )
    .addOption(
      new Option('--timeout <duration>', 'how long one request may take')
        .argParser(durationArgument)
        .default(60_000, '60s'),
    )
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('evaluate')
    .description(
      'Evaluate every gate that applies, print the verdict and the evidence, exit by the verdict',
    )
    .requiredOption('--entity <ref>', 'e.g. component:default/checkout')
    .requiredOption('--environment <name>', 'e.g. production')
    .requiredOption('--version <version>', 'the sha or tag being deployed')
    .option('--json', "print the API's answer as it is, for machines")
    .option('--fail-on-warn', 'exit 3 on warn instead of 0')
    .option(
      '--wait',
      'while the answer is not yet (a soak, too little traffic yet), ask again when it says',
    )
    .addOption(
      new Option(
        '--max-wait <duration>',
        `give up waiting after this, exit ${ExitCode.notYet}`,
      )
        .argParser(durationArgument)
        .default(30 * 60_000, '30m'),
    )
    .addOption(
      new Option('--wait-timeout <duration>', 'the former name of --max-wait')
        .argParser(durationArgument)
        .hideHelp(),
    )
    .addOption(
      new Option(
        '--poll-interval <duration>',
        'ask again at least this often while waiting (default: when the answer says)',
      ).argParser(durationArgument),
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<EvaluateCommandOptions>();
      if (!options.url) {
        throw new CliError(
          "no Backstage URL: pass --url or set BACKSTAGE_URL (Backstage's base URL)",
        );
      }
      setExitCode(
        await runEvaluate(
          {
            question: {
              entityRef: options.entity,
              environment: options.environment,
              version: options.version,
            },
            target: {
              baseUrl: options.url,
              token: options.token,
              timeoutMs: options.timeout,
            },
            json: Boolean(options.json),
            failOnWarn: Boolean(options.failOnWarn),
            wait: Boolean(options.wait),
            maxWaitMs: options.waitTimeout ?? options.maxWait,
            pollIntervalMs: options.pollInterval,
          },
          io,
        ),
      );
    });

  return program;
}

/**
 * Runs the CLI on `argv` (as `process.argv`: node, script, arguments) and
 * answers the exit code; it never exits the process itself.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.error;
  const program = buildProgram(io, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed its message already.
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? ExitCode.pass
        : ExitCode.error;
    }
    const message =
      error instanceof CliError
        ? error.message
        : `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
    io.stderr.write(`can-i-deploy: ${message}\n`);
    return ExitCode.error;
  }
}
