// Loads what the patient page shows (patient, visits, current program) with a reload after changes.
import { useCallback, useEffect, useState } from 'react'
import type { Patient } from '@shared/domain/patient'
import type { Program } from '@shared/domain/program'
import type { Visit } from '@shared/domain/visit'
import { api } from '../api'
import { plainMessage } from './issues'
import { useRecordChanges } from './liveChanges'

export interface PatientData {
  patient: Patient | null
  /** Visits not voided: what tables, charts and reports show. */
  visits: Visit[]
  /** Voided visits, listed apart so they can be restored. */
  voidedVisits: Visit[]
  program: Program | null
  error: string | null
  loaded: boolean
  reload(): Promise<void>
}

export function usePatientData(patientId: number): PatientData {
  const [patient, setPatient] = useState<Patient | null>(null)
  const [allVisits, setVisits] = useState<Visit[]>([])
  const [program, setProgram] = useState<Program | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)

  const reload = useCallback(async () => {
    try {
      const [p, v, g] = await Promise.all([
        api.patients.get({ id: patientId }),
        api.visits.list({ patientId, includeVoided: true }),
        api.programs.current({ patientId }),
      ])
      setPatient(p)
      setVisits(v)
      setProgram(g)
      setError(null)
    } catch (e) {
      setError(plainMessage(e))
    } finally {
      setLoaded(true)
    }
  }, [patientId])

  useEffect(() => {
    void reload()
  }, [reload])
  // A visit, program or detail of this patient changed on another workstation: show it. (Forms on
  // the page keep their own drafts, so nothing being typed is replaced.)
  useRecordChanges((c) => c.patientId === patientId, () => void reload())

  const visits = allVisits.filter((v) => v.voided === null)
  const voidedVisits = allVisits.filter((v) => v.voided !== null)
  return { patient, visits, voidedVisits, program, error, loaded, reload }
}
