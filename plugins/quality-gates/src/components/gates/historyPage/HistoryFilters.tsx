import Button from '@material-ui/core/Button';
import { FilterSelect } from '../../readiness/ReadinessOverviewPage/FilterSelect';
import { DayField } from '../../shared/DayField';
import { FilterBar } from '../../shared/FilterBar';
import { GATE_VERDICTS, verdictStyle } from '../verdicts/verdictStyle';
import { DebouncedTextField } from './DebouncedTextField';
import {
  HISTORY_FILTER_NAMES,
  HistoryFilterName,
  HistoryQuery,
} from './historyQuery';

const VERDICT_OPTIONS = GATE_VERDICTS.map(verdict => ({
  value: verdict,
  label: verdictStyle(verdict).label,
}));

const OVERRIDDEN_OPTIONS = [
  { value: 'yes', label: 'Overridden' },
  { value: 'no', label: 'Not overridden' },
];

/**
 * The history's filters: gate, owner, environment, verdict, override, days;
 * `only` those a view applies.
 */
export function HistoryFilters(props: {
  query: HistoryQuery;
  onChange: (name: HistoryFilterName, value: string | undefined) => void;
  onReset: () => void;
  only?: HistoryFilterName[];
}) {
  const { query, onChange } = props;
  const names = props.only ?? HISTORY_FILTER_NAMES;
  const shown = (name: HistoryFilterName) => names.includes(name);
  const anySet = names.some(name => !!query[name]);
  const dayField = (name: 'from' | 'to', label: string) => (
    <DayField
      id={`gate-history-${name}`}
      label={label}
      value={query[name] ?? ''}
      onChange={day => onChange(name, day || undefined)}
    />
  );

  const textField = (
    name: 'gateId' | 'owner' | 'environment',
    id: string,
    label: string,
    placeholder: string,
  ) => (
    <DebouncedTextField
      id={id}
      label={label}
      placeholder={placeholder}
      value={query[name]}
      onChange={value => onChange(name, value)}
    />
  );

  return (
    <FilterBar label="Filters">
      {shown('gateId') &&
        textField('gateId', 'gate-history-gate', 'Gate', 'Gate id')}
      {shown('owner') &&
        textField('owner', 'gate-history-owner', 'Owner', 'Group, e.g. team-a')}
      {shown('environment') &&
        textField(
          'environment',
          'gate-history-environment',
          'Environment',
          'e.g. production',
        )}
      {shown('verdict') && (
        <FilterSelect
          id="gate-history-verdict"
          label="Verdict"
          value={query.verdict}
          options={VERDICT_OPTIONS}
          onChange={value => onChange('verdict', value)}
        />
      )}
      {shown('overridden') && (
        <FilterSelect
          id="gate-history-overridden"
          label="Override"
          value={query.overridden}
          options={OVERRIDDEN_OPTIONS}
          onChange={value => onChange('overridden', value)}
        />
      )}
      {shown('from') && dayField('from', 'From')}
      {shown('to') && dayField('to', 'To')}
      {anySet && (
        <Button size="small" onClick={props.onReset}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}
