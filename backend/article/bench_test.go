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
