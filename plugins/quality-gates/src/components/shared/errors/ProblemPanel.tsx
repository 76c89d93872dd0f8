import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { problemTitle } from './problemTitle';

/**
 * A failed request as a panel titled in words. Something that is not there
 * (404) is a warning that says what is missing, not an error with a stack.
 */
export function ProblemPanel(props: {
  error: Error;
  /** e.g. "This gate decision no longer exists". */
  notFound?: string;
  /** e.g. "The decisions could not be loaded". */
  failed?: string;
}) {
  const { error } = props;
  const title = problemTitle(error, props);
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 404 && props.notFound) {
    return <WarningPanel severity="warning" title={title} />;
  }
  return <ResponseErrorPanel error={error} title={title} />;
}
