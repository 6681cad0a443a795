// The documents layer's catalogues: English is the reference, every language has the same keys.
import type { Language } from '../languages'
import { de } from './de'
import { en, type DocumentKey } from './en'
import { es } from './es'
import { pl } from './pl'
import { uk } from './uk'

export type { DocumentKey }
export type DocumentCatalogue = Record<DocumentKey, string>

export const DOCUMENT_CATALOGUES: Record<Language, DocumentCatalogue> = { en, uk, pl, de, es }
