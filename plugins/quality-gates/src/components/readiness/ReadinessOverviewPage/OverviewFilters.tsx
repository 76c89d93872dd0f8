import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ReadinessCheckInfo,
  ReadinessLevel,
  ReadinessOverviewResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import { FilterBar } from '../../shared/FilterBar';
import { FilterSelect } from '../../shared/FilterSelect';
import { FILTER_NAMES, FilterName, OverviewQuery } from './overviewQuery';
import { SearchField } from './SearchField';

/** The level filter's value for entities that reached no level. */
export const NO_LEVEL = 'none';

function ownerLabel(owner: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(owner), { defaultKind: 'group' });
  } catch {
    return owner;
  }
}

const plain = (values: string[]) =>
  values.map(value => ({ value, label: value }));

/**
 * The overview's filters. Kinds, lifecycles and owners come from the stored
 * results; levels and failing checks from the configured ladder and checks.
 */
export function OverviewFilters(props: {
  query: OverviewQuery;
  facets: ReadinessOverviewResponse['facets'];
  levels: ReadinessLevel[];
  checks: ReadinessCheckInfo[];
  onChange: (name: FilterName, value: string | undefined) => void;
  onReset: () => void;
}) {
  const { query, facets, onChange } = props;
  const anySet = FILTER_NAMES.some(name => !!query[name]) || !!query.sort;

  return (
    <FilterBar label="Filters">
      <SearchField value={query.q} onChange={value => onChange('q', value)} />
      <FilterSelect
        id="readiness-filter-kind"
        label="Kind"
        value={query.kind}
        options={plain(facets.kinds)}
        onChange={value => onChange('kind', value)}
      />
      <FilterSelect
        id="readiness-filter-lifecycle"
        label="Lifecycle"
        value={query.lifecycle}
        options={plain(facets.lifecycles)}
        onChange={value => onChange('lifecycle', value)}
      />
      <FilterSelect
        id="readiness-filter-owner"
        label="Owner"
        value={query.owner}
        options={facets.owners.map(owner => ({
          value: owner,
          label: ownerLabel(owner),
        }))}
        onChange={value => onChange('owner', value)}
      />
      <FilterSelect
        id="readiness-filter-level"
        label="Level"
        value={query.level}
        options={[
          ...props.levels.map(level => ({
            value: level.id,
            label: level.title,
          })),
          { value: NO_LEVEL, label: 'No level' },
        ]}
        onChange={value => onChange('level', value)}
      />
      <FilterSelect
        id="readiness-filter-failing-check"
        label="Failing check"
        value={query.failingCheck}
        options={props.checks.map(check => ({
          value: check.id,
          label: check.title,
        }))}
        onChange={value => onChange('failingCheck', value)}
      />
      {anySet && (
        <Button size="small" onClick={props.onReset}>
          Clear filters and sort
        </Button>
      )}
    </FilterBar>
  );
}
