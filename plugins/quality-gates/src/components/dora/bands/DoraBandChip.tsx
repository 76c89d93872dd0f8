import { DoraBand } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import { BAND_STYLE } from './bandStyle';

/**
 * The DORA band as a coloured chip with its name, never colour alone;
 * "No band" when the figure has none (no data, or no bands configured).
 */
export function DoraBandChip(props: { band: DoraBand | null }) {
  if (!props.band) {
    return (
      <Chip size="small" variant="outlined" label="No band" data-band="none" />
    );
  }
  const style = BAND_STYLE[props.band];
  return (
    <Chip
      size="small"
      label={style.title}
      style={{ backgroundColor: style.background, color: style.text }}
      data-band={props.band}
    />
  );
}
