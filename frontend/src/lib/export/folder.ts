// The site content folder export writes to, remembered on this machine
// between sessions (the library has no settings table; the folder is a
// property of this machine, not of the drafts).
const KEY = 'copydesk.exportFolder';

export function rememberedFolder(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberFolder(folder: string): void {
  try {
    if (folder.trim()) localStorage.setItem(KEY, folder.trim());
  } catch {
    /* private mode: remembered for this dialog only */
  }
}
