package pagemeta

// The rule tables: for every field, the rules in priority order, each with
// the reason it sits where it does. RULES.md renders the same tables (go
// test -run TestRulesDoc -update rewrites it; the test fails when the two
// differ).
//
// A rule returns candidates; the first candidate that survives cleaning
// wins, and later candidates are only compared with it to warn about
// disagreement.

// cand is one value a rule found.
type cand struct {
	value    string   // title, outlet, language, canonical
	names    []string // authors, raw
	visible  bool     // names read from page text (byline cleaning applies)
	st       stamp    // dates
	evidence string
}

type rule struct {
	Name   string // the evidence label (a candidate may refine it, e.g. with the JSON-LD @type)
	Reason string
	find   func(d *doc) []cand
}

// layoutDateRules read page layout rather than metadata: once a date is
// chosen they are not consulted for disagreement (the URL and the visible
// dateline are compared separately), which also spares big pages a walk.
var layoutDateRules = map[string]bool{
	"time[datetime] in article": true, "chinese 发布时间 text": true, "date element text": true, "url date path": true,
}

// fieldRules lists the tables in the order RULES.md shows them.
var fieldRules = []struct {
	Field string
	Rules []rule
}{
	{"Title", titleRules},
	{"Outlet", outletRules},
	{"Authors", authorRules},
	{"Published", publishedRules},
	{"Modified", modifiedRules},
	{"Language", languageRules},
	{"Canonical", canonicalRules},
}

var titleRules = []rule{
	{"json-ld <Type>.headline", "Written for search engines as the headline alone, without the site's name.", ldString("headline", "name")},
	{"meta og:title", "The title shown when the page is shared; usually the bare headline, sometimes with a suffix that is stripped.", metaRule("og:title")},
	{"meta citation_title", "Highwire metadata of academic publishers: the article title exactly.", metaRule("citation_title")},
	{"meta parsely-title", "Parse.ly analytics metadata, maintained by the newsroom's CMS.", parselyRule("title", "parsely-title")},
	{"meta twitter:title", "Share title for X/Twitter; same quality as og:title, less often present.", metaRule("twitter:title")},
	{"meta dc.title", "Dublin Core, used by libraries, journals and some government sites.", metaRule("dc.title", "dcterms.title")},
	{"microdata headline", "itemprop=headline marks the visible headline in the page body.", microdataRule("headline")},
	{"<title>", "Always present, but carries the site's name and section; the suffix or prefix is stripped.", func(d *doc) []cand { return one(d.title, "<title>") }},
	{"<h1>", "The visible headline, last because some sites use <h1> for their logo.", h1Rule},
}

var outletRules = []rule{
	{"profile outlets", "The editor's own name for the host wins: it is the house style.", profileOutlet},
	{"json-ld <Type>.publisher.name", "The publisher the article names in structured data.", ldPublisher},
	{"meta og:site_name", "The site's name for shares; normalised by the host table (\"NYTimes\" -> The New York Times).", metaRule("og:site_name")},
	{"meta application-name", "The site's name as a web application.", metaRule("application-name")},
	{"meta citation_journal_title", "Highwire: the journal an academic article appeared in.", metaRule("citation_journal_title")},
	{"meta citation_publisher", "Highwire/Dublin Core publisher when there is no journal title.", metaRule("citation_publisher", "dc.publisher", "dcterms.publisher")},
	{"chinese 来源 text", "来源：on Chinese pages names the outlet that ran the story.", zhSource},
	{"host table", "The built-in table of well-known hosts (subdomains match their parent).", hostOutlet},
	{"title suffix naming the host", "A <title> or og:title segment that spells the host's name (\"… :: Coastal Shipping Letter\" on coastalshippingletter.example).", titleHostOutlet},
}

