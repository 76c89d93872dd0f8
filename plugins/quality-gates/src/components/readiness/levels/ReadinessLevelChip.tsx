import { ReadinessLevel } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import { levelColor, levelTitle } from './levelStyle';

/** The level reached, as a badge with its name; "No level" when none is. */
export function ReadinessLevelChip(props: {
  levels: ReadinessLevel[];
  level: string | null;
  size?: 'small' | 'medium';
}) {
  const { levels, level } = props;
  if (!level) {
    return (
      <Chip
        size={props.size ?? 'small'}
        variant="outlined"
        label="No level"
        data-level="none"
      />
    );
  }
  const color = levelColor(levels, level);
  return (
    <Chip
      size={props.size ?? 'small'}
      label={levelTitle(levels, level)}
      icon={<EmojiEventsIcon style={{ color: '#fff' }} />}
      style={{ backgroundColor: color, color: '#fff' }}
      data-level={level}
    />
  );
}
