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
  two rules more than a day apart.

## Outlet names

The host table (outlets.go) maps more than 60 hosts to outlet names and home zones; subdomains
match their parent (news.qq.com -> qq.com) and the profile's ` + "`outlets:`" + ` entries override it. A name a
page gives itself that is one of the table's spellings ("NYTimes", "the Guardian", "人民网－观点频道")
becomes the table's name; a company form ("Ltd", "Inc.", "有限公司") is dropped.
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
