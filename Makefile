# citegraph — build, test, install.
#
#   make deps     install the Debian packages needed to build and test (as root)
#   make          build ./citegraph, libcitegraph.a and libcitegraph.so
#   make check    build and run every test
#   make python   stage the Python module with the shared library (build/python)
#   make example  extract the citations of the bundled example corpus
#   make asan     build and test with AddressSanitizer + UBSan
#   make bench    extraction throughput beside ripgrep
#   make fuzz     run the libFuzzer targets (FUZZ_SECONDS each)

CC      ?= cc
PKGS    := yaml-0.1 igraph libgvc poppler-glib libxml-2.0 libzip uchardet
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -pedantic -Wstrict-prototypes -Wshadow \
           -Wno-unused-parameter -Werror
CPPFLAGS += -Iinclude -Isrc -D_DEFAULT_SOURCE
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lyaml)
LDLIBS  += $(PKG_LIBS) -lm -lpthread

PREFIX  ?= /usr/local
BUILD   ?= build

LIB_SRC := src/util.c src/text.c src/catalog.c src/lex.c src/extract.c src/graph.c src/export.c \
           src/records.c src/corpus.c src/rank.c \
           src/input.c src/encoding.c src/pdf.c src/docx.c src/html.c src/refcheck.c \
           src/draw.c src/report.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
