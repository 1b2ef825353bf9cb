package pagemeta

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestServedGBKWithHeaderCharset fetches the GBK portal fixture from a real
// local HTTP server whose Content-Type names the charset, as a capture
// does, and checks that the header's charset decodes the page.
func TestServedGBKWithHeaderCharset(t *testing.T) {
	g := loadGoldens(t)["sina_gbk"]
	body := fixtureBytes(t, "sina_gbk", g)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		_, _ = w.Write(body)
	}))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/c/2025-06-28/doc-inabcdef1234567.shtml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(got, resp.Header.Get("Content-Type"), resp.Request.URL.String(), Options{
		// The local server has no host-table entry: the profile names it.
		Outlets: map[string]string{"127.0.0.1": "新浪"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Charset != "gb18030" {
		t.Errorf("charset %q, want gb18030 (GBK read as its superset)", p.Charset)
	}
	if p.Title != "国常会部署稳外贸举措 加大出口信用保险支持" {
		t.Errorf("title %q", p.Title)
	}
	if p.Outlet != "新浪" || p.Evidence.Outlet != "profile outlets" {
		t.Errorf("outlet %q (%s), want 新浪 from the profile", p.Outlet, p.Evidence.Outlet)
	}
	if len(p.Authors) != 2 || p.Authors[0] != "张晓明" || p.Authors[1] != "刘芳" {
		t.Errorf("authors %q, want the two 记者 and not the 责任编辑", p.Authors)
	}
	if dayString(p.Published) != "2025-06-28" {
		t.Errorf("published %s", dayString(p.Published))
	}
}

// TestHeaderCharsetWinsOverMeta: a server that says Big5 for a page whose
// <meta> says UTF-8 (and whose bytes are not UTF-8) is right.
func TestHeaderCharsetWinsOverMeta(t *testing.T) {
	src := `<html><head><meta charset="utf-8"><title>颱風新聞 | 測試報</title></head><body><h1>颱風新聞</h1></body></html>`
	body, err := encoders["big5"].NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(body, "text/html; charset=big5", "https://example.tw/a", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Charset != "big5" || p.Title != "颱風新聞" {
		t.Errorf("charset %q title %q", p.Charset, p.Title)
	}
}
