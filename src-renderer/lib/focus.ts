// Where the cursor goes after an action, and what a screen reader hears about it.

/** The one polite live region of the app (rendered by App); a message there is read out once. */
export const ANNOUNCER_ID = 'app-announcer'

/** Says what happened to a screen reader (the region is cleared first so a repeat is read again). */
export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID)
  if (!region) return
  region.textContent = ''
  window.setTimeout(() => {
    region.textContent = message
  }, 50)
}

/**
 * Puts the focus on the element with `id` once it is on the page (it may appear after the next
 * render): a heading becomes focusable for this (tabIndex -1), a field is focused as it is.
 */
export function focusById(id: string, tries = 40): void {
  const el = document.getElementById(id)
  if (el) {
    if (!el.matches('input, select, textarea, button, a[href], [tabindex]')) el.setAttribute('tabindex', '-1')
    el.focus({ preventScroll: false })
    return
  }
  if (tries > 0) window.setTimeout(() => focusById(id, tries - 1), 25)
}

export const focusHeading = focusById
