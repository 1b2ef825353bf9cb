// The one module components import to reach Go: a pure re-export of the
// service modules (one per Go service, each wrapping its generated Wails
// bindings in ../../../wailsjs), the typed errors and the transport that makes
// the bindings work in both faces. Nothing here imports back from this file
// (api.test.ts checks that lib/api has no import cycle).
export { installTransport, currentFace, type Face } from './transport';
export { ApiError, toApiError } from './errors';
export * from './runtime';
export * from './system';
export * from './library';
export * from './editor';
export * from './citations';
export * from './history';
export * from './export';
export * from './site';
export * from './images';
