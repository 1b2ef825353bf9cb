// Command copydesk-samples writes N sample articles in house style into a
// folder (for the import benchmark against Hugo).
//
//	go run ./backend/site/samples/cmd/copydesk-samples -n 10000 -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"copydesk/backend/site/samples"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "", "folder to write into (created)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "copydesk-samples: -out DIR is required")
		os.Exit(2)
	}
	for i := 0; i < *n; i++ {
		dir := filepath.Join(*out, fmt.Sprintf("%02d", i%100))
		if i < 100 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				fmt.Fprintln(os.Stderr, "copydesk-samples:", err)
				os.Exit(1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%05d.md", i)), samples.Article(i), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "copydesk-samples:", err)
			os.Exit(1)
		}
	}
}
