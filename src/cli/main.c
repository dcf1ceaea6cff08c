/* main.c — the citegraph command line. Only this file prints or exits. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "citegraph.h"

/* Exit statuses, documented in --help and docs/cli.md. */
enum {
  EXIT_OK = 0,     /* everything was processed */
  EXIT_INPUT = 1,  /* some input could not be processed; the rest was */
  EXIT_USAGE = 2,  /* bad command line or unusable catalogue */
};

#ifndef CG_DEFAULT_REFS
#define CG_DEFAULT_REFS "/usr/local/share/citegraph/refs"
#endif

static const char *progname = "citegraph";

static void usage_main(FILE *f) {
  fprintf(f,
          "Usage: citegraph COMMAND [OPTIONS] FILE...\n"
          "\n"
          "Find every citation in United Nations resolutions, decisions and "
          "treaty texts,\n"
          "and resolve each to a canonical identifier (A/RES/61/144, "
          "S/RES/2331(2016),\n"
          "UNTOC#art_32, ...).\n"
          "\n"
          "Commands:\n"
          "  extract   list the citations of each file, one record per line\n"
          "\n"
          "Common options:\n"
          "  --refs DIR   reference catalogues (default: $CITEGRAPH_REFS, "
          "else the refs/\n"
          "               folder beside the program, else %s)\n"
          "  -h, --help   show help (\"citegraph extract --help\" for a "
          "command)\n"
          "  --version    show the version\n"
          "\n"
          "Exit status: 0 all inputs processed, 1 some input failed (the "
          "others were\n"
          "still processed), 2 usage error or unusable catalogue.\n",
          CG_DEFAULT_REFS);
}

static void usage_extract(FILE *f) {
  fprintf(
      f,
      "Usage: citegraph extract [--lang L] [--format jsonl|tsv] [--refs DIR] "
      "FILE...\n"
      "\n"
      "Reads each FILE (\"-\" for standard input: plain text, Markdown, text "
      "with YAML\n"
      "front matter) and writes its citations to standard output.\n"
      "\n"
      "Options:\n"
      "  --lang L        language of the texts (en, es, fr, ...); default: "
      "detected\n"
      "                  per document\n"
      "  --format F      jsonl (default): one JSON object per line; tsv: a "
      "header line,\n"
      "                  then one tab-separated row per citation\n"
      "  --refs DIR      reference catalogues directory\n"
      "\n"
      "JSON Lines output: for each file, first a document record\n"
      "  {\"record\":\"document\",\"doc\":ID,\"file\":PATH,\"self\":ID,"
      "\"body\":KEY,\"lang\":L,\n"
      "   \"date\":YYYY-MM-DD,\"title\":T,\"citations\":N,"
      "\"invalid_utf8\":N}\n"
      "then one record per citation occurrence, in text order:\n"
      "  record     \"citation\"\n"
      "  doc        the citing document: its own identifier if known, else "
      "the file\n"
      "  start,end  byte offsets of the citation in the file, end exclusive\n"
      "  text       the cited text as it stands in the file\n"
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
      "\n"
      "Examples:\n"
      "  citegraph extract resolution.md\n"
      "  citegraph extract --format tsv corpus/*.txt > citations.tsv\n"
      "  citegraph extract - < text.txt | jq -r 'select(.target) | .target' "
      "| sort -u\n");
}

/* ------------------------------------------------------------ output */

static void json_string(FILE *f, const char *s, size_t n) {
  putc('"', f);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (c < 0x20) {
        fprintf(f, "\\u%04x", c);
      } else if (c < 0x80) {
        putc(c, f);
      } else {
        /* Copy valid UTF-8 through; replace anything else. */
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        int ok = len && len <= 4 && i + len <= n && c <= 0xF4;
        for (size_t k = 1; ok && k < len; k++)
          if (((unsigned char)s[i + k] & 0xC0) != 0x80)
            ok = 0;
        if (ok) {
          fwrite(s + i, 1, len, f);
          i += len - 1;
        } else {
          fputs("\\ufffd", f);
        }
      }
    }
  }
  putc('"', f);
}

static void json_cstr(FILE *f, const char *s) { json_string(f, s, strlen(s)); }

static void json_opt(FILE *f, const char *s) {
  if (s && s[0])
    json_cstr(f, s);
  else
    fputs("null", f);
}

/* TSV fields cannot hold tabs or newlines: they become spaces. */
static void tsv_field(FILE *f, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      fwrite(s + from, 1, i - from, f);
      putc(' ', f);
      from = i + 1;
    }
  }
  fwrite(s + from, 1, n - from, f);
}

static void tsv_cstr(FILE *f, const char *s) {
  tsv_field(f, s ? s : "", s ? strlen(s) : 0);
}

typedef enum { FMT_JSONL, FMT_TSV } out_format;

