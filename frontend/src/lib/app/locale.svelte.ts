// The UI language: the editor's choice is kept in localStorage and restored
// at start; the page, the inspection (problem messages) and the desktop's
// native menu follow it.
import { system } from '../api';
import { i18n, type Locale } from '../i18n/index.svelte';
import { session } from '../session/draft.svelte';

const storageKey = 'copydesk.locale';

/** Restores the saved choice, if any (before anything is inspected). */
export function restoreLocale(): void {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved === 'en' || saved === 'zh-CN') i18n.locale = saved;
  } catch {
    /* no storage: follow the system */
  }
  session.lang = i18n.locale;
}

/** Switches the UI language and remembers the choice. */
export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  session.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    /* private mode: the choice lasts for this session */
  }
  if (session.id !== null) void session.inspectNow();
}

/** The page's lang attribute and the desktop's native menu follow the UI language (call during component init). */
export function followLocale(): void {
  $effect(() => {
    document.documentElement.lang = i18n.locale;
    system.setLocale(i18n.locale).catch(() => {
      /* an older backend without native strings: nothing to follow */
    });
  });
}
