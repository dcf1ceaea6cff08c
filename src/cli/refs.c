/* refs.c — `citegraph refs --check`: a catalogue's errors, ambiguities and
 * coverage, as the library's report (cg_catalog_check) says them, written
 * as text, TSV or JSON. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef enum { OUT_TEXT, OUT_TSV, OUT_JSON } out_format;

/* Section titles of the text report, in the order of cg_check_kind. */
static const char *const section[] = {
    "Names declared ambiguous (a text that uses one alone gets no target)",
    "Generic forms (each resolves only to an instrument the document named)",
    "Short titles and abbreviations that are also a body's name",
    "Treaty Series volumes and numbers shared by instruments",
    "adopted_by values that are not resolution or decision identifiers",
    "Instruments without an English full title",
    "Words that begin with a clitic prefix (read whole; split only for titles)",
    "Names in languages without a vocabulary",
    "Keys the loader does not read (misspelled or misplaced: no effect)",
};

static void put_place(FILE *f, const cg_check_finding *x) {
  if (!x->file[0])
    return;
  if (x->line)
    fprintf(f, "  (%s:%lu:%lu)", x->file, x->line, x->column);
  else
    fprintf(f, "  (%s)", x->file);
}

static void write_text(FILE *f, const char *dir, const cg_check_report *rep) {
  size_t n = cg_check_report_count(rep), nl = cg_check_report_languages(rep);
  size_t total = cg_check_report_instruments(rep);
  fprintf(f, "Catalogue %s: %zu instruments, %zu bodies, %zu languages\n\n",
          dir, total, cg_check_report_bodies(rep), nl);
  fprintf(f, "Instruments with a full title, and with any name, per language:\n");
  for (size_t l = 0; l < nl; l++) {
    const cg_check_coverage *c = cg_check_report_coverage(rep, l);
    fprintf(f, "  %-3s %5zu full  %5zu named  of %zu\n", c->lang, c->full,
            c->named, total);
  }
  size_t i = 0;
  for (int kind = 0; kind <= CG_CHECK_UNKNOWN_KEY; kind++) {
    fprintf(f, "\n%s:\n", section[kind]);
    size_t shown = 0;
    for (; i < n && cg_check_report_finding(rep, i)->kind == (cg_check_kind)kind;
         i++, shown++) {
      const cg_check_finding *x = cg_check_report_finding(rep, i);
      fprintf(f, "  %-7s %s%s\"%s\"", x->warning ? "warning" : "note",
              x->lang, x->lang[0] ? "  " : "", x->name);
      if (x->context[0])
        fprintf(f, " in \"%s\"", x->context);
      if (x->ninstruments) {
        fprintf(f, "  %zu: ", x->ninstruments);
        size_t most = x->ninstruments > 8 ? 6 : x->ninstruments;
        for (size_t k = 0; k < most; k++)
          fprintf(f, "%s%s", k ? ", " : "", x->instruments[k]);
        if (most < x->ninstruments)
          fprintf(f, " and %zu more", x->ninstruments - most);
      }
      if (x->body[0])
        fprintf(f, "  body %s", x->body);
      if (x->kind == CG_CHECK_GENERIC && !x->warning) {
        put_place(f, x); /* the section title says what a form does */
      } else {
        fprintf(f, "\n          %s", x->detail);
        put_place(f, x);
      }
      fputc('\n', f);
    }
    if (!shown)
      fprintf(f, "  none\n");
  }
  size_t warnings = cg_check_report_warnings(rep);
  fprintf(f, "\n%zu warning%s, %zu note%s.\n", warnings,
          warnings == 1 ? "" : "s", n - warnings, n - warnings == 1 ? "" : "s");
}

/* A TSV field: tabs and line breaks become spaces. */
static void tsv_field(FILE *f, const char *s) {
  for (; *s; s++)
    fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void write_tsv(FILE *f, const cg_check_report *rep) {
  fputs("kind\tlevel\tlang\tname\tcount\tinstruments\tbody\tcontext\tfile\t"
        "line\tcolumn\tdetail\n", f);
  size_t n = cg_check_report_count(rep);
  for (size_t i = 0; i < n; i++) {
    const cg_check_finding *x = cg_check_report_finding(rep, i);
    fprintf(f, "%s\t%s\t", cg_check_kind_name(x->kind),
            x->warning ? "warning" : "note");
    tsv_field(f, x->lang);
    fputc('\t', f);
    tsv_field(f, x->name);
    fprintf(f, "\t%zu\t", x->ninstruments);
    for (size_t k = 0; k < x->ninstruments; k++) {
      if (k)
        fputc(',', f);
      tsv_field(f, x->instruments[k]);
    }
    fputc('\t', f);
    tsv_field(f, x->body);
    fputc('\t', f);
    tsv_field(f, x->context);
    fputc('\t', f);
    tsv_field(f, x->file);
    fprintf(f, "\t%lu\t%lu\t", x->line, x->column);
    tsv_field(f, x->detail);
    fputc('\n', f);
  }
  size_t total = cg_check_report_instruments(rep);
  for (size_t l = 0; l < cg_check_report_languages(rep); l++) {
    const cg_check_coverage *c = cg_check_report_coverage(rep, l);
    fprintf(f, "coverage\tnote\t%s\tfull titles\t%zu\t\t\t\t\t0\t0\t%zu of %zu "
               "instruments have a full title in %s, %zu a name\n",
            c->lang, c->full, c->full, total, c->lang, c->named);
  }
}

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", f);
    else if (c == '\t')
      fputs("\\t", f);
    else if (c < 0x20)
      fprintf(f, "\\u%04x", c);
    else
      fputc(c, f);
  }
  fputc('"', f);
}

