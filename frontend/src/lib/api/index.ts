// The one module components use to reach Go. It wraps the generated Wails
// bindings (../../../wailsjs), which work in both faces once the transport is
// installed, and turns Go's error text into typed errors.
import { installTransport, currentFace, type Face } from './transport';
import * as System from '../../../wailsjs/go/app/SystemService';
import { EventsOn, BrowserOpenURL, WindowSetTitle } from '../../../wailsjs/runtime/runtime';

export { installTransport, currentFace, type Face };

/** A failed Go call: a stable code with parameters (the UI localizes it), or plain text. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string> = {},
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** Parses what a rejected Go call carries: a JSON {code, params} or free text. */
export function toApiError(raw: unknown): ApiError {
  const text = raw instanceof Error ? raw.message : String(raw);
  try {
    const parsed = JSON.parse(text) as { code?: string; params?: Record<string, string>; message?: string };
    if (parsed && typeof parsed.code === 'string') return new ApiError(parsed.code, parsed.params ?? {}, parsed.message);
  } catch {
    /* not JSON: plain text */
  }
  return new ApiError('internal', { detail: text }, text);
}

async function wrap<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

export const system = {
  version: () => wrap(System.Version()),
  info: () => wrap(System.Info()),
  ready: (face: string) => wrap(System.Ready(face)),
  quit: () => wrap(System.Quit()),
};

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
