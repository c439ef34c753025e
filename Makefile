# ppc64 toolchain: thin wrappers over the TypeScript tools (no logic that tests cannot run).
#
#   make run    the main job
#   make test   every test (installs npm packages and the GNU/qemu oracles when missing)
#
SHELL := /bin/bash
NODE  ?= node
TS_SOURCES := $(shell find common elf isa assembler linker offsets simulator disassembler scripts kvm-asm -name '*.ts' ! -name '*.test.ts' 2>/dev/null)

.PHONY: all deps setup build test run bench bench-cpp bench-as bench-ld bench-sim fuzz-isa typecheck clean

.DEFAULT_GOAL := all
all: build

# npm packages, installed when missing or when package-lock.json changed.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@
deps: node_modules/.package-lock.json

# Debian packages the tests use as oracles (skips what is present).
setup:
	bash scripts/setup-deps.sh

# tsc, then each tool bundled into one file with a V8 code cache (scripts/bundle.ts) for bin/.
dist/.stamp: node_modules/.package-lock.json tsconfig.json $(TS_SOURCES)
	npx tsc -p tsconfig.json
	$(NODE) dist/scripts/bundle.js
	@touch $@
build: dist/.stamp

# Types of everything, tests included (the build itself leaves tests to vitest).
typecheck: deps
	npx tsc -p tsconfig.test.json

test: deps setup build typecheck
	npx vitest run

# The main job (see README).
run: deps setup build
	bash scripts/run-main.sh

bench: bench-cpp bench-as bench-ld bench-sim

bench-as: deps setup build
	$(NODE) dist/scripts/bench-as.js

bench-cpp: deps setup build
	$(NODE) dist/assembler/cpp/bench.js 1000000 --check

clean:
	rm -rf dist build

# Each area keeps its own targets in a fragment beside its code.
-include offsets/offsets.mk
-include isa/isa.mk
-include kvm-asm/kvm.mk
-include simulator/simulator.mk

bench-ld: deps setup build
	$(NODE) dist/linker/bench.js

fuzz-isa: deps setup build
	$(NODE) dist/scripts/fuzz-isa.js
