import { InfoCard } from '@backstage/core-components';
import { ReadinessExemption } from '@can-i-deploy/plugin-quality-gates-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatDate } from '../time/formatTime';
import { exemptionStatus } from './exemptionStatus';

/** Every exemption the entity had, in force or not: the audit trail. */
export function ExemptionAuditTable(props: {
  exemptions: ReadinessExemption[];
  checkTitle: (checkId: string) => string;
}) {
  if (props.exemptions.length === 0) return null;
  return (
    <InfoCard title="Exemptions" subheader="Kept for audit, newest first">
      <Table size="small" aria-label="Exemptions">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Granted by</TableCell>
            <TableCell>Until</TableCell>
            <TableCell>Revoked by</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.exemptions.map(exemption => (
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
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
