import Button from '@material-ui/core/Button';
import { FilterSelect } from '../../shared/FilterSelect';
import { DayField } from '../../shared/DayField';
import { FilterBar } from '../../shared/FilterBar';
import { FilterGroup } from '../../shared/FilterGroup';
import { answerStyle, DECISION_ANSWERS } from '../decision/answerStyle';
import {
  GATE_VERDICTS,
  verdictStyle,
} from '../../shared/verdicts/verdictStyle';
import {
  HISTORY_FILTER_NAMES,
  HistoryFilterName,
  HistoryQuery,
} from './historyQuery';
import { shortRef } from './shortRef';
import { SuggestField } from './SuggestField';
import { useCatalogSuggestions } from './useCatalogSuggestions';

const VERDICT_OPTIONS = GATE_VERDICTS.map(verdict => ({
  value: verdict,
  label: verdictStyle(verdict).label,
}));

const ANSWER_OPTIONS = DECISION_ANSWERS.map(answer => ({
  value: answer,
  label: answerStyle(answer).label,
}));

const OVERRIDDEN_OPTIONS = [
  { value: 'yes', label: 'Overridden' },
  { value: 'no', label: 'Not overridden' },
];

/** Values seen in what is listed, to suggest beside the catalog's. */
export interface SeenValues {
  gateId?: string[];
  environment?: string[];
}

/**
 * The history's filters: entity and owner from the catalog, gate and
 * environment from what was decided, answer or verdict, override, days;
 * `only` those a view applies.
 */
export function HistoryFilters(props: {
  query: HistoryQuery;
  onChange: (name: HistoryFilterName, value: string | undefined) => void;
  onReset: () => void;
  only?: HistoryFilterName[];
  seen?: SeenValues;
}) {
  const { query, onChange } = props;
  const catalog = useCatalogSuggestions();
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

  return (
    <FilterBar label="Filters">
      {shown('entityRef') && (
        <SuggestField
          id="gate-history-entity"
          label="Entity"
          placeholder="Search the catalog"
          value={query.entityRef}
          suggestions={catalog.entityRefs}
          labelOf={shortRef}
          onInputChange={catalog.searchEntities}
          onChange={value => onChange('entityRef', value)}
          width={260}
        />
      )}
      {shown('gateId') && (
        <SuggestField
          id="gate-history-gate"
          label="Gate"
          placeholder="Gate id"
          value={query.gateId}
          suggestions={props.seen?.gateId ?? []}
          onChange={value => onChange('gateId', value)}
        />
      )}
      {shown('owner') && (
        <SuggestField
          id="gate-history-owner"
          label="Owner"
          placeholder="e.g. team-a"
          value={query.owner}
          suggestions={catalog.groupRefs}
          labelOf={shortRef}
          onChange={value => onChange('owner', value)}
        />
      )}
      {shown('environment') && (
        <SuggestField
          id="gate-history-environment"
          label="Environment"
          placeholder="e.g. production"
          value={query.environment}
          suggestions={props.seen?.environment ?? []}
          onChange={value => onChange('environment', value)}
          width={180}
        />
      )}
      {shown('answer') && (
        <FilterSelect
          id="gate-history-answer"
          label="Answer"
          value={query.answer}
          options={ANSWER_OPTIONS}
          onChange={value => onChange('answer', value)}
        />
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
      {(shown('from') || shown('to')) && (
        <FilterGroup label="Days">
          {shown('from') && dayField('from', 'From')}
          {shown('to') && dayField('to', 'To')}
        </FilterGroup>
      )}
      {anySet && (
        <Button size="small" onClick={props.onReset}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}
