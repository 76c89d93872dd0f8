import { InfoCard } from '@backstage/core-components';
import { ReadinessExemption } from '@can-i-deploy/plugin-quality-gates-common';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { formatDate } from '../../shared/format/formatTime';
import { DataTable } from '../../shared/table/DataTable';
import { exemptionStatus } from './exemptionStatus';

const COLUMNS = [
  'Check',
  'Status',
  'Reason',
  'Granted by',
  'Until',
  'Revoked by',
];

/** Every exemption the entity had, in force or not: the audit trail. */
export function ExemptionAuditTable(props: {
  exemptions: ReadinessExemption[];
  checkTitle: (checkId: string) => string;
}) {
  if (props.exemptions.length === 0) return null;
  return (
    <InfoCard title="Exemptions" subheader="Kept for audit, newest first">
      <DataTable label="Exemptions" columns={COLUMNS} items={props.exemptions}>
        {exemption => (
          <TableRow key={exemption.id}>
            <TableCell>{props.checkTitle(exemption.checkId)}</TableCell>
            <TableCell>{exemptionStatus(exemption)}</TableCell>
            <TableCell>{exemption.reason}</TableCell>
            <TableCell>
              {exemption.createdBy} ({formatDate(exemption.createdAt)})
            </TableCell>
            <TableCell>{formatDate(exemption.expiresAt)}</TableCell>
            <TableCell>
              {exemption.revokedBy
                ? `${exemption.revokedBy} (${formatDate(
                    exemption.revokedAt ?? exemption.expiresAt,
                  )})`
                : '—'}
            </TableCell>
          </TableRow>
        )}
      </DataTable>
    </InfoCard>
  );
}
