import { Link } from '@backstage/core-components';
import { ReadinessEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';

/** What a result rests on: the rule file, the dashboard, the owner. */
export function EvidenceLinks(props: { evidence: ReadinessEvidence[] }) {
  if (props.evidence.length === 0) return null;
  return (
    <div>
      <Typography variant="subtitle2">Evidence</Typography>
      <ul aria-label="Evidence">
        {props.evidence.map(evidence => (
          <li key={`${evidence.title}-${evidence.url ?? ''}`}>
            {evidence.url ? (
              <Link to={evidence.url}>{evidence.title}</Link>
            ) : (
              <Typography variant="body2" component="span">
                {evidence.title}
              </Typography>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
