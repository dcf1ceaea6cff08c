/* options.c — the usage texts and the options the commands share. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef CG_DEFAULT_REFS
#define CG_DEFAULT_REFS "/usr/local/share/citegraph/refs"
#endif

const char *progname = "citegraph";

void usage_main(FILE *f) {
  fprintf(f,
          "Usage: citegraph COMMAND [OPTIONS] FILE...\n"
          "\n"
          "Find every citation in United Nations resolutions, decisions and "
          "treaty texts,\n"
          "and resolve each to a canonical identifier (A/RES/61/144, "
          "S/RES/2331(2016),\n"
          "UNTOC#art_32, ...).\n"
          "\n"
          "Languages: Arabic, Chinese, English, French, Russian and Spanish "
          "(refs/lang),\n"
          "detected per document.\n"
          "\n"
          "Commands:\n"
          "  extract   list the citations of each file, one record per line\n"
          "  top       which instruments are cited most\n"
          "  text      the text extract reads from a file (PDF, Word, HTML, "
          "any encoding)\n"
          "  graph     build the citation graph and write it (GraphML, DOT, "
          "CSV, Cypher,\n"
          "            JSON, SVG, PNG, PDF)\n"
          "  refs      check a catalogue: errors, ambiguities, coverage\n"
          "\n"
          "Common options:\n"
          "  --refs DIR   reference catalogues (default: $CITEGRAPH_REFS, "
          "else the refs/\n"
          "               folder beside the program, else %s);\n"
          "               a compiled copy is kept in $CITEGRAPH_CACHE (default:\n"
          "               ~/.cache/citegraph; \"off\": none) and remade when a "
          "file changes\n"
          "  -h, --help   show help (\"citegraph extract --help\" for a "
          "command)\n"
          "  --version    show the version\n"
          "\n"
          "Exit status: 0 all inputs processed, 1 some input failed (the "
          "others were\n"
          "still processed) or the output could not be written, 2 usage "
          "error or\n"
          "unusable catalogue, 130 interrupted (Ctrl-C, SIGTERM; no partial "
          "output file\n"
          "is left).\n",
          CG_DEFAULT_REFS);
}

void usage_extract(FILE *f) {
  fprintf(
      f,
      "Usage: citegraph extract [--lang L] [--format jsonl|tsv] [--unresolved]\n"
      "                         [--encoding E] [--id-from-name off|auto] "
      "[--refs DIR]\n"
      "                         [--include GLOB] [--exclude GLOB] [--max-size N]\n"
      "                         FILE...\n"
      "\n"
      "Reads each FILE (\"-\" for standard input: plain text or Markdown in "
      "any common\n"
      "encoding, HTML, Word .docx, PDF) and writes its citations to standard "
      "output.\n"
      "\n"
      "Options:\n"
      "  --lang L        language of the texts (en, es, fr, ...); default: "
      "detected\n"
      "                  per document, the language code of its file name "
      "(.fr.txt)\n"
      "                  deciding where the text shows none or two at once\n"
      "  --format F      jsonl (default): one JSON object per line; tsv: a "
      "header line,\n"
      "                  then one tab-separated row per citation\n"
      "  --unresolved    also report what looks like a citation but got no "
      "target, and\n"
      "                  why (see below): what to add to the catalogue\n"
      "  --refs DIR      reference catalogues directory\n"
      "  --encoding E    encoding of text and HTML inputs (windows-1252, "
      "utf-16le, ...);\n"
      "                  default: detected per file (BOM, UTF-16, UTF-8, "
      "uchardet)\n"
      "  --id-from-name off|auto\n"
      "                  auto (default): a file named like A_RES_79_32.pdf "
      "or\n"
      "                  S_RES_1_1946.en.txt is that document when its text "
      "does not say\n"
      "                  which it is; off: only the text decides, identity "
      "and\n"
      "                  language\n"
      "  -j, --jobs N    worker threads (default: the number of cores); the "
      "output is\n"
      "                  the same whatever N\n"
      "  -q, --quiet     no progress line (shown on a terminal only)\n"
      "  --max-size N    the size limit of every file: bytes, or with K, M "
      "or G (default\n"
      "                  256M); a larger file is skipped with a message, "
      "standard input\n"
      "                  and FIFOs are read up to it\n"
      "\n"
      "FILE may be a directory: its documents are read recursively, in name "
      "order\n"
      "(.txt, .md, .html, .htm, .pdf, .docx, and names without an extension or "
      "ending\n"
      "in a language code); other files (data, images, archives, SOURCE.md, "
      "README)\n"
      "are skipped and counted. --include GLOB (repeatable) reads only the "
      "files whose\n"
      "name matches; --exclude GLOB leaves matching files out.\n"
      "Files that cannot be decoded (binary files, damaged or encrypted PDF, "
      "bytes\n"
      "invalid in the encoding) are skipped with a message; a few invalid "
      "UTF-8\n"
      "sequences, NUL bytes and empty files are processed with a warning.\n"
      "\n"
      );
  /* Two parts: ISO C bounds a string literal at 4095 bytes. */
  fprintf(
      f,
      "JSON Lines output: for each file, first a document record\n"
      "  {\"record\":\"document\",\"doc\":ID,\"file\":PATH,\"self\":ID,"
      "\"body\":KEY,\"lang\":L,\n"
      "   \"date\":YYYY-MM-DD,\"title\":T,\"citations\":N,"
      "\"invalid_utf8\":N,\"format\":F,\n"
      "   \"encoding\":E,\"pages\":N,\"self_source\":S}\n"
      "  format       text, markdown, html, docx or pdf\n"
      "  encoding     what the text was decoded from (utf-8, utf-16le, "
      "windows-1252,\n"
      "               ...), null for PDF and Word; pages: PDF only\n"
      "  self_source  where self was read: front matter, heading (title "
      "block or\n"
      "               masthead), masthead (PDF layout), file name; or null\n"
      "then one record per citation occurrence, in text order:\n"
      "  record     \"citation\"\n"
      "  doc        the citing document: its own identifier if known, else "
      "the file\n"
      "  start,end  byte offsets of the citation, end exclusive: in the file "
      "for UTF-8\n"
      "             text, else in the text read from it (citegraph text "
      "FILE)\n"
      "  text       the cited text as it stands there\n"
      "  target     canonical identifier (shared/spec IDENTIFIERS.md), or "
      "null when the\n"
      "             citation was found but its body cannot be determined\n"
      "  kind       resolution, decision, symbol, treaty, provision, "
      "treaty_series\n"
      "  body       issuing body key (GA, SC, ECOSOC, ...), \"unknown\", or "
      "\"\"\n"
      "  number     the number as cited (\"61/144\", \"2331(2016)\"), or "
      "\"\"\n"
      "  date       date of adoption given in the text (YYYY-MM-DD), or "
      "null\n"
      "  lang       language of the citing document\n"
      "  place      preamble, operative, footnote or text\n"
      "  paragraph  operative paragraph number (0 outside one)\n"
      "  footnote   footnote number (0 outside one)\n"
      "  page       PDF only: the page the citation stands on\n"
      "\n"
      "With --unresolved, after a document's citations, one record per "
      "candidate\n"
      "without a target: {\"record\":\"unresolved\",\"doc\":ID,\"start\":N,"
      "\"end\":N,\"text\":T,\n"
      "\"reason\":R,\"lang\":L} (in TSV: kind \"unresolved\", the reason in "
      "the body column).\n"
      "R is one of: body not determined; committee not determined; name "
      "shared by\n"
      "several instruments; no instrument of that name named before; title "
      "not in the\n"
      "catalogue; Treaty Series number not in the catalogue; instrument of "
      "the\n"
      "provision not determined. graph and top ignore these records.\n"
      "\n"
      "Examples:\n"
      "  citegraph extract resolution.md\n"
      "  citegraph extract --format tsv corpus/*.txt > citations.tsv\n"
      "  citegraph extract - < text.txt | jq -r 'select(.target) | .target' "
      "| sort -u\n"
      "  citegraph extract --unresolved corpus/ | jq -r 'select(.record == "
      "\"unresolved\")\n"
      "      | .reason + \"\\t\" + .text' | sort | uniq -c | sort -rn | head\n");
}

