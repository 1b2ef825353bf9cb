# Copydesk: `make run` starts the app, `make test` runs every test.
# Both install what is missing first (Debian packages, npm packages, Go modules).

GO_TAGS      := sqlite_fts5
DESKTOP_TAGS := desktop,production,webkit2_41,sqlite_fts5
BIN          := build/bin/copydesk
FRONTEND_SRC := $(shell find frontend/src frontend/wailsjs frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)
GO_SRC       := $(shell find . \( -name '*.go' -o -name '*.c' \) -not -path './frontend/*' 2>/dev/null) go.mod go.sum
# The version and commit stamped into the binary (`copydesk version`), from git.
VERSION      := $(shell scripts/version.sh)
COMMIT       := $(shell scripts/version.sh --commit)
LDFLAGS      := -w -s -X copydesk/backend/version.Version=$(VERSION) -X copydesk/backend/version.Commit=$(COMMIT)

.PHONY: run build deps frontend test test-go test-bindings test-frontend test-e2e test-desktop fmt bench clean package test-package

run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		exec $(BIN); \
	else \
		echo "No display found: starting the browser face instead. Open the address printed below."; \
		exec $(BIN) serve; \
	fi

build: $(BIN)

deps: frontend/node_modules/.installed
	@scripts/bootstrap.sh
	@go mod download

frontend/node_modules/.installed: frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SRC)
	cd frontend && npm run build

frontend: frontend/dist/index.html

# .version-stamp changes when the version does, so a new commit or tag relinks.
# A position-independent executable, as Debian builds every binary (ASLR).
$(BIN): deps frontend/dist/index.html $(GO_SRC) build/bin/.version-stamp
	@mkdir -p build/bin
	go build -tags $(DESKTOP_TAGS) -buildmode=pie -ldflags "$(LDFLAGS)" -o $(BIN) .

build/bin/.version-stamp: FORCE
	@mkdir -p build/bin
	@echo "$(VERSION) $(COMMIT)" | cmp -s - $@ || echo "$(VERSION) $(COMMIT)" >$@

FORCE:

test: deps build test-go test-bindings test-frontend test-e2e test-desktop test-package
	@echo "make test: all suites passed"

test-go:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^frontend/')); \
		if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	go vet -tags $(GO_TAGS) ./...
	HUGO=$$(scripts/tools.sh hugo) go test -race -tags $(GO_TAGS) ./...

# The generated bindings are committed; regenerating them must change nothing.
test-bindings:
	scripts/check-bindings.sh

test-frontend: frontend/node_modules/.installed
	cd frontend && npm run check
	cd frontend && npm test

test-e2e: $(BIN)
	cd frontend && HUGO=$$(../scripts/tools.sh hugo) COPYDESK_BIN=$(abspath $(BIN)) npx playwright test

test-desktop: $(BIN)
	scripts/desktop-test.sh $(BIN)

# The Debian package: build/bin/copydesk_<version>-1_<arch>.deb (scripts/package.sh).
package: $(BIN)
	@scripts/package.sh $(BIN)

# Builds the package, installs it with apt, runs the installed app, validates its
# metadata, removes it and checks nothing is left (needs root or sudo).
test-package: $(BIN)
	scripts/package-test.sh

bench:
	go test -tags $(GO_TAGS) -run '^$$' -bench . -benchmem ./backend/...

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '^frontend/')

clean:
	rm -rf build/bin test-output
	find frontend/dist -mindepth 1 -not -name .gitkeep -delete
