// Package linkcheck re-verifies the URLs that articles cite. It owns the
// classification of a URL (ok, redirected, dead, unverifiable, error), the
// politeness rules towards the sites being checked (a per-host concurrency
// limit and a minimum delay between requests to one host), the per-request
// time-out, the archive-snapshot suggestion for dead links, and the rewrite
// of 检索日期 for the citations that were just verified.
//
// # How a URL is checked
//
// A HEAD request is sent first because it is cheap for both sides. When the
// HEAD answer is anything but a 2xx (many servers refuse HEAD with 403, 404,
// 405 or 501, or drop the connection), the same URL is asked again with GET,
// and only the GET answer counts. Redirects are followed by hand, up to
// [DefaultMaxRedirects] hops, so that every hop passes through the per-host
// limits of its own host; cookies set along the way are kept for the rest of
// the chain, as a browser would, because some sites bounce a cookie-less
// visitor between two URLs. The fragment of the cited URL is kept on the
// final URL (RFC 9110 §10.2.2). Credentials in a URL (user:pass@) are never
// sent. The dialer refuses link-local addresses always, and loopback and
// private ones unless Options.AllowPrivate (netpolicy.go): such a link is
// unverifiable.
//
// # Classes
//
//   - ok: a 2xx at the cited URL.
//   - redirected: a 2xx after redirects to another URL; Result.FinalURL holds it.
//   - dead: 404 or 410, or a host name that does not exist (NXDOMAIN) while
//     other names resolve in the same check; when none does (offline, no
//     working DNS) it is error with an "offline" reason, never dead. Names
//     under the reserved ".invalid" top-level domain are answered as not
//     existing without a lookup, as RFC 6761 §6.4 asks of resolvers.
//   - unverifiable: 401, 403, 429, 451, 999, any other 4xx but 404/408/410,
//     a redirect loop or more than MaxRedirects redirects, or a bot challenge (a "cf-mitigated: challenge" header, or an
//     interstitial page such as Cloudflare's "Just a moment..."). The page
//     may well be alive: a person has to look at it in a browser.
//   - error: a time-out (also HTTP 408), a connection failure, a TLS
//     failure, a 5xx, or a URL that is not http(s): the check should be
//     tried again later (or the URL fixed).
//
// # Politeness and time
//
// By default at most [DefaultPerHost] requests are in flight to one host
// (host and port) and their starts are at least [DefaultPerHostInterval]
// apart (golang.org/x/time/rate); [DefaultConcurrency] URLs are checked at
// once across hosts, interleaved so that one slow site does not hold up the
// others. Each HTTP exchange has its own time-out ([DefaultTimeout]); waiting
// for a host's turn does not count against it. A URL cited many times is
// fetched once per Check. Check stops promptly when its context is
// cancelled and reports progress as each result is known.
//
// # Identity
//
// Requests carry the browser-like User-Agent [DefaultUserAgent]:
//
//	Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Copydesk-LinkCheck/1.0
//
// together with browser-like Accept and Accept-Language headers. A
// browser-like string is used because many news sites answer unknown clients
// with 403; the trailing product token says honestly who is asking.
//
// # Results
//
// [Result] is a plain value (strings, an int and a time) so that the library
// can store it in its sources table as the cached outcome of the last check.
// A Result whose CheckedAt is zero was not completed (the check was
// cancelled) and must not be cached.
package linkcheck
