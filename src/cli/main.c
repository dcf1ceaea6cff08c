/* main.c — the citegraph command line. Only this file prints or exits. */
#define _GNU_SOURCE /* fwrite_unlocked, fputs_unlocked */
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
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
          "Languages: Arabic, Chinese, English, French, Russian and Spanish "
          "(refs/lang),\n"
          "detected per document.\n"
          "\n"
          "Commands:\n"
          "  extract   list the citations of each file, one record per line\n"
          "  top       which instruments are cited most\n"
          "  graph     build the citation graph and write it (GraphML, DOT, "
          "CSV, Cypher,\n"
          "            JSON, SVG, PNG, PDF)\n"
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
          "still processed), 2 usage error or unusable catalogue, 130 "
          "interrupted\n"
          "(no partial output file is left).\n",
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
      "  -j, --jobs N    worker threads (default: the number of cores); the "
      "output is\n"
      "                  the same whatever N\n"
      "  -q, --quiet     no progress line (shown on a terminal only)\n"
      "\n"
      "FILE may be a directory: its files are read recursively, in name "
      "order.\n"
      "Binary files are skipped with a message; invalid UTF-8, NUL bytes and "
      "empty\n"
      "files are processed with a warning naming the byte offset.\n"
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

/* Records are written to a stream that one thread owns (a memory stream
 * per file): glibc's unlocked calls save a lock per call. */
#if defined(__GLIBC__)
#define out_putc putc_unlocked
#define out_write fwrite_unlocked
#define out_puts fputs_unlocked
#else
#define out_putc putc
#define out_write fwrite
#define out_puts fputs
#endif

static void json_string(FILE *f, const char *s, size_t n) {
  out_putc('"', f);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': out_puts("\\\"", f); break;
    case '\\': out_puts("\\\\", f); break;
    case '\n': out_puts("\\n", f); break;
    case '\r': out_puts("\\r", f); break;
    case '\t': out_puts("\\t", f); break;
    default:
      if (c < 0x20) {
        fprintf(f, "\\u%04x", c);
      } else if (c < 0x80) {
        out_putc(c, f);
      } else {
        /* Copy valid UTF-8 through; replace anything else (overlong
         * forms, surrogates, beyond U+10FFFF, truncated sequences). */
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        int ok = len && i + len <= n && c <= 0xF4;
        unsigned long cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : c & 0x1Fu;
        for (size_t k = 1; ok && k < len; k++) {
          unsigned char b = (unsigned char)s[i + k];
          if ((b & 0xC0) != 0x80)
            ok = 0;
          cp = (cp << 6) | (b & 0x3Fu);
        }
        if (ok && ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
                   cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
          ok = 0;
        if (ok) {
          out_write(s + i, 1, len, f);
          i += len - 1;
        } else {
          out_puts("\\ufffd", f);
        }
      }
    }
  }
  out_putc('"', f);
}

static void json_cstr(FILE *f, const char *s) { json_string(f, s, strlen(s)); }

/* A decimal number, without printf's format parsing (output is the hot
 * path of a corpus run). */
static void put_num(FILE *f, size_t v) {
  char buf[24];
  size_t i = sizeof buf;
  do {
    buf[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  out_write(buf + i, 1, sizeof buf - i, f);
}

static void json_opt(FILE *f, const char *s) {
  if (s && s[0])
    json_cstr(f, s);
  else
    out_puts("null", f);
}

/* TSV fields cannot hold tabs or newlines: they become spaces. */
static void tsv_field(FILE *f, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      out_write(s + from, 1, i - from, f);
      out_putc(' ', f);
      from = i + 1;
    }
  }
  out_write(s + from, 1, n - from, f);
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
    out_puts("{\"record\":\"document\",\"doc\":", f);
    json_cstr(f, doc);
    out_puts(",\"file\":", f);
    json_cstr(f, file);
    out_puts(",\"self\":", f);
    json_opt(f, d->self);
    out_puts(",\"body\":", f);
    json_opt(f, d->body);
    out_puts(",\"lang\":", f);
    json_cstr(f, d->lang);
    out_puts(",\"date\":", f);
    json_opt(f, d->date);
    out_puts(",\"title\":", f);
    json_opt(f, d->title);
    fprintf(f, ",\"citations\":%zu,\"invalid_utf8\":%zu}\n", n,
            d->invalid_utf8);
  }
  for (size_t i = 0; i < n; i++) {
    const cg_citation *c = cg_result_citation(res, i);
    if (fmt == FMT_JSONL) {
      out_puts("{\"record\":\"citation\",\"doc\":", f);
      json_cstr(f, doc);
      out_puts(",\"start\":", f);
      put_num(f, c->start);
      out_puts(",\"end\":", f);
      put_num(f, c->end);
      out_puts(",\"text\":", f);
      json_string(f, text + c->start, c->end - c->start);
      out_puts(",\"target\":", f);
      json_opt(f, c->target);
      out_puts(",\"kind\":\"", f);
      out_puts(cg_kind_name(c->kind), f);
      out_puts("\",\"body\":", f);
      json_cstr(f, c->body);
      out_puts(",\"number\":", f);
      json_cstr(f, c->number);
      out_puts(",\"date\":", f);
      json_opt(f, c->date);
      out_puts(",\"lang\":", f);
      json_cstr(f, d->lang);
      out_puts(",\"place\":\"", f);
      out_puts(cg_place_name(c->place), f);
      out_puts("\",\"paragraph\":", f);
      put_num(f, c->paragraph);
      out_puts(",\"footnote\":", f);
      put_num(f, c->footnote);
      out_puts("}\n", f);
    } else {
      tsv_cstr(f, doc);
      out_putc('\t', f);
      put_num(f, c->start);
      out_putc('\t', f);
      put_num(f, c->end);
      out_putc('\t', f);
      tsv_field(f, text + c->start, c->end - c->start);
      out_putc('\t', f);
      tsv_cstr(f, c->target);
      out_putc('\t', f);
      out_puts(cg_kind_name(c->kind), f);
      out_putc('\t', f);
      tsv_cstr(f, c->body);
      out_putc('\t', f);
      tsv_cstr(f, c->date);
      out_putc('\t', f);
      tsv_cstr(f, d->lang);
      out_putc('\t', f);
      out_puts(cg_place_name(c->place), f);
      out_putc('\t', f);
      put_num(f, c->paragraph);
      out_putc('\t', f);
      put_num(f, c->footnote);
      out_putc('\n', f);
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

/* ------------------------------------------------------------ corpus */

typedef struct {
  char **v;
  size_t n, cap;
} path_list;

static int path_push(path_list *l, const char *p) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    char **v = realloc(l->v, cap * sizeof *v);
    if (!v)
      return -1;
    l->v = v;
    l->cap = cap;
  }
  if (!(l->v[l->n] = strdup(p)))
    return -1;
  l->n++;
  return 0;
}