static void write_result(FILE *f, out_format fmt, const char *file,
                         const char *text, const cg_result *res) {
  const cg_document *d = cg_result_document(res);
  const char *doc = d->self[0] ? d->self : file;
  size_t n = cg_result_count(res);
  if (fmt == FMT_JSONL) {
    fputs("{\"record\":\"document\",\"doc\":", f);
    json_cstr(f, doc);
    fputs(",\"file\":", f);
    json_cstr(f, file);
    fputs(",\"self\":", f);
    json_opt(f, d->self);
    fputs(",\"body\":", f);
    json_opt(f, d->body);
    fputs(",\"lang\":", f);
    json_cstr(f, d->lang);
    fputs(",\"date\":", f);
    json_opt(f, d->date);
    fputs(",\"title\":", f);
    json_opt(f, d->title);
    fprintf(f, ",\"citations\":%zu,\"invalid_utf8\":%zu}\n", n,
            d->invalid_utf8);
  }
  for (size_t i = 0; i < n; i++) {
    const cg_citation *c = cg_result_citation(res, i);
    if (fmt == FMT_JSONL) {
      fputs("{\"record\":\"citation\",\"doc\":", f);
      json_cstr(f, doc);
      fprintf(f, ",\"start\":%zu,\"end\":%zu,\"text\":", c->start, c->end);
      json_string(f, text + c->start, c->end - c->start);
      fputs(",\"target\":", f);
      json_opt(f, c->target);
      fprintf(f, ",\"kind\":\"%s\",\"body\":", cg_kind_name(c->kind));
      json_cstr(f, c->body);
      fputs(",\"number\":", f);
      json_cstr(f, c->number);
      fputs(",\"date\":", f);
      json_opt(f, c->date);
      fputs(",\"lang\":", f);
      json_cstr(f, d->lang);
      fprintf(f, ",\"place\":\"%s\",\"paragraph\":%u,\"footnote\":%u}\n",
              cg_place_name(c->place), c->paragraph, c->footnote);
    } else {
      tsv_cstr(f, doc);
      fprintf(f, "\t%zu\t%zu\t", c->start, c->end);
      tsv_field(f, text + c->start, c->end - c->start);
      putc('\t', f);
      tsv_cstr(f, c->target);
      fprintf(f, "\t%s\t", cg_kind_name(c->kind));
      tsv_cstr(f, c->body);
      putc('\t', f);
      tsv_cstr(f, c->date);
      putc('\t', f);
      tsv_cstr(f, d->lang);
      fprintf(f, "\t%s\t%u\t%u\n", cg_place_name(c->place), c->paragraph,
              c->footnote);
    }
  }
}

/* ------------------------------------------------------------ input */

/* An input held in memory: large regular files are mapped; others are
 * read into a buffer kept from one file to the next. */
typedef struct {
  char *data;
  size_t len;
  int mapped;
  char *buf; /* the reusable read buffer */
  size_t cap;
} input;

static void input_release(input *in) {
  if (in->mapped)
    munmap(in->data, in->len);
  in->data = NULL;
  in->len = 0;
  in->mapped = 0;
}

/* Reads a whole file (or stdin for "-"). Returns 0, or an errno value. */
static int read_all(const char *path, input *in) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  in->data = NULL;
  in->len = 0;
  in->mapped = 0;
  if (fd < 0)
    return errno ? errno : EIO;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    if (fd != STDIN_FILENO)
      close(fd);
    return err;
  }
  if (S_ISDIR(st.st_mode)) {
    if (fd != STDIN_FILENO)
      close(fd);
    return EISDIR;
  }
  if (S_ISREG(st.st_mode) && st.st_size >= (1 << 20)) {
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ,
                   MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p != MAP_FAILED) {
      madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
      close(fd);
      in->data = p;
      in->len = (size_t)st.st_size;
      in->mapped = 1;
      return 0;
    }
  }
  size_t n = 0;
  for (;;) {
    if (n + 1 >= in->cap) {
      size_t cap = in->cap ? in->cap * 2 : (1 << 16);
      if (S_ISREG(st.st_mode) && (size_t)st.st_size + 2 > cap)
        cap = (size_t)st.st_size + 2;
      char *p = realloc(in->buf, cap);
      if (!p) {
        if (fd != STDIN_FILENO)
          close(fd);
        return ENOMEM;
      }
      in->buf = p;
      in->cap = cap;
    }
    ssize_t k = read(fd, in->buf + n, in->cap - n - 1);
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0) {
      int err = errno;
      if (fd != STDIN_FILENO)
        close(fd);
      return err;
    }
    if (k == 0)
      break;
    n += (size_t)k;
  }
  if (fd != STDIN_FILENO)
    close(fd);
  in->data = in->buf;
  in->len = n;
  return 0;
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

