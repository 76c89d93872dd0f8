import Chip from '@material-ui/core/Chip';
import { verdictIcon } from '../../shared/verdicts/verdictIcons';
import { criterionStateStyle } from '../../shared/verdicts/verdictStyle';

/** What one criterion concluded, as an icon, a word and a colour. */
export function CriterionStateChip(props: { state: string }) {
  const style = criterionStateStyle(props.state);
  const Icon = verdictIcon(props.state);
  return (
    <Chip
      variant="outlined"
      size="small"
      label={style.label}
      icon={<Icon style={{ color: style.color }} />}
      style={{ borderColor: style.color, borderWidth: 2, fontWeight: 500 }}
      data-state={props.state}
    />
  );
}
