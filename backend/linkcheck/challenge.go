package linkcheck

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
)

// challengeTitles are the <title>s of bot-challenge interstitials. A page with
// one of them is not the cited page, whatever its status code.
var challengeTitles = []string{
	"just a moment...",
	"just a moment…",
	"请稍候…",
	"请稍候...",
	"attention required! | cloudflare",
	"please wait... | cloudflare",
	"checking your browser",
	"ddos-guard",
	"access to this page has been denied", // PerimeterX / HUMAN
	"pardon our interruption",             // Imperva / Distil
	"are you a robot?",
}

// challengeMarkers are script or form markers of challenge pages. They are
// looked for only in non-2xx answers: Cloudflare injects its challenge
// platform script into ordinary pages too.
var challengeMarkers = [][]byte{
	[]byte("cf-chl-"),
	[]byte("/cdn-cgi/challenge-platform/"),
	[]byte("captcha-delivery.com"), // DataDome
	[]byte("_incapsula_resource"),
	[]byte("px-captcha"),
}

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// isChallenge reports whether an answer is a bot challenge rather than the
// page. body holds at most the first bytes of the answer (nil for HEAD).
func isChallenge(resp *http.Response, body []byte) bool {
	if strings.EqualFold(strings.TrimSpace(resp.Header.Get("Cf-Mitigated")), "challenge") {
		return true
	}
	if len(body) == 0 {
		return false
	}
	if m := titleRE.FindSubmatch(body); m != nil {
		title := strings.ToLower(strings.Join(strings.Fields(string(m[1])), " "))
		for _, t := range challengeTitles {
			if title == t || strings.HasPrefix(title, t) {
				return true
			}
		}
	}
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return false
	}
	lower := bytes.ToLower(body)
	for _, m := range challengeMarkers {
		if bytes.Contains(lower, m) {
			return true
		}
	}
	return false
}
