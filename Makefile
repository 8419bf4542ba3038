# zconsole: build, test and check. `make help` lists the targets; docs/testing.md says
# what each check proves and how to see it fail.

GO      ?= go
SIM     := -tags zconsolesim
TIMEOUT := -timeout 10m
# The benchmark module (bench/, a module of its own): each check that covers the library
# covers it too, where it has something to check.
BENCHGO := $(GO) -C bench

# Pinned tools and the Debian packages the checks install when they are missing.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
ZOS_DEBS    := clang-19
S390X_DEBS  := qemu-user-static gcc-s390x-linux-gnu libc6-dev-s390x-cross

# How long each fuzz target runs in `make fuzz` and in `make check`, and how long
# `make stress` runs TestStress (every test run runs it for 2s).
FUZZTIME   ?= 1m
FUZZ_SMOKE ?= 10s
STRESS     ?= 60s

.PHONY: help demo e2e mutants bench bench-report test check fmt vet staticcheck check-c check-zos race asan \
	test-s390x fuzz fuzz-smoke stress install-tools

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

demo: ## the demo started task on the simulator, scripted operator: a STOP, then an idle timeout
	$(GO) build $(SIM) -o bin/demo ./cmd/demo
	bin/demo -script testdata/operator/stop.txt
	bin/demo -script testdata/operator/idle.txt

e2e: ## the demo's end-to-end tests: build it, run it with each operator script
	$(GO) test $(SIM) -count=1 -run '^TestDemo|^TestOperatorAtConsole' -v ./cmd/demo

mutants: ## each check's documented failing change, made in a scratch copy of HEAD: the check must fail (about 4 min)
	$(GO) run scripts/mutants/main.go

bench: ## every benchmark beside its baseline in the same run: bench/benchmarks.txt (benchstat) and BENCHMARKS.md (about 9 min)
	GO=$(GO) bench/bench.sh

bench-report: ## BENCHMARKS.md again from the bench/benchmarks.txt there is, measuring nothing
	GO=$(GO) bench/bench.sh -report

test: ## the tests, library and benchmark module: simulator build, then the build without a console
	$(GO) test $(SIM) $(TIMEOUT) -count=1 ./...
	$(GO) test $(TIMEOUT) -count=1 ./...
	$(BENCHGO) test $(SIM) $(TIMEOUT) -count=1 ./...
	$(BENCHGO) test $(TIMEOUT) -count=1 ./...

# The parts of `make check`, in the order they run: quick and likely to fail first.
CHECKS := fmt vet staticcheck check-c check-zos test race asan test-s390x fuzz-smoke mutants

check: ## everything CI runs: each of CHECKS in turn, timed; stops at the first failure
	@for part in $(CHECKS); do \
		start=$$(date +%s); \
		$(MAKE) --no-print-directory $$part || { echo "check: $$part FAILED"; exit 1; }; \
		echo "check: $$part passed in $$(($$(date +%s) - start))s"; \
	done

fmt: ## gofmt finds nothing to change
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet: ## go vet for every build, library and benchmark module: simulator, no console, no cgo
	$(GO) vet $(SIM) ./...
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) vet $(SIM) ./...
	CGO_ENABLED=0 $(GO) vet ./...
	$(BENCHGO) vet $(SIM) ./...
	$(BENCHGO) vet ./...
	CGO_ENABLED=0 $(BENCHGO) vet $(SIM) ./...
	CGO_ENABLED=0 $(BENCHGO) vet ./...

staticcheck: ## staticcheck (pinned) over the simulator build and the build without a console, both modules
	$(GO) run $(STATICCHECK) $(SIM) ./...
	$(GO) run $(STATICCHECK) ./...
	$(BENCHGO) run $(STATICCHECK) $(SIM) ./...
	$(BENCHGO) run $(STATICCHECK) ./...

check-c: ## the C the simulator build compiles, benchmark module's too, warnings as errors, with the host compiler
	$(CC) -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic -Werror -fsyntax-only \
		$$($(GO) list $(SIM) -f '{{range .CFiles}}{{$$.Dir}}/{{.}} {{end}}' ./...) \
		$$($(BENCHGO) list $(SIM) -f '{{range .CFiles}}{{$$.Dir}}/{{.}} {{end}}' ./...)

check-zos: ## every C file z/OS builds, compiled for s390x-ibm-zos by clang 19, -Werror
	scripts/install-debs.sh $(ZOS_DEBS)
	scripts/check-zos.sh

race: ## the simulator tests under the race detector, both modules; a user's kind of program tested 50 times in a row
	$(GO) test $(SIM) $(TIMEOUT) -race -count=1 ./...
	$(GO) test $(SIM) $(TIMEOUT) -race -count=50 -run '^TestHelloProgram$$' ./zconsole/sim/
	$(BENCHGO) test $(SIM) $(TIMEOUT) -race -count=1 ./...

asan: ## the simulator tests under AddressSanitizer, C and Go, both modules (CC: gcc 12 or clang 19)
	$(GO) test $(SIM) $(TIMEOUT) -asan -count=1 ./...
	$(BENCHGO) test $(SIM) $(TIMEOUT) -asan -count=1 ./...

test-s390x: ## the whole suite, both modules, on big-endian linux/s390x, under qemu-s390x-static
	scripts/install-debs.sh $(S390X_DEBS)
	scripts/test-s390x.sh

fuzz: ## every fuzz target in scripts/fuzz-targets.txt for FUZZTIME each
	scripts/fuzz.sh $(FUZZTIME)

fuzz-smoke: ## every fuzz target for FUZZ_SMOKE each
	scripts/fuzz.sh $(FUZZ_SMOKE)

stress: ## TestStress and TestStressFaults for STRESS each, under the race detector
	ZCONSOLE_STRESS=$(STRESS) $(GO) test $(SIM) -race -count=1 -timeout 30m -run '^TestStress(Faults)?$$' -v ./zconsole

install-tools: ## install what the checks need on a fresh Debian machine (idempotent)
	scripts/install-debs.sh $(ZOS_DEBS) $(S390X_DEBS)
