package article

import (
	"errors"
	"strings"
	"testing"
)

const defsFront = "---\ntitle: 测试引文\n---\n\n"

const newDef = "[新来源](https://n.example/)·新媒体（2025/7/1）·检索日期2025/7/8"

func TestAddDefinitionPlacement(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"after the last definition, numbered past every label in use",
			defsFront + "甲[^2]乙[^7]。\n\n## 引文部分\n\n[^2]: a\n[^7]: b\n\n附记。\n",
			defsFront + "甲[^2]乙[^7]。\n\n## 引文部分\n\n[^2]: a\n[^7]: b\n[^8]: " + newDef + "\n\n附记。\n"},
		{"no heading: created at the end",
			defsFront + "正文。\n",
			defsFront + "正文。\n\n## 引文部分\n\n[^1]: " + newDef + "\n"},
		{"no heading, no final newline",
			defsFront + "正文。",
			defsFront + "正文。\n\n## 引文部分\n\n[^1]: " + newDef + "\n"},
		{"empty block under the heading, CRLF kept",
			strings.ReplaceAll(defsFront+"正文[^x]。\n\n## 引文部分\n\n", "\n", "\r\n"),
			strings.ReplaceAll(defsFront+"正文[^x]。\n\n## 引文部分\n\n", "\n", "\r\n") + "[^1]: " + newDef + "\r\n"},
		{"heading followed by a note: the line goes between them",
			defsFront + "正文。\n\n## 引文部分\n说明文字。\n",
			defsFront + "正文。\n\n## 引文部分\n\n[^1]: " + newDef + "\n\n说明文字。\n"},
		{"a definition above the heading is not the block",
			defsFront + "正文[^1]。\n\n[^1]: old\n\n## 引文部分\n",
			defsFront + "正文[^1]。\n\n[^1]: old\n\n## 引文部分\n\n[^2]: " + newDef + "\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := AddDefinition([]byte(c.text), "", newDef, -1)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Text) != c.want || got.RefFrom != -1 {
				t.Errorf("got\n%q\nwant\n%q", got.Text, c.want)
			}
		})
	}
}

func TestAddDefinitionReference(t *testing.T) {
	text := defsFront + "第一段引用[^1]。\n\n## 引文部分\n\n[^1]: a\n"
	at := strings.Index(text, "引用") + len("引用")
	got, err := AddDefinition([]byte(text), "引文部分", newDef, at)
	if err != nil {
		t.Fatal(err)
	}
	want := defsFront + "第一段引用[^2][^1]。\n\n## 引文部分\n\n[^1]: a\n[^2]: " + newDef + "\n"
	if string(got.Text) != want || got.Label != "2" || string(got.Text[got.RefFrom:got.RefTo]) != "[^2]" {
		t.Fatalf("got %+v\n%s", got, got.Text)
	}
	// A reference after the block (a postscript) is shifted past the new line.
	ps := text + "\n后记[^1]。\n"
	at = strings.Index(ps, "后记") + len("后记")
	got, err = AddDefinition([]byte(ps), "", newDef, at)
	if err != nil || string(got.Text[got.RefFrom:got.RefTo]) != "[^2]" || !strings.HasSuffix(string(got.Text), "后记[^2][^1]。\n") {
		t.Fatalf("after the block: %v %q", err, got.Text)
	}
	// Offsets inside a character are moved to its start.
	got, err = AddDefinition([]byte(text), "", newDef, strings.Index(text, "第")+1)
	if err != nil || !strings.Contains(string(got.Text), "[^2]第一段") {
		t.Fatalf("mid-character offset: %v %q", err, got.Text)
	}
	if _, err := AddDefinition([]byte(text), "", newDef, 3); !errors.Is(err, ErrCursorInFrontMatter) {
		t.Errorf("front matter: %v", err)
	}
	var inDef *CursorInDefinitionError
	if _, err := AddDefinition([]byte(text), "", newDef, strings.Index(text, "[^1]: ")+2); !errors.As(err, &inDef) || inDef.Label != "1" {
		t.Errorf("on a definition: %v", err)
	}
	if _, err := AddDefinition([]byte(text), "", "two\nlines", -1); !errors.Is(err, ErrMultilineContent) {
		t.Errorf("multi-line content: %v", err)
	}
}

func TestDeleteDefinition(t *testing.T) {
	text := defsFront + "甲[^2]乙[^1]丙[^2]。\r\n\r\n## 引文部分\r\n\r\n[^1]: a\r\n[^2]: b\r\n[^3]: c"
	out, err := DeleteDefinition([]byte(text), "2", true)
	want := defsFront + "甲乙[^1]丙。\r\n\r\n## 引文部分\r\n\r\n[^1]: a\r\n[^3]: c"
	if err != nil || string(out) != want {
		t.Fatalf("with references: %v\n%q", err, out)
	}
	out, err = DeleteDefinition([]byte(text), "3", false)
	if err != nil || string(out) != defsFront+"甲[^2]乙[^1]丙[^2]。\r\n\r\n## 引文部分\r\n\r\n[^1]: a\r\n[^2]: b\r\n" {
		t.Fatalf("last line without newline: %v %q", err, out)
	}
	if _, err := DeleteDefinition([]byte(text), "9", true); !errors.Is(err, ErrNoDefinition) {
		t.Errorf("unknown label: %v", err)
	}
}
