import {
  PIPELINE_RESULTS,
  PipelineResult,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import { DebouncedTextField } from '../../shared/DebouncedTextField';
import { FilterSelect } from '../../shared/FilterSelect';
import { FilterBar } from '../../shared/FilterBar';
import {
  PipelinesQuery,
  RunFilterName,
  RUN_FILTERS,
} from '../query/pipelinesQuery';
import { pipelineResultStyle } from '../../shared/pipelines/pipelineResultStyle';

const RESULT_OPTIONS = PIPELINE_RESULTS.map(result => ({
  value: result,
  label: pipelineResultStyle(result).label,
}));

/** The runs' filters: pipeline, result and commit. */
export function RunFilters(props: {
  query: PipelinesQuery;
  /** Pipelines the entity ran in the range, for the pipeline menu. */
  pipelineNames: string[];
  onChange: (change: Partial<Pick<PipelinesQuery, RunFilterName>>) => void;
}) {
  const { query, onChange } = props;
  const anySet = RUN_FILTERS.some(name => !!query[name]);
  return (
    <FilterBar label="Run filters">
      <FilterSelect
        id="pipeline-runs-pipeline"
        label="Pipeline"
        value={query.pipeline}
        options={props.pipelineNames.map(name => ({
          value: name,
          label: name,
        }))}
        onChange={pipeline => onChange({ pipeline })}
      />
      <FilterSelect
        id="pipeline-runs-result"
        label="Result"
        value={query.result}
        options={RESULT_OPTIONS}
        onChange={result => onChange({ result: result as PipelineResult })}
      />
      <DebouncedTextField
        id="pipeline-runs-commit"
        label="Commit"
        placeholder="Full sha"
        value={query.commit}
        onChange={commit => onChange({ commit })}
      />
      {anySet && (
        <Button
          size="small"
          onClick={() =>
            onChange({
              pipeline: undefined,
              result: undefined,
              commit: undefined,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}
