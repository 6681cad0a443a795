// Screen texts (components) in es. Translations of clinical words need review by a clinician who speaks the language.
import type { ComponentsKey } from './en'

const messages: Record<ComponentsKey, string> = {
}
export default messages
