// Screen texts (pages) in es. Translations of clinical words need review by a clinician who speaks the language.
import type { PagesKey } from './en'

const messages: Record<PagesKey, string> = {
  'app.nav.patients': 'Pacientes',
  'app.nav.reviews': 'Revisiones pendientes',
  'app.nav.exercises': 'Biblioteca de ejercicios',
  'app.nav.settings': 'Ajustes',
}
export default messages