static void path_free(path_list *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->v[i]);
  free(l->v);
}

typedef struct {
  dev_t dev;
  ino_t ino;
} dir_id;

typedef struct {
  char *path;
  char kind; /* 'd' directory, 'f' regular file, '?' to be looked at */
} dir_entry;

static int cmp_entry(const void *a, const void *b) {
  return strcmp(((const dir_entry *)a)->path, ((const dir_entry *)b)->path);
}

/* A run over a corpus: files are handed to the workers in batches as the
 * walk finds them, so memory does not grow with the number of files. */
typedef struct corpus_run corpus_run;
static int add_file(corpus_run *cr, const char *path);

/* Adds the regular files under dir, recursively and in name order, skipping
 * hidden entries and directories already visited (symbolic-link loops). */
static int walk(const char *dir, corpus_run *cr, dir_id *seen, size_t nseen,
                int *status) {
  struct stat st;
  if (stat(dir, &st) != 0) {
    fprintf(stderr, "%s: %s: %s\n", progname, dir, strerror(errno));
    *status = EXIT_INPUT;
    return 0;
  }
  for (size_t i = 0; i < nseen; i++)
    if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino) {
      fprintf(stderr, "%s: %s: directory loop, skipped\n", progname, dir);
      *status = EXIT_INPUT;
      return 0;
    }
  if (nseen >= 64) {
    fprintf(stderr, "%s: %s: directories nested too deep, skipped\n",
            progname, dir);
    *status = EXIT_INPUT;
    return 0;
  }
  seen[nseen].dev = st.st_dev;
  seen[nseen].ino = st.st_ino;
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "%s: %s: %s\n", progname, dir, strerror(errno));
    *status = EXIT_INPUT;
    return 0;
  }
  /* The entry's type from readdir spares a stat per file; symbolic links
   * and file systems that do not tell are looked at with stat. */
  dir_entry *here = NULL;
  size_t nhere = 0, caphere = 0;
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d)) && !rc) {
    if (e->d_name[0] == '.')
      continue;
    char p[PATH_MAX];
    if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p)
      continue;
    if (nhere == caphere) {
      size_t cap = caphere ? caphere * 2 : 64;
      dir_entry *v = realloc(here, cap * sizeof *v);
      if (!v) {
        rc = -1;
        break;
      }
      here = v;
      caphere = cap;
    }
    if (!(here[nhere].path = strdup(p))) {
      rc = -1;
      break;
    }
    here[nhere++].kind = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : '?';
  }
  closedir(d);
  if (nhere > 1)
    qsort(here, nhere, sizeof *here, cmp_entry);
  for (size_t i = 0; i < nhere && !rc; i++) {
    char kind = here[i].kind;
    if (kind == '?') {
      if (stat(here[i].path, &st) != 0)
        continue;
      kind = S_ISDIR(st.st_mode) ? 'd' : S_ISREG(st.st_mode) ? 'f' : '-';
    }
    if (kind == 'd')
      rc = walk(here[i].path, cr, seen, nseen + 1, status);
    else if (kind == 'f')
      rc = add_file(cr, here[i].path);
  }
  for (size_t i = 0; i < nhere; i++)
    free(here[i].path);
  free(here);
  return rc;
}

/* Seconds spent in each phase, for --stats. */
static double t_extract, t_analyse;

/* ------------------------------------------------------------ runs */

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}


/* A run over many files: worker threads extract in parallel, and each
 * file's result is committed (written out, or added to the graph) in input
 * order, so the output does not depend on the number of threads. At most
 * one finished result per worker waits for its turn: memory stays bounded. */
/* A finished file waiting for its turn to be written out. */
typedef struct {
  char *out, *err;
  size_t out_len, err_len;
  unsigned long long bytes;
  int bad, ready;
} done_file;

#define RING 64

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t turn;
  done_file ring[RING]; /* extraction: results waiting to be written */
  const cg_catalog *cat;
  const char *lang;
  out_format fmt;
  cg_graph *graph;       /* graph mode: results are added here */
  char **files;
  size_t nfiles, next_file, next_commit;
  size_t files_done;     /* over all batches */
  int status;
  int failed;            /* out of memory: stop */
  /* progress */
  int progress;
  unsigned long long bytes_done;
  double started, last_shown;
} run_state;

