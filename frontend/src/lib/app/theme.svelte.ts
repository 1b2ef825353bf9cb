// Theme: follows the system unless the user picks light or dark (View menu).
export type ThemeChoice = 'system' | 'light' | 'dark';

class Theme {
  choice = $state<ThemeChoice>('system');
  systemDark = $state(typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches);

  get dark(): boolean {
    return this.choice === 'dark' || (this.choice === 'system' && this.systemDark);
  }

  /** Starts following the system setting; returns the stop function. */
  follow(): () => void {
    if (typeof matchMedia === 'undefined') return () => {};
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const change = () => (this.systemDark = mq.matches);
    mq.addEventListener('change', change);
    return () => mq.removeEventListener('change', change);
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = choice;
  }
}

export const theme = new Theme();
