# asm-offsets generator (offsets/): included by the main Makefile.
#
#   make offsets        regenerate offsets/generated/asm-offsets.h (rewritten only when it changes)
#   make offsets-check  fail when the committed header differs from what the declarations give
#
OFFSETS_DECLS   := offsets/asm-offsets.c
OFFSETS_INCLUDE := offsets/include
OFFSETS_HEADER  := offsets/generated/asm-offsets.h
OFFSETS_CLI      = $(NODE) bin/ppc64-offsets.js generate $(OFFSETS_DECLS) -I $(OFFSETS_INCLUDE) -o $(OFFSETS_HEADER)

.PHONY: offsets offsets-check
offsets: build
	$(OFFSETS_CLI)

offsets-check: build
	$(OFFSETS_CLI) --check

# CI runs `make test`: a stale committed header fails it.
test: offsets-check
