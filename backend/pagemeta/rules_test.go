package pagemeta

import (
	"reflect"
	"strings"
	"testing"
)

func TestCleanNames(t *testing.T) {
	cases := []struct {
		in      []string
		visible bool
		want    []string
	}{
		{[]string{"By Jane Doe and John Smith"}, false, []string{"Jane Doe", "John Smith"}},
		{[]string{"BY JANE DOE, JOHN SMITH & ANA LÓPEZ"}, false, []string{"Jane Doe", "John Smith", "Ana López"}},
		{[]string{"Martin Luther King, Jr., and Coretta Scott King"}, false, []string{"Martin Luther King, Jr.", "Coretta Scott King"}},
		{[]string{"Par Jean Dupont et Marie Martin"}, false, []string{"Jean Dupont", "Marie Martin"}},
		{[]string{"Von Anna Schmidt und Peter Müller"}, false, []string{"Anna Schmidt", "Peter Müller"}},
		{[]string{"Por Ana García"}, false, []string{"Ana García"}},
		{[]string{"di Mario Rossi"}, false, []string{"Mario Rossi"}},
		{[]string{"Di Maio"}, false, []string{"Di Maio"}},
		{[]string{"Jane Doe, Staff Writer"}, false, []string{"Jane Doe"}},
		{[]string{"Jane Doe; Senior Correspondent"}, false, []string{"Jane Doe"}},
		{[]string{"Jane Doe @janedoe jane@example.com"}, false, []string{"Jane Doe"}},
		{[]string{"Jane Doe and others"}, false, []string{"Jane Doe"}},
		{[]string{"Jane Doe", "jane doe", "JANE  DOE"}, false, []string{"Jane Doe"}},
		{[]string{"https://www.example.com/profile/jane-doe"}, false, nil},
		{[]string{"June 27, 2025"}, false, nil},
		{[]string{"Jane Doe in Beijing"}, true, []string{"Jane Doe"}},
		{[]string{"Jane Doe in Beijing"}, false, []string{"Jane Doe in Beijing"}},
		{[]string{"文/张三"}, false, []string{"张三"}},
		{[]string{"文｜王小明"}, false, []string{"王小明"}},
		{[]string{"作者：李四、王五"}, false, []string{"李四", "王五"}},
		{[]string{"记者 张三 实习生 李四"}, true, []string{"张三", "李四"}},
		{[]string{"张三和李四"}, false, []string{"张三", "李四"}},
		{[]string{"特约记者 赵六"}, false, []string{"赵六"}},
		{[]string{"新华社记者张晓明"}, false, []string{"张晓明"}},
		{[]string{"Smith / Jones"}, false, []string{"Smith", "Jones"}},
		{[]string{"记者 刘 阳 王晓燕"}, true, []string{"刘阳", "王晓燕"}},
	}
	for _, c := range cases {
		got := cleanNames(c.in, c.visible)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("cleanNames(%q, %v) = %q, want %q", c.in, c.visible, got, c.want)
		}
	}
}