void usage_top(FILE *f) {
  fprintf(f,
          "Usage: citegraph top [OPTIONS] PATH...\n"
          "\n"
          "Which instruments are cited most. PATH is a file, a directory "
          "(read\n"
          "recursively) or - for standard input; texts, or the records "
          "extract wrote.\n"
          "\n"
          "Options:\n"
          "  -n N           how many to list (default 20; 0 lists all)\n"
          "  --by M         citations (default: distinct citing documents), "
          "mentions,\n"
          "                 pagerank, authority, or cocitation (pairs cited "
          "together)\n"
          "  --kind K       resolution, decision, treaty, provision, symbol, "
          "document,\n"
          "                 or all (default: all but provisions and uncited "
          "documents)\n"
          "  --body B       only this body's resolutions and decisions (GA, "
          "SC, ...)\n"
          "  --years A-B    only vertices dated from year A to year B (or A: "
          "that year)\n"
          "  --format F     table (default), tsv, json (an array) or jsonl "
          "(one object a\n"
          "                 line)\n"
          "  --include GLOB, --exclude GLOB\n"
          "                 which files of a directory to read (default: the "
          "documents)\n"
          "  --from F       texts, records (the JSON Lines extract writes) or "
          "auto (default:\n"
          "                 records when a file's first line is one)\n"
          "  -j N, -q, --lang L, --refs DIR, --max-size N   as for extract\n"
          "\n"
          "A provision's citations also count for its instrument: a document "
          "citing\n"
          "article 32 of the Convention cites the Convention. Ties are broken "
          "by citing\n"
          "documents, then mentions, then PageRank, then identifier.\n"
          "\n"
          "Example:\n"
          "  citegraph top -n 10 --kind resolution corpus/\n");
}

