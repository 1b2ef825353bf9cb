package library

import (
	"net/url"
	"strings"
)

// NormalizeURL gives the key that identifies one source across drafts: the
// scheme and host lower-cased, default ports and the fragment dropped, an
// empty path written as "/". Anything else (path case, query) can change
// what a server returns, so it is kept. A string that is not an absolute
// http(s) URL is returned trimmed.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return raw
	}
	host := strings.ToLower(u.Host)
	host = strings.TrimSuffix(host, ".")
	if (u.Scheme == "http" && strings.HasSuffix(host, ":80")) || (u.Scheme == "https" && strings.HasSuffix(host, ":443")) {
		host = host[:strings.LastIndexByte(host, ':')]
	}
	u.Host = host
	u.Fragment = ""
	u.RawFragment = ""
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	return u.String()
}
