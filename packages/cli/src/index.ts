/**
 * The can-i-deploy command line: asks Backstage's quality gates whether a
 * version may be deployed, from any CI system.
 *
 * @packageDocumentation
 */
import { runCli } from './cli';
import { processIo } from './CliIo';

runCli(process.argv, processIo()).then(code => {
  // Not process.exit(): let piped output flush first.
  process.exitCode = code;
});
