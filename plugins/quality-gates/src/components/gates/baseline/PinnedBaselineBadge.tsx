import {
  actorName,
  GateBaselinePin,
} from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import BookmarkIcon from '@material-ui/icons/Bookmark';
import {
  formatAbsoluteTime,
  formatRelativeTime,
} from '../../shared/format/formatTime';

/** "Pinned baseline · by jane, 2 hours ago" on the pinned evaluation. */
export function PinnedBaselineBadge(props: { pin: GateBaselinePin }) {
  const { pin } = props;
  return (
    <Tooltip
      title={`Pinned by ${pin.pinnedBy} on ${formatAbsoluteTime(
        pin.pinnedAt,
      )}: later evaluations of this gate compare with this one`}
    >
      <Chip
        size="small"
        color="primary"
        variant="outlined"
        icon={<BookmarkIcon />}
        data-role="pinned-baseline"
        label={`Pinned baseline · by ${actorName(
          pin.pinnedBy,
        )}, ${formatRelativeTime(pin.pinnedAt)}`}
      />
    </Tooltip>
  );
}
