// History: the patient's audit trail in plain words (the shared AuditTrail component).
import { AuditTrail } from '../../components/AuditTrail'

export function HistoryTab({ patientId }: { patientId: number }) {
  return <AuditTrail patientId={patientId} />
}