void usage_graph(FILE *f) {
  fprintf(f,
          "Usage: citegraph graph [OPTIONS] -o FILE PATH...\n"
          "\n"
          "Builds the citation graph of the documents (files, directories "
          "read\n"
          "recursively, or - for standard input), analyses it with igraph, "
          "and writes it.\n"
          "The inputs may be texts or the records extract wrote: the records "
          "of a corpus\n"
          "extracted in parts, concatenated, give the same graph as its "
          "texts.\n"
          "\n"
          "Options:\n"
          "  -o FILE          output, written into what FILE is: a regular "
          "file is\n"
          "                   replaced whole; a device, a FIFO or the target "
          "of a\n"
          "                   symbolic link is written in place; - is "
          "standard output\n"
          "                   (PNG and PDF not on a terminal). For csv, a "
          "directory that\n"
          "                   receives nodes.csv and relationships.csv: an "
          "existing one,\n"
          "                   or a name ending in / to create\n"
          "  --include GLOB, --exclude GLOB\n"
          "                   which files of a directory to read (default: "
          "the documents)\n"
          "  --format F       graphml, dot, csv, cypher, json, svg, png, pdf, "
          "html\n"
          "                   (default: from the extension of FILE)\n"
          "  --top N          keep the N most-cited vertices and the edges "
          "among them\n"
          "  --body B         keep one body's vertices (GA, SC, ...) and what "
          "its documents\n"
          "                   cite\n"
          "  --kind K         keep one kind (resolution, decision, treaty, "
          "provision,\n"
          "                   symbol, document)\n"
          "  --years A-B      keep vertices dated from year A to year B (or A: "
          "that year;\n"
          "                   and what the documents of those years cite)\n"
          "  --layout L       pictures: auto (default: layered for a few "
          "citing documents,\n"
          "                   else force), layered, force, or time (placed "
          "by year)\n"
          "  --color C        pictures: auto (default), body, kind or "
          "community\n"
          "  --title T        pictures: the title (default: named from the "
          "corpus)\n"
          "  --communities M  leiden (default: modularity, seeded) or louvain\n"
          "  --stats          print sizes and seconds per phase and per "
          "analysis on\n"
          "                   standard error\n"
          "  --from F         texts, records (the JSON Lines extract writes) or "
          "auto\n"
          "                   (default: records when a file's first line is "
          "one)\n"
          "  -j N, -q, --lang L, --refs DIR, --max-size N   as for extract\n"
          "\n"
          "Pictures (svg, png, pdf) and the report (html: the picture with "
          "zoom, search\n"
          "and links, the ranking table, citations per year; one file that "
          "works offline)\n"
          "are laid out by Graphviz. Above 300 vertices, unless --top or "
          "--layout is\n"
          "given, they keep the 50 most cited and the 50 documents citing "
          "most of them.\n"
          "Vertex area: citing documents; colour: body, kind or community; "
          "edge width:\n"
          "mentions; a vertex whose citing documents were cut says how many.\n"
          "Every vertex carries id, label, kind, body, date, year, title, "
          "url, in_corpus,\n"
          "citations, mentions, pagerank, authority, hub, betweenness, "
          "component and\n"
          "community; every edge type (cites, part_of, adopted_by), weight "
          "(mentions),\n"
          "and where the mentions stood (preamble, operative, footnote, text, "
          "paragraphs).\n"
          "A regular file is written whole or not at all, and not when no "
          "input could be\n"
          "read. Identifiers are checked (docs/identifiers.md); text is "
          "written without\n"
          "the characters XML forbids (controls dropped, U+FFFE and U+FFFF "
          "as U+FFFD).\n"
          "\n"
          "Examples:\n"
          "  citegraph graph corpus/ -o graph.graphml\n"
          "  citegraph graph corpus/ -o graph.svg --top 80\n"
          "  citegraph graph corpus/ -o report.html\n"
          "  citegraph graph corpus/ -o time.svg --layout time --top 60\n"
          "  citegraph graph corpus/ -o import/ --format csv\n"
          "  cat part-*.jsonl | citegraph graph - -o graph.graphml\n"
          "  citegraph graph corpus/ -o - --format dot | dot -Tsvg > "
          "graph.svg\n");
}

