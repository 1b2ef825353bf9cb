package linkcheck

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/backend/refarticle"

	"copydesk/backend/citation"
)

// sampleArticle is written in the house style for these tests.
const sampleArticle = `---
title: "芯片出口管制的连锁反应"
date: 2025-07-02T09:30:00+08:00
draft: false
featured_image: "/images/chips.png"
summary: "出口管制正在重塑全球算力供应链。"
tags:
  - 出口管制
  - 半导体
main_topics:
  - 算力与芯片
---

> 管制之下，算力的价格与地理分布都在改变。

### 一、规则的变化

新规扩大了受控芯片的范围[^1]，厂商随即调整了产品线[^2]。分析人士认为影响将持续数年[^3]，
部分数据来自行业协会的报告[^4]，另有媒体援引内部文件[^5]。

## 引文部分

[^1]: [Commerce Tightens Rules on Advanced Chips](https://news.example.com/2025/06/20/chips-rules.html)·Example News·Jane Doe, John Roe（2025/6/20）·检索日期2025/6/21
[^2]: [厂商调整产品线应对新规](https://tech.example.cn/articles/8812)·科技日报（2025/06/22）·检索日期 2025/06/23
[^3]: [Why the Controls Will Last](https://analysis.example.org/controls)·Analysis Weekly（2025/6/25）·检索日期2025/6/26
[^4]: 行业协会报告，见 (https://assoc.example.org/report_(2025)) 第三章
[^5]: [内部文件曝光](https://leaks.example.net/doc)·某媒体（2025/6/28）
[^6]: 待补充来源
`