static volatile sig_atomic_t interrupted;

static void on_signal(int sig) {
  (void)sig;
  interrupted = 1;
}

static void show_progress(run_state *rs, int final) {
  double now = now_seconds();
  if (!final && now - rs->last_shown < 0.2)
    return;
  rs->last_shown = now;
  double el = now - rs->started;
  double rate = el > 0 ? (double)rs->bytes_done / el / 1e6 : 0;
  fprintf(stderr, "\r%s: %zu files, %.1f MB, %.1f MB/s, %.0f s   %s", progname,
          rs->files_done, (double)rs->bytes_done / 1e6, rate, el,
          final ? "\n" : "");
}

/* A file is taken for binary when its first 8 KiB hold several NUL bytes
 * or many other control characters; a stray NUL in a text is not enough. */
static int looks_binary(const char *s, size_t len) {
  size_t n = len < 8192 ? len : 8192, nul = 0, ctl = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0)
      nul++;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
      ctl++;
  }
  return nul >= 4 || (n >= 64 && (nul + ctl) * 20 > n);
}

static void *worker(void *arg) {
  run_state *rs = arg;
  cg_extractor *ex = cg_extractor_new(rs->cat);
  input in = {NULL, 0, 0, NULL, 0};
  char *out = NULL, *err = NULL;
  size_t out_len = 0, err_len = 0;
  for (;;) {
    pthread_mutex_lock(&rs->mu);
    /* At most RING files ahead of the output: memory stays bounded. */
    while (!rs->graph && rs->next_file >= rs->next_commit + RING &&
           !rs->failed && !interrupted)
      pthread_cond_wait(&rs->turn, &rs->mu);
    size_t k = rs->next_file++;
    int stop = rs->failed || interrupted;
    pthread_mutex_unlock(&rs->mu);
    if (k >= rs->nfiles || stop)
      break;
    const char *path = rs->files[k];
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    FILE *fo = open_memstream(&out, &out_len);
    FILE *fe = open_memstream(&err, &err_len);
    int bad = 0, fatal = !ex || !fo || !fe;
    const cg_result *res = NULL;
    if (!fatal) {
      int e = read_all(path, &in);
      if (e) {
        fprintf(fe, "%s: %s: %s\n", progname, name,
                e == EISDIR ? "is a directory" : strerror(e));
        bad = 1;
      } else if (looks_binary(in.data, in.len)) {
        const char *nul = memchr(in.data, '\0', in.len);
        fprintf(fe, "%s: %s: binary file (%s at byte %zu), skipped\n",
                progname, name, nul ? "NUL byte" : "control characters",
                nul ? (size_t)(nul - in.data) : (size_t)0);
        bad = 1;
      } else {
        const char *nul = memchr(in.data, '\0', in.len);
        if (nul)
          fprintf(fe, "%s: %s: warning: NUL byte at byte %zu, read as a space\n",
                  progname, name, (size_t)(nul - in.data));
        cg_options opts = {rs->lang};
        cg_diag diag;
        cg_status st = cg_extract(ex, in.data, in.len, &opts, &res, &diag);
        if (st) {
          fprintf(fe, "%s: %s: %s\n", progname, name,
                  diag.message[0] ? diag.message : cg_strerror(st));
          bad = 1;
          fatal = st == CG_ERR_NOMEM;
          res = NULL;
        } else {
          const cg_document *d = cg_result_document(res);
          if (d->invalid_utf8)
            fprintf(fe,
                    "%s: %s: warning: %zu invalid UTF-8 sequence(s), first at "
                    "byte %zu\n",
                    progname, name, d->invalid_utf8, d->first_invalid);
          if (!in.len)
            fprintf(fe, "%s: %s: warning: empty file\n", progname, name);
          if (!rs->graph)
            write_result(fo, rs->fmt, name, in.data, res);
        }
      }
    }
    if (fo)
      fclose(fo);
    if (fe)
      fclose(fe);
    pthread_mutex_lock(&rs->mu);
    if (!rs->graph) {
      /* Extraction output: leave it in the ring, then write out every
       * result whose turn has come, whoever finished it. */
      done_file *slot = &rs->ring[k % RING];
      slot->out = out;
      slot->out_len = out_len;
      slot->err = err;
      slot->err_len = err_len;
      slot->bad = bad;
      slot->bytes = in.len;
      slot->ready = 1;
      out = err = NULL;
      if (fatal)
        rs->failed = 1;
      while (rs->ring[rs->next_commit % RING].ready) {
        done_file *d = &rs->ring[rs->next_commit % RING];
        if (rs->progress && d->err_len)
          fputs("\r\033[K", stderr);
        if (d->err_len)
          fwrite(d->err, 1, d->err_len, stderr);
        if (d->out_len)
          fwrite(d->out, 1, d->out_len, stdout);
        if (d->bad)
          rs->status = EXIT_INPUT;
        rs->bytes_done += d->bytes;
        rs->files_done++;
        free(d->out);
        free(d->err);
        memset(d, 0, sizeof *d);
        rs->next_commit++;
        if (rs->progress)
          show_progress(rs, 0);
      }
    } else {
      /* Graph: the result lives in this worker's extractor, so it is added
       * when its turn comes. */
      while (rs->next_commit != k)
        pthread_cond_wait(&rs->turn, &rs->mu);
      if (rs->progress && err_len)
        fputs("\r\033[K", stderr);
      if (err && err_len)
        fwrite(err, 1, err_len, stderr);
      if (bad)
        rs->status = EXIT_INPUT;
      if (fatal)
        rs->failed = 1;
      if (res) {
        cg_status st = cg_graph_add(rs->graph, res, name);
        if (st) {
          fprintf(stderr, "%s: %s: %s\n", progname, name, cg_strerror(st));
          rs->status = EXIT_INPUT;
          rs->failed = 1;
        }
      }
      rs->bytes_done += in.len;
      rs->files_done++;
      rs->next_commit++;
      if (rs->progress)
        show_progress(rs, 0);
    }
    pthread_cond_broadcast(&rs->turn);
    pthread_mutex_unlock(&rs->mu);
    input_release(&in);
    free(out);
    free(err);
    out = err = NULL;
  }
  /* Let the others pass if this worker stopped early. */
  pthread_mutex_lock(&rs->mu);
  pthread_cond_broadcast(&rs->turn);
  pthread_mutex_unlock(&rs->mu);
  free(in.buf);
  cg_extractor_free(ex);
  return NULL;
}

