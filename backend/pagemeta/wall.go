package pagemeta

import (
	"strings"
	"unicode/utf8"
)

// Wall detection. A wall is a page served in place of the article: the
// fields it yields describe the wall (or nothing), so the caller must know
// and offer the editor another way in (a saved page, manual entry).

// botTitles are the <title>s of bot-challenge interstitials.
var botTitles = []string{
	"just a moment", "请稍候", "attention required", "please wait... | cloudflare", "checking your browser",
	"ddos-guard", "access to this page has been denied", "access denied", "pardon our interruption",
	"are you a robot", "are you a human", "security check", "安全验证", "验证码", "人机验证", "captcha",
	"robot check", "bot verification", "verifying you are human",
}

// botMarkers appear in the markup of challenge pages. They only count when
// the page has little text: Cloudflare injects its challenge script into
// ordinary article pages too.
var botMarkers = []string{"cf-chl-", "/cdn-cgi/challenge-platform/", "captcha-delivery.com", "_incapsula_resource", "px-captcha", "g-recaptcha", "h-captcha", "geetest", "滑动验证", "请完成安全验证"}

// consentPhrases are what cookie/GDPR consent interstitials say.
var consentPhrases = []string{
	"before you continue", "we use cookies", "we and our partners", "cookie consent", "consent to the use",
	"your privacy choices", "manage cookies", "accept all cookies", "accept cookies", "reject all",
	"nous utilisons des cookies", "wir verwenden cookies", "utilizamos cookies",
	"我们使用cookies", "我们使用 cookies", "我们使用cookie", "本网站使用cookie", "同意使用cookie",
}

// paywallPhrases are what subscription walls say in place of the article.
var paywallPhrases = []string{
	"subscribe to continue", "subscribe to read", "subscribers only", "for subscribers", "to continue reading",
	"subscription required", "already a subscriber", "sign in to continue reading", "this article is for subscribers",
	"réservé aux abonnés", "article réservé", "nur für abonnenten", "jetzt abonnieren", "订阅后阅读", "付费阅读",
	"订阅以继续阅读", "登录后阅读全文", "会员专享",
}

// wall classifies the page. text is the article text already extracted.
func (d *doc) wall(text string) string {
	title := strings.ToLower(d.title)
	short := utf8.RuneCountInString(text) < 1500
	// A title that is exactly a challenge title is one; a title that only
	// contains such words ("Access denied: how VPNs are blocked") counts
	// only on a page without the article's text.
	bare := strings.TrimRight(title, ".…! ")
	for _, t := range botTitles {
		if bare == strings.TrimRight(t, ".…! ") || (short && strings.Contains(title, t) && len(title) < 80) {
			return WallBot
		}
	}
	if short {
		raw := d.markupSample()
		for _, m := range botMarkers {
			if strings.Contains(raw, m) {
				return WallBot
			}
		}
	}
	host := d.host
	// consent.google.com, consent.yahoo.com, guce.yahoo.com (Yahoo's
	// older consent host): the interstitial lives on its own host.
	if strings.HasPrefix(host, "consent.") || strings.Contains(host, ".consent.") || strings.HasPrefix(host, "guce.") {
		return WallConsent
	}
	if !short {
		// A page with the article's text is the article, whatever
		// banners and subscription offers sit around it.
		return ""
	}
	// Wall pages are small: their phrases are in the first 64 KiB of text.
	var sample strings.Builder
	for _, b := range d.blocks {
		if sample.Len() > 64<<10 {
			break
		}
		sample.WriteString(b)
		sample.WriteByte(' ')
	}
	lower := strings.ToLower(sample.String())
	// Article pages carry cookie banners too: only a page with almost no
	// text and no article metadata is the consent wall itself.
	if utf8.RuneCountInString(text) < 600 && len(d.ld.articles()) == 0 {
		for _, p := range consentPhrases {
			if strings.Contains(lower, p) || strings.Contains(title, p) {
				return WallConsent
			}
		}
	}
	// Metered sites mark every article not free and still serve the
	// text: only a page that also lacks the text is the wall.
	if d.ld.notFree() && utf8.RuneCountInString(text) < 600 {
		return WallPaywall
	}
	for _, p := range paywallPhrases {
		if strings.Contains(lower, p) {
			return WallPaywall
		}
	}
	return ""
}

// markupSample is the lower-cased attribute and script text of the page
// (capped), where challenge markers live.
func (d *doc) markupSample() string {
	var b strings.Builder
	walk(d.root, func(n *node) bool {
		if b.Len() > 1<<16 {
			return false
		}
		for _, a := range n.attrs {
			b.WriteString(a.Val)
			b.WriteByte(' ')
		}
		if n.tag == "" {
			b.WriteString(n.text)
		}
		return true
	})
	return strings.ToLower(b.String())
}
