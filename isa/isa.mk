# The instruction table's generated files (isa/): included by the main Makefile.
#
#   make isa-plan        regenerate the raw decoder's plan, isa/generated/raw-plan-power9.ts
#                        (isa/raw-plan.ts; rewritten only when it changes), then rebuild
#   make isa-plan-check  fail when the committed plan differs from what the table gives
#
ISA_PLANS    := isa/generated/raw-plan-power9.ts
ISA_PLAN_GEN  = $(NODE) dist/isa/tools/gen-raw-plan.js

.PHONY: isa-plan isa-plan-check
isa-plan: build
	for f in $(ISA_PLANS); do $(ISA_PLAN_GEN) $$f || exit 1; done
	$(MAKE) build

isa-plan-check: build
	for f in $(ISA_PLANS); do $(ISA_PLAN_GEN) --check $$f || exit 1; done

# CI runs `make test`: a stale committed plan fails it.
test: isa-plan-check
