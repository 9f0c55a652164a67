# journeyjs — run and test PingOne AIC next-generation journey scripts anywhere.
GO        ?= go
BIN       := bin/journeyjs
PKGS      := ./...
STATICCHECK_VERSION := v0.8.2

.PHONY: all build demo test sdk-deps bench bench-instructions bench-ratio lint fmt vet staticcheck clean conformance conformance-deps conformance-run

all: build

build:
	$(GO) build -o $(BIN) ./cmd/journeyjs

## demo: run the bundled example scripts and show their outcomes.
demo: build
	@echo "== journeyjs run scripts/risk-decision.js (a risky login: unknown country)"
	@./$(BIN) run scripts/risk-decision.js --fixtures scripts/risk-decision.fixtures.yaml
	@echo
	@echo "== the same script, JSON output"
	@./$(BIN) run scripts/risk-decision.js --fixtures scripts/risk-decision.fixtures.yaml --format json
	@echo "== journeyjs run scripts/issue-credential.js (a PingOne credential to a paired wallet, local PingOne)"
	@./$(BIN) run scripts/issue-credential.js --fixtures scripts/issue-credential.fixtures.yaml
	@echo
	@echo "== journeyjs run scripts/ask-name.js (a script that sends callbacks; the replies answer them on a second pass)"
	@./$(BIN) run scripts/ask-name.js --replies scripts/ask-name.replies.yaml
	@echo
	@echo "== journeyjs run scripts/verify-identity.js (context verify-completion: reads the user's PingOne Verify result)"
	@./$(BIN) run scripts/verify-identity.js --fixtures scripts/verify-identity.fixtures.yaml
	@echo
	@echo "== journeyjs run scripts/device-match.js (context device-match: a known device from deviceProfilesDao)"
	@./$(BIN) run scripts/device-match.js --fixtures scripts/device-match.fixtures.yaml
	@echo
	@echo "== journeyjs run scripts/config-provider.js (context config-provider: configures a Message node through 'config')"
	@./$(BIN) run scripts/config-provider.js --fixtures scripts/config-provider.fixtures.yaml
	@echo
	@echo "== journeyjs run scripts/library-greeting.js (context library: scripts/lib/greetings.js, required by a decision script)"
	@./$(BIN) run scripts/library-greeting.js --fixtures scripts/library-greeting.fixtures.yaml
	@echo
	@echo "== journeyjs run scripts/cached-token.js (cacheManager: the cache loader fetches the token once)"
	@./$(BIN) run scripts/cached-token.js --fixtures scripts/cached-token.fixtures.yaml
	@echo
	@echo "== journeyjs journey testdata/journeys/IssueVerifiedCredential.journey.json (sign in, check PingOne Verify, issue the credential)"
	@./$(BIN) journey testdata/journeys/IssueVerifiedCredential.journey.json --answers testdata/journeys/IssueVerifiedCredential.answers.yaml --fixtures testdata/journeys/IssueVerifiedCredential.fixtures.yaml
	@echo
	@echo "== journeyjs journey testdata/journeys/interactive-login.journey.json (username, password, then a script's own callbacks; the answers file stands in for the person)"
	@./$(BIN) journey testdata/journeys/interactive-login.journey.json --answers testdata/journeys/interactive-login.answers.yaml --fixtures testdata/journeys/interactive-login.fixtures.yaml
	@echo "   serve it to a real client (curl, a login UI, the ForgeRock SDKs: see README):"
	@echo "   ./$(BIN) journey serve testdata/journeys/interactive-login.journey.json --fixtures testdata/journeys/interactive-login.fixtures.yaml"
	@echo && echo "== journeyjs test scripts (the example scripts' test cases: *.test.yaml)" && ./$(BIN) test scripts

## test: every test, with the race detector: one line per package as it
## finishes. The fuzz targets' seed corpora run as ordinary tests; fuzzing
## itself, whose findings depend on time and luck, is `make fuzz`. The
## ForgeRock SDK test (cmd/journeyjs/sdk_test.go) needs the npm packages of
## testdata/sdk: sdk-deps installs them first.
test: sdk-deps conformance-deps
	@echo "== go test -race ./... (each package's line appears as it finishes)"
	$(GO) test -race -count=1 $(PKGS)
	@echo "== make conformance (journeyjs against AIC's Rhino: the corpus and a short fuzz)"
	@$(MAKE) --no-print-directory conformance-run

## sdk-deps: the SDK test's npm packages, exactly as the lock file pins them
## (npm ci), when node_modules is missing or older than the lock file.
SDK_DIR := testdata/sdk
sdk-deps: $(SDK_DIR)/node_modules/.package-lock.json
$(SDK_DIR)/node_modules/.package-lock.json: $(SDK_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(SDK_DIR) --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found: the ForgeRock SDK test will be skipped"; \
	fi

## fuzz: each fuzz target for FUZZTIME, one after the other. Seeds live in
## each package's testdata/fuzz/FuzzXxx; failures found are added there.
FUZZTIME ?= 5s
FUZZ_TARGETS := \
	./fixtures:FuzzParse \
	./emulator/idm:FuzzParseFilter \
	./emulator/pingone/card:FuzzSVG \
	./journey:FuzzParse \
	./journey:FuzzParseAnswers \
	./harness:FuzzParse \
	./bindings/jsvalue:FuzzParseJSON \
	./runtime:FuzzHostileBuiltins
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "== $$fn ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done

## bench: the benchmarks of BENCHMARKS.md: the runtime (bare goja floor,
## pooled, parallel, cold, memory per runtime, compile cache) and the
## credential-issuing script against the in-process PingOne platform.
BENCHCOUNT ?= 1
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=$(BENCHCOUNT) ./runtime/ ./scripts/

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet $(PKGS)

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $(PKGS)

## lint: gofmt, go vet and staticcheck must all be clean.
lint: vet staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }

clean:
	rm -rf bin .journeyjs

## bench-instructions: instructions per op (callgrind), independent of machine load.
bench-instructions:
	./tools/bench-instructions.sh

## bench-ratio: the pooled/floor ratio as the median of PAIRS back-to-back pairs.
bench-ratio:
	./tools/bench-ratio.sh

## conformance: run conformance/probes through journeyjs and through the Rhino
## oracle (Rhino 1.7.14 configured as AIC), then a short differential fuzz
## (200 generated programs, fixed seed); fails on a difference not listed in
## conformance/KNOWN-DIFFERENCES.md. Installs rhino, librhino-java and a
## headless JDK with apt-get when missing; where they cannot be installed it
## says plainly that conformance did not run. `make test` runs it too.
## CONFORMANCE_FLAGS: e.g. -v, -run const, -bench 5, -fuzz 1000.
CONFORMANCE_FLAGS ?=
conformance: conformance-deps conformance-run
conformance-deps:
	@./tools/conformance-deps.sh
conformance-run:
	@$(GO) build -o bin/conformance ./conformance/cmd/conformance
	@./bin/conformance $(CONFORMANCE_FLAGS)
