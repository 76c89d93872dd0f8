import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ciCommand } from './ciCommand';

/** No gate was ever asked about this entity: how CI asks. */
export function NoGateEvaluations(props: { entityRef: string }) {
  return (
    <EmptyState
      missing="data"
      title="No gate has evaluated this component yet"
      description="Gates decide when CI asks whether a version may go to an environment. Add this step before the deploy step; it fails the job unless every gate that applies passes, and every answer appears here with its evidence."
      action={
        <div data-role="ci-command">
          <Typography variant="subtitle2" gutterBottom>
            Ask from CI
          </Typography>
          <CodeSnippet
            language="bash"
            text={ciCommand(props.entityRef)}
            showCopyCodeButton
          />
        </div>
      }
    />
  );
}
