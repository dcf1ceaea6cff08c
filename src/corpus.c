/* corpus.c — a run over many files: the directory walk, the worker
 * threads, and each file's documents handed over in input order. */
#define _GNU_SOURCE /* open_memstream, MAP_POPULATE */
#include "corpus.h"
#include "catalog.h"

#include <dirent.h>
#include <fnmatch.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract.h"
#include "records.h"
#include "result.h"
#include "util.h"

/* ------------------------------------------------------------ input */

void corpus_text_release(corpus_text *t) {
  input_text_free(&t->conv.t);
  if (t->mapped)
    munmap((void *)t->raw, t->file_len);
  t->data = t->raw = NULL;
  t->len = t->file_len = 0;
  t->mapped = 0;
}

void corpus_text_free(corpus_text *t) {
  corpus_text_release(t);
  free(t->buf);
  t->buf = NULL;
  t->cap = 0;
}

/* "256 MiB", "1.5 GiB", "800 bytes". */
static void size_text(unsigned long long n, char *out, size_t cap) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double v = (double)n;
  int u = 0;
  while (v >= 1024 && u < 4)
    v /= 1024, u++;
  if (u == 0 || v == (double)(unsigned long long)v)
    snprintf(out, cap, "%.0f %s", v, units[u]);
  else
    snprintf(out, cap, "%.1f %s", v, units[u]);
}

/* Waits until fd can be read, giving up when t->cancel is set. Returns 0,
 * or ECANCELED. */
static int wait_readable(int fd, const corpus_text *t) {
  if (!t->cancel)
    return 0;
  for (;;) {
    if (*t->cancel)
      return ECANCELED;
    struct pollfd p = {fd, POLLIN, 0};
    int r = poll(&p, 1, 100);
    if (r > 0 || (r < 0 && errno != EINTR))
      return 0; /* ready, closed, or an error read() will report */
  }
}

/* Reads a whole file (or stdin for "-"): large regular files are mapped,
 * others read into the reusable buffer, at most t->max_size bytes. Returns
 * 0, or an errno value: EFBIG past the limit (t->len then holds the size
 * of a regular file, refused unread, or 0 for what is read as a stream),
 * ECANCELED when t->cancel stopped a wait. */
static int read_all(const char *path, corpus_text *t) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  t->data = NULL;
  t->len = 0;
  t->mapped = 0;
  if (fd < 0)
    return errno ? errno : EIO;
  struct stat st;
  int err = 0;
  if (fstat(fd, &st) != 0) {
    err = errno;
    goto done;
  }
  if (S_ISDIR(st.st_mode)) {
    err = EISDIR;
    goto done;
  }
  unsigned long long limit = t->max_size ? t->max_size : ULLONG_MAX;
  if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
    t->len = (size_t)st.st_size; /* refused before a byte is read */
    err = EFBIG;
    goto done;
  }
  if (S_ISREG(st.st_mode) && st.st_size >= (1 << 20)) {
    /* Not populated: pages come in as the scanner reaches them and go once
     * it is past them (see drop_behind), so that a large file never needs
     * its size in memory. */
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
      t->data = p;
      t->len = (size_t)st.st_size;
      t->mapped = 1;
      goto done;
    }
  }
  size_t n = 0;
  for (;;) {
    if (n > limit) {
      t->len = 0;
      err = EFBIG;
      goto done;
    }
    if (n + 1 >= t->cap) {
      size_t cap = t->cap ? t->cap * 2 : (1 << 16);
      if (S_ISREG(st.st_mode) && (size_t)st.st_size + 2 > cap)
        cap = (size_t)st.st_size + 2;
      char *p = realloc(t->buf, cap);
      if (!p) {
        err = ENOMEM;
        goto done;
      }
      t->buf = p;
      t->cap = cap;
    }
    if (!S_ISREG(st.st_mode) && (err = wait_readable(fd, t)) != 0)
      goto done;
    size_t want = t->cap - n - 1;
    if (want > limit + 1 - n) /* one byte past the limit tells it apart */
      want = (size_t)(limit + 1 - n);
    ssize_t k = read(fd, t->buf + n, want);
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0) {
      err = errno;
      goto done;
    }
    if (k == 0)
      break;
    n += (size_t)k;
  }
  t->data = t->buf;
  t->len = n;
