import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  qualityGatesApiRef,
  ReadinessOverviewFilters,
} from '../../../api/QualityGatesApi';
import { DownloadCsvButton } from '../../shared/DownloadCsvButton';

/** Downloads every row matching the page's filters, in its order, as CSV. */
export function ExportCsvButton(props: { filters: ReadinessOverviewFilters }) {
  const api = useApi(qualityGatesApiRef);
  const { filters } = props;
  const fetchCsv = useCallback(
    () => api.exportReadinessOverview(filters),
    [api, filters],
  );
  return <DownloadCsvButton name="readiness" fetchCsv={fetchCsv} />;
}
