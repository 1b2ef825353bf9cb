package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

var houseOrder = []string{"title", "date", "draft", "featured_image", "summary", "tags", "main_topics"}

const editBase = "---\n" +
	"# 标题保持简短\n" +
	"title: 算力租赁的冷与热   # 副标题另议\n" +
	"date: \"2025-07-03T09:30:00+08:00\"\n" +
	"draft: false\n" +
	"summary: '单引号的摘要'\n" +
	"\n" +
	"tags: \n" +
	"  - 算力租赁\n" +
	"  - GPU\n" +
	"main_topics: [算力与芯片, 产业生态与商业版图]\n" +
	"notes: |\n" +
	"  第一行\n" +
	"  第二行\n" +
	"---\n" +
	"正文[^1]\n"

func TestSetString(t *testing.T) {
	tests := []struct {
		name, text, key, value, want string
	}{
		{"plain stays plain, comment kept", editBase, "title", "新的标题",
			strings.Replace(editBase, "title: 算力租赁的冷与热   #", "title: 新的标题   #", 1)},
		{"single quoted stays single quoted", editBase, "summary", "它's 摘要",
			strings.Replace(editBase, "'单引号的摘要'", "'它''s 摘要'", 1)},
		{"plain that needs quotes", editBase, "title", "标题: 副标题",
			strings.Replace(editBase, "title: 算力租赁的冷与热 ", "title: \"标题: 副标题\" ", 1)},
		{"plain that looks like a bool", editBase, "title", "true",
			strings.Replace(editBase, "title: 算力租赁的冷与热 ", "title: \"true\" ", 1)},
		{"plain that looks like a number", editBase, "title", "2025",
			strings.Replace(editBase, "title: 算力租赁的冷与热 ", "title: \"2025\" ", 1)},
		{"double quoted stays double", editBase, "date", "2025-07-04T08:00:00+08:00",
			strings.Replace(editBase, "\"2025-07-03T09:30:00+08:00\"", "\"2025-07-04T08:00:00+08:00\"", 1)},
		{"missing key in house order", editBase, "featured_image", "images/gpu (2).png",
			strings.Replace(editBase, "draft: false\n", "draft: false\nfeatured_image: images/gpu (2).png\n", 1)},
		{"missing key first in order goes above comment", strings.Replace(editBase, "title: 算力租赁的冷与热   # 副标题另议\n", "", 1), "title", "标题",
			strings.Replace(editBase, "# 标题保持简短\ntitle: 算力租赁的冷与热   # 副标题另议\n", "title: 标题\n# 标题保持简短\n", 1)},
		{"unknown key goes last", editBase, "slug", "gpu-rental",
			strings.Replace(editBase, "  第二行\n---", "  第二行\nslug: gpu-rental\n---", 1)},
		{"literal block stays literal", editBase, "notes", "甲\n乙\n",
			strings.Replace(editBase, "  第一行\n  第二行\n", "  甲\n  乙\n", 1)},
		{"literal block without final newline", editBase, "notes", "甲",
			strings.Replace(editBase, "notes: |\n  第一行\n  第二行\n", "notes: |-\n  甲\n", 1)},
		{"list becomes scalar", editBase, "tags", "单个",
			strings.Replace(editBase, "tags: \n  - 算力租赁\n  - GPU\n", "tags: 单个\n", 1)},
		{"empty value", "---\nsummary:\ndraft: true\n---\n", "summary", "摘要", "---\nsummary: 摘要\ndraft: true\n---\n"},
		{"empty value with comment", "---\nsummary:   # 待写\n---\n", "summary", "摘要", "---\nsummary: 摘要 # 待写\n---\n"},
		{"no front matter", "正文\n", "title", "标题", "---\ntitle: 标题\n---\n正文\n"},
		{"empty front matter", "---\n---\n正文\n", "title", "标题", "---\ntitle: 标题\n---\n正文\n"},
		{"crlf and bom", "\ufeff---\r\ntitle: 旧\r\ndraft: true\r\n---\r\n正文\r\n", "summary", "新",
			"\ufeff---\r\ntitle: 旧\r\ndraft: true\r\nsummary: 新\r\n---\r\n正文\r\n"},
		{"front matter line endings win over the body's", "---\ntitle: 旧\n---\n一\r\n二\r\n三\r\n", "summary", "新",
			"---\ntitle: 旧\nsummary: 新\n---\n一\r\n二\r\n三\r\n"},
		{"control characters escaped", "---\ntitle: 旧\n---\n", "title", "a\tb\x01", "---\ntitle: \"a\\tb\\x01\"\n---\n"},
		{"empty string", "---\ntitle: 旧\n---\n", "title", "", "---\ntitle: \"\"\n---\n"},
		{"anchor kept", "---\ntitle: &t 旧  # 注\nalias: *t\n---\n", "title", "新", "---\ntitle: &t 新  # 注\nalias: *t\n---\n"},
		{"after a block that keeps its blank lines", "---\ntitle: |+\n  标题\n\n# 注\ndraft: true\n---\n", "date", "2025-07-03T09:30:00+08:00",
			"---\ntitle: |+\n  标题\n\ndate: \"2025-07-03T09:30:00+08:00\"\n# 注\ndraft: true\n---\n"},
		{"multi-line plain", "---\ntitle: 第一\n  第二\ndraft: true\n---\n", "title", "新", "---\ntitle: 新\ndraft: true\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetString([]byte(tt.text), tt.key, tt.value, houseOrder)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if s, _ := mustParse(t, got).String(tt.key); s != tt.value {
				t.Errorf("reads back %q", s)
			}
		})
	}
}

