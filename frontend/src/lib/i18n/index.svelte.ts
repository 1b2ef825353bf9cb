// The UI language: zh-CN by default when the system is Chinese (or unknown),
// English otherwise; switchable at run time.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

export const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Picks the UI language from a system locale string such as "zh_CN.UTF-8" or "en-US". */
export function localeFromSystem(system: string | undefined): Locale {
  if (!system) return 'zh-CN';
  return system.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Fills {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

class I18n {
  locale = $state<Locale>(localeFromSystem(typeof navigator !== 'undefined' ? navigator.language : undefined));

  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    format(catalogs[this.locale][key], params);
}

export const i18n = new I18n();
export const t = (key: MessageKey, params?: Record<string, string | number>) => i18n.t(key, params);

/** The label of a front matter key: translated for the house keys, the key itself otherwise. */
export function fieldLabel(key: string): string {
  const k = `field.${key}`;
  return k in en ? t(k as MessageKey) : key;
}

/** The calendar day of an RFC 3339 date as written (the author's own offset), localized. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return i18n.locale === 'zh-CN' ? `${y}年${Number(mo)}月${Number(d)}日` : `${y}-${mo}-${d}`;
}

/** A backend error in the user's language: known codes are translated, others shown as they came. */
export function errorText(code: string, params: Record<string, string>, fallback: string): string {
  const k = `error.${code}`;
  return k in en ? t(k as MessageKey, params) : fallback || code;
}
