import Chip from '@material-ui/core/Chip';

/** The backend's reasons a row counts, in words. */
const REASON_TITLES: Record<string, string> = {
  failed: 'Failed',
  rolled_back: 'Rolled back',
  incident: 'Caused an incident',
  unplanned: 'Unplanned',
  excluded_non_positive: 'Left out: not positive',
};

export function reasonTitle(reason: string): string {
  return REASON_TITLES[reason] ?? reason.replace(/_/g, ' ');
}

/** Why a row counts, e.g. "Rolled back". */
export function ReasonChip(props: { reason?: string }) {
  if (!props.reason) return <>—</>;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={reasonTitle(props.reason)}
      data-reason={props.reason}
    />
  );
}
