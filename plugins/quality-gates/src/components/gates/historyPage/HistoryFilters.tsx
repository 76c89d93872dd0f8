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

/** The history's filters: gate, owner, environment, verdict, override, days. */
export function HistoryFilters(props: {
  query: HistoryQuery;
  onChange: (name: HistoryFilterName, value: string | undefined) => void;
  onReset: () => void;
}) {
  const { query, onChange } = props;
  const anySet = HISTORY_FILTER_NAMES.some(name => !!query[name]);
  const dayField = (name: 'from' | 'to', label: string) => (
    <DayField
      id={`gate-history-${name}`}
      label={label}
      value={query[name] ?? ''}
      onChange={day => onChange(name, day || undefined)}
    />
  );

  return (
    <FilterBar label="Filters">
      <DebouncedTextField
        id="gate-history-gate"
        label="Gate"
        placeholder="Gate id"
        value={query.gateId}
        onChange={value => onChange('gateId', value)}
      />
      <DebouncedTextField
        id="gate-history-owner"
        label="Owner"
        placeholder="Group, e.g. team-a"
        value={query.owner}
        onChange={value => onChange('owner', value)}
      />
      <DebouncedTextField
        id="gate-history-environment"
        label="Environment"
        placeholder="e.g. production"
        value={query.environment}
        onChange={value => onChange('environment', value)}
      />
      <FilterSelect
        id="gate-history-verdict"
        label="Verdict"
        value={query.verdict}
        options={VERDICT_OPTIONS}
        onChange={value => onChange('verdict', value)}
      />
      <FilterSelect
        id="gate-history-overridden"
        label="Override"
        value={query.overridden}
        options={OVERRIDDEN_OPTIONS}
        onChange={value => onChange('overridden', value)}
      />
      {dayField('from', 'From')}
      {dayField('to', 'To')}
      {anySet && (
        <Button size="small" onClick={props.onReset}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}
