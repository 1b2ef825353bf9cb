package article

import "testing"

func BenchmarkParse(b *testing.B) {
	text := fixture(b, "house.md") // about 6.6 KB, shaped like the reference article
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseReference(b *testing.B) {
	text := seedArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetString(b *testing.B) {
	text := fixture(b, "house.md")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SetString(text, "title", "算力租赁：新的标题", houseOrder); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetList(b *testing.B) {
	text := fixture(b, "house.md")
	items := []string{"算力租赁", "数据中心", "云计算", "电力", "二手GPU"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SetList(text, "tags", items, houseOrder); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenumber(b *testing.B) {
	text := fixture(b, "house.md")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Renumber(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCount(b *testing.B) {
	body := mustParse(b, fixture(b, "house.md")).Body()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Count(body)
	}
}

// BenchmarkParseHugeParagraph guards reference offsets in one long paragraph:
// 40,000 lines took 2.7 s when they were found by a backwards scan.
func BenchmarkParseHugeParagraph(b *testing.B) {
	text := []byte(hugeParagraph(40000))
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileInput guards the scanners' linear time on inputs that once
// made them quadratic (unclosed links, comments, backtick runs).
func BenchmarkHostileInput(b *testing.B) {
	for _, body := range hostileBodies {
		text := []byte(body)
		b.Run(body[:4], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Count(text)
				if _, err := Parse(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