func TestSetStringSameValueIsIdentity(t *testing.T) {
	for _, text := range [][]byte{[]byte(editBase), fixture(t, "house.md"), toCRLF(fixture(t, "house.md"))} {
		d := mustParse(t, text)
		for _, k := range d.Keys() {
			v, ok := d.String(k)
			if !ok {
				continue
			}
			got, err := SetString(text, k, v, houseOrder)
			if err != nil || !bytes.Equal(got, text) {
				t.Errorf("SetString(%s, same) changed the text: %v", k, err)
			}
		}
	}
}

func TestSetBoolDate(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name string
		edit func([]byte) ([]byte, error)
		text string
		want string
	}{
		{"bool", func(b []byte) ([]byte, error) { return SetBool(b, "draft", true, houseOrder) }, editBase,
			strings.Replace(editBase, "draft: false", "draft: true", 1)},
		{"bool same", func(b []byte) ([]byte, error) { return SetBool(b, "draft", false, houseOrder) }, editBase, editBase},
		{"quoted bool is fixed", func(b []byte) ([]byte, error) { return SetBool(b, "draft", false, houseOrder) },
			"---\ndraft: \"false\"\n---\n", "---\ndraft: false\n---\n"},
		{"yes is fixed", func(b []byte) ([]byte, error) { return SetBool(b, "draft", true, houseOrder) },
			"---\ndraft: yes # 发布前改\n---\n", "---\ndraft: true # 发布前改\n---\n"},
		{"date keeps quotes", func(b []byte) ([]byte, error) {
			return SetDate(b, "date", time.Date(2025, 7, 4, 8, 0, 0, 0, cst), houseOrder)
		}, editBase, strings.Replace(editBase, "\"2025-07-03T09:30:00+08:00\"", "\"2025-07-04T08:00:00+08:00\"", 1)},
		{"plain date", func(b []byte) ([]byte, error) {
			return SetDate(b, "date", time.Date(2025, 7, 4, 8, 0, 0, 0, cst), houseOrder)
		}, "---\ntitle: 标题\ndate: 2025-06-27T20:10:05+08:00\ndraft: false\n---\n", "---\ntitle: 标题\ndate: 2025-07-04T08:00:00+08:00\ndraft: false\n---\n"},
		{"missing date", func(b []byte) ([]byte, error) {
			return SetDate(b, "date", time.Date(2025, 7, 4, 8, 0, 0, 0, time.UTC), houseOrder)
		}, "---\ntitle: 标题\ndraft: false\n---\n", "---\ntitle: 标题\ndate: 2025-07-04T08:00:00Z\ndraft: false\n---\n"},
		{"remove key", func(b []byte) ([]byte, error) { return RemoveKey(b, "draft") }, editBase,
			strings.Replace(editBase, "draft: false\n", "", 1)},
		{"remove list", func(b []byte) ([]byte, error) { return RemoveKey(b, "tags") }, editBase,
			strings.Replace(editBase, "tags: \n  - 算力租赁\n  - GPU\n", "", 1)},
		{"remove missing", func(b []byte) ([]byte, error) { return RemoveKey(b, "nothing") }, editBase, editBase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.edit([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSetList(t *testing.T) {
	tests := []struct {
		name, text, key string
		items           []string
		want            string
	}{
		{"append", editBase, "tags", []string{"算力租赁", "GPU", "数据中心"},
			strings.Replace(editBase, "  - GPU\n", "  - GPU\n  - 数据中心\n", 1)},
		{"remove first", editBase, "tags", []string{"GPU"},
			strings.Replace(editBase, "  - 算力租赁\n", "", 1)},
		{"insert middle keeps comment", "---\ntags:\n    -   甲   # 注\n    # 说明\n    -   \"丙\"\n---\n", "tags", []string{"甲", "乙", "丙"},
			"---\ntags:\n    -   甲   # 注\n    -   乙\n    # 说明\n    -   \"丙\"\n---\n"},
		{"all quoted stays quoted", "---\ntags:\n- \"甲\"\n- \"乙\"\n---\n", "tags", []string{"甲", "丙"},
			"---\ntags:\n- \"甲\"\n- \"丙\"\n---\n"},
		{"swap", editBase, "tags", []string{"GPU", "算力租赁"},
			strings.Replace(editBase, "  - 算力租赁\n  - GPU\n", "  - GPU\n  - 算力租赁\n", 1)},
		{"replace all", editBase, "tags", []string{"云计算"},
			strings.Replace(editBase, "  - 算力租赁\n  - GPU\n", "  - 云计算\n", 1)},
		{"flow stays flow", editBase, "main_topics", []string{"算力与芯片", "前沿模型与算法"},
			strings.Replace(editBase, "[算力与芯片, 产业生态与商业版图]", "[算力与芯片, 前沿模型与算法]", 1)},
		{"flow spacing kept", "---\ntags: [ '甲' ,乙 ]\n---\n", "tags", []string{"甲", "乙", "a, b"},
			"---\ntags: [ '甲' ,乙 ,\"a, b\" ]\n---\n"},
		{"flow emptied", editBase, "main_topics", nil, strings.Replace(editBase, "[算力与芯片, 产业生态与商业版图]", "[]", 1)},
		{"block emptied", editBase, "tags", []string{}, strings.Replace(editBase, "tags: \n  - 算力租赁\n  - GPU\n", "tags: []\n", 1)},
		{"missing in house order copies shape", strings.Replace(editBase, "main_topics: [算力与芯片, 产业生态与商业版图]\n", "", 1), "main_topics", []string{"算力与芯片"},
			strings.Replace(editBase, "main_topics: [算力与芯片, 产业生态与商业版图]\n", "main_topics: \n  - 算力与芯片\n", 1)},
		{"missing key", strings.Replace(editBase, "tags: \n  - 算力租赁\n  - GPU\n", "", 1), "tags", []string{"GPU", "yes"},
			strings.Replace(editBase, "summary: '单引号的摘要'\n\ntags: \n  - 算力租赁\n  - GPU\n", "summary: '单引号的摘要'\ntags: \n  - GPU\n  - \"yes\"\n\n", 1)},
		{"empty value keeps trailing space", "---\ntags: \ndraft: true\n---\n", "tags", []string{"甲"}, "---\ntags: \n  - 甲\ndraft: true\n---\n"},
		{"scalar becomes list", "---\ntags: 某标签\n---\n", "tags", []string{"某标签"}, "---\ntags: \n  - 某标签\n---\n"},
		{"crlf", "---\r\ntags:\r\n  - 甲\r\n---\r\n", "tags", []string{"甲", "乙"}, "---\r\ntags:\r\n  - 甲\r\n  - 乙\r\n---\r\n"},
		{"nested item never matches", "---\ntags:\n  - [x]\n  - 甲\n---\n", "tags", []string{"甲"}, "---\ntags:\n  - 甲\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetList([]byte(tt.text), tt.key, tt.items, houseOrder)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestEditErrors(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
	}{
		{"toml", "+++\ntitle = \"a\"\n+++\n", ErrUnsupportedFormat},
		{"json", "{\"title\": \"a\"}\n", ErrUnsupportedFormat},
		{"binary", "---\x00", ErrBinary},
		{"flow front matter", "---\n{title: a, draft: true}\n---\n", ErrFlowFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := SetString([]byte(tt.text), "title", "b", nil); !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
		})
	}
	var se *SyntaxError
	if _, err := SetString([]byte("---\ntitle: [\n---\n"), "title", "b", nil); !errors.As(err, &se) || se.Line < 2 {
		t.Errorf("syntax error %v", err)
	}
	if _, err := SetList([]byte("---\ntitle: a\n"), "tags", []string{"a"}, nil); !errors.As(err, &se) {
		t.Errorf("unclosed: %v", err)
	}
}
