/* report.c — the interactive report: one HTML file that works offline.
 *
 * The page holds the picture (Graphviz SVG, inline), the data of every
 * vertex and edge as JSON, and the script and style sheet of src/report/,
 * compiled in by the Makefile (build/report_assets.c). Vertex i of the
 * JSON is the SVG group with id "v<i>" (draw.c writes those ids). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "export.h"
#include "text.h"

extern const unsigned char report_js[];  /* src/report/report.js */
extern const unsigned char report_css[]; /* src/report/report.css */

/* Edges in the data: [from, to, mentions, type] with type 0 cites, 1
 * part_of (provision to instrument), 2 adopted_by (instrument to the
 * resolution that adopted it). */

/* A JSON string that can stand inside <script>: '<', '>' and '&' are
 * escaped, invalid UTF-8 replaced, control characters escaped. */
static void json_str(FILE *f, const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  putc('"', f);
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '"' || c == '\\')
        fprintf(f, "\\%c", c);
      else if (c < 0x20 || c == '<' || c == '>' || c == '&')
        fprintf(f, "\\u%04x", c);
      else
        putc(c, f);
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = utf8_decode(p + i, n - i, &cp);
    if (k && cp != 0x2028 && cp != 0x2029) {
      fwrite(p + i, 1, k, f);
      i += k;
    } else {
      fputs(k ? (cp == 0x2028 ? "\\u2028" : "\\u2029") : "\\ufffd", f);
      i += k ? k : 1;
    }
  }
  putc('"', f);
}

static void write_data(FILE *f, const picture *p) {
  const cg_graph *g = p->g;
  fputs("{\"vertices\":[", f);
  for (size_t i = 0; i < g->vx.n; i++) {
    const cg_vertex *v = &g->pub_v[i];
    fputs(i ? ",\n[" : "\n[", f);
    json_str(f, v->id);
    putc(',', f);
    json_str(f, v->label);
    putc(',', f);
    json_str(f, v->kind);
    putc(',', f);
    json_str(f, v->body);
    fprintf(f, ",%d,", v->year);
    json_str(f, v->title);
    putc(',', f);
    json_str(f, v->url);
    double pr = v->pagerank == v->pagerank ? v->pagerank : 0; /* not NaN */
    fprintf(f, ",%ld,%ld,%d,%d,%.6g]", v->citations, v->mentions,
            v->in_corpus ? 1 : 0, p->keep[i] ? 1 : 0, pr);
  }
  fputs("],\n\"edges\":[", f);
  for (size_t i = 0; i < g->ex.n; i++) {
    const cg_edge *e = &g->pub_e[i];
    fprintf(f, "%s[%zu,%zu,%ld,%d]", i ? "," : "", e->from, e->to, e->weight,
            e->type[0] == 'c' ? 0 : e->type[0] == 'p' ? 1 : 2);
    if (i % 8 == 7)
      putc('\n', f);
  }
  fputs("]}", f);
}

static void html_text(FILE *f, const char *s) {
  export_put_text(f, s, export_esc_xml);
}

cg_status report_write(const picture *p, const cg_draw_options *o,
                       const char *dest, cg_diag *diag) {
  char *svg = NULL;
  size_t svg_len = 0;
  cg_status st = draw_render(p, o, "svg", 1, &svg, &svg_len, diag);
  if (st)
    return st;
  /* The <svg> element alone: no XML prolog or doctype inside HTML. */
  const char *start = strstr(svg, "<svg");
  char *page = NULL;
  size_t page_len = 0;
  FILE *f = open_memstream(&page, &page_len);
  if (!f) {
    free(svg);
    return CG_ERR_NOMEM;
  }
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"citegraph " CG_VERSION "\">\n<title>",
        f);
  html_text(f, p->title);
  fputs("</title>\n<style>\n", f);
  fputs((const char *)report_css, f);
  fputs("</style>\n</head>\n<body>\n<header>\n<h1>", f);
  html_text(f, p->title);
  fputs("</h1>\n<p class=\"sub\">", f);
  html_text(f, p->subtitle);
  fputs("</p>\n</header>\n<main>\n"
        "<section id=\"picture\">\n<div class=\"toolbar\">\n"
        "<input id=\"search\" type=\"search\" placeholder=\"Search: 687, "
        "Charter, GA 61/144, Chapter VII\" aria-label=\"search\">\n"
        "<span id=\"hits\"></span>\n"
        "<button id=\"zoom-in\" type=\"button\" title=\"zoom in\">+</button>"
        "<button id=\"zoom-out\" type=\"button\" title=\"zoom out\">\xE2\x88\x92</button>"
        "<button id=\"zoom-fit\" type=\"button\" title=\"whole picture\">fit</button>\n"
        "</div>\n<ul id=\"results\"></ul>\n<div id=\"canvas\">\n",
        f);
  if (start)
    fputs(start, f);
  fputs("</div>\n<div id=\"tip\" hidden></div>\n"
        "<p class=\"note\">Scroll to zoom, drag to move; click a vertex for "
        "what cites it and what it cites.</p>\n</section>\n"
        "<aside id=\"panel\"><h2>Details</h2><p class=\"note\">Click a vertex, "
        "a search result or a row of the ranking.</p></aside>\n"
        "<section id=\"ranking\">\n<h2>Ranking</h2>\n<div class=\"filters\">\n"
        "<label>body <select id=\"f-body\"><option value=\"\">all</option>"
        "</select></label>\n"
        "<label>kind <select id=\"f-kind\"><option value=\"\">all</option>"
        "</select></label>\n"
        "<label>years <input id=\"f-from\" type=\"number\" placeholder=\"from\">"
        " \xE2\x80\x93 <input id=\"f-to\" type=\"number\" placeholder=\"to\">"
        "</label>\n"
        "<label>text <input id=\"f-text\" type=\"search\"></label>\n"
        "<span id=\"t-count\" class=\"note\"></span>\n</div>\n"
        "<div class=\"tablewrap\"><table id=\"table\"><thead><tr></tr></thead>"
        "<tbody></tbody></table></div>\n</section>\n"
        "<section id=\"years\">\n<h2>Citations per year</h2>\n"
        "<p class=\"note\">Citations made by the documents of the corpus, by "
        "their year (one per document and cited identifier).</p>\n"
        "<svg id=\"chart\" role=\"img\" aria-label=\"citations per year\"></svg>\n"
        "</section>\n</main>\n<script type=\"application/json\" id=\"data\">\n",
        f);
  write_data(f, p);
  fputs("\n</script>\n<script>\n", f);
  fputs((const char *)report_js, f);
  fputs("</script>\n</body>\n</html>\n", f);
  free(svg);
  if (fclose(f) != 0) {
    free(page);
    return CG_ERR_NOMEM;
  }
  st = export_write_bytes(page, page_len, dest, diag);
  free(page);
  return st;
}