var authorRules = []rule{
	{"json-ld <Type>.author", "Structured authors: Person, Organization, strings, arrays and @id references.", ldAuthors},
	{"meta citation_author", "Highwire: one tag per author, \"Last, First\" turned around.", citationAuthors},
	{"meta parsely-author", "Parse.ly: the CMS's author list.", parselyAuthors},
	{"meta sailthru.author", "Sailthru newsletter metadata, kept by the CMS.", metaNames("sailthru.author")},
	{"meta byl", "The New York Times' byline tag (\"By A and B\").", metaNames("byl")},
	{"meta author", "The HTML author tag; on Chinese portals it often holds the 责任编辑, who is dropped.", metaNames("author")},
	{"meta dc.creator", "Dublin Core creator.", metaNames("dc.creator", "dcterms.creator")},
	{"meta article:author", "Open Graph article author when it is a name (a profile URL is never a name).", metaNames("article:author")},
	{"microdata author", "itemprop=author in the page body (its itemprop=name when it is a Person scope).", microdataAuthors},
	{"byline text", "Visible byline: rel=author links, elements whose class names a byline or author.", bylineAuthors},
	{"chinese 作者/记者/文 text", "作者：, 记者 and 文/ lines of Chinese pages.", zhAuthors},
	{"article:author profile URL", "Only when nothing else names the author: the name read from the profile URL's slug.", profileURLAuthors},
}

var publishedRules = []rule{
	{"json-ld <Type>.datePublished", "Structured publication date of the article (never dateModified).", ldDate("datePublished")},
	{"meta citation_publication_date", "Highwire publication date.", metaDate("citation_publication_date", "citation_date", "citation_online_date")},
	{"meta article:published_time", "Open Graph article publication time.", metaDate("article:published_time", "og:article:published_time")},
	{"meta article:published", "The spelling The New York Times uses.", metaDate("article:published")},
	{"meta parsely-pub-date", "Parse.ly publication date.", parselyDate},
	{"meta sailthru.date", "Sailthru publication date.", metaDate("sailthru.date")},
	{"meta dc.date", "Dublin Core issue date.", metaDate("dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created")},
	{"meta pubdate", "Ad-hoc publication tags: pubdate, publishdate, ptime, date, publish-date, article_date_original.", metaDate("pubdate", "publishdate", "publish_date", "ptime", "publish-date", "article_date_original", "date", "publication_date", "og:published_time")},
	{"microdata datePublished", "itemprop=datePublished in the page body.", microdataDate("datePublished")},
	{"time[datetime] in article", "A <time datetime> inside <article> or <main> (a pubdate/published one first; updated ones never).", timeElementDate},
	{"chinese 发布时间 text", "发布时间/发表时间/时间：labels and the dateline under the headline of Chinese pages.", zhDate},
	{"date element text", "A short element whose class says date/publish/posted, for pages without date markup.", dateElementDate},
	{"url date path", "/2025/06/27/, /20250627/, /2025-06-27/ in the URL: only when the page states no date.", urlDateRule},
}

var modifiedRules = []rule{
	{"json-ld <Type>.dateModified", "Structured modification date.", ldDate("dateModified")},
	{"meta article:modified_time", "Open Graph modification time.", metaDate("article:modified_time", "article:modified", "og:updated_time")},
	{"meta dc.date.modified", "Dublin Core modification date.", metaDate("dc.date.modified", "dcterms.modified")},
	{"microdata dateModified", "itemprop=dateModified in the page body.", microdataDate("dateModified")},
}

var languageRules = []rule{
	{"html lang", "The language the page declares for itself.", func(d *doc) []cand { return one(d.htmlLang, "html lang") }},
	{"meta content-language", "The http-equiv or name=language declaration.", func(d *doc) []cand {
		if v := d.equiv["content-language"]; v != "" {
			return one(v, "meta content-language")
		}
		v, _ := d.meta("language", "content-language")
		return one(v, "meta content-language")
	}},
	{"meta og:locale", "Open Graph locale (en_US written as en-US).", metaRule("og:locale")},
	{"json-ld inLanguage", "Structured language of the article.", ldString("inLanguage")},
	{"meta dc.language", "Dublin Core language.", metaRule("dc.language", "dcterms.language", "citation_language")},
}

var canonicalRules = []rule{
	{"link rel=canonical", "The URL the site says this page lives at.", canonicalLink},
	{"meta og:url", "The URL used for shares.", ogURL},
}

func one(v, evidence string) []cand {
	if v = cleanText(v); v == "" {
		return nil
	}
	return []cand{{value: v, evidence: evidence}}
}

func metaRule(keys ...string) func(*doc) []cand {
	return func(d *doc) []cand {
		v, k := d.meta(keys...)
		return one(v, "meta "+k)
	}
}

func ogURL(d *doc) []cand {
	v, _ := d.meta("og:url")
	if u := d.absURL(v); u != "" {
		return []cand{{value: u, evidence: "meta og:url"}}
	}
	return nil
}
