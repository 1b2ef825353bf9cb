package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The UI turns every code Go sends into text through the key "error.<code>"
// of its catalogues. A code with no key reaches the editor as a raw code, so
// every newAPIError call in the app layer must name a literal code that the
// English catalogue (and, by the frontend's own test, every other) knows.
func TestEveryAPIErrorCodeHasATranslation(t *testing.T) {
	codes := apiErrorCodes(t)
	if len(codes) < 10 {
		t.Fatalf("found only %d codes: is the scan still looking at the right calls?", len(codes))
	}
	for _, catalogue := range []string{"en.ts", "zh-CN.ts"} {
		keys := catalogueKeys(t, filepath.Join("..", "frontend", "src", "lib", "i18n", catalogue))
		var missing []string
		for code, where := range codes {
			if !keys["error."+code] {
				missing = append(missing, code+" ("+where+")")
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s has no text for: %s", catalogue, strings.Join(missing, ", "))
		}
	}
}

// apiErrorCodes returns each code passed to newAPIError in the app package,
// with where it is sent from. A code that is not a string literal fails the
// test: it could send a code nobody translated.
func apiErrorCodes(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "newAPIError" || len(call.Args) == 0 {
				return true
			}
			pos := fset.Position(call.Pos())
			where := pos.Filename + ":" + strconv.Itoa(pos.Line)
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				if _, isDecl := call.Args[0].(*ast.Ident); isDecl && pos.Filename == "apierror.go" {
					return true // the constructor's own forwarding of its parameter
				}
				t.Errorf("%s: newAPIError with a code that is not a string literal", where)
				return true
			}
			code, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			codes[code] = where
			return true
		})
	}
	return codes
}

var catalogueKey = regexp.MustCompile(`(?m)^\s*'([^']+)'\s*:`)

func catalogueKeys(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the UI catalogue: %v", err)
	}
	keys := map[string]bool{}
	for _, m := range catalogueKey.FindAllStringSubmatch(string(b), -1) {
		keys[m[1]] = true
	}
	return keys
}
