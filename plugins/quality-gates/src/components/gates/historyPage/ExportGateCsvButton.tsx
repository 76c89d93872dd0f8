import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  GateEvaluationFilters,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { DownloadCsvButton } from '../../shared/DownloadCsvButton';

/** Downloads every evaluation matching the page's filters as CSV. */
export function ExportGateCsvButton(props: { filters: GateEvaluationFilters }) {
  const api = useApi(qualityGatesApiRef);
  const { filters } = props;
  const fetchCsv = useCallback(
    () => api.exportGateEvaluations(filters),
    [api, filters],
  );
  return <DownloadCsvButton name="gate-evaluations" fetchCsv={fetchCsv} />;
}