func TestCitedURLs(t *testing.T) {
	cited, err := CitedURLs([]byte(sampleArticle), citation.DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	want := []Cited{
		{"1", 23, "https://news.example.com/2025/06/20/chips-rules.html", citation.Date{Year: 2025, Month: 6, Day: 21}, true},
		{"2", 24, "https://tech.example.cn/articles/8812", citation.Date{Year: 2025, Month: 6, Day: 23}, true},
		{"3", 25, "https://analysis.example.org/controls", citation.Date{Year: 2025, Month: 6, Day: 26}, true},
		{"4", 26, "https://assoc.example.org/report_(2025)", citation.Date{}, false},
		{"5", 27, "https://leaks.example.net/doc", citation.Date{}, true},
	}
	if !reflect.DeepEqual(cited, want) {
		t.Fatalf("got  %+v\nwant %+v", cited, want)
	}
	if tg := cited[0].Target(); tg.Retrieved.Format("20060102") != "20250621" || tg.URL != want[0].URL {
		t.Errorf("target %+v", tg)
	}
	if tg := cited[3].Target(); !tg.Retrieved.IsZero() {
		t.Errorf("target without date %+v", tg)
	}
}

func TestCitedURLsReferenceArticle(t *testing.T) {
	text := readSeed(t)
	cited, err := CitedURLs(text, citation.DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if len(cited) != 5 {
		t.Fatalf("%d cited URLs, want 5", len(cited))
	}
	for _, c := range cited {
		if !c.HouseStyle || !strings.HasPrefix(c.URL, "https://") || c.Retrieved != (citation.Date{Year: 2025, Month: 6, Day: 27}) {
			t.Errorf("%+v", c)
		}
	}
}

func readSeed(t *testing.T) []byte { return refarticle.Read(t) }

func TestMarkRetrievedOnlyVerified(t *testing.T) {
	text := []byte(sampleArticle)
	today := citation.Date{Year: 2025, Month: 7, Day: 3}
	checked := []Checked{
		{"1", Result{URL: "https://news.example.com/2025/06/20/chips-rules.html", Status: StatusOK}},
		{"2", Result{URL: "https://tech.example.cn/articles/8812", Status: StatusRedirected, FinalURL: "https://tech.example.cn/a/8812"}},
		{"3", Result{URL: "https://analysis.example.org/controls", Status: StatusDead}},
		{"4", Result{URL: "https://assoc.example.org/report_(2025)", Status: StatusOK}}, // not house style: left alone
		{"5", Result{URL: "https://leaks.example.net/doc", Status: StatusOK}},           // no retrieval part: added
		{"6", Result{URL: "https://nowhere.example/", Status: StatusOK}},
	}
	got, labels, err := MarkRetrieved(text, checked, today, citation.DefaultStyle())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(labels, []string{"1", "2", "5"}) {
		t.Errorf("labels %v", labels)
	}
	want := strings.NewReplacer(
		"（2025/6/20）·检索日期2025/6/21", "（2025/6/20）·检索日期2025/7/3",
		"（2025/06/22）·检索日期 2025/06/23", "（2025/06/22）·检索日期 2025/7/3",
		"·某媒体（2025/6/28）\n", "·某媒体（2025/6/28）·检索日期2025/7/3\n",
	).Replace(sampleArticle)
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The input is never modified.
	if string(text) != sampleArticle {
		t.Error("input text was modified")
	}
}

func TestMarkRetrievedNeverForOthers(t *testing.T) {
	for _, st := range []Status{StatusDead, StatusUnverifiable, StatusError, ""} {
		checked := []Checked{{"1", Result{URL: "https://news.example.com/2025/06/20/chips-rules.html", Status: st}}}
		got, labels, err := MarkRetrieved([]byte(sampleArticle), checked, citation.Date{Year: 2025, Month: 7, Day: 3}, citation.DefaultStyle())
		if err != nil || len(labels) != 0 || string(got) != sampleArticle {
			t.Errorf("%q: labels %v err %v changed %v", st, labels, err, string(got) != sampleArticle)
		}
	}
}

func TestMarkRetrievedSkipsChangedURL(t *testing.T) {
	// The editor changed the URL after the check: the verification no longer applies.
	checked := []Checked{{"1", Result{URL: "https://news.example.com/old-address", Status: StatusOK}}}
	got, labels, err := MarkRetrieved([]byte(sampleArticle), checked, citation.Date{Year: 2025, Month: 7, Day: 3}, citation.DefaultStyle())
	if err != nil || len(labels) != 0 || string(got) != sampleArticle {
		t.Fatalf("labels %v err %v", labels, err)
	}
}

func TestMarkRetrievedKeepsCRLFAndOtherBytes(t *testing.T) {
	crlf := "\ufeff" + strings.ReplaceAll(sampleArticle, "\n", "\r\n")
	checked := []Checked{{"3", Result{URL: "https://analysis.example.org/controls", Status: StatusRedirected}}}
	got, labels, err := MarkRetrieved([]byte(crlf), checked, citation.Date{Year: 2025, Month: 12, Day: 1}, citation.DefaultStyle())
	if err != nil || !reflect.DeepEqual(labels, []string{"3"}) {
		t.Fatalf("labels %v err %v", labels, err)
	}
	want := strings.Replace(crlf, "·检索日期2025/6/26\r\n", "·检索日期2025/12/1\r\n", 1)
	if string(got) != want {
		t.Errorf("got %q", got)
	}
}

func TestMarkRetrievedRejectsBadDay(t *testing.T) {
	if _, _, err := MarkRetrieved([]byte(sampleArticle), nil, citation.Date{Year: 2025, Month: 2, Day: 30}, citation.DefaultStyle()); err == nil {
		t.Fatal("2025/2/30 accepted")
	}
}

func TestURLInParens(t *testing.T) {
	for in, want := range map[string]string{
		"见 (https://a.example/x) 页":             "https://a.example/x",
		"(https://en.wikipedia.org/wiki/A_(b))": "https://en.wikipedia.org/wiki/A_(b)",
		"(httpfoo) (http://b.example/)":         "http://b.example/",
		"(https://c.example/ has space)":        "",
		"no url":                                "",
		"（https://full.width.example/）":         "",
	} {
		if got := urlInParens(in); got != want {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}
