import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';

/**
 * What one request gave: its error, a spinner until the first answer, then
 * the answer. A newer answer loads over the one shown.
 */
export function AsyncContent<T>(props: {
  state: { loading: boolean; error?: Error; value?: T };
  /** A thin bar above the answer shown while a newer one loads. */
  showReloading?: boolean;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value } = props.state;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) return <Progress />;
  return (
    <>
      {props.showReloading && loading && <LinearProgress />}
      {props.children(value)}
    </>
  );
}
