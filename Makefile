# newsdigest: `make` builds, `make demo` runs the main job on examples/,
# `make check` runs every test (also under ASan+UBSan). See README.md.

BUILD   ?= build
CC      ?= cc
PKGS    := libutf8proc zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wvla -Wformat=2 -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
              -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS) $(SANFLAGS)
# myhtml (Debian's libmodest) ships no pkg-config file. The libraries of
# our own dependencies are linked in statically: loading and relocating
# their shared objects cost about 0.45 of the 1.2 ms that starting the
# process took, paid by every run however small its input. libc, libm and
# libpthread stay shared (a static libc cannot load iconv's converters).
LDLIBS  := -Wl,-Bstatic $(PKG_LIBS) -lmodest -lstemmer -Wl,-Bdynamic \
           -lm -pthread
# The program is linked at a fixed address: as a position-independent
# executable, the loader patched some 16,000 pointers in the HTML parser's
# tables at every start, writing (and so copying) their pages, about a
# fifth of the start-up time. The library's objects stay position-
# independent.
BIN_LDFLAGS := -no-pie

LIB_SRC := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libnewsdigest.a
BIN     := $(BUILD)/newsdigest

TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz/%)
# The scorers of make eval-extract, eval-rouge-check, eval-copies,
# eval-cluster and eval-facts, and the code they share.
EVAL_LIB_SRC := tools/eval/extract_score.c tools/eval/eval_input.c \
                tools/eval/rouge.c tools/eval/copy_pairs.c \
                tools/eval/cluster_score.c tools/eval/facts_score.c
EVAL_LIB_OBJ := $(EVAL_LIB_SRC:%.c=$(BUILD)/%.o)
EVAL_BIN := $(BUILD)/tools/score_aeb $(BUILD)/tools/score_snippets \
            $(BUILD)/tools/score_rouge $(BUILD)/tools/score_copies \
            $(BUILD)/tools/copy_jaccard $(BUILD)/tools/score_cluster \
            $(BUILD)/tools/make_pile $(BUILD)/tools/score_facts

.PHONY: all deps demo check test test-unit test-cli test-fuzz test-san \
        test-tools eval-copies eval-cluster eval-facts bench-facts \
        fuzz clean bench-digest bench-extract eval-extract eval-rouge-check \
        eval-summary bench-summary eval-reuse bench-dedup bench-cluster

all: $(BIN)

