package pagemeta

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// renderRules writes the rule tables of rules.go as Markdown.
func renderRules() string {
	var b strings.Builder
	b.WriteString("# Page-metadata rules\n\n")
	b.WriteString("Generated from the tables in rules.go by `go test -tags sqlite_fts5 ./backend/pagemeta -run TestRulesDoc -update`;\n")
	b.WriteString("a test fails when this file and the tables differ. For every field the rules are tried in\n")
	b.WriteString("order and the first that gives a usable value wins; the evidence of a field names the rule.\n")
	b.WriteString("When a later rule disagrees with the winner (dates more than a day apart, authors with no\n")
	b.WriteString("name in common) the winner is kept and a warning says so.\n")
	for _, f := range fieldRules {
		fmt.Fprintf(&b, "\n## %s\n\n| # | Evidence | Why here |\n|---|---|---|\n", f.Field)
		for i, r := range f.Rules {
			fmt.Fprintf(&b, "| %d | `%s` | %s |\n", i+1, r.Name, strings.ReplaceAll(r.Reason, "|", "\\|"))
		}
	}
	b.WriteString(`
## Days

- A date with an offset is the calendar day in that offset.
- A date in UTC ("Z", +00:00, GMT) is the day in the outlet's home zone from the host table; when
  the table has no zone, the day in an offset the page states elsewhere for the same instant (a
  <time> element, another meta tag); else the UTC day. The evidence says which.
- A date without an offset is the day as written (newsrooms write local time).
- Warnings: the URL's date path or the visible dateline a day or more from the published day;
  two rules more than a day apart; a modified day before the published day; a value that is
  not a date (it is skipped).
- Published never comes from a modified-date rule, an "updated" <time>, or dateModified.

## Outlet names

The host table (outlets.go) maps more than 60 hosts to outlet names and home zones; subdomains
match their parent (news.qq.com -> qq.com) and the profile's ` + "`outlets:`" + ` entries override it. A name a
page gives itself that is one of the table's spellings ("NYTimes", "the Guardian", "人民网－观点频道")
becomes the table's name; a company form ("Ltd", "Inc.", "有限公司") is dropped.

## Authors: what is never an author

- Editors: names after 责任编辑/编辑/责编/校对/审核/审校/监制/摄影 on the page are removed from every
  rule's list, with a warning (Chinese portals put the 责任编辑 in meta author).
- The site itself (its outlet name, og:site_name, host-table spellings) and wire agencies credited in
  a byline (Associated Press, Reuters, AFP, 新华社 ...) when any rule names a person; they are kept
  only when no rule does.
- URLs (an article:author profile URL yields a name from its slug only when nothing else names one),
  e-mail addresses, @handles, dates, "and others", roles ("Staff Writer", ", China correspondent",
  记者, 实习生, 기자) and credentials (Ph.D.); a suffix such as "Jr." stays with its name.
- Lists split on , ; / | & 、 and/und/et and 和 between two Chinese names; Chinese bylines also on spaces.

## Walls

| Wall | Recognised by |
|---|---|
| ` + "`bot`" + ` | a challenge <title> ("Just a moment...", "Access denied", 安全验证, captcha ...), or challenge markup (cf-chl-, /cdn-cgi/challenge-platform/, DataDome, Incapsula, reCAPTCHA, GeeTest) on a page with little text |
| ` + "`consent`" + ` | a consent.* host, or consent wording ("Before you continue", "we use cookies", 我们使用 cookies ...) on a page with almost no text and no article metadata |
| ` + "`paywall`" + ` | JSON-LD isAccessibleForFree=false with almost no text, or subscription wording ("Subscribe to continue", 订阅后阅读 ...) on a page with little text |

A wall still returns the fields it has; the caller offers the editor a saved page or manual entry.
`)
	return b.String()
}

func TestRulesDoc(t *testing.T) {
	want := renderRules()
	if *update {
		if err := os.WriteFile("RULES.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("RULES.md differs from the rule tables in rules.go; run go test -run TestRulesDoc -update")
	}
}

func TestHostTableSize(t *testing.T) {
	if n := len(hostTable); n < 60 {
		t.Errorf("host table has %d hosts, want at least 60", n)
	}
	for host, o := range hostTable {
		if o.name == "" {
			t.Errorf("%s: no name", host)
		}
		if o.zone != "" && zoneOf(o.zone) == nil {
			t.Errorf("%s: zone %q does not load", host, o.zone)
		}
	}
}
