package library

import (
	"testing"
	"time"

	"copydesk/backend/profile"
	"copydesk/backend/site/samples"
)

func BenchmarkDerive(b *testing.B) {
	l := &Library{profile: profile.Default(), now: time.Now}
	texts := make([][]byte, 100)
	for i := range texts {
		texts[i] = samples.Article(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.derive(texts[i%len(texts)])
	}
}