done:
  if (fd != STDIN_FILENO)
    close(fd);
  return err;
}

/* The pages of a mapped text that a run no longer needs: they leave the
 * process (the file stays in the page cache) and come back, unchanged, if
 * read again. Only a text that is the mapped file itself (not a
 * conversion held in memory) is ever let go. */
typedef struct {
  const char *base; /* the text, when it lies in the file's mapping; or NULL */
  uintptr_t done;   /* the pages below this address were let go */
} page_window;

static uintptr_t page_floor(uintptr_t a) {
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  return page ? a / page * page : a;
}

/* A window over t's text from its start. */
static page_window window_of(const corpus_text *t) {
  page_window w = {NULL, 0};
  if (t->mapped && t->raw && t->data >= t->raw &&
      t->data + t->len <= t->raw + t->file_len) {
    w.base = t->data;
    w.done = page_floor((uintptr_t)t->data); /* the mapping starts a page */
  }
  return w;
}

/* Lets go of the whole pages below text offset `upto`. */
static void drop_behind(void *ctx, size_t upto) {
  page_window *w = ctx;
  if (!w->base)
    return;
  uintptr_t to = page_floor((uintptr_t)w->base + upto);
  if (to > w->done) {
    madvise((void *)w->done, to - w->done, MADV_DONTNEED);
    w->done = to;
  }
}

int corpus_load_file(const char *path, corpus_text *t,
                     const input_options *opt, char *msg, size_t cap) {
  t->format = "text";
  int e = read_all(path, t);
  if (e == ENOMEM)
    return -2;
  if (e == EFBIG) {
    char size[32], limit[32];
    size_text(t->len, size, sizeof size);
    size_text(t->max_size, limit, sizeof limit);
    if (t->len)
      snprintf(msg, cap, "%s, more than the size limit of %s (--max-size); "
               "skipped", size, limit);
    else
      snprintf(msg, cap, "more than the size limit of %s (--max-size) read; "
               "skipped", limit);
    t->len = 0;
    return -1;
  }
  if (e == ECANCELED) {
    snprintf(msg, cap, "interrupted while reading");
    return -1;
  }
  if (e) {
    str_copy(msg, cap, e == EISDIR ? "is a directory" : strerror(e));
    return -1;
  }
  t->raw = t->data;
  t->file_len = t->len;
  cg_diag diag;
  /* The encoding check reads the whole file: a mapped file's pages go as
   * it passes them. */
  input_options o = opt ? *opt : (input_options){.encoding = NULL};
  page_window win = {NULL, 0};
  if (t->mapped) {
    win.base = t->raw;
    win.done = page_floor((uintptr_t)t->raw);
    o.release = drop_behind;
    o.release_ctx = &win;
  }
  cg_status st = input_load(path, t->raw, t->file_len, &o, &t->conv.t, &diag);
  if (st == CG_ERR_NOMEM) {
    corpus_text_release(t);
    return -2;
  }
  if (st) {
    snprintf(msg, cap, "%s, skipped",
             diag.message[0] ? diag.message : cg_strerror(st));
    corpus_text_release(t);
    return -1;
  }
  t->data = t->conv.t.text;
  t->len = t->conv.t.len;
  t->format = input_format_name(t->conv.t.format);
  return 0;
}

/* ------------------------------------------------------------ run state */

/* What a worker leaves for the commit of one file: its messages (severity
 * byte, then the text, NUL-terminated, one after another), its formatted
 * records, and its documents. */
typedef struct {
  cg_buf msgs;
  char *out;
  size_t out_len;
  int out_borrowed;        /* out is the worker's buffer, not to be freed */
  unsigned long long bytes;
  cg_records *recs;        /* the file held records */
  const cg_result *res;    /* the file's text result (turn mode only) */
  const char *format;
  char ident[160];         /* "symbol<TAB>language" when the text is a
                              known document, else "" */
  int bad, ok, ready;
} done_file;

