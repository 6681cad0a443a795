// Screen texts (pages) in de. Translations of clinical words need review by a clinician who speaks the language.
import type { PagesKey } from './en'

const messages: Record<PagesKey, string> = {
  'app.nav.patients': 'Patienten',
  'app.nav.reviews': 'Fällige Kontrollen',
  'app.nav.exercises': 'Übungsbibliothek',
  'app.nav.settings': 'Einstellungen',
}
export default messages