void usage_refs(FILE *f) {
  fprintf(f,
          "Usage: citegraph refs --check [--refs DIR] [--format F]\n"
          "\n"
          "Loads a catalogue as the other commands do and reports what may "
          "mislead\n"
          "the resolver: errors stop with file:line:column and status 2; "
          "warnings\n"
          "(to fix or decide) and notes do not.\n"
          "\n"
          "  ambiguous      every name declared ambiguous, with the "
          "instruments whose\n"
          "                 names in that language are it or begin with it\n"
          "  generic        every generic form (\"the Convention\") and how "
          "many\n"
          "                 instruments share it\n"
          "  body_name      short titles and abbreviations that are also a "
          "body's name\n"
          "  treaty_series  instruments under the same Treaty Series volume "
          "and number;\n"
          "                 registration numbers shared across volumes\n"
          "  adopted_by     adopted_by values that are not resolution or "
          "decision\n"
          "                 identifiers of catalogued bodies\n"
          "  no_english     instruments without an English full title\n"
          "  clitic         words of names that begin with a clitic prefix "
          "of their\n"
          "                 language (lang/<code>.yaml prefixes: Arabic "
          "\"لاتفاقية\"):\n"
          "                 read whole, and split only to match titles: a "
          "citation word\n"
          "                 after the clitic (\"للمواد\") is a warning\n"
          "  unread_language names in a language without a vocabulary\n"
          "  unknown_key    keys the loader does not read (a misspelled "
          "\"posessor\", a\n"
          "                 body's key under an instrument): they have no "
          "effect\n"
          "and, per language, how many instruments have a full title and a "
          "name in it.\n"
          "\n"
          "Options:\n"
          "  --check        check the catalogue (the only action)\n"
          "  --refs DIR     the catalogue (default as for the other commands)\n"
          "  --format F     text (default), tsv (a header, one row per "
          "finding, then one\n"
          "                 row per language) or json (one object)\n"
          "\n"
          "Exit status: 0 the catalogue loads (whatever the warnings), 2 it "
          "does not or\n"
          "the command line is wrong, 1 the report could not be written.\n"
          "\n"
          "Example:\n"
          "  citegraph refs --check --refs refs/ --format tsv | grep "
          "'^clitic'\n");
}

void common_defaults(common_opts *o) {
  memset(o, 0, sizeof *o);
  o->jobs = cg_default_jobs();
  o->from = CG_INPUT_AUTO;
}

/* Digits only, no sign, no overflow. Returns 0, or -1. */
static int read_number(const char *v, unsigned long long *out) {
  unsigned long long n = 0;
  if (!v[0])
    return -1;
  for (const char *p = v; *p; p++) {
    unsigned d = (unsigned)(*p - '0');
    if (*p < '0' || *p > '9' || n > (ULLONG_MAX - d) / 10)
      return -1;
    n = n * 10 + d;
  }
  *out = n;
  return 0;
}

