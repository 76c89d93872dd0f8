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

/** An owner's or system's ref, as short as it can be said. */
export function refLabel(ref: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}

const plain = (values: string[]) =>
  values.map(value => ({ value, label: value }));

/**
 * The overview's filters. Kinds, lifecycles, owners and systems come from
 * the stored results; levels and failing checks from the configured ladder
 * and checks.
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
          label: refLabel(owner, 'group'),
        }))}
        onChange={value => onChange('owner', value)}
      />
      <FilterSelect
        id="readiness-filter-system"
        label="System"
        value={query.system}
        options={facets.systems.map(system => ({
          value: system,
          label: refLabel(system, 'system'),
        }))}
        onChange={value => onChange('system', value)}
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
