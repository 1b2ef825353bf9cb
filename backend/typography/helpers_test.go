package typography

import (
	"testing"

	"copydesk/backend/article"
)

// only is the built-in settings with every rule but code switched off.
func only(code string, sp Spacing) Settings {
	s := DefaultSettings()
	s.Spacing = sp
	s.Off = map[string]bool{}
	for _, c := range Codes {
		s.Off[RuleName(c)] = c != code
	}
	return s
}

func withSpacing(sp Spacing) Settings {
	s := DefaultSettings()
	s.Spacing = sp
	return s
}

func findings(t testing.TB, text string, s Settings) []Finding {
	t.Helper()
	doc, err := article.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return Check(doc, s, nil)
}

func fix(t testing.TB, text string, s Settings) string {
	t.Helper()
	out, err := Fix([]byte(text), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// ruleCase is one line an editor would meet: in, and what the rule alone
// makes of it ("" means unchanged).
type ruleCase struct {
	name, in, want string
}

// runRule checks a rule alone, in both spacing styles (only the spacing rule
// may depend on the style), and that a change is reported under the rule's
// code with a fix, and nothing is reported when nothing changes.
func runRule(t *testing.T, code string, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		for _, sp := range []Spacing{SpacingNone, SpacingAlways} {
			t.Run(tc.name+"/"+string(sp), func(t *testing.T) {
				want := tc.want
				if want == "" {
					want = tc.in
				}
				s := only(code, sp)
				if got := fix(t, tc.in, s); got != want {
					t.Errorf("fix\n in: %q\ngot: %q\nwant %q", tc.in, got, want)
				}
				fs := findings(t, tc.in, s)
				if want == tc.in && len(fs) != 0 {
					t.Errorf("unchanged text has findings: %+v", fs)
				}
				if want != tc.in && len(fs) == 0 {
					t.Errorf("changed text has no finding")
				}
				for _, f := range fs {
					if f.Code != code || len(f.Edits) == 0 {
						t.Errorf("finding %+v", f)
					}
					if f.From < 0 || f.To > len(tc.in) || f.From > f.To {
						t.Errorf("span %d..%d out of range", f.From, f.To)
					}
				}
			})
		}
	}
}