static long default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (n > 64 ? 64 : n) : 1;
}

/* Runs the workers over one batch of files (rs->files). */
static void run_batch(run_state *rs, long jobs) {
  rs->next_file = rs->next_commit = 0;
  if (jobs < 1)
    jobs = 1;
  if ((size_t)jobs > rs->nfiles)
    jobs = rs->nfiles ? (long)rs->nfiles : 1;
  pthread_t tid[64];
  long started = 0;
  for (long j = 1; j < jobs; j++) {
    if (pthread_create(&tid[started], NULL, worker, rs) != 0)
      break;
    started++;
  }
  worker(rs); /* the calling thread works too */
  for (long j = 0; j < started; j++)
    pthread_join(tid[j], NULL);
  for (size_t k = 0; k < RING; k++) { /* left after an early stop */
    free(rs->ring[k].out);
    free(rs->ring[k].err);
    memset(&rs->ring[k], 0, sizeof rs->ring[k]);
  }
}

#define BATCH 4096

struct corpus_run {
  run_state rs;
  long jobs;
  path_list batch;
  size_t added; /* files found so far */
  int status;
};

static int flush_batch(corpus_run *cr) {
  if (cr->batch.n) {
    cr->rs.files = cr->batch.v;
    cr->rs.nfiles = cr->batch.n;
    run_batch(&cr->rs, cr->jobs);
    path_free(&cr->batch);
    memset(&cr->batch, 0, sizeof cr->batch);
  }
  return interrupted || cr->rs.failed ? -1 : 0;
}

static int add_file(corpus_run *cr, const char *path) {
  if (path_push(&cr->batch, path)) {
    fprintf(stderr, "%s: out of memory\n", progname);
    cr->rs.failed = 1;
    return -1;
  }
  cr->added++;
  return cr->batch.n >= BATCH ? flush_batch(cr) : 0;
}

/* Extracts every input (files; directories walked in name order) with the
 * workers; in graph mode adds the results to g. Returns the exit status. */
static int run_corpus(const cg_catalog *cat, const char *lang, out_format fmt,
                      cg_graph *g, char **args, size_t nargs, long jobs,
                      int quiet, int *fatal) {
  corpus_run *cr = calloc(1, sizeof *cr);
  if (!cr) {
    fprintf(stderr, "%s: out of memory\n", progname);
    return EXIT_INPUT;
  }
  run_state *rs = &cr->rs;
  pthread_mutex_init(&rs->mu, NULL);
  pthread_cond_init(&rs->turn, NULL);
  rs->cat = cat;
  rs->lang = lang;
  rs->fmt = fmt;
  rs->graph = g;
  rs->progress = !quiet && isatty(STDERR_FILENO);
  rs->started = now_seconds();
  cr->jobs = jobs;
  dir_id seen[65];
  for (size_t i = 0; i < nargs && !interrupted && !rs->failed; i++) {
    struct stat st;
    if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      size_t before = cr->added;
      if (walk(args[i], cr, seen, 0, &cr->status))
        break;
      if (cr->added == before) {
        fprintf(stderr, "%s: %s: directory holds no files\n", progname,
                args[i]);
        cr->status = EXIT_INPUT;
      }
    } else if (add_file(cr, args[i])) {
      break;
    }
  }
  flush_batch(cr);
  path_free(&cr->batch);
  if (rs->progress)
    show_progress(rs, 1);
  int status = rs->status > cr->status ? rs->status : cr->status;
  if (rs->failed)
    status = EXIT_INPUT;
  if (fatal)
    *fatal = rs->failed || interrupted;
  if (interrupted) {
    fprintf(stderr, "%s: interrupted after %zu files\n", progname,
            rs->files_done);
    status = 130;
  }
  pthread_mutex_destroy(&rs->mu);
  pthread_cond_destroy(&rs->turn);
  free(cr);
  return status;
}

/* Parses "--jobs N" / "-j N". Returns 0, or -1 with a message. */
static int parse_jobs(const char *v, long *jobs) {
  char *end;
  long n = strtol(v, &end, 10);
  if (*end || n < 1 || n > 64) {
    fprintf(stderr, "%s: --jobs wants a number from 1 to 64, not '%s'\n",
            progname, v);
    return -1;
  }
  *jobs = n;
  return 0;
}

/* The options every command takes. */
typedef struct {
  const char *lang, *refs;
  long jobs;
  int quiet;
} common_opts;

/* Reads argv[*i] if it is one of the common options (-q, -j N, --lang L,
 * --refs DIR), moving *i past its value: 1 if it was, 0 if it was not, -1
 * for a bad value (already reported). */
