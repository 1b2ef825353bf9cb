// Keyboard shortcuts of the browser face. In the desktop window the native
// menu owns these accelerators and sends the same action names as "menu"
// events, so both faces run one code path (App's runAction).

export type Action =
  | 'new'
  | 'import'
  | 'save'
  | 'quit'
  | 'toggle-library'
  | 'toggle-side'
  | 'search'
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'lang-zh-CN'
  | 'lang-en'
  | 'about'
  | 'export'
  | 'export-changed';

/** The action for a key press, or null. Ctrl on Linux/Windows, Cmd on macOS. */
export function shortcutAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'>): Action | null {
  if (e.isComposing || e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (e.shiftKey) {
    if (key === 'f') return 'search';
    return key === 'e' ? 'export-changed' : null;
  }
  switch (key) {
    case 'e':
      return 'export';
    case 's':
      return 'save';
    case 'n':
      return 'new';
    case 'o':
      return 'import';
    case '1':
      return 'toggle-library';
    case '2':
      return 'toggle-side';
    default:
      return null;
  }
}

const actions = new Set<string>([
  'new', 'import', 'save', 'quit', 'toggle-library', 'toggle-side', 'search', 'theme-system', 'theme-light',
  'theme-dark', 'lang-zh-CN', 'lang-en', 'about', 'export', 'export-changed',
]);

export function isAction(s: unknown): s is Action {
  return typeof s === 'string' && actions.has(s);
}