int parse_number(const char *opt, const char *v, unsigned long long min,
                 unsigned long long max, unsigned long long *out) {
  unsigned long long n;
  if (read_number(v, &n) || n < min || n > max) {
    fprintf(stderr, "%s: %s wants a number from %llu to %llu, not '%s'\n",
            progname, opt, min, max, v);
    return -1;
  }
  *out = n;
  return 0;
}

int parse_years(const char *v, int *from, int *to) {
  char a[16];
  const char *dash = strchr(v, '-');
  size_t la = dash ? (size_t)(dash - v) : strlen(v);
  unsigned long long x, y;
  if (la < sizeof a) {
    memcpy(a, v, la);
    a[la] = '\0';
    if (!read_number(a, &x) && !read_number(dash ? dash + 1 : a, &y) &&
        x >= 1 && x <= y && y <= 9999) {
      *from = (int)x;
      *to = (int)y;
      return 0;
    }
  }
  fprintf(stderr, "%s: --years wants FROM-TO, e.g. 1990-1999 (years 1 to "
                  "9999, FROM first), not '%s'\n", progname, v);
  return -1;
}

/* The kinds of vertex (cg_vertex.kind). */
static const char *const vertex_kinds[] = {"resolution", "decision", "treaty",
                                           "provision",  "symbol",   "document"};

int parse_kind(const char *v, int all) {
  for (size_t i = 0; i < sizeof vertex_kinds / sizeof *vertex_kinds; i++)
    if (!strcmp(v, vertex_kinds[i]))
      return 0;
  if (all && !strcmp(v, "all"))
    return 0;
  fprintf(stderr, "%s: unknown --kind '%s' (", progname, v);
  for (size_t i = 0; i < sizeof vertex_kinds / sizeof *vertex_kinds; i++)
    fprintf(stderr, "%s%s", i ? ", " : "", vertex_kinds[i]);
  fprintf(stderr, "%s)\n", all ? ", or all" : "");
  return -1;
}

/* Reads --max-size: bytes, or with a suffix K, M or G (KiB, MiB, GiB), from
 * 1 byte to 1 TiB. Returns 0, or -1 with a message. */
static int parse_size(const char *v, unsigned long long *out) {
  char digits[32];
  size_t n = strlen(v);
  unsigned long long unit = 1;
  if (n && strchr("kKmMgG", v[n - 1])) {
    char u = (char)(v[n - 1] | 0x20);
    unit = u == 'k' ? 1ULL << 10 : u == 'm' ? 1ULL << 20 : 1ULL << 30;
    n--;
  }
  unsigned long long x;
  int ok = n && n < sizeof digits;
  if (ok) {
    memcpy(digits, v, n);
    digits[n] = '\0';
  }
  if (ok && !read_number(digits, &x) && x >= 1 && x <= (1ULL << 40) / unit) {
    *out = x * unit;
    return 0;
  }
  fprintf(stderr, "%s: --max-size wants a size from 1 byte to 1 TiB: bytes, or "
                  "a number and K, M or G (256M), not '%s'\n", progname, v);
  return -1;
}

char *size_text(unsigned long long n, char *out, size_t cap) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double v = (double)n;
  int u = 0;
  while (v >= 1024 && u < 4)
    v /= 1024, u++;
  snprintf(out, cap, u && v != (double)(unsigned long long)v ? "%.1f %s"
                                                               : "%.0f %s",
           v, units[u]);
  return out;
}