static int common_option(int argc, char **argv, int *i, common_opts *o) {
  const char *a = argv[*i];
  if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
    o->quiet = 1;
    return 1;
  }
  if (*i + 1 >= argc)
    return 0;
  if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0)
    return parse_jobs(argv[++*i], &o->jobs) ? -1 : 1;
  if (strcmp(a, "--lang") == 0)
    o->lang = argv[++*i];
  else if (strcmp(a, "--refs") == 0)
    o->refs = argv[++*i];
  else
    return 0;
  return 1;
}

static int cmd_extract(int argc, char **argv) {
  common_opts co = {NULL, NULL, default_jobs(), 0};
  out_format fmt = FMT_JSONL;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  size_t nfiles = 0;
  int only_files = 0;
  if (!files) {
    fprintf(stderr, "%s: out of memory\n", progname);
    return EXIT_INPUT;
  }
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[nfiles++] = argv[i];
    } else if (strcmp(a, "--") == 0) {
      only_files = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_extract(stdout);
      free(files);
      return EXIT_OK;
    } else if ((c = common_option(argc, argv, &i, &co)) != 0) {
      if (c < 0) {
        free(files);
        return EXIT_USAGE;
      }
    } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
      const char *v = argv[++i];
      if (strcmp(v, "jsonl") == 0 || strcmp(v, "json") == 0)
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
  if (load_catalog(co.refs, &cat)) {
    free(files);
    return EXIT_USAGE;
  }
  int status = EXIT_OK;
  if (co.lang && cg_catalog_lang_count(cat)) {
    int found = 0;
    for (size_t i = 0; i < cg_catalog_lang_count(cat); i++)
      found |= strcmp(cg_catalog_lang(cat, i), co.lang) == 0;
    if (!found) {
      fprintf(stderr, "%s: unknown --lang '%s'; the catalogue has:", progname,
              co.lang);
      for (size_t i = 0; i < cg_catalog_lang_count(cat); i++)
        fprintf(stderr, " %s", cg_catalog_lang(cat, i));
      fputc('\n', stderr);
      cg_catalog_free(cat);
      free(files);
      return EXIT_USAGE;
    }
  }
  static char outbuf[1 << 16];
  setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  if (fmt == FMT_TSV)
    fputs("doc\tstart\tend\ttext\ttarget\tkind\tbody\tdate\tlang\tplace\t"
          "paragraph\tfootnote\n",
          stdout);
  int st = run_corpus(cat, co.lang, fmt, NULL, files, nfiles, co.jobs, co.quiet,
                      NULL);
  if (st > status)
    status = st;
  if (fflush(stdout) || ferror(stdout)) {
    fprintf(stderr, "%s: error writing output: %s\n", progname,
            strerror(errno));
    status = EXIT_INPUT;
  }
  cg_catalog_free(cat);
  free(files);
  return status;
}


/* Extracts every input into a new graph and analyses it. Returns the graph
 * or NULL; *status is raised for inputs that fail. */
static cg_graph *build_graph(const cg_catalog *cat, char **args, size_t nargs,
                             const char *lang, long jobs, int quiet,
                             int *status) {
  double t0 = now_seconds();
  cg_graph *g = cg_graph_new(cat);
  if (!g) {
    fprintf(stderr, "%s: out of memory\n", progname);
    *status = EXIT_INPUT;
    return NULL;
  }
  int fatal = 0;
  int st = run_corpus(cat, lang, FMT_JSONL, g, args, nargs, jobs, quiet, &fatal);
  if (st > *status)
    *status = st;
  if (fatal)
    goto fail;
  double t1 = now_seconds();
  t_extract = t1 - t0;
  cg_diag diag;
  if (cg_graph_analyse(g, &diag)) {
    fprintf(stderr, "%s: analysis failed: %s\n", progname, diag.message);
    goto fail;
  }
  t_analyse = now_seconds() - t1;
  if (cg_graph_note(g)[0])
    fprintf(stderr, "%s: note: %s\n", progname, cg_graph_note(g));
  return g;
fail:
  cg_graph_free(g);
  if (*status == EXIT_OK)
    *status = EXIT_INPUT;
  return NULL;
}

/* For top and graph: loads the catalogue and builds the analysed graph of
 * the inputs. Returns NULL with *status set on failure (the catalogue is
 * then freed); on success the caller frees *cat and the graph. */
static cg_graph *graph_of_inputs(const char *cmd, char **args, size_t nargs,
                                 const char *refs, const char *lang, long jobs,
                                 int quiet, cg_catalog **cat, int *status) {
  *cat = NULL;
  if (!nargs) {
    fprintf(stderr, "%s: %s: no input (a file, a directory, or -)\n",
            progname, cmd);
    *status = EXIT_USAGE;
    return NULL;
  }
  if (load_catalog(refs, cat)) {
    *status = EXIT_USAGE;
    return NULL;
  }
  cg_graph *g = build_graph(*cat, args, nargs, lang, jobs, quiet, status);
  if (!g) {
    cg_catalog_free(*cat);
    *cat = NULL;
  }
  return g;
}

/* ------------------------------------------------------------ top */