/* Workers run at most RING files ahead of the commit in ring mode. */
#define RING 64
#define BATCH 4096
#define MAX_JOBS 64

typedef struct {
  dev_t dev;
  ino_t ino;
} dir_id;

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t turn;
  done_file ring[RING];
  const cg_catalog *cat;
  const cg_corpus_options *o;
  int turns;               /* workers wait their turn: results are live */
  char **files;            /* the current batch */
  size_t nfiles, next_file, next_commit;
  cg_corpus_stats stats;   /* over all batches */
  cg_status fatal;         /* stops the run */
  unsigned jobs;
  VEC(char *) batch;
  /* Identities seen so far ("symbol<TAB>language" -> first file), to warn
   * when two files claim one: open addressing, keys and files owned. */
  char **id_keys, **id_files;
  size_t id_cap, id_n;
} run_state;

static int cancelled(const run_state *rs) {
  return rs->o->cancel && *rs->o->cancel;
}

static void message(run_state *rs, cg_severity sev, const char *file,
                    unsigned long line, unsigned long column, const char *text) {
  if (sev == CG_MSG_ERROR)
    rs->stats.failed++;
  if (!rs->o->on_message)
    return;
  cg_corpus_message m = {sev, file, line, column, text};
  rs->o->on_message(rs->o->ctx, &m);
}

/* Keeps a message for the commit: severity byte, line and column, then
 * the text, NUL-terminated. */
static void note_at(cg_buf *msgs, int *nomem, char sev, unsigned long line,
                    unsigned long column, const char *text) {
  if (buf_putc(msgs, sev) || buf_append(msgs, (const char *)&line, sizeof line) ||
      buf_append(msgs, (const char *)&column, sizeof column) ||
      buf_append(msgs, text, strlen(text) + 1))
    *nomem = 1;
}