CLI_SRC := $(wildcard src/cli/*.c)
CLI_OBJ := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)
TEST_SRC := $(wildcard tests/unit/*.c)

DEBIAN_PKGS := build-essential pkg-config libyaml-dev check libigraph-dev \
               libgraphviz-dev graphviz python3 python3-networkx python3-igraph \
               python3-yaml ripgrep valgrind clang python3-venv python3-setuptools \
               python3-dask python3-distributed libpoppler-glib-dev libxml2-dev \
               libzip-dev libuchardet-dev pandoc poppler-utils xxd chromium

.PHONY: all deps check test unit golden cli cli-doc formats pdfcorpus treatyseries graphtest records api python pytest dask memcheck example asan bench fuzz clean install

all: citegraph $(BUILD)/libcitegraph.so

# Library objects are position-independent: the same objects make the
# static library (for ./citegraph) and the shared one (for Python's ctypes).
$(BUILD)/%.o: src/%.c include/citegraph.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS) -fPIC -c -o $@ $<

# The command line sees the public header only.
$(BUILD)/cli/%.o: src/cli/%.c include/citegraph.h src/cli/cli.h
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) -c -o $@ $<

$(BUILD)/libcitegraph.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/libcitegraph.so: $(LIB_OBJ)
	$(CC) -shared $(CFLAGS) $(LDFLAGS) -Wl,-soname,libcitegraph.so -o $@ $^ $(LDLIBS)

citegraph: $(CLI_OBJ) $(BUILD)/libcitegraph.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Installs what is missing, and only that (needs root; CI runs as root).
deps:
	@missing=""; for p in $(DEBIAN_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "all build and test packages are installed"; fi

$(BUILD)/unit_tests: $(TEST_SRC) $(BUILD)/libcitegraph.a
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS) -o $@ $(TEST_SRC) \
	  $(BUILD)/libcitegraph.a $(LDLIBS) $$(pkg-config --libs check)

unit: $(BUILD)/unit_tests
	CITEGRAPH_REFS=refs CK_FORK=no $(BUILD)/unit_tests

golden: citegraph
	tests/golden.sh tests/golden
	tests/golden.sh tests/heldout
	tests/golden.sh tests/multilingual
	tests/golden.sh tests/blind
	tests/golden.sh tests/blind2
	tests/golden.sh tests/golden3
	tests/golden.sh tests/golden4
	tests/languages.sh

cli: citegraph
	tests/cli.sh
	tests/refs_check.sh
	python3 tests/cli_doc.py ./citegraph --check

# docs/cli.md's help blocks from the program's own help.
cli-doc: citegraph
	python3 tests/cli_doc.py ./citegraph --write

# The catalogue's Treaty Series numbers against the corpus footnotes citing them.
treatyseries: citegraph
	tests/treaty_series.sh

# Graphs from records: shards extracted apart give the texts' graph.
records: citegraph
	tests/records.sh

# A program on the public header only gives what extract and top give.
$(BUILD)/corpus_top: tests/api/corpus_top.c include/citegraph.h $(BUILD)/libcitegraph.a
	$(CC) -Iinclude $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libcitegraph.a $(LDLIBS)

api: citegraph $(BUILD)/corpus_top
	tests/api.sh $(BUILD)

# The Python module staged with the shared library and the catalogues.
$(BUILD)/python: python/pyproject.toml python/README.md python/citegraph/__init__.py \
                 $(BUILD)/libcitegraph.so $(wildcard refs/*.yaml refs/*/*.yaml)
	rm -rf $@ && mkdir -p $@
	cp -r python/pyproject.toml python/README.md python/citegraph $@/
	cp $(BUILD)/libcitegraph.so $@/citegraph/
	mkdir -p $@/citegraph/refs/lang $@/citegraph/refs/instruments
	cp refs/*.yaml $@/citegraph/refs/
	cp refs/lang/*.yaml $@/citegraph/refs/lang/
	cp refs/instruments/*.yaml $@/citegraph/refs/instruments/

python: $(BUILD)/python

# Installed into a virtual environment, checked against the command line.
pytest: citegraph $(BUILD)/python
	tests/python.sh $(BUILD)

# Extraction mapped over shards on a Dask cluster, the graph reduced from
# the gathered records: the direct run's GraphML.
dask: citegraph
	tests/dask.sh

# Every export opened by a real consumer: networkx, igraph, Graphviz, Kuzu.
graphtest: citegraph
	tests/graph.sh

# The README's test command: install what is missing, build, run every test.
check:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory test
	@echo "all tests passed"

test: citegraph unit golden cli formats treatyseries records api pytest dask graphtest memcheck

# PDF, Word and HTML inputs against the text of the same documents.
formats: citegraph
	tests/formats.sh

# The unit tests and a corpus run under valgrind: no error, no leak.
memcheck: citegraph $(BUILD)/unit_tests $(BUILD)/corpus_top
	CITEGRAPH_REFS=refs CK_FORK=no valgrind -q --leak-check=full \
	  --errors-for-leak-kinds=definite,indirect --error-exitcode=1 $(BUILD)/unit_tests > /dev/null
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./citegraph extract -j 2 tests/golden tests/heldout > /dev/null
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./citegraph graph -q tests/golden -o $(BUILD)/memcheck.graphml
	CITEGRAPH_REFS=refs ./citegraph extract -q tests/golden > $(BUILD)/memcheck.jsonl
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./citegraph top -q -j 2 $(BUILD)/memcheck.jsonl tests/heldout > /dev/null
	head -n 30 $(BUILD)/memcheck.jsonl > $(BUILD)/memcheck-cut.jsonl
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./citegraph graph -q $(BUILD)/memcheck-cut.jsonl -o $(BUILD)/memcheck2.graphml \
	  2> /dev/null; test $$? -eq 1
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=3 $(BUILD)/corpus_top refs $(BUILD)/memcheck-api.jsonl tests/golden > /dev/null 2>&1
	CITEGRAPH_REFS=refs valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  --error-exitcode=1 ./citegraph extract -j 2 tests/pdf/A_RES_80_10.pdf tests/formats/generated \
	  tests/formats/handwritten > /dev/null
	@echo "memcheck: no errors, no leaks"

# The README's first command: set up, build, run on the bundled examples.
example:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory citegraph
	./citegraph extract --format tsv examples/*.md examples/*.txt

asan:
	$(MAKE) BUILD=build-asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" citegraph-asan

export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

citegraph-asan: $(CLI_OBJ) $(BUILD)/libcitegraph.a $(BUILD)/unit_tests
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libcitegraph.a $(LDLIBS)
	CITEGRAPH_REFS=refs CK_FORK=no $(BUILD)/unit_tests
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/golden
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/heldout
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/multilingual
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/blind
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/blind2
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/golden3
	CITEGRAPH=./citegraph-asan tests/golden.sh tests/golden4
	CITEGRAPH=./citegraph-asan tests/cli.sh
	CITEGRAPH=./citegraph-asan tests/treaty_series.sh
	CITEGRAPH=./citegraph-asan tests/refs_check.sh
	CITEGRAPH=./citegraph-asan tests/records.sh
	CITEGRAPH=./citegraph-asan tests/formats.sh
	CITEGRAPH=./citegraph-asan tests/graph.sh

# libFuzzer targets (clang): FUZZ_SECONDS each (default 60; 600 for the
# ten-minute runs). Crashes land in build-fuzz/; each one becomes a test.
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
fuzz: citegraph
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
	  build-fuzz/libcitegraph.a
	clang $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -o build-fuzz/fuzz_extract tests/fuzz/fuzz_extract.c \
	  build-fuzz/libcitegraph.a $(LDLIBS)
	clang $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -o build-fuzz/fuzz_catalog tests/fuzz/fuzz_catalog.c \
	  build-fuzz/libcitegraph.a $(LDLIBS)
	clang $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -o build-fuzz/fuzz_records tests/fuzz/fuzz_records.c \
	  build-fuzz/libcitegraph.a $(LDLIBS)
	for t in pdf docx html encoding; do \
	  T=$$(echo $$t | tr a-z A-Z); \
	  clang $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -DFUZZ_$$T -o build-fuzz/fuzz_$$t \
	    tests/fuzz/fuzz_input.c build-fuzz/libcitegraph.a $(LDLIBS) || exit 1; done
	mkdir -p build-fuzz/corpus-extract build-fuzz/corpus-catalog build-fuzz/seeds-catalog \
	  build-fuzz/corpus-records build-fuzz/seeds-records \
	  build-fuzz/corpus-pdf build-fuzz/corpus-docx build-fuzz/corpus-html build-fuzz/corpus-encoding \
	  build-fuzz/corpus-refcheck build-fuzz/seeds-refcheck
	clang $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -o build-fuzz/fuzz_refcheck tests/fuzz/fuzz_refcheck.c \
	  build-fuzz/libcitegraph.a $(LDLIBS)
	for f in refs/bodies.yaml refs/instruments/un-core.yaml refs/lang/ar.yaml refs/lang/en.yaml; do \
	  case $$f in *bodies*) b='\000';; *instruments*) b='\001';; *ar.yaml) b='\002';; *) b='\003';; esac; \
	  { printf "$$b"; cat $$f; } > build-fuzz/seeds-refcheck/$$(basename $$f); done
	for f in examples/*.md examples/*.txt; do \
	  CITEGRAPH_REFS=refs ./citegraph extract -q "$$f" > build-fuzz/seeds-records/$$(basename "$$f").jsonl 2>/dev/null || :; done
	for f in refs/bodies.yaml refs/instruments/un-core.yaml refs/symbols.yaml refs/lang/en.yaml; do \
	  case $$f in *bodies*) b='\000';; *instruments*) b='\001';; *symbols*) b='\002';; *) b='\003';; esac; \
	  { printf "$$b"; cat $$f; } > build-fuzz/seeds-catalog/$$(basename $$f); done
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_extract -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/citations.dict -max_len=65536 corpus-extract ../tests/golden ../tests/multilingual ../examples
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_catalog -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/yaml.dict -max_len=65536 corpus-catalog seeds-catalog
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_records -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/records.dict -max_len=65536 corpus-records seeds-records
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_pdf -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/pdf.dict -max_len=262144 -rss_limit_mb=4096 corpus-pdf ../tests/pdf
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_docx -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=65536 corpus-docx ../tests/formats/generated
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_html -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/html.dict -max_len=65536 corpus-html ../tests/formats/handwritten
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_encoding -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=65536 corpus-encoding ../tests/multilingual
	cd build-fuzz && CITEGRAPH_REFS=../refs ./fuzz_refcheck -max_total_time=$(FUZZ_SECONDS) \
	  -dict=../tests/fuzz/yaml.dict -max_len=65536 corpus-refcheck seeds-refcheck

bench: citegraph
	tests/bench.sh
	tests/bench_graph.sh
	tests/bench_pdf.sh

# Every PDF of ../shared/corpus/ga-res-pdf: own symbol, targets against the
# text versions, pages per second (not in check: about 20 s).
pdfcorpus: citegraph
	tests/pdf_corpus.sh

clean:
	rm -rf build build-asan build-fuzz citegraph citegraph-asan

install: citegraph $(BUILD)/libcitegraph.so
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/citegraph/refs/lang \
	  $(DESTDIR)$(PREFIX)/share/citegraph/refs/instruments \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib
	install -m 755 citegraph $(DESTDIR)$(PREFIX)/bin/
	install -m 644 refs/*.yaml $(DESTDIR)$(PREFIX)/share/citegraph/refs/
	install -m 644 refs/lang/*.yaml $(DESTDIR)$(PREFIX)/share/citegraph/refs/lang/
	install -m 644 refs/instruments/*.yaml $(DESTDIR)$(PREFIX)/share/citegraph/refs/instruments/
	install -m 644 include/citegraph.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILD)/libcitegraph.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libcitegraph.so $(DESTDIR)$(PREFIX)/lib/
