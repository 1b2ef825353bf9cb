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