int common_option(int argc, char **argv, int *i, common_opts *o, int from) {
  const char *a = argv[*i];
  if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
    o->quiet = 1;
    return 1;
  }
  if (*i + 1 >= argc)
    return 0;
  if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
    unsigned long long n;
    if (parse_number("--jobs", argv[++*i], 1, 64, &n))
      return -1;
    o->jobs = (unsigned)n;
    return 1;
  }
  if (strcmp(a, "--max-size") == 0)
    return parse_size(argv[++*i], &o->max_size) ? -1 : 1;
  if (strcmp(a, "--lang") == 0) {
    o->lang = argv[++*i];
  } else if (strcmp(a, "--refs") == 0) {
    o->refs = argv[++*i];
  } else if (strcmp(a, "--encoding") == 0) {
    o->encoding = argv[++*i];
  } else if (strcmp(a, "--include") == 0 || strcmp(a, "--exclude") == 0) {
    int inc = a[2] == 'i';
    size_t *n = inc ? &o->ninclude : &o->nexclude;
    if (*n == 32) {
      fprintf(stderr, "%s: at most 32 %s patterns\n", progname, a);
      return -1;
    }
    (inc ? o->include : o->exclude)[(*n)++] = argv[++*i];
  } else if (strcmp(a, "--id-from-name") == 0) {
    const char *v = argv[++*i];
    if (strcmp(v, "off") != 0 && strcmp(v, "auto") != 0) {
      fprintf(stderr, "%s: unknown --id-from-name '%s' (off or auto)\n",
              progname, v);
      return -1;
    }
    o->ignore_file_names = strcmp(v, "off") == 0;
  } else if (from && strcmp(a, "--from") == 0) {
    const char *v = argv[++*i];
    if (!strcmp(v, "texts") || !strcmp(v, "text"))
      o->from = CG_INPUT_TEXTS;
    else if (!strcmp(v, "records"))
      o->from = CG_INPUT_RECORDS;
    else if (!strcmp(v, "auto"))
      o->from = CG_INPUT_AUTO;
    else {
      fprintf(stderr, "%s: unknown --from '%s' (texts, records or auto)\n",
              progname, v);
      return -1;
    }
  } else {
    return 0;
  }
  return 1;
}

char **split_attached(int *argc, char **argv) {
  char **out = calloc((size_t)*argc * 2 + 1, sizeof *out);
  if (!out)
    return argv;
  int n = 0;
  for (int i = 0; i < *argc; i++) {
    char *a = argv[i];
    char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
    if (eq && i > 1) {
      *eq = '\0';
      out[n++] = a;
      out[n++] = eq + 1;
    } else if (i > 1 && a[0] == '-' && (a[1] == 'j' || a[1] == 'n') && a[2]) {
      static char flag[2][3] = {"-j", "-n"};
      out[n++] = flag[a[1] == 'n'];
      out[n++] = a + 2;
    } else {
      out[n++] = a;
    }
  }
  out[n] = NULL;
  *argc = n;
  return out;
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The refs/ directory: --refs, $CITEGRAPH_REFS, beside the executable, or
 * the installed default. */
static const char *find_refs(const char *opt, char *buf, size_t cap) {
  if (opt)
    return opt;
  const char *env = getenv("CITEGRAPH_REFS");
  if (env && env[0])
    return env;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(buf, cap, "%s/refs", exe);
      if (is_dir(buf))
        return buf;
    }
  }
  return CG_DEFAULT_REFS;
}

const char *catalog_dir(const char *refs_opt, char *buf, size_t cap) {
  return find_refs(refs_opt, buf, cap);
}

/* Where compiled catalogues are kept: $CITEGRAPH_CACHE ("off": nowhere),
 * else $XDG_CACHE_HOME/citegraph, else ~/.cache/citegraph; NULL for none. */
static const char *cache_dir(char *buf, size_t cap) {
  const char *env = getenv("CITEGRAPH_CACHE");
  if (env && env[0])
    return strcmp(env, "off") == 0 ? NULL : env;
  const char *xdg = getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') {
    snprintf(buf, cap, "%s/citegraph", xdg);
    return buf;
  }
  const char *home = getenv("HOME");
  if (home && home[0] == '/') {
    snprintf(buf, cap, "%s/.cache/citegraph", home);
    return buf;
  }
  return NULL;
}

int load_catalog(const char *refs_opt, cg_catalog **cat) {
  char buf[PATH_MAX + 16], cbuf[PATH_MAX + 32];
  const char *dir = find_refs(refs_opt, buf, sizeof buf);
  cg_diag diag;
  cg_status st = cg_catalog_load_cached(dir, cache_dir(cbuf, sizeof cbuf), cat,
                                        NULL, &diag);
  if (st) {
    char msg[1200];
    fprintf(stderr, "%s: %s\n", progname,
            cg_diag_format(&diag, msg, sizeof msg));
    if (st == CG_ERR_IO)
      fprintf(stderr, "%s: hint: point --refs or CITEGRAPH_REFS at the "
                      "catalogue folder (refs/)\n", progname);
    return -1;
  }
  return 0;
}
