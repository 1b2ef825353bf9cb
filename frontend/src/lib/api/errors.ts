// Errors of Go calls as the UI sees them: Go rejects a call with the text of a
// JSON {code, params} (a typed error the UI localizes) or with plain text.

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
  if (raw instanceof ApiError) return raw;
  const text = raw instanceof Error ? raw.message : String(raw);
  try {
    const parsed = JSON.parse(text) as { code?: string; params?: Record<string, string>; message?: string };
    if (parsed && typeof parsed.code === 'string') return new ApiError(parsed.code, parsed.params ?? {}, parsed.message);
  } catch {
    /* not JSON: plain text */
  }
  return new ApiError('internal', { detail: text }, text);
}
