import { WarningPanel } from '@backstage/core-components';

/**
 * Why the gate could not decide (a broken gate file, no gate, ...): shown
 * open and first, since no criterion below explains an error like this.
 */
export function GateProblems(props: { problems: string[] }) {
  if (props.problems.length === 0) return null;
  return (
    <WarningPanel
      severity="error"
      title="The gate could not decide"
      defaultExpanded
    >
      <ul aria-label="Problems" style={{ margin: 0 }}>
        {props.problems.map(problem => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </WarningPanel>
  );
}