static void note(cg_buf *msgs, int *nomem, char sev, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void note(cg_buf *msgs, int *nomem, char sev, const char *fmt, ...) {
  char text[1200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  note_at(msgs, nomem, sev, 0, 0, text);
}

static const char *name_of(const char *path) {
  return strcmp(path, "-") == 0 ? "(stdin)" : path;
}

static void deliver(run_state *rs, size_t k, const char *path,
                    const char *name, const cg_result *res,
                    const char *records, size_t records_len,
                    const char *format, unsigned long long bytes) {
  const cg_corpus_options *o = rs->o;
  if (rs->fatal)
    return;
  if (o->graph && res) {
    cg_status st = cg_graph_add(o->graph, res, name);
    if (st) {
      message(rs, CG_MSG_ERROR, name, 0, 0, cg_strerror(st));
      rs->fatal = st;
      return;
    }
  }
  rs->stats.documents++;
  if (o->on_document) {
    cg_corpus_doc d = {rs->stats.files, path, name, format, bytes,
                       res, records, records_len};
    (void)k;
    cg_status st = o->on_document(o->ctx, &d);
    if (st)
      rs->fatal = st;
  }
}

/* Warns when the file `name` claims an identity (symbol and language) an
 * earlier file claimed: the graph would take them for one document. */
static void check_identity(run_state *rs, const char *ident, const char *name) {
  if (!ident[0] || rs->fatal)
    return;
  if ((rs->id_n + 1) * 2 > rs->id_cap) {
    size_t cap = rs->id_cap ? rs->id_cap * 2 : 1024;
    char **k = calloc(cap, sizeof *k), **f = calloc(cap, sizeof *f);
    if (!k || !f) {
      free(k);
      free(f);
      rs->fatal = CG_ERR_NOMEM;
      return;
    }
    for (size_t i = 0; i < rs->id_cap; i++) {
      if (!rs->id_keys[i])
        continue;
      size_t j = (size_t)hash_bytes(rs->id_keys[i], strlen(rs->id_keys[i])) & (cap - 1);
      while (k[j])
        j = (j + 1) & (cap - 1);
      k[j] = rs->id_keys[i];
      f[j] = rs->id_files[i];
    }
    free(rs->id_keys);
    free(rs->id_files);
    rs->id_keys = k;
    rs->id_files = f;
    rs->id_cap = cap;
  }
  size_t j = (size_t)hash_bytes(ident, strlen(ident)) & (rs->id_cap - 1);
  for (; rs->id_keys[j]; j = (j + 1) & (rs->id_cap - 1)) {
    if (strcmp(rs->id_keys[j], ident) == 0) {
      char msg[600];
      const char *tab = strchr(ident, '\t');
      snprintf(msg, sizeof msg,
               "is %.*s in %s, as %s is: the graph takes them for one "
               "document",
               (int)(tab - ident), ident, tab + 1, rs->id_files[j]);
      message(rs, CG_MSG_WARNING, name, 0, 0, msg);
      return;
    }
  }
  rs->id_keys[j] = strdup(ident);
  rs->id_files[j] = strdup(name);
  if (!rs->id_keys[j] || !rs->id_files[j]) {
    free(rs->id_keys[j]);
    free(rs->id_files[j]);
    rs->id_keys[j] = rs->id_files[j] = NULL;
    rs->fatal = CG_ERR_NOMEM;
    return;
  }
  rs->id_n++;
}

/* Hands one finished file over, in input order: its messages, then its
 * documents to the graph and to on_document, then progress. Called with
 * the lock held. */
static void commit(run_state *rs, size_t k, done_file *d) {
  const char *path = rs->files[k], *name = name_of(path);
  for (size_t at = 0; at < d->msgs.len;) {
    const char *m = d->msgs.data + at;
    unsigned long line, column;
    memcpy(&line, m + 1, sizeof line);
    memcpy(&column, m + 1 + sizeof line, sizeof column);
    const char *text = m + 1 + sizeof line + sizeof column;
    message(rs, m[0] == 'w' ? CG_MSG_WARNING : CG_MSG_ERROR, name, line,
            column, text);
    at = (size_t)(text - d->msgs.data) + strlen(text) + 1;
  }
  if (d->bad && !d->msgs.len)
    rs->stats.failed++;
  if (d->recs) {
    for (size_t i = 0; i < cg_records_count(d->recs); i++)
      deliver(rs, k, path, cg_records_file(d->recs, i),
              cg_records_result(d->recs, i), NULL, 0, "records", d->bytes);
  } else if (d->ok) {
    check_identity(rs, d->ident, name);
    deliver(rs, k, path, name, d->res, d->out, d->out_len, d->format,
            d->bytes);
  }
  rs->stats.bytes += d->bytes;
  rs->stats.files++;
  if (rs->o->on_progress)
    rs->o->on_progress(rs->o->ctx, rs->stats.files, rs->stats.bytes);
}

static void done_clear(done_file *d) {
  buf_free(&d->msgs);
  if (!d->out_borrowed)
    free(d->out);
  cg_records_free(d->recs);
  memset(d, 0, sizeof *d);
}

/* Citations formatted between two calls of drop_behind. */
#define RECORD_SLICE 256

/* Reads, checks and extracts one file into d. Returns nonzero when out of
 * memory. `res` receives the text's result (valid until the extractor's
 * next use). */
static int process(run_state *rs, cg_extractor *ex, corpus_text *in,
                   cg_buf *out, const char *path, done_file *d) {
  const cg_corpus_options *o = rs->o;
  int nomem = 0;
  char msg[600];
  input_options io = {.encoding = o->encoding};
  int rc = corpus_load_file(path, in, &io, msg, sizeof msg);
  if (rc == -2)
    return 1;
  if (rc) {
    note(&d->msgs, &nomem, 'e', "%s", msg);
    d->bad = 1;
    return nomem;
  }
  d->bytes = in->file_len;
  d->format = in->format;
  int records = o->input == CG_INPUT_RECORDS ||
                (o->input == CG_INPUT_AUTO && cg_records_detect(in->data, in->len));
  cg_diag diag;
  if (records) {
    cg_status st = cg_records_parse(in->data, in->len, name_of(path), &d->recs,
                                    &diag);
    if (st == CG_ERR_NOMEM)
      return 1;
    if (st) {
      note_at(&d->msgs, &nomem, 'e', diag.line, diag.column, diag.message);
      d->bad = 1;
    }
    d->format = "records";
    return nomem;
  }
  page_window win = window_of(in);
  const char *nul = NULL;
  for (size_t at = 0; at < in->len && !nul; at += 1 << 20) {
    size_t n = in->len - at < (1 << 20) ? in->len - at : 1 << 20;
    nul = memchr(in->data + at, '\0', n);
    drop_behind(&win, at + n);
  }
  win = window_of(in); /* the scanner reads from the start again */
  if (nul)
    note(&d->msgs, &nomem, 'w', "NUL byte at byte %zu, read as a space",
         (size_t)(nul - in->data));
  /* Identity when the text gives none: the masthead the PDF layout shows,
   * else the file name. */
  cg_options opts = {.lang = o->lang, .unresolved = o->unresolved,
                     .source = &in->conv};
  char name_sym[128], name_lang[8], hint_lang[8];
  if (!o->ignore_file_names && input_name_lang(path, hint_lang))
    opts.lang_hint = hint_lang;
  opts.self = cg_text_symbol(&in->conv, &opts.self_source);
  if (!opts.self[0] && !o->ignore_file_names &&
      input_name_identity(path, name_sym, sizeof name_sym, name_lang)) {
    opts.self = name_sym;
    opts.self_source = "file name";
  }
  const cg_result *res = NULL;
  if (win.base)
    extract_set_progress(ex, drop_behind, &win);
  cg_status st = cg_extract(ex, in->data, in->len, &opts, &res, &diag);
  extract_set_progress(ex, NULL, NULL);
  if (st) {
    note(&d->msgs, &nomem, 'e', "%s",
         diag.message[0] ? diag.message : cg_strerror(st));
    d->bad = 1;
    return nomem || st == CG_ERR_NOMEM;
  }
  const cg_document *doc = cg_result_document(res);
  if (doc->invalid_utf8)
    note(&d->msgs, &nomem, 'w',
         "%zu invalid UTF-8 sequence(s), first at byte %zu", doc->invalid_utf8,
         doc->first_invalid);
  if (!in->len)
    note(&d->msgs, &nomem, 'w', "empty file");
  if (res->rejected_symbol && res->rejected_symbol[0]) {
    char shown[4 * CG_IDENTIFIER_MAX];
    note(&d->msgs, &nomem, 'w',
         "front-matter symbol '%s' is not an identifier (docs/identifiers.md); "
         "ignored", printable(res->rejected_symbol, shown, sizeof shown));
  }
  if (o->records != CG_RECORDS_NONE) {
    /* Into the worker's buffer, reused from file to file; it is copied
     * only when the file must wait for its turn in the ring. */
    out->len = 0;
    win = window_of(in);
    size_t n = cg_result_count(res);
    for (size_t from = 0; from == 0 || from < n; from += RECORD_SLICE) {
      if (records_format(out, o->records, name_of(path), in->data, res, from,
                         from + RECORD_SLICE))
        return 1;
      if (from + RECORD_SLICE < n)
        drop_behind(&win, cg_result_citation(res, from + RECORD_SLICE)->start);
    }
    d->out = out->data;
    d->out_len = out->len;
    d->out_borrowed = 1;
  }
  d->res = rs->turns ? res : NULL;
  d->ok = 1;
  if (doc->self[0] &&
      str_join(d->ident, sizeof d->ident, doc->self, '\t', doc->lang) >= sizeof d->ident)
    d->ident[0] = '\0';
  return nomem;
}

static void *worker(void *arg) {
  run_state *rs = arg;
  cg_extractor *ex = cg_extractor_new(rs->cat);
  corpus_text in;
  memset(&in, 0, sizeof in);
  cg_buf out = {NULL, 0, 0};
  in.max_size = rs->o->max_size ? rs->o->max_size : CG_MAX_SIZE_DEFAULT;
  in.cancel = rs->o->cancel;
  for (;;) {
    pthread_mutex_lock(&rs->mu);
    while (!rs->turns && rs->next_file >= rs->next_commit + RING &&
           !rs->fatal && !cancelled(rs))
      pthread_cond_wait(&rs->turn, &rs->mu);
    size_t k = rs->next_file++;
    int stop = rs->fatal || cancelled(rs);
    pthread_mutex_unlock(&rs->mu);
    if (k >= rs->nfiles || stop)
      break;
    done_file d;
    memset(&d, 0, sizeof d);
    int nomem = !ex || process(rs, ex, &in, &out, rs->files[k], &d);
    pthread_mutex_lock(&rs->mu);
    if (d.out_borrowed && !rs->turns && rs->next_commit != k) {
      /* Not its turn yet: the records leave the worker's buffer. */
      char *copy = malloc(d.out_len ? d.out_len : 1);
      if (copy) {
        if (d.out_len)
          memcpy(copy, d.out, d.out_len);
      } else {
        nomem = 1;
        d.out_len = 0;
      }
      d.out = copy;
      d.out_borrowed = 0;
    }
    if (nomem && !rs->fatal)
      rs->fatal = CG_ERR_NOMEM;
    if (rs->turns) {
      /* The result lives in this worker's extractor: it is handed over
       * when its turn comes. */
      while (rs->next_commit != k)
        pthread_cond_wait(&rs->turn, &rs->mu);
      if (!nomem)
        commit(rs, k, &d);
      done_clear(&d);
      rs->next_commit++;
    } else {
      /* Leave it in the ring, then hand over every file whose turn has
       * come, whoever finished it. */
      rs->ring[k % RING] = d;
      rs->ring[k % RING].ready = 1;
      while (rs->ring[rs->next_commit % RING].ready) {
        done_file *r = &rs->ring[rs->next_commit % RING];
        if (!rs->fatal)
          commit(rs, rs->next_commit, r);
        done_clear(r);
        rs->next_commit++;
      }
    }
    pthread_cond_broadcast(&rs->turn);
    pthread_mutex_unlock(&rs->mu);
    corpus_text_release(&in);
  }
  /* Let the others pass if this worker stopped early. */
  pthread_mutex_lock(&rs->mu);
  pthread_cond_broadcast(&rs->turn);
  pthread_mutex_unlock(&rs->mu);
  corpus_text_free(&in);
  buf_free(&out);
  cg_extractor_free(ex);
  return NULL;
}

/* Runs the workers over the current batch. */
static void run_batch(run_state *rs) {
  rs->files = rs->batch.v;
  rs->nfiles = rs->batch.n;
  rs->next_file = rs->next_commit = 0;
  unsigned jobs = rs->jobs;
  if (jobs > rs->nfiles)
    jobs = rs->nfiles ? (unsigned)rs->nfiles : 1;
  pthread_t tid[MAX_JOBS];
  unsigned started = 0;
  for (unsigned j = 1; j < jobs; j++) {
    if (pthread_create(&tid[started], NULL, worker, rs) != 0)
      break;
    started++;
  }
  worker(rs); /* the calling thread works too */
  for (unsigned j = 0; j < started; j++)
    pthread_join(tid[j], NULL);
  for (size_t k = 0; k < RING; k++) /* left after an early stop */
    done_clear(&rs->ring[k]);
}

static int flush_batch(run_state *rs) {
  if (rs->batch.n) {
    run_batch(rs);
    for (size_t i = 0; i < rs->batch.n; i++)
      free(rs->batch.v[i]);
    rs->batch.n = 0;
  }
  return cancelled(rs) || rs->fatal ? -1 : 0;
}

/* Files go to the workers in batches as the walk finds them, so memory
 * does not grow with the number of files. */
static int add_file(run_state *rs, const char *path, size_t *added) {
  char *p = strdup(path);
  if (!p || VEC_PUSH(rs->batch, p)) {
    free(p);
    rs->fatal = CG_ERR_NOMEM;
    return -1;
  }
  (*added)++;
  return rs->batch.n >= BATCH ? flush_batch(rs) : 0;
}

typedef struct {
  char *path;
  char kind; /* 'd' directory, 'f' regular file, '?' to be looked at */
} dir_entry;

/* By path, for qsort over pointers to entries (a pointer's width sorts much
 * faster than the struct's). */
static int cmp_entry(const void *a, const void *b) {
  return strcmp((*(const dir_entry *const *)a)->path,
                (*(const dir_entry *const *)b)->path);
}

static int matches_any(const char *const *pats, size_t n, const char *path,
                       const char *base) {
  for (size_t i = 0; i < n; i++)
    if (fnmatch(pats[i], strchr(pats[i], '/') ? path : base, 0) == 0)
      return 1;
  return 0;
}

static int ends_with_ci(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Whether a folder's walk reads this file (cg_corpus_options.include). */
static int walk_takes(const run_state *rs, const char *path) {
  const cg_corpus_options *o = rs->o;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (o->ninclude)
    return matches_any(o->include, o->ninclude, path, base) &&
           !matches_any(o->exclude, o->nexclude, path, base);
  if (matches_any(o->exclude, o->nexclude, path, base))
    return 0;
  static const char *const notes[] = {"SOURCE.md", "README*", "LICENSE*",
                                      "CHANGELOG*", "COPYING*"};
  for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
    if (fnmatch(notes[i], base, FNM_CASEFOLD) == 0)
      return 0;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base)
    return 1; /* text without an extension */
  static const char *const docs[] = {".txt", ".md", ".markdown", ".text",
                                     ".html", ".htm", ".xhtml", ".pdf",
                                     ".docx"};
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
    if (ends_with_ci(base, docs[i]))
      return 1;
  if (o->input != CG_INPUT_TEXTS &&
      (ends_with_ci(base, ".jsonl") || ends_with_ci(base, ".json")))
    return 1;
  /* "A_RES_80_1.en": a text named by its language */
  return catalog_lang_index(rs->cat, dot + 1) >= 0;
}

/* Adds the regular files under dir, recursively and in name order, skipping
 * hidden entries and directories already visited (symbolic-link loops). */
static int walk(run_state *rs, const char *dir, dir_id *seen, size_t nseen,
                size_t *added) {
  struct stat st;
  if (stat(dir, &st) != 0) {
    message(rs, CG_MSG_ERROR, dir, 0, 0, strerror(errno));
    return 0;
  }
  for (size_t i = 0; i < nseen; i++)
    if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino) {
      message(rs, CG_MSG_ERROR, dir, 0, 0, "directory loop, skipped");
      return 0;
    }
  if (nseen >= 64) {
    message(rs, CG_MSG_ERROR, dir, 0, 0, "directories nested too deep, skipped");
    return 0;
  }
  seen[nseen].dev = st.st_dev;
  seen[nseen].ino = st.st_ino;
  DIR *d = opendir(dir);
  if (!d) {
    message(rs, CG_MSG_ERROR, dir, 0, 0, strerror(errno));
    return 0;
  }
  /* The entry's type from readdir spares a stat per file; symbolic links
   * and file systems that do not tell are looked at with stat. */
  VEC(dir_entry) here = {NULL, 0, 0};
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d)) && !rc) {
    if (e->d_name[0] == '.')
      continue;
    char p[PATH_MAX];
    if (str_join(p, sizeof p, dir, '/', e->d_name) >= sizeof p)
      continue;
    dir_entry de = {strdup(p), e->d_type == DT_DIR   ? 'd'
                               : e->d_type == DT_REG ? 'f'
                                                     : '?'};
    if (!de.path || VEC_PUSH(here, de)) {
      free(de.path);
      rs->fatal = CG_ERR_NOMEM;
      rc = -1;
    }
  }
  closedir(d);
  dir_entry **order = here.n ? malloc(here.n * sizeof *order) : NULL;
  if (here.n && !order) {
    rs->fatal = CG_ERR_NOMEM;
    rc = -1;
  }
  for (size_t i = 0; i < here.n && order; i++)
    order[i] = &here.v[i];
  if (order && here.n > 1)
    qsort(order, here.n, sizeof *order, cmp_entry);
  for (size_t i = 0; i < here.n && !rc; i++) {
    const dir_entry *de = order[i];
    char kind = de->kind;
    if (kind == '?') {
      if (stat(de->path, &st) != 0) {
        /* A link that leads nowhere, or round in a loop, is said. */
        message(rs, CG_MSG_ERROR, de->path, 0, 0,
                errno == ELOOP ? "symbolic link loop, skipped"
                : errno == ENOENT ? "symbolic link to nothing, skipped"
                                  : strerror(errno));
        continue;
      }
      kind = S_ISDIR(st.st_mode) ? 'd' : S_ISREG(st.st_mode) ? 'f' : '-';
      if (kind == '-') /* a FIFO or a device in a folder is never read */
        message(rs, CG_MSG_WARNING, de->path, 0, 0,
                "not a regular file, skipped");
    }
    if (kind == 'd')
      rc = walk(rs, de->path, seen, nseen + 1, added);
    else if (kind == 'f' && !walk_takes(rs, de->path))
      rs->stats.skipped++;
    else if (kind == 'f')
      rc = add_file(rs, de->path, added);
  }
  for (size_t i = 0; i < here.n; i++)
    free(here.v[i].path);
  free(here.v);
  free(order);
  return rc;
}

