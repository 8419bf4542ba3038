# zconsole: build, test and check. `make help` lists the targets.

GO      ?= go
SIM     := -tags zconsolesim
TIMEOUT := -timeout 10m

.PHONY: help demo test check fmt vet race check-c

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

demo: ## run the demo started task on the simulator, with a scripted operator
	$(GO) run $(SIM) ./cmd/demo

test: ## the tests: simulator build, then the build without a console
	$(GO) test $(SIM) $(TIMEOUT) -count=1 ./...
	$(GO) test $(TIMEOUT) -count=1 ./...

check: fmt vet check-c test race ## everything CI runs

fmt: ## gofmt finds nothing to change
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet: ## go vet for every build: simulator, no console, no cgo
	$(GO) vet $(SIM) ./...
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) vet $(SIM) ./...
	CGO_ENABLED=0 $(GO) vet ./...

race: ## the simulator tests under the race detector
	$(GO) test $(SIM) $(TIMEOUT) -race -count=1 ./...

check-c: ## the shared and simulator C, warnings as errors, with the host compiler
	$(CC) -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic -Werror -fsyntax-only \
		zconsole/c/protocol.c zconsole/c/svc_sim.c zconsole/c/sim_*.c
