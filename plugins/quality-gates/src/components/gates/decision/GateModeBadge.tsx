import { GateMode } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';

const LABELS: Partial<Record<GateMode, string>> = {
  'dry-run': 'Dry run · not enforced',
  'warn-only': 'Warn only · never blocks',
};

/** Marks a gate that does not count towards the answer; nothing for enforced gates. */
export function GateModeBadge(props: { mode: GateMode | string }) {
  const label = LABELS[props.mode as GateMode];
  if (!label) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      data-mode={props.mode}
      style={{ borderStyle: 'dashed' }}
    />
  );
}
