import { beforeEach, describe, expect, it } from 'vitest';
import { takeToken } from './transport';

describe('takeToken', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('takes the token from the fragment, keeps it for this tab and clears it from the address', () => {
    history.replaceState(null, '', '/#token=0a1b2c');
    expect(takeToken()).toBe('0a1b2c');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('0a1b2c');
    // A reload has no fragment: the tab's storage still has the token.
    expect(takeToken()).toBe('0a1b2c');
  });

  it('keeps the rest of the fragment and the query', () => {
    history.replaceState(null, '', '/library?x=1#token=ff&draft=3');
    expect(takeToken()).toBe('ff');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#draft=3');
  });

  it('is empty without a fragment or a stored token, and never reads cookies', () => {
    document.cookie = 'copydesk_token=abcdef';
    expect(takeToken()).toBe('');
  });
});