static void write_json(FILE *f, const char *dir, const cg_check_report *rep) {
  size_t n = cg_check_report_count(rep);
  size_t warnings = cg_check_report_warnings(rep);
  fputs("{\"refs\":", f);
  json_string(f, dir);
  fprintf(f, ",\"instruments\":%zu,\"bodies\":%zu,\"warnings\":%zu,"
             "\"notes\":%zu,\"languages\":[",
          cg_check_report_instruments(rep), cg_check_report_bodies(rep),
          warnings, n - warnings);
  for (size_t l = 0; l < cg_check_report_languages(rep); l++) {
    const cg_check_coverage *c = cg_check_report_coverage(rep, l);
    fprintf(f, "%s{\"lang\":", l ? "," : "");
    json_string(f, c->lang);
    fprintf(f, ",\"full\":%zu,\"named\":%zu}", c->full, c->named);
  }
  fputs("],\"findings\":[", f);
  for (size_t i = 0; i < n; i++) {
    const cg_check_finding *x = cg_check_report_finding(rep, i);
    fprintf(f, "%s\n{\"kind\":\"%s\",\"level\":\"%s\",\"lang\":", i ? "," : "",
            cg_check_kind_name(x->kind), x->warning ? "warning" : "note");
    json_string(f, x->lang);
    fputs(",\"name\":", f);
    json_string(f, x->name);
    fputs(",\"instruments\":[", f);
    for (size_t k = 0; k < x->ninstruments; k++) {
      if (k)
        fputc(',', f);
      json_string(f, x->instruments[k]);
    }
    fputs("],\"body\":", f);
    json_string(f, x->body);
    fputs(",\"context\":", f);
    json_string(f, x->context);
    fputs(",\"file\":", f);
    json_string(f, x->file);
    fprintf(f, ",\"line\":%lu,\"column\":%lu,\"detail\":", x->line, x->column);
    json_string(f, x->detail);
    fputc('}', f);
  }
  fputs("]}\n", f);
}

int cmd_refs(int argc, char **argv) {
  const char *refs = NULL, *format = "text";
  int check = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage_refs(stdout);
      return EXIT_OK;
    } else if (!strcmp(a, "--check")) {
      check = 1;
    } else if (i + 1 < argc && !strcmp(a, "--refs")) {
      refs = argv[++i];
    } else if (i + 1 < argc && !strcmp(a, "--format")) {
      format = argv[++i];
    } else {
      fprintf(stderr, "%s: unknown %s '%s' for refs\n", progname,
              a[0] == '-' ? "option" : "argument", a);
      fprintf(stderr, "Try 'citegraph refs --help'.\n");
      return EXIT_USAGE;
    }
  }
  out_format out;
  if (!strcmp(format, "text") || !strcmp(format, "table"))
    out = OUT_TEXT;
  else if (!strcmp(format, "tsv"))
    out = OUT_TSV;
  else if (!strcmp(format, "json"))
    out = OUT_JSON;
  else {
    fprintf(stderr, "%s: unknown --format '%s' (text, tsv or json)\n",
            progname, format);
    return EXIT_USAGE;
  }
  if (!check) {
    fprintf(stderr, "%s: refs needs --check\n", progname);
    usage_refs(stderr);
    return EXIT_USAGE;
  }
  char buf[PATH_MAX + 16];
  const char *dir = catalog_dir(refs, buf, sizeof buf);
  cg_check_report *rep = NULL;
  cg_diag diag;
  cg_status st = cg_catalog_check(dir, &rep, &diag);
  if (st) {
    char msg[1200];
    fprintf(stderr, "%s: %s\n", progname,
            cg_diag_format(&diag, msg, sizeof msg));
    return st == CG_ERR_NOMEM ? EXIT_INPUT : EXIT_USAGE;
  }
  if (out == OUT_TEXT)
    write_text(stdout, dir, rep);
  else if (out == OUT_TSV)
    write_tsv(stdout, rep);
  else
    write_json(stdout, dir, rep);
  cg_check_report_free(rep);
  if (fflush(stdout) || ferror(stdout)) {
    fprintf(stderr, "%s: cannot write the report\n", progname);
    return EXIT_INPUT;
  }
  return EXIT_OK;
}