# `make V=1` shows the full compiler lines.
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(BIN_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/*.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(TEST_CFLAGS) -o $@ $< \
	  $(TEST_EXTRA) $(LIB) $(LDLIBS) -lcmocka

# Fuzz targets built with a replay driver: `make check` feeds them the seed
# corpus; `make fuzz` (clang) runs libFuzzer on them.
$(BUILD)/fuzz/%: fuzz/%.c fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< fuzz/replay.c $(LIB) $(LDLIBS)

deps:
	@scripts/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) digest --format md examples/

test-unit: $(TEST_BIN)
	@COUNTS=$(COUNTS) scripts/run-unit-tests.sh $(TEST_BIN)

test-cli: $(BIN)
	@COUNTS=$(COUNTS) tests/cli/run.sh $(BIN)

test-fuzz: $(FUZZ_REPLAY)
	@for f in $(FUZZ_REPLAY); do \
	  n=$$(basename $$f); $$f fuzz/corpus/$${n#fuzz_} || exit 1; \
	done; n=$$(echo $(FUZZ_REPLAY) | wc -w); \
	echo "fuzz replay: $$n passed, 0 failed"; \
	[ -z "$(COUNTS)" ] || echo "fuzz: $$n passed, 0 failed" >>"$(COUNTS)"

# A corpus of articles with known near-copies, rewrites and duplicates
# (tools/gencorpus.c says how), the input of eval-copies, bench-dedup and
# bench-cluster.
GENCORPUS := $(BUILD)/tools/gencorpus
$(GENCORPUS): tools/gencorpus.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# The tools' own checks (tests/tools/).
test-tools: $(GENCORPUS) $(BIN) $(BUILD)/tools/make_pile \
            $(BUILD)/tools/score_cluster
	@COUNTS=$(COUNTS) tests/tools/gencorpus.sh $(GENCORPUS) $(BIN)
	@COUNTS=$(COUNTS) tests/tools/make_pile.sh $(BUILD)/tools/make_pile \
	  $(BUILD)/tools/score_cluster

test: $(EVAL_BIN) test-unit test-cli test-fuzz test-tools

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-san:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/san CFLAGS="-O1 -g" \
	  SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  test

# Counts of every suite, plain and sanitized, add up to the last line.
# Everything stays under $(BUILD), so that `make BUILD=build/me check` runs
# beside another check without sharing files with it.
check: deps
	@mkdir -p $(BUILD) && rm -f $(BUILD)/check-counts
	@$(MAKE) --no-print-directory \
	  COUNTS=$(CURDIR)/$(BUILD)/check-counts test
	@$(MAKE) --no-print-directory \
	  COUNTS=$(CURDIR)/$(BUILD)/check-counts test-san
	@echo "all suites, plain and under ASan+UBSan:"
	@awk '{ p += $$(NF-3); f += $$(NF-1) } \
	  END { printf "check: %d passed, %d failed\n", p, f }' \
	  $(BUILD)/check-counts

# New inputs go to build/libfuzzer/corpus-NAME; the shipped seeds stay as
# they are. Copy a crash reproducer into fuzz/corpus/NAME once fixed.
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/deps.sh clang
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  mkdir -p build/libfuzzer/corpus-$$n && \
	  clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	    -fsanitize=fuzzer,address,undefined -Iinclude -Isrc $(PKG_CFLAGS) \
	    -o build/libfuzzer/$$n $$f $(LIB_SRC) $(LDLIBS) && \
	  build/libfuzzer/$$n -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
	    build/libfuzzer/corpus-$$n fuzz/corpus/$${n#fuzz_} || exit 1; done

SEEDS ?= ../shared/seeds
# Wall time and memory of the main job on the shipped examples and, when
# present, the seed articles; `newsdigest --version` shows the floor that
# starting the process (and loading its libraries) costs.
TIMEIT := $(BUILD)/tools/timeit
$(TIMEIT): tools/timeit.c tools/bench_time.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $<

bench-digest: $(BIN) $(TIMEIT)
	@TIMEIT=$(TIMEIT) scripts/bench.sh "startup" - -- $(BIN) --version
	@TIMEIT=$(TIMEIT) scripts/bench.sh "digest examples" examples -- \
	  $(BIN) digest --format json examples
	@if [ -d $(SEEDS) ]; then TIMEIT=$(TIMEIT) scripts/bench.sh "digest seeds" $(SEEDS) -- \
	  $(BIN) digest --format json $(SEEDS); fi

# Pages/s and MB/s of `clean` on the AEB pages (median of RUNS runs, peak
# memory), the same pages REPEAT times in one process, and the split of one
# process's time between reading, cleaning and writing. Not part of check.
EXTRACT_DATA ?= ../shared/data/extract/aeb
$(BUILD)/tools/bench_extract: tools/bench_extract.c tools/bench_time.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench-extract: $(BIN) $(BUILD)/tools/bench_extract
	@scripts/bench-extract.sh $(BIN) $(BUILD)/tools/bench_extract \
	  $(EXTRACT_DATA)

# Extraction quality on the AEB and trafilatura-eval sets beside the
# published numbers of other extractors, scored by our ports of the two
# benchmarks' scorers (tools/eval/); fails when the port no longer
# reproduces the published peer scores. Not part of check.
EVAL_DATA ?= ../shared/data/extract

$(EVAL_BIN): $(BUILD)/tools/%: $(BUILD)/tools/eval/%.o $(EVAL_LIB_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(EVAL_LIB_OBJ) $(LIB) $(LDLIBS)

# The scorers' unit tests link their scoring code.
EVAL_TESTS := $(BUILD)/tests/test_extract_score $(BUILD)/tests/test_rouge \
              $(BUILD)/tests/test_score_copies \
              $(BUILD)/tests/test_cluster_score \
              $(BUILD)/tests/test_facts_score
$(EVAL_TESTS): TEST_CFLAGS := -Itools
$(EVAL_TESTS): TEST_EXTRA := $(EVAL_LIB_OBJ)
$(EVAL_TESTS): $(EVAL_LIB_OBJ)

eval-extract: $(BIN) $(EVAL_BIN)
	@scripts/eval-extract.sh $(BIN) $(BUILD)/tools $(EVAL_DATA)

# Our ROUGE scorer (tools/eval/rouge.c) against the per-cluster scores of
# the original ROUGE-1.5.5 on DUC 2004 (all 750 rows must agree within
# 0.0005), then the published systems' means beside SOURCE.md's table.
# Stemming needs WordNet's exception lists (wordnet-base). Not part of check.
SUMM_DATA ?= ../shared/data/summ/duc2004-dev
eval-rouge-check: $(BUILD)/tools/score_rouge
	@scripts/deps.sh wordnet-base
	@scripts/eval-rouge-check.sh $(BUILD)/tools/score_rouge $(SUMM_DATA)

# Summary quality: `newsdigest summarize` on each DUC 2004 dev cluster (100
# words) and DUC 2006 cluster (250 words), scored by our ROUGE beside the
# published systems scored the same way, after checking that the scorer
# still reproduces ROUGE-1.5.5's rows. EVAL_OUT=DIR keeps the summaries.
# Not part of check.
SUMM2006_DATA ?= ../shared/data/summ/duc2006
eval-summary: $(BIN) $(BUILD)/tools/score_rouge
	@scripts/deps.sh wordnet-base
	@scripts/eval-summary.sh $(BIN) $(BUILD)/tools/score_rouge \
	  $(SUMM_DATA) $(SUMM2006_DATA)

# Near-copy detection on the 1,500 real DUC articles plus copies, rewrites
# and duplicates derived from them (fixed seed, under $(BUILD)/eval-copies):
# `newsdigest dedup` scored as pairs beside the target and datasketch's
# figures, and the Jaccard spread of copies and non-copies (see
# scripts/eval-copies.sh). Not part of check.
eval-copies: $(BIN) $(GENCORPUS) $(BUILD)/tools/score_copies \
             $(BUILD)/tools/copy_jaccard
	@scripts/eval-copies.sh $(BIN) $(BUILD)/tools $(SUMM_DATA) \
	  $(SUMM2006_DATA) $(BUILD)/eval-copies

# Story clustering quality: `newsdigest cluster` on an events dev pile
# (the 250 articles of 25 news events in SUMM_DATA, shuffled by make_pile
# into build/eval-cluster), the DUC 2006 pile (1,250 articles of 50
# topics, shuffled) and the UCI headlines (6,366 in 87 stories, fed in
# date order), scored by score_cluster: pairwise and B-cubed P/R/F1 and
# adjusted Rand index, each undated pile in 3 more orders, then one table
# (see scripts/eval-cluster.sh). Not part of check.
CLUSTER_DATA ?= ../shared/data/cluster
eval-cluster: $(BIN) $(BUILD)/tools/score_cluster $(BUILD)/tools/make_pile
	@scripts/eval-cluster.sh $(BIN) $(BUILD)/tools/score_cluster \
	  $(BUILD)/tools/make_pile $(CLUSTER_DATA) $(SUMM_DATA) \
	  $(BUILD)/eval-cluster

# Quotes, entities and facts: for each story of our gold sets
# (eval/facts/: examples.jsonl over examples/, duc2004-dev*.jsonl over
# SUMM_DATA when it is there), `newsdigest clean --out` its articles and
# `newsdigest facts --format json` its input, scored by score_facts
# (docs/facts-gold.md): quotes, entities and facts P/R/F1 per kind,
# speaker accuracy, merge precision and recall, then the issue's targets
# (see scripts/eval-facts.sh). Kept under build/eval-facts. Not part of
# check.
eval-facts: $(BIN) $(BUILD)/tools/score_facts
	@scripts/eval-facts.sh $(BIN) $(BUILD)/tools/score_facts \
	  $(BUILD)/eval-facts $(SUMM_DATA)

# Time and peak memory of `newsdigest summarize` on one core for stories
# of 10, 50 and 500 articles built at run time from the DUC data (see
# scripts/bench-summary.sh), beside the summary issue's targets, and the
# process startup floor. Not part of check.
bench-summary: $(BIN) $(TIMEIT)
	@TIMEIT=$(TIMEIT) scripts/bench-summary.sh $(BIN) $(SUMM_DATA) $(SUMM2006_DATA)

# Paraphrase scoring on the MSRP training pairs: accuracy and F1 of the
# shipped weights, 10-fold cross-validation of the model (the estimate to
# quote) beside a tuned stem-Jaccard threshold, and the time taken (see
# scripts/eval-reuse.sh). Not part of check.
REUSE_DATA ?= ../shared/data/reuse/msrp-train
REUSE_TOOLS := $(BUILD)/tools/fit_similar $(BUILD)/tools/msrp_tsv
$(BUILD)/tools/fit_similar: tools/fit_similar.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)
$(BUILD)/tools/msrp_tsv: tools/eval/msrp_tsv.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

eval-reuse: $(BIN) $(REUSE_TOOLS) $(TIMEIT)
	@scripts/deps.sh wordnet-base
	@scripts/eval-reuse.sh $(BIN) $(BUILD)/tools $(REUSE_DATA)

# Near-copy detection at 10k, 100k and 1M synthetic articles: the copy
# index's articles/s on one core (adds only, median of RUNS), bytes per
# article, peak RSS and near-copy pair precision/recall against the
# generator's gold, then `newsdigest index add` end to end at 10k and at
# 1M in 100 files (see scripts/bench-dedup.sh). Corpora are cached in
# $(BUILD)/corpus. Not part of check.
$(BUILD)/tools/bench_dedup: tools/bench_dedup.c tools/bench_time.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench-dedup: $(BIN) $(BUILD)/tools/bench_dedup $(TIMEIT)
	@scripts/bench-dedup.sh $(BIN) $(BUILD)/tools/bench_dedup $(TIMEIT) \
	  $(BUILD)

# Story clustering at 10k, 100k and 1M synthetic articles in a stream of
# stories that start and end (gencorpus --stream): the story index's
# articles/s on one core (adds only, median of RUNS), peak RSS, its bytes
# and live stories through the run, stories made, merged and expired, and
# B-cubed P/R/F1 against the generator's topics; then `newsdigest
# cluster` end to end at 10k (see scripts/bench-cluster.sh). Corpora are
# cached in $(BUILD)/corpus. Not part of check.
BENCH_CLUSTER := $(BUILD)/tools/bench_cluster
$(BENCH_CLUSTER): tools/bench_cluster.c tools/bench_time.h \
                  $(BUILD)/tools/eval/cluster_score.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/tools/eval/cluster_score.o \
	  $(LIB) $(LDLIBS)

bench-cluster: $(BIN) $(BENCH_CLUSTER) $(GENCORPUS) $(TIMEIT) \
               $(BUILD)/tools/score_cluster
	@scripts/bench-cluster.sh $(BIN) $(BENCH_CLUSTER) $(TIMEIT) \
	  $(BUILD)/tools/score_cluster $(BUILD)

# Time of the facts stage alone (nd_facts_story, after the articles are
# analysed) on one core for a 50-article story: near-copies and rewrites
# of the examples' event made by gencorpus, and, when SUMM_DATA is there,
# the first five DUC 2004 dev clusters taken as one story; median of RUNS
# runs, peak memory, beside the issue's target (see
# scripts/bench-facts.sh). Not part of check.
BENCH_FACTS := $(BUILD)/tools/bench_facts
$(BENCH_FACTS): tools/bench_facts.c tools/bench_time.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

bench-facts: $(BIN) $(BENCH_FACTS) $(GENCORPUS)
	@scripts/bench-facts.sh $(BIN) $(BENCH_FACTS) $(GENCORPUS) \
	  $(SUMM_DATA) $(BUILD)/bench-facts

# make check builds the bench and fitting tools too, which nothing else
# there runs, so that none stops building unseen.
test: $(TIMEIT) $(BUILD)/tools/bench_extract $(REUSE_TOOLS) \
      $(BUILD)/tools/bench_dedup $(BENCH_CLUSTER) $(BENCH_FACTS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(EVAL_LIB_OBJ:.o=.d) \
  $(EVAL_BIN:$(BUILD)/tools/%=$(BUILD)/tools/eval/%.d)
