import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { GateCandidateVersion } from '../../../api/QualityGatesApi';
import { formatRelativeTime } from '../../shared/format/formatTime';

const SOURCES: Record<GateCandidateVersion['source'], string> = {
  pipeline: 'built',
  deployment: 'deployed',
  decision: 'asked about',
};

function describe(option: GateCandidateVersion): string {
  return `${SOURCES[option.source] ?? option.source} ${formatRelativeTime(
    option.at,
  )}`;
}

/**
 * The version to ask about: one the entity built, deployed or was asked
 * about, newest first, or any other typed in (Enter or leaving the field
 * takes it).
 */
export function VersionPicker(props: {
  value: string;
  versions: GateCandidateVersion[];
  onChange: (version: string) => void;
}) {
  const byVersion = new Map(props.versions.map(v => [v.version, v]));
  return (
    <Autocomplete<string, false, true, true>
      id="gate-version"
      freeSolo
      autoSelect
      disableClearable
      value={props.value}
      options={props.versions.map(v => v.version)}
      onChange={(_event, next) => {
        const version = (next ?? '').trim();
        if (version && version !== props.value) props.onChange(version);
      }}
      renderOption={option => {
        const known = byVersion.get(option);
        return (
          <span>
            <span style={{ fontFamily: 'monospace' }}>{option}</span>
            {known && (
              <Typography
                component="span"
                variant="caption"
                color="textSecondary"
              >
                {' '}
                — {describe(known)}
              </Typography>
            )}
          </span>
        );
      }}
      style={{ width: 360, maxWidth: '100%' }}
      renderInput={params => (
        <TextField
          {...params}
          label="Version"
          variant="outlined"
          size="small"
          placeholder="e.g. 1.14.0"
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}
