// The application's calls into Go (SystemService): version, where the library
// lives, the UI's readiness and language, quitting. Also the "open-file" event
// the desktop sends for a file it was started with.
import * as System from '../../../wailsjs/go/app/SystemService';
import { wrap } from './call';

export const system = {
  version: () => wrap(System.Version()),
  info: () => wrap(System.Info()),
  ready: (face: string) => wrap(System.Ready(face)),
  quit: () => wrap(System.Quit()),
  /** Tells the backend the UI language, so the desktop's native menu follows it. */
  setLocale: (locale: string) => wrap(System.SetLocale(locale)),
  /** Tells the backend the first library rows are painted (the desktop test times the cold start by it). */
  rowsShown: (n: number) => wrap(System.RowsShown(n)),
};

/** The "open-file" event: a file the desktop was started with (or handed by a second launch), imported. */
export interface OpenedFile { path: string; id: number; conflict: string; error: string }
