// The window runtime (Wails's, or the browser face's equivalent installed by
// transport.ts): backend events, external links, the window title.
import { EventsOn, BrowserOpenURL, WindowSetTitle } from '../../../wailsjs/runtime/runtime';

/** Subscribes to a backend event; returns the unsubscribe function. */
export function onEvent(name: string, callback: (data: unknown) => void): () => void {
  return EventsOn(name, callback);
}

/** Opens a link outside the app: the system browser (desktop) or a new tab (browser face). */
export function openExternal(url: string): void {
  BrowserOpenURL(url);
}

export function setWindowTitle(title: string): void {
  WindowSetTitle(title);
}