static int load_catalog(const char *refs_opt, cg_catalog **cat) {
  char buf[PATH_MAX + 16];
  const char *dir = find_refs(refs_opt, buf, sizeof buf);
  cg_diag diag;
  cg_status st = cg_catalog_load(dir, cat, &diag);
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

/* ------------------------------------------------------------ commands */

static int cmd_extract(int argc, char **argv) {
  const char *lang = NULL, *refs = NULL;
  out_format fmt = FMT_JSONL;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  int only_files = 0;
  if (!files) {
    fprintf(stderr, "%s: out of memory\n", progname);
    return EXIT_INPUT;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[nfiles++] = argv[i];
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_extract(stdout);
      free(files);
      return EXIT_OK;
    } else if ((strcmp(a, "--lang") == 0 || strcmp(a, "--format") == 0 ||
                strcmp(a, "--refs") == 0) &&
               i + 1 < argc) {
      const char *v = argv[++i];
      if (a[2] == 'l')
        lang = v;
      else if (a[2] == 'r')
        refs = v;
      else if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
        fmt = FMT_JSONL;
      else if (strcmp(v, "tsv") == 0)
        fmt = FMT_TSV;
      else {
        fprintf(stderr, "%s: unknown --format '%s' (expected jsonl or tsv)\n",
                progname, v);
        free(files);
        return EXIT_USAGE;
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for extract\n", progname, a);
      fprintf(stderr, "Try 'citegraph extract --help'.\n");
      free(files);
      return EXIT_USAGE;
    }
  }
  if (!nfiles) {
    fprintf(stderr, "%s: extract: no input file (use - for standard input)\n",
            progname);
    fprintf(stderr, "Try 'citegraph extract --help'.\n");
    free(files);
    return EXIT_USAGE;
  }
  cg_catalog *cat = NULL;
  if (load_catalog(refs, &cat)) {
    free(files);
    return EXIT_USAGE;
  }
  int status = EXIT_OK;
  cg_extractor *ex = cg_extractor_new(cat);
  if (!ex) {
    fprintf(stderr, "%s: out of memory\n", progname);
    cg_catalog_free(cat);
    free(files);
    return EXIT_INPUT;
  }
  if (lang && cg_catalog_lang_count(cat)) {
    int found = 0;
    for (size_t i = 0; i < cg_catalog_lang_count(cat); i++)
      found |= strcmp(cg_catalog_lang(cat, i), lang) == 0;
    if (!found) {
      fprintf(stderr, "%s: unknown --lang '%s'; the catalogue has:", progname,
              lang);
      for (size_t i = 0; i < cg_catalog_lang_count(cat); i++)
        fprintf(stderr, " %s", cg_catalog_lang(cat, i));
      fputc('\n', stderr);
      cg_extractor_free(ex);
      cg_catalog_free(cat);
      free(files);
      return EXIT_USAGE;
    }
  }
  input in = {NULL, 0, 0, NULL, 0};
  if (fmt == FMT_TSV)
    fputs("doc\tstart\tend\ttext\ttarget\tkind\tbody\tdate\tlang\tplace\t"
          "paragraph\tfootnote\n",
          stdout);
  for (size_t i = 0; i < nfiles; i++) {
    const char *path = files[i];
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    int err = read_all(path, &in);
    if (err) {
      fprintf(stderr, "%s: %s: %s\n", progname, name,
              err == EISDIR ? "is a directory" : strerror(err));
      status = EXIT_INPUT;
      continue;
    }
    cg_options opts = {lang};
    const cg_result *res;
    cg_diag diag;
    cg_status st = cg_extract(ex, in.data, in.len, &opts, &res, &diag);
    if (st) {
      fprintf(stderr, "%s: %s: %s\n", progname, name,
              diag.message[0] ? diag.message : cg_strerror(st));
      status = EXIT_INPUT;
    } else {
      const cg_document *d = cg_result_document(res);
      if (d->invalid_utf8)
        fprintf(stderr,
                "%s: %s: warning: %zu invalid UTF-8 sequence(s), first at "
                "byte %zu\n",
                progname, name, d->invalid_utf8, d->first_invalid);
      write_result(stdout, fmt, name, in.data, res);
    }
    input_release(&in);
  }
  if (fflush(stdout) || ferror(stdout)) {
    fprintf(stderr, "%s: error writing output: %s\n", progname,
            strerror(errno));
    status = EXIT_INPUT;
  }
  free(in.buf);
  cg_extractor_free(ex);
  cg_catalog_free(cat);
  free(files);
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage_main(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
      strcmp(cmd, "help") == 0) {
    usage_main(stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("citegraph %s\n", CG_VERSION);
    return EXIT_OK;
  }
  if (strcmp(cmd, "extract") == 0)
    return cmd_extract(argc - 1, argv + 1);
  fprintf(stderr, "%s: unknown command '%s'\n", progname, cmd);
  usage_main(stderr);
  return EXIT_USAGE;
}
