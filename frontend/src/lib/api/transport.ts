// The transport hides which face the UI runs in. In the desktop window Wails
// injects window.go (bound Go methods) and window.runtime (events, browser,
// window). In the browser face neither exists, so we install equivalents that
// reach the same Go methods over HTTP (/api/call) and receive events over
// server-sent events (/api/events). The generated bindings in ../../wailsjs
// then work unchanged in both faces.

export type Face = 'desktop' | 'browser';

type Callback = (...data: unknown[]) => void;

interface Listener {
  callback: Callback;
  remaining: number; // -1: unlimited
}

declare global {
  interface Window {
    go?: unknown;
    runtime?: unknown;
  }
}

// The browser face's per-run token arrives in the address's fragment
// (#token=…), which browsers never send to a server. It is kept in this tab's
// sessionStorage (scoped to this origin, port included, and surviving a
// reload), taken out of the address bar, and sent with every call as a
// header. It is never a cookie: cookies ignore ports, so one would reach
// every other local server on 127.0.0.1.
const tokenKey = 'copydesk.token';
const tokenHeader = 'X-Copydesk-Token';

/** Reads the token from the fragment (once) or from this tab's storage. */
export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string {
  const parts = loc.hash.replace(/^#/, '').split('&');
  const found = parts.find((p) => /^token=[0-9a-f]+$/.test(p));
  if (found) {
    const value = found.slice('token='.length);
    store.setItem(tokenKey, value);
    const rest = parts.filter((p) => p !== found && p !== '').join('&');
    history.replaceState(history.state, '', loc.pathname + loc.search + (rest ? '#' + rest : ''));
    return value;
  }
  return store.getItem(tokenKey) ?? '';
}

let token = '';

/** Calls a bound Go method by "Struct.Method" over HTTP; rejects like Wails does (with the error text). */
export async function httpCall(method: string, args: unknown[]): Promise<unknown> {
  const response = await fetch('/api/call', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
    credentials: 'omit',
    body: JSON.stringify({ method, args }),
  });
  let body: { result?: unknown; error?: string };
  try {
    body = await response.json();
  } catch {
    throw new Error(`${method}: HTTP ${response.status}`);
  }
  if (body.error !== undefined) throw body.error;
  return body.result;
}

function browserGo(): unknown {
  const methodProxy = (struct: string) =>
    new Proxy({}, { get: (_t, method) => (...args: unknown[]) => httpCall(`${struct}.${String(method)}`, args) });
  const structProxy = new Proxy({}, { get: (_t, struct) => methodProxy(String(struct)) });
  return new Proxy({}, { get: () => structProxy });
}

function browserRuntime(): Record<string, unknown> {
  const listeners = new Map<string, Listener[]>();
  const dispatch = (name: string, data: unknown) => {
    const list = listeners.get(name);
    if (!list) return;
    for (const l of [...list]) {
      l.callback(data);
      if (l.remaining > 0 && --l.remaining === 0) list.splice(list.indexOf(l), 1);
    }
  };
  if (typeof EventSource !== 'undefined') {
    // EventSource cannot send headers: the token goes in the query, which
    // reaches this origin only (and Referrer-Policy keeps it from others).
    const source = new EventSource('/api/events?token=' + encodeURIComponent(token));
    source.onmessage = (e) => {
      try {
        const msg = JSON.parse(e.data) as { name: string; data: unknown };
        dispatch(msg.name, msg.data);
      } catch {
        /* a malformed event is ignored, never fatal */
      }
    };
  }
  return {
    EventsOnMultiple(name: string, callback: Callback, maxCallbacks: number) {
      const l: Listener = { callback, remaining: maxCallbacks };
      const list = listeners.get(name) ?? [];
      list.push(l);
      listeners.set(name, list);
      return () => {
        const cur = listeners.get(name);
        if (cur) cur.splice(cur.indexOf(l) >>> 0, 1);
      };
    },
    EventsOff(name: string, ...more: string[]) {
      for (const n of [name, ...more]) listeners.delete(n);
    },
    EventsOffAll() {
      listeners.clear();
    },
    EventsEmit(name: string, ...data: unknown[]) {
      dispatch(name, data[0]);
    },
    BrowserOpenURL(url: string) {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    WindowSetTitle(title: string) {
      document.title = title;
    },
    Quit() {
      window.close();
    },
    LogPrint() {},
    LogDebug() {},
    LogInfo() {},
    LogWarning() {},
    LogError() {},
  };
}

let face: Face | undefined;

/** Installs the browser transport when the Wails bridge is absent; returns the face. */
export function installTransport(): Face {
  if (face) return face;
  if (window.go) {
    face = 'desktop';
  } else {
    token = takeToken();
    window.go = browserGo();
    window.runtime = browserRuntime();
    face = 'browser';
  }
  return face;
}

export function currentFace(): Face {
  return face ?? installTransport();
}