unsigned cg_default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (n > MAX_JOBS ? MAX_JOBS : (unsigned)n) : 1;
}

cg_status cg_corpus_run(const cg_catalog *cat, const char *const *paths,
                        size_t npaths, const cg_corpus_options *opts,
                        cg_corpus_stats *stats, cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (stats)
    memset(stats, 0, sizeof *stats);
  if (!cat || !opts || (!paths && npaths) || opts->jobs > MAX_JOBS ||
      opts->input > CG_INPUT_AUTO || opts->records > CG_RECORDS_TSV) {
    diag_set(diag, NULL, 0, 0, "invalid argument");
    return CG_ERR_ARG;
  }
  run_state *rs = calloc(1, sizeof *rs);
  if (!rs) {
    diag_set(diag, NULL, 0, 0, "out of memory");
    return CG_ERR_NOMEM;
  }
  pthread_mutex_init(&rs->mu, NULL);
  pthread_cond_init(&rs->turn, NULL);
  rs->cat = cat;
  rs->o = opts;
  rs->turns = opts->graph || opts->results;
  rs->jobs = opts->jobs ? opts->jobs : cg_default_jobs();
  dir_id seen[65];
  for (size_t i = 0; i < npaths && !cancelled(rs) && !rs->fatal; i++) {
    struct stat st;
    size_t added = 0;
    if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      if (walk(rs, paths[i], seen, 0, &added))
        break;
      if (!added)
        message(rs, CG_MSG_ERROR, paths[i], 0, 0, "directory holds no files");
    } else if (add_file(rs, paths[i], &added)) {
      break;
    }
  }
  flush_batch(rs);
  for (size_t i = 0; i < rs->batch.n; i++)
    free(rs->batch.v[i]);
  free(rs->batch.v);
  rs->stats.cancelled = cancelled(rs);
  cg_status st = rs->fatal;
  if (st)
    diag_set(diag, NULL, 0, 0, "%s", cg_strerror(st));
  if (stats)
    *stats = rs->stats;
  for (size_t i = 0; i < rs->id_cap; i++) {
    free(rs->id_keys[i]);
    free(rs->id_files[i]);
  }
  free(rs->id_keys);
  free(rs->id_files);
  pthread_mutex_destroy(&rs->mu);
  pthread_cond_destroy(&rs->turn);
  free(rs);
  return st;
}