static void usage_top(FILE *f) {
  fprintf(f,
          "Usage: citegraph top [OPTIONS] PATH...\n"
          "\n"
          "Which instruments are cited most. PATH is a file, a directory "
          "(read\n"
          "recursively) or - for standard input.\n"
          "\n"
          "Options:\n"
          "  -n N           how many to list (default 20)\n"
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
          "  --format F     table (default), tsv or json\n"
          "  -j N, -q, --lang L, --refs DIR   as for extract\n"
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

static const cg_graph *top_graph;
static int top_by; /* 0 citations, 1 mentions, 2 pagerank, 3 authority */

static double metric(const cg_vertex *v) {
  switch (top_by) {
  case 1: return (double)v->mentions;
  case 2: return v->pagerank;
  case 3: return v->authority;
  default: return (double)v->citations;
  }
}

static int cmp_top(const void *a, const void *b) {
  const cg_vertex *x = cg_graph_vertex(top_graph, *(const size_t *)a);
  const cg_vertex *y = cg_graph_vertex(top_graph, *(const size_t *)b);
  double mx = metric(x), my = metric(y);
  if (mx != my)
    return mx > my ? -1 : 1;
  /* Ties: more citing documents, then more mentions, then PageRank. */
  if (x->citations != y->citations)
    return x->citations > y->citations ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  if (x->pagerank != y->pagerank)
    return x->pagerank > y->pagerank ? -1 : 1;
  return strcmp(x->id, y->id);
}

static void print_json_str(const char *s) { json_cstr(stdout, s); }

static int cmd_top(int argc, char **argv) {
  common_opts co = {NULL, NULL, default_jobs(), 0};
  const char *kind = NULL, *body = NULL;
  const char *format = "table", *by = "citations";
  long n = 20;
  char **args = calloc((size_t)argc + 1, sizeof *args);
  size_t nargs = 0;
  if (!args)
    return EXIT_INPUT;
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      args[nargs++] = argv[i];
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_top(stdout);
      free(args);
      return EXIT_OK;
    } else if ((c = common_option(argc, argv, &i, &co)) != 0) {
      if (c < 0) {
        free(args);
        return EXIT_USAGE;
      }
    } else if (i + 1 < argc &&
               (strcmp(a, "-n") == 0 || strcmp(a, "--by") == 0 ||
                strcmp(a, "--kind") == 0 || strcmp(a, "--body") == 0 ||
                strcmp(a, "--format") == 0)) {
      const char *v = argv[++i];
      if (!strcmp(a, "-n")) {
        char *end;
        n = strtol(v, &end, 10);
        if (*end || n <= 0) {
          fprintf(stderr, "%s: -n wants a positive number, not '%s'\n",
                  progname, v);
          free(args);
          return EXIT_USAGE;
        }
      } else if (!strcmp(a, "--by")) {
        by = v;
      } else if (!strcmp(a, "--kind")) {
        kind = v;
      } else if (!strcmp(a, "--body")) {
        body = v;
      } else {
        format = v;
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for top\n", progname, a);
      fprintf(stderr, "Try 'citegraph top --help'.\n");
      free(args);
      return EXIT_USAGE;
    }
  }
  static const char *const bys[] = {"citations", "mentions", "pagerank",
                                    "authority", "cocitation"};
  top_by = -1;
  for (int k = 0; k < 5; k++)
    if (!strcmp(by, bys[k]))
      top_by = k;
  if (top_by < 0 || (strcmp(format, "table") && strcmp(format, "tsv") &&
                     strcmp(format, "json"))) {
    fprintf(stderr, "%s: unknown %s '%s'\n", progname,
            top_by < 0 ? "--by" : "--format", top_by < 0 ? by : format);
    free(args);
    return EXIT_USAGE;
  }
  cg_catalog *cat = NULL;
  int status = EXIT_OK;
  cg_graph *g = graph_of_inputs("top", args, nargs, co.refs, co.lang, co.jobs,
                                co.quiet, &cat, &status);
  free(args);
  if (!g)
    return status;
  size_t nv = cg_graph_vertex_count(g);
  long ndocs = 0, total_mentions = 0;
  for (size_t i = 0; i < nv; i++) {
    const cg_vertex *v = cg_graph_vertex(g, i);
    ndocs += v->in_corpus;
  }
  if (top_by == 4) {
    size_t max = (size_t)n, *pa = calloc(max, sizeof *pa),
           *pb = calloc(max, sizeof *pb);
    long *pc = calloc(max, sizeof *pc);
    size_t k = pa && pb && pc ? cg_graph_cocitations(g, max, pa, pb, pc) : 0;
    if (!strcmp(format, "table"))
      printf("%4s  %-26s  %-26s  %8s\n", "rank", "cited together", "",
             "documents");
    else if (!strcmp(format, "tsv"))
      printf("rank\tfirst\tsecond\tdocuments\n");
    else
      printf("[");
    for (size_t i = 0; i < k; i++) {
      const char *x = cg_graph_vertex(g, pa[i])->id,
                 *y = cg_graph_vertex(g, pb[i])->id;
      if (!strcmp(format, "table"))
        printf("%4zu  %-26s  %-26s  %8ld\n", i + 1, x, y, pc[i]);
      else if (!strcmp(format, "tsv"))
        printf("%zu\t%s\t%s\t%ld\n", i + 1, x, y, pc[i]);
      else {
        printf("%s\n {\"rank\":%zu,\"first\":", i ? "," : "", i + 1);
        print_json_str(x);
        printf(",\"second\":");
        print_json_str(y);
        printf(",\"documents\":%ld}", pc[i]);
      }
    }
    if (!strcmp(format, "json"))
      printf("\n]\n");
    free(pa);
    free(pb);
    free(pc);
    cg_graph_free(g);
    cg_catalog_free(cat);
    return status;
  }
  size_t *idx = malloc((nv ? nv : 1) * sizeof *idx), m = 0;
  if (!idx) {
    cg_graph_free(g);
    cg_catalog_free(cat);
    return EXIT_INPUT;
  }
  int all = kind && !strcmp(kind, "all");
  for (size_t i = 0; i < nv; i++) {
    const cg_vertex *v = cg_graph_vertex(g, i);
    if (v->citations == 0)
      continue;
    if (kind && !all && strcmp(v->kind, kind))
      continue;
    if (!kind && !strcmp(v->kind, "provision"))
      continue;
    if (body && strcmp(v->body, body))
      continue;
    idx[m++] = i;
  }
  /* Each citation edge's mentions, once: the denominator of "share". */
  for (size_t i = 0; i < cg_graph_edge_count(g); i++) {
    const cg_edge *e = cg_graph_edge(g, i);
    if (e->type[0] == 'c')
      total_mentions += e->weight;
  }
  top_graph = g;
  qsort(idx, m, sizeof *idx, cmp_top);
  if ((size_t)n < m)
    m = (size_t)n;
  const char *unit = top_by == 0   ? "documents"
                     : top_by == 1 ? "mentions"
                     : top_by == 2 ? "pagerank"
                                   : "authority";
  if (!strcmp(format, "table")) {
    int wid = 10, wlab = 5;
    for (size_t i = 0; i < m; i++) {
      const cg_vertex *v = cg_graph_vertex(g, idx[i]);
      if ((int)strlen(v->id) > wid)
        wid = (int)strlen(v->id);
      if ((int)strlen(v->label) > wlab)
        wlab = (int)strlen(v->label);
    }
    if (wlab > 40)
      wlab = 40;
    printf("%4s  %-*s  %-*s  %10s  %6s\n", "rank", wid, "identifier", wlab,
           "label", unit, "share");
    for (size_t i = 0; i < m; i++) {
      const cg_vertex *v = cg_graph_vertex(g, idx[i]);
      double share = top_by == 0   ? (ndocs ? 100.0 * (double)v->citations / (double)ndocs : 0)
                     : top_by == 1 ? (total_mentions ? 100.0 * (double)v->mentions / (double)total_mentions : 0)
                                   : 100.0 * metric(v);
      if (top_by >= 2)
        printf("%4zu  %-*s  %-*.*s  %10.6f  %5.1f%%\n", i + 1, wid, v->id, wlab,
               wlab, v->label, metric(v), share);
      else
        printf("%4zu  %-*s  %-*.*s  %10.0f  %5.1f%%\n", i + 1, wid, v->id, wlab,
               wlab, v->label, metric(v), share);
    }
    printf("(%ld documents; %s)\n", ndocs,
           top_by == 0   ? "share: of the documents that cite it"
           : top_by == 1 ? "share: of all mentions"
                         : "share: the score as a percentage");
  } else if (!strcmp(format, "tsv")) {
    printf("rank\tid\tlabel\tkind\tbody\tcitations\tmentions\tpagerank\t"
           "authority\n");
    for (size_t i = 0; i < m; i++) {
      const cg_vertex *v = cg_graph_vertex(g, idx[i]);
      printf("%zu\t%s\t%s\t%s\t%s\t%ld\t%ld\t%.17g\t%.17g\n", i + 1, v->id,
             v->label, v->kind, v->body, v->citations, v->mentions,
             v->pagerank, v->authority);
    }
  } else {
    printf("[");
    for (size_t i = 0; i < m; i++) {
      const cg_vertex *v = cg_graph_vertex(g, idx[i]);
      printf("%s\n {\"rank\":%zu,\"id\":", i ? "," : "", i + 1);
      print_json_str(v->id);
      printf(",\"label\":");
      print_json_str(v->label);
      printf(",\"kind\":");
      print_json_str(v->kind);
      printf(",\"body\":");
      print_json_str(v->body);
      printf(",\"citations\":%ld,\"mentions\":%ld,\"pagerank\":%.17g,"
             "\"authority\":%.17g}",
             v->citations, v->mentions, v->pagerank, v->authority);
    }
    printf("\n]\n");
  }
  free(idx);
  cg_graph_free(g);
  cg_catalog_free(cat);
  return status;
}

/* ------------------------------------------------------------ graph */

static void usage_graph(FILE *f) {
  fprintf(f,
          "Usage: citegraph graph [OPTIONS] -o FILE PATH...\n"
          "\n"
          "Builds the citation graph of the documents (files, directories "
          "read\n"
          "recursively, or - for standard input), analyses it with igraph, "
          "and writes it.\n"
          "\n"
          "Options:\n"
          "  -o FILE          output; for csv, a directory that receives "
          "nodes.csv and\n"
          "                   relationships.csv\n"
          "  --format F       graphml, dot, csv, cypher, json, svg, png, pdf "
          "(default:\n"
          "                   from the extension of FILE)\n"
          "  --top N          keep the N most-cited vertices\n"
          "  --body B         keep one body's vertices (GA, SC, ...)\n"
          "  --kind K         keep one kind (resolution, treaty, ...)\n"
          "  --years A-B      keep vertices dated from year A to year B\n"
          "  --stats          print sizes and seconds per phase on standard "
          "error\n"
          "  -j N, -q, --lang L, --refs DIR   as for extract\n"
          "\n"
          "Pictures (svg, png, pdf) are laid out by Graphviz; above 300 "
          "vertices they keep\n"
          "the 150 most cited unless --top says otherwise.\n"
          "Every vertex carries id, label, kind, body, date, year, title, "
          "url, in_corpus,\n"
          "citations, mentions, pagerank, authority, hub, betweenness, "
          "component and\n"
          "community; every edge type (cites, part_of), weight (mentions), "
          "and where the\n"
          "mentions stood (preamble, operative, footnote, text, "
          "paragraphs).\n"
          "Files are written whole or not at all.\n"
          "\n"
          "Examples:\n"
          "  citegraph graph corpus/ -o graph.graphml\n"
          "  citegraph graph corpus/ -o graph.svg --top 80\n"
          "  citegraph graph corpus/ -o import/ --format csv\n");
}

static int cmd_graph(int argc, char **argv) {
  common_opts co = {NULL, NULL, default_jobs(), 0};
  const char *out = NULL, *format = NULL;
  cg_filter filter;
  memset(&filter, 0, sizeof filter);
  char **args = calloc((size_t)argc + 1, sizeof *args);
  size_t nargs = 0;
  int top_given = 0, stats = 0;
  if (!args)
    return EXIT_INPUT;
  for (int i = 1, c; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      args[nargs++] = argv[i];
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage_graph(stdout);
      free(args);
      return EXIT_OK;
    } else if (strcmp(a, "--stats") == 0) {
      stats = 1;
    } else if ((c = common_option(argc, argv, &i, &co)) != 0) {
      if (c < 0) {
        free(args);
        return EXIT_USAGE;
      }
    } else if (i + 1 < argc &&
               (!strcmp(a, "-o") || !strcmp(a, "--format") ||
                !strcmp(a, "--top") || !strcmp(a, "--body") ||
                !strcmp(a, "--kind") || !strcmp(a, "--years"))) {
      const char *v = argv[++i];
      char *end;
      if (!strcmp(a, "-o")) {
        out = v;
      } else if (!strcmp(a, "--format")) {
        format = v;
      } else if (!strcmp(a, "--top")) {
        long t = strtol(v, &end, 10);
        if (*end || t <= 0) {
          fprintf(stderr, "%s: --top wants a positive number\n", progname);
          free(args);
          return EXIT_USAGE;
        }
        filter.top = (size_t)t;
        top_given = 1;
      } else if (!strcmp(a, "--body")) {
        filter.body = v;
      } else if (!strcmp(a, "--kind")) {
        filter.kind = v;
      } else {
        if (sscanf(v, "%d-%d", &filter.year_from, &filter.year_to) != 2 ||
            filter.year_from > filter.year_to) {
          fprintf(stderr, "%s: --years wants FROM-TO, e.g. 1990-1999\n",
                  progname);
          free(args);
          return EXIT_USAGE;
        }
      }
    } else {
      fprintf(stderr, "%s: unknown option '%s' for graph\n", progname, a);
      fprintf(stderr, "Try 'citegraph graph --help'.\n");
      free(args);
      return EXIT_USAGE;
    }
  }
  cg_format fmt;
  if (!out) {
    fprintf(stderr, "%s: graph: no output (-o FILE)\n", progname);
    free(args);
    return EXIT_USAGE;
  }
  if (cg_format_parse(format ? format : out, &fmt)) {
    fprintf(stderr,
            "%s: unknown format '%s' (graphml, dot, csv, cypher, json, svg, "
            "png, pdf)\n",
            progname, format ? format : out);
    free(args);
    return EXIT_USAGE;
  }
  cg_catalog *cat = NULL;
  int status = EXIT_OK;
  cg_graph *g = graph_of_inputs("graph", args, nargs, co.refs, co.lang, co.jobs,
                                co.quiet, &cat, &status);
  free(args);
  if (!g)
    return status;
  int picture = fmt == CG_FORMAT_SVG || fmt == CG_FORMAT_PNG ||
                fmt == CG_FORMAT_PDF;
  if (picture && !top_given && cg_graph_vertex_count(g) > 300) {
    filter.top = 150;
    fprintf(stderr,
            "%s: note: %zu vertices; the picture keeps the 150 most cited "
            "(use --top N)\n",
            progname, cg_graph_vertex_count(g));
  }
  cg_diag diag;
  double t0 = now_seconds();
  /* Ctrl-C while writing waits until the file is whole. */
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &old);
  cg_status wst = cg_graph_write(g, fmt, out, &filter, &diag);
  sigprocmask(SIG_SETMASK, &old, NULL);
  if (wst) {
    char msg[1200];
    fprintf(stderr, "%s: %s\n", progname,
            cg_diag_format(&diag, msg, sizeof msg));
    status = EXIT_INPUT;
  }
  if (stats)
    fprintf(stderr,
            "%s: %zu vertices, %zu edges; extraction and build %.3f s, "
            "analysis %.3f s, writing %.3f s\n",
            progname, cg_graph_vertex_count(g), cg_graph_edge_count(g),
            t_extract, t_analyse, now_seconds() - t0);
  cg_graph_free(g);
  cg_catalog_free(cat);
  return status;
}

/* "-j4" and "--opt=value" are read as "-j 4" and "--opt value". */
static char **split_args; /* kept for the life of the process */

static char **split_attached(int *argc, char **argv) {
  char **out = split_args = calloc((size_t)*argc * 2 + 1, sizeof *out);
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

static int run(int argc, char **argv);

int main(int argc, char **argv) {
  char **args = split_attached(&argc, argv);
  int status = run(argc, args);
  free(split_args);
  return status;
}

static int run(int argc, char **argv) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
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
  if (strcmp(cmd, "graph") == 0)
    return cmd_graph(argc - 1, argv + 1);
  if (strcmp(cmd, "top") == 0)
    return cmd_top(argc - 1, argv + 1);
  fprintf(stderr, "%s: unknown command '%s'\n", progname, cmd);
  usage_main(stderr);
  return EXIT_USAGE;
}
