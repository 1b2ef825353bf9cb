package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// errRedirectLoop and errTooManyRedirects end a redirect chain that never
// reaches a page. A loop usually means a bot wall or a site that insists on
// something a checker cannot give (JavaScript, a login), so it is
// unverifiable rather than dead.
var (
	errRedirectLoop     = errors.New("redirect loop")
	errTooManyRedirects = errors.New("too many redirects")
)

// classifyStatus maps the final HTTP answer to a class. challenge reports a
// bot-challenge page or header, which wins over the status code: Cloudflare
// serves its interstitial as 403 or 503, and some walls even as 200.
func classifyStatus(code int, redirected, challenge bool) (Status, string) {
	if challenge {
		return StatusUnverifiable, "bot challenge page: open it in a browser"
	}
	switch {
	case code >= 200 && code <= 299:
		if redirected {
			return StatusRedirected, ""
		}
		return StatusOK, ""
	case code == http.StatusNotFound || code == http.StatusGone:
		return StatusDead, fmt.Sprintf("HTTP %d", code)
	case code == http.StatusUnauthorized || code == http.StatusForbidden ||
		code == http.StatusTooManyRequests || code == http.StatusUnavailableForLegalReasons || code == 999:
		return StatusUnverifiable, fmt.Sprintf("HTTP %d: access refused to the checker", code)
	case code == http.StatusRequestTimeout:
		return StatusError, fmt.Sprintf("HTTP %d", code)
	case code >= 500 && code <= 599:
		return StatusError, fmt.Sprintf("HTTP %d: server error, try later", code)
	default:
		// Other 4xx (400, 405 even for GET, 406, 418...) and odd codes are
		// almost always the server refusing an unfamiliar client, not a
		// missing page.
		return StatusUnverifiable, fmt.Sprintf("HTTP %d", code)
	}
}

// classifyError maps a failed request to a class.
func classifyError(err error) (Status, string) {
	var dnsErr *net.DNSError
	var blocked *blockedError
	switch {
	case errors.Is(err, errRedirectLoop), errors.Is(err, errTooManyRedirects):
		return StatusUnverifiable, err.Error()
	case errors.As(err, &blocked):
		// A person may open it; the checker never connects there.
		return StatusUnverifiable, blocked.Error()
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return StatusDead, "host not found: " + dnsErr.Name
	case isTimeout(err):
		return StatusError, "time-out"
	case errors.Is(err, context.Canceled):
		return StatusError, "canceled"
	}
	if isCertificateError(err) {
		return StatusError, "TLS certificate not accepted: " + rootMessage(err)
	}
	return StatusError, "connection failed: " + rootMessage(err)
}

func isCertificateError(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	return errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) || errors.As(err, &invalidCert)
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// rootMessage drops the "Head \"https://...\": " wrapping of *url.Error so
// the reason reads on its own next to the URL it belongs to.
func rootMessage(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// isInvalidHost reports names under the reserved "invalid" TLD (RFC 6761
// §6.4), which must never resolve, so they are answered without a lookup.
func isInvalidHost(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	return h == "invalid" || strings.HasSuffix(h, ".invalid")
}

// notFound builds the error a resolver gives for a name that does not exist.
func notFound(host string) error {
	return &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}