func TestStripTitle(t *testing.T) {
	nyt := titleNames{sites: []string{"The New York Times", "nytimes.com", "NYTimes"}}
	qq := titleNames{sites: []string{"腾讯网", "腾讯新闻", "qq.com", "qq"}}
	guardian := titleNames{sites: []string{"The Guardian", "theguardian.com"}, authors: []string{"Jane Doe"}}
	cases := []struct {
		names titleNames
		in    string
		want  string
	}{
		{nyt, "Fed Holds Rates Steady - The New York Times", "Fed Holds Rates Steady"},
		{nyt, "The New York Times - Breaking News", "Breaking News"},
		{nyt, "Trump vs. Biden - Round 2 - The New York Times", "Trump vs. Biden - Round 2"},
		{nyt, "Covid-19: What We Know — and What We Don't", "Covid-19: What We Know — and What We Don't"},
		{qq, "芯片出口管制再升级_科技_腾讯网", "芯片出口管制再升级"},
		{qq, "腾讯网｜芯片出口管制再升级", "芯片出口管制再升级"},
		{guardian, "Europe's choice | Jane Doe | The Guardian", "Europe's choice"},
		{guardian, "Europe's choice | World news | The Guardian", "Europe's choice"},
		{guardian, "Europe's choice | A longer subtitle that is not a section at all", "Europe's choice | A longer subtitle that is not a section at all"},
		{nyt, "Tom &amp;amp; Jerry - NYTimes.com", "Tom & Jerry"},
		{nyt, "  Spaced\n  out  ", "Spaced out"},
		{titleNames{sites: []string{"和讯网", "和讯"}}, "央行降准0.25个百分点-财经频道-和讯网", "央行降准0.25个百分点"},
		{titleNames{sites: []string{"和讯网"}}, "中美-欧盟三方会谈", "中美-欧盟三方会谈"},
	}
	for _, c := range cases {
		if got, _ := stripTitle(c.in, c.names); got != c.want {
			t.Errorf("stripTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseStamp(t *testing.T) {
	cases := []struct {
		in       string
		day      string
		zoned    bool
		utc      bool
		parsable bool
	}{
		{"2025-06-27T20:30:00Z", "2025-06-27", true, true, true},
		{"2025-06-27T20:30:00.000+08:00", "2025-06-27", true, false, true},
		{"2025-06-27T20:30:00+0800", "2025-06-27", true, false, true},
		{"2025-06-27 20:30", "2025-06-27", false, false, true},
		{"2025/6/7", "2025-06-07", false, false, true},
		{"20250627", "2025-06-27", false, false, true},
		{"20250627183012", "2025-06-27", false, false, true},
		{"Fri, 27 Jun 2025 20:30:00 GMT", "2025-06-27", true, true, true},
		{"Fri, 27 Jun 2025 20:30:00 +0200", "2025-06-27", true, false, true},
		{"June 27, 2025", "2025-06-27", false, false, true},
		{"27 juin 2025", "2025-06-27", false, false, true},
		{"27. Juni 2025", "2025-06-27", false, false, true},
		{"27.06.2025, 18.04 Uhr", "2025-06-27", false, false, true},
		{"2025年6月27日 20:30", "2025-06-27", false, false, true},
		{"1751056200", "2025-06-27", true, true, true},
		{"2025-02-30", "", false, false, false},
		{"yesterday", "", false, false, false},
		{"1899-01-01", "", false, false, false},
	}
	for _, c := range cases {
		st, ok := parseStamp(c.in)
		if ok != c.parsable {
			t.Errorf("parseStamp(%q) ok=%v", c.in, ok)
			continue
		}
		if !ok {
			continue
		}
		if got := st.day.Format("YYYY-MM-DD"); got != c.day || st.zoned != c.zoned || st.utc != c.utc {
			t.Errorf("parseStamp(%q) = %s zoned=%v utc=%v, want %s %v %v", c.in, got, st.zoned, st.utc, c.day, c.zoned, c.utc)
		}
	}
}

func TestURLDate(t *testing.T) {
	cases := map[string]string{
		"https://www.nytimes.com/2025/06/27/us/x.html":               "2025-06-27",
		"https://www.theguardian.com/world/2025/jun/28/slug":         "2025-06-28",
		"http://news.xinhuanet.com/politics/20250628/abc.htm":        "2025-06-28",
		"https://news.sina.com.cn/c/2025-06-28/doc-ina.shtml":        "2025-06-28",
		"https://new.qq.com/rain/a/20250628A01XYZ00":                 "2025-06-28",
		"http://opinion.people.com.cn/n1/2025/0628/c1003-40500.html": "2025-06-28",
		"https://example.com/story/12345678901":                      "",
		"https://example.com/2025/13/45/":                            "",
		"https://example.com/a?date=2025/06/27":                      "",
	}
	for u, want := range cases {
		d, ok := urlDate(u)
		got := ""
		if ok {
			got = d.Format("YYYY-MM-DD")
		}
		if got != want {
			t.Errorf("urlDate(%s) = %q, want %q", u, got, want)
		}
	}
}

func TestOutletHostTableAndProfile(t *testing.T) {
	page := []byte(`<html><head><meta property="og:site_name" content="NYTimes"><title>X</title></head><body></body></html>`)
	p, _ := Extract(page, "", "https://cooking.nytimes.com/recipes/1", Options{})
	if p.Outlet != "The New York Times" || !strings.Contains(p.Evidence.Outlet, "normalised by host table") {
		t.Errorf("alias: %q (%s)", p.Outlet, p.Evidence.Outlet)
	}
	p, _ = Extract(page, "", "https://www.nytimes.com/x", Options{Outlets: map[string]string{"nytimes.com": "纽约时报"}})
	if p.Outlet != "纽约时报" || p.Evidence.Outlet != "profile outlets" {
		t.Errorf("profile: %q (%s)", p.Outlet, p.Evidence.Outlet)
	}
	bare := []byte(`<html><head><title>新闻标题</title></head><body></body></html>`)
	p, _ = Extract(bare, "", "https://news.qq.com/a/1", Options{})
	if p.Outlet != "腾讯网" || p.Evidence.Outlet != "host table" {
		t.Errorf("subdomain: %q (%s)", p.Outlet, p.Evidence.Outlet)
	}
	p, _ = Extract(bare, "", "https://blog.example.org/a", Options{Outlets: map[string]string{"example.org": "Example Blog"}})
	if p.Outlet != "Example Blog" {
		t.Errorf("profile subdomain: %q", p.Outlet)
	}
}

func TestWallNegatives(t *testing.T) {
	long := strings.Repeat("<p>A real paragraph of the article with enough words to count as the story itself.</p>", 30)
	cases := map[string]string{
		"cookie banner on an article":                `<html><head><title>Story</title></head><body><div class="cookie">We use cookies. Accept all cookies?</div><article>` + long + `</article></body></html>`,
		"metered article marked not free":            `<html><head><title>Story</title><script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script></head><body><article>` + long + `</article></body></html>`,
		"subscribe box beside a full article":        `<html><head><title>Story</title></head><body><article>` + long + `</article><aside>Subscribe to continue reading our best journalism</aside></body></html>`,
		"article titled with challenge words":        `<html><head><title>Access denied: how China blocks VPNs - Example</title></head><body><article>` + long + `</article></body></html>`,
		"challenge script injected into a real page": `<html><head><title>Story</title><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></head><body><article>` + long + `</article></body></html>`,
	}
	for name, page := range cases {
		p, err := Extract([]byte(page), "text/html", "https://example.com/a", Options{})
		if err != nil || p.Wall != "" {
			t.Errorf("%s: wall %q err %v", name, p.Wall, err)
		}
	}
}

func TestDecodeCases(t *testing.T) {
	gbk, _ := encoders["gbk"].NewEncoder().Bytes([]byte(`<html><head><title>中文标题</title></head></html>`))
	cases := []struct {
		name, ct string
		body     []byte
		charset  string
		title    string
	}{
		{"UTF-8 BOM beats a GBK header", "text/html; charset=gbk", append([]byte{0xEF, 0xBB, 0xBF}, []byte("<title>中文</title>")...), "utf-8", "中文"},
		{"undeclared GBK on a zh page", "", append([]byte(`<html lang="zh-CN">`), gbk...), "gb18030", "中文标题"},
		{"gb2312 label decodes GBK-only characters", "text/html; charset=gb2312", mustGBK(t, "<title>镕基</title>"), "gb18030", "镕基"},
		{"windows-1252 page", "text/html; charset=windows-1252", []byte("<title>Caf\xe9 \x93quoted\x94</title>"), "windows-1252", "Café “quoted”"},
		{"GBK under a UTF-8 meta on a zh page", "", append([]byte(`<html lang="zh"><meta charset="utf-8">`), gbk...), "gb18030", "中文标题"},
		{"windows-1252 under a UTF-8 label", "text/html; charset=utf-8", []byte("<title>Caf\xe9 cr\xe8me br\xfbl\xe9e</title>"), "windows-1252", "Café crème brûlée"},
		{"a stray byte in real UTF-8 stays UTF-8", "text/html; charset=utf-8", []byte("<title>中文标题\xff</title>"), "utf-8", "中文标题\uFFFD"},
		{"ASCII page with a legacy label stays legacy", "text/html; charset=iso-8859-1", []byte("<title>Plain</title>"), "windows-1252", "Plain"},
	}
	for _, c := range cases {
		p, err := Extract(c.body, c.ct, "https://example.com/", Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if p.Charset != c.charset || p.Title != c.title {
			t.Errorf("%s: charset %q title %q, want %q %q", c.name, p.Charset, p.Title, c.charset, c.title)
		}
	}
}

func mustGBK(t *testing.T, s string) []byte {
	b, err := encoders["gbk"].NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRolePhrasesAfterComma(t *testing.T) {
	got := cleanNames([]string{"By Laura Bicker, China correspondent"}, true)
	if !reflect.DeepEqual(got, []string{"Laura Bicker"}) {
		t.Errorf("got %q", got)
	}
	got = cleanNames([]string{"Jane Doe, Senior Economics Editor, and Tom Writer"}, false)
	if !reflect.DeepEqual(got, []string{"Jane Doe", "Tom Writer"}) {
		t.Errorf("got %q", got)
	}
}

func TestProfileKeyAsURL(t *testing.T) {
	p, _ := Extract([]byte("<title>x</title>"), "", "https://www.example.net/a", Options{Outlets: map[string]string{"https://www.example.net/": "Example Net"}})
	if p.Outlet != "Example Net" {
		t.Errorf("outlet %q", p.Outlet)
	}
}

func TestWallPositives(t *testing.T) {
	cases := []struct{ name, page, want string }{
		{"Akamai access denied", `<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don't have permission to access "http://www.example.com/a" on this server.<p>Reference #18.abc</p></body></html>`, WallBot},
		{"Chinese security check", `<html><head><title>安全验证 - 示例网</title></head><body><div id="nc">请完成安全验证</div><p>拖动滑块完成拼图</p></body></html>`, WallBot},
		{"DataDome captcha", `<html><head><title>example.com</title></head><body><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe></body></html>`, WallBot},
		{"subscription wall without JSON-LD", `<html><head><title>Story - Example</title></head><body><h1>Story</h1><p>The first sentence of the story.</p><div>Subscribe to continue reading.</div></body></html>`, WallPaywall},
		{"Chinese paywall", `<html><head><title>深度报道_示例周刊</title></head><body><h1>深度报道</h1><p>导语一段。</p><p>本文为付费阅读内容，订阅后阅读全文。</p></body></html>`, WallPaywall},
	}
	for _, c := range cases {
		p, err := Extract([]byte(c.page), "text/html", "https://www.example.com/a", Options{})
		if err != nil || p.Wall != c.want {
			t.Errorf("%s: wall %q, want %q (err %v)", c.name, p.Wall, c.want, err)
		}
	}
}

func TestPublishedIsNeverModified(t *testing.T) {
	page := `<html><head><title>Story</title>
<meta property="article:modified_time" content="2025-07-02T10:00:00+08:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story","dateModified":"2025-07-02T10:00:00+08:00"}</script>
</head><body><article><p>text</p><time class="updated" datetime="2025-07-02T10:00:00+08:00">July 2</time></article></body></html>`
	p, err := Extract([]byte(page), "text/html", "https://example.com/story", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Published != nil {
		t.Errorf("published %v (%s) taken from a modified date", *p.Published, p.Evidence.Published)
	}
	if dayString(p.Modified) != "2025-07-02" {
		t.Errorf("modified %s", dayString(p.Modified))
	}
}

func TestDisagreementWarnings(t *testing.T) {
	page := `<html><head><title>Story</title>
<meta property="article:published_time" content="2025-06-27T09:00:00+08:00">
</head><body><main><h1>Story</h1><time>June 28, 2025</time><p>text</p></main></body></html>`
	p, err := Extract([]byte(page), "text/html", "https://example.com/2025/06/25/story", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if dayString(p.Published) != "2025-06-27" {
		t.Errorf("published %s", dayString(p.Published))
	}
	if !hasWarning(p, "the URL's date path says 2025-06-25") {
		t.Errorf("no URL warning: %q", p.Warnings)
	}
	if !hasWarning(p, "the visible date on the page says 2025-06-28") {
		t.Errorf("no dateline warning: %q", p.Warnings)
	}
	// Agreement gives no warning.
	p, _ = Extract([]byte(page), "text/html", "https://example.com/2025/06/27/story", Options{})
	if hasWarning(p, "URL") {
		t.Errorf("warning on an agreeing URL: %q", p.Warnings)
	}
}

func TestTruncatedHeadlineGivesWay(t *testing.T) {
	page := `<html><head><title>A very long headline about provincial debt that the CMS cut for search engines and more - Example Times</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"A very long headline about provincial debt that the CMS cut…"}</script>
</head><body></body></html>`
	p, _ := Extract([]byte(page), "text/html", "https://www.exampletimes.com/a", Options{})
	if p.Title != "A very long headline about provincial debt that the CMS cut for search engines and more" || !strings.HasPrefix(p.Evidence.Title, "<title>") {
		t.Errorf("title %q (%s)", p.Title, p.Evidence.Title)
	}
}

func TestUnparseableDateIsWarnedAndSkipped(t *testing.T) {
	page := `<html><head><title>Story</title><meta property="article:published_time" content="sometime last week"><meta name="pubdate" content="2025-06-27"></head><body></body></html>`
	p, _ := Extract([]byte(page), "text/html", "https://example.com/a", Options{})
	if dayString(p.Published) != "2025-06-27" || p.Evidence.Published != "meta pubdate" {
		t.Errorf("published %s (%s)", dayString(p.Published), p.Evidence.Published)
	}
	if !hasWarning(p, `"sometime last week" is not a date`) {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestShortSiteKeyIsNoPrefix(t *testing.T) {
	n := titleNames{sites: []string{"Financial Times", "ft.com", "ft", "FT"}}
	for _, name := range []string{"Ftima Hassan", "Ft Li"} {
		if n.isSite(name) {
			t.Errorf("%q taken for the site", name)
		}
	}
	if !n.isSite("FT.com") || !n.isSite("Financial Times") {
		t.Error("site spellings not recognised")
	}
}

func TestTeaserCardsBeforeTheStory(t *testing.T) {
	page := `<html><head><title>Main story - Example</title></head><body>
<div class="top-stories">
<article class="card"><h3>Other story</h3><p class="byline">By Other Person</p><time datetime="2025-05-01T10:00:00+00:00">May 1, 2025</time></article>
<article class="card"><h3>Third story</h3><p class="byline">By Third Person</p></article>
</div>
<article class="story"><h1>Main story</h1><p class="byline">By Real Author</p><time datetime="2025-06-27T10:00:00+02:00">June 27</time>
<p>The story itself.</p></article></body></html>`
	p, err := Extract([]byte(page), "text/html", "https://example.com/a", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Authors, []string{"Real Author"}) {
		t.Errorf("authors %q", p.Authors)
	}
	if dayString(p.Published) != "2025-06-27" {
		t.Errorf("published %s (%s)", dayString(p.Published), p.Evidence.Published)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings %q: a teaser's date is not the story's dateline", p.Warnings)
	}
}

func TestURLIsNoOutlet(t *testing.T) {
	page := []byte(`<html><head><meta property="og:site_name" content="https://www.nytimes.com/"><title>x</title></head></html>`)
	p, _ := Extract(page, "", "https://www.nytimes.com/a", Options{})
	if p.Outlet != "The New York Times" || p.Evidence.Outlet != "host table" {
		t.Errorf("outlet %q (%s)", p.Outlet, p.Evidence.Outlet)
	}
}

func TestRelatedStoriesInJSONLD(t *testing.T) {
	page := `<html><head><title>The story - Example News</title>
<link rel="canonical" href="https://www.examplenews.com/world/the-story">
<script type="application/ld+json">[{"@type":"NewsArticle","headline":"A related story","url":"https://www.examplenews.com/world/related","author":{"name":"Other Writer"}},
{"@type":"NewsArticle","headline":"The story","url":"https://examplenews.com/world/the-story/?utm_source=x","author":{"name":"Real Writer"},"datePublished":"2025-06-27"}]</script>
<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Listed story"}]}</script>
</head><body></body></html>`
	p, _ := Extract([]byte(page), "text/html", "https://www.examplenews.com/world/the-story?ref=home", Options{})
	if p.Title != "The story" || !reflect.DeepEqual(p.Authors, []string{"Real Writer"}) || dayString(p.Published) != "2025-06-27" {
		t.Errorf("title %q authors %q published %s", p.Title, p.Authors, dayString(p.Published))
	}
}

func TestTitleThatIsOnlyTheSiteName(t *testing.T) {
	page := `<html><head><meta property="og:title" content="Reuters"><title>Refiners cut purchases | Reuters</title></head></html>`
	p, _ := Extract([]byte(page), "", "https://www.reuters.com/a", Options{})
	if p.Title != "Refiners cut purchases" {
		t.Errorf("title %q (%s)", p.Title, p.Evidence.Title)
	}
}

func TestOutletForHost(t *testing.T) {
	cases := []struct {
		url     string
		profile map[string]string
		want    string
	}{
		{"https://www.nytimes.com/2025/06/27/a.html", nil, "The New York Times"},
		{"https://cn.nytimes.com/china/20250627/", nil, "纽约时报中文网"},
		{"https://finance.sina.com.cn/x", nil, "新浪"},
		{"https://www.nytimes.com/a", map[string]string{"nytimes.com": "纽约时报"}, "纽约时报"},
		{"https://unknown.example/a", nil, ""},
		{"not a url", nil, ""},
		{"www.theguardian.com/world/2025/jun/28/x", nil, "The Guardian"},
	}
	for _, c := range cases {
		if got := OutletForHost(c.url, c.profile); got != c.want {
			t.Errorf("OutletForHost(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

func TestModifiedBeforePublishedWarns(t *testing.T) {
	page := `<html><head><title>x</title><meta property="article:published_time" content="2025-06-27T10:00:00+08:00"><meta property="article:modified_time" content="2025-06-20T10:00:00+08:00"></head></html>`
	p, _ := Extract([]byte(page), "", "https://example.com/a", Options{})
	if !hasWarning(p, "before the published day 2025-06-27") {
		t.Errorf("warnings %q", p.Warnings)
	}
}

func TestDateElementText(t *testing.T) {
	page := `<html><head><title>Story</title></head><body><div class="sidebar"><span class="date">May 1, 2025</span></div>
<article><h1>Story</h1><div class="post-date">Published June 27, 2025 at 8:30 p.m.</div><div class="updated-date">Updated July 2, 2025</div><p>Body.</p></article></body></html>`
	p, _ := Extract([]byte(page), "", "https://example.com/a", Options{})
	if dayString(p.Published) != "2025-06-27" || p.Evidence.Published != "date element text" {
		t.Errorf("published %s (%s)", dayString(p.Published), p.Evidence.Published)
	}
}

func TestWireAgencyCreditIsNoAuthor(t *testing.T) {
	page := `<html><head><title>Quake hits coast</title><meta name="author" content="By JANE DOE, ASSOCIATED PRESS"></head></html>`
	p, _ := Extract([]byte(page), "", "https://www.examplegazette.com/a", Options{})
	if !reflect.DeepEqual(p.Authors, []string{"Jane Doe"}) {
		t.Errorf("authors %q", p.Authors)
	}
	page = `<html><head><title>Quake hits coast</title><meta name="author" content="Associated Press"></head></html>`
	p, _ = Extract([]byte(page), "", "https://www.examplegazette.com/a", Options{})
	if !reflect.DeepEqual(p.Authors, []string{"Associated Press"}) {
		t.Errorf("agency alone: authors %q", p.Authors)
	}
}
