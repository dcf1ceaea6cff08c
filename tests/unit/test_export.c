/* test_export.c — the graph writers: what a destination names is written
 * into, never replaced (devices, FIFOs, links), regular files are replaced
 * whole; every format read back by the strict readers of
 * tests/fuzz/validate.h, with hostile identifiers, titles and file names. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "../fuzz/validate.h"
#include "suites.h"

static char *dir;
static cg_graph *graph;
static cg_records *recs;

/* Records of two documents whose titles and file names hold what the
 * formats reserve and what XML forbids. */
static const char hostile[] =
    "{\"record\":\"document\",\"doc\":\"A/RES/80/98\",\"file\":\"a\\\"b<c>&d'e\\\\N]]>--.md\","
    "\"self\":\"A/RES/80/98\",\"title\":\"x\\u0001\\ufffe\\uffff\\ud800\\u0008<script>\\\\\","
    "\"citations\":2}\n"
    "{\"record\":\"citation\",\"doc\":\"A/RES/80/98\",\"start\":0,\"end\":3,"
    "\"target\":\"A/RES/61/144\",\"kind\":\"resolution\",\"place\":\"operative\",\"paragraph\":3}\n"
    "{\"record\":\"citation\",\"doc\":\"A/RES/80/98\",\"start\":4,\"end\":9,"
    "\"target\":\"UNTOC#art_5\",\"kind\":\"provision\",\"place\":\"text\"}\n"
    "{\"record\":\"document\",\"doc\":\"x\\\\y\\\\\",\"file\":\"x\\\\y\\\\\",\"self\":null,"
    "\"title\":\"tab\\there\\nnewline \\\"quoted\\\" \\u2028\",\"citations\":1}\n"
    "{\"record\":\"citation\",\"doc\":\"x\\\\y\\\\\",\"start\":0,\"end\":3,"
    "\"target\":\"S/RES/2331(2016)\",\"kind\":\"resolution\",\"place\":\"text\"}\n";

static void export_setup(void) {
  dir = tmpdir_new();
  graph = cg_graph_new(test_catalog());
  ck_assert_ptr_nonnull(graph);
  cg_diag d;
  ck_assert_int_eq(cg_records_parse(hostile, strlen(hostile), "hostile", &recs, &d),
                   CG_OK);
  ck_assert_int_eq(cg_graph_add_records(graph, recs), CG_OK);
  ck_assert_int_eq(cg_graph_analyse(graph, &d), CG_OK);
}

static void export_teardown(void) {
  cg_graph_free(graph);
  cg_records_free(recs);
  tmpdir_remove(dir);
  graph = NULL;
  recs = NULL;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
  char *buf = malloc(1 << 20);
  ck_assert_ptr_nonnull(buf);
  *len = fread(buf, 1, (1 << 20) - 1, f);
  buf[*len] = '\0';
  fclose(f);
  return buf;
}

static char *path_in(const char *name) {
  static char p[4][1024];
  static int k;
  k = (k + 1) % 4;
  snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
}

static void write_ok(cg_format f, const char *path) {
  cg_diag d;
  cg_status st = cg_graph_write(graph, f, path, NULL, &d);
  ck_assert_msg(st == CG_OK, "%s: %d %s", path, st, d.message);
}

/* Every format, read back strictly. */
START_TEST(hostile_strings_give_well_formed_files) {
  char why[300];
  size_t len, n;
  char *s;
  write_ok(CG_FORMAT_GRAPHML, path_in("g.graphml"));
  s = slurp(path_in("g.graphml"), &len);
  xml_stats xs;
  memset(&xs, 0, sizeof xs);
  xs.count[0] = "node";
  ck_assert_msg(xml_check(s, len, &xs, why, sizeof why) == 0, "GraphML: %s", why);
  ck_assert_uint_eq(xs.elements[0], cg_graph_vertex_count(graph));
  ck_assert_ptr_nonnull(strstr(s, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&lt;script&gt;\\"));
  free(s);

  write_ok(CG_FORMAT_DOT, path_in("g.dot"));
  s = slurp(path_in("g.dot"), &len);
  ck_assert_msg(dot_check(s, len, &n, why, sizeof why) == 0, "DOT: %s", why);
  ck_assert_uint_ge(n, cg_graph_vertex_count(graph));
  ck_assert_ptr_nonnull(strstr(s, "file:x%5Cy%5C"));    /* a path's backslash */
  ck_assert_ptr_nonnull(strstr(s, "script>\xE2\xA7\xB5")); /* a title's: ⧵ */
  free(s);

  write_ok(CG_FORMAT_JSON, path_in("g.json"));
  s = slurp(path_in("g.json"), &len);
  ck_assert_msg(json_check(s, len, why, sizeof why) == 0, "JSON: %s", why);
  free(s);

  write_ok(CG_FORMAT_CYPHER, path_in("g.cypher"));
  s = slurp(path_in("g.cypher"), &len);
  ck_assert_msg(cypher_check(s, len, &n, why, sizeof why) == 0, "Cypher: %s", why);
  free(s);

  write_ok(CG_FORMAT_CSV, path_in("csv/"));
  s = slurp(path_in("csv/nodes.csv"), &len);
  ck_assert_msg(csv_check(s, len, &n, why, sizeof why) == 0, "CSV: %s", why);
  ck_assert_uint_eq(n, cg_graph_vertex_count(graph));
  free(s);

  write_ok(CG_FORMAT_SVG, path_in("g.svg"));
  s = slurp(path_in("g.svg"), &len);
  memset(&xs, 0, sizeof xs);
  ck_assert_msg(xml_check(s, len, &xs, why, sizeof why) == 0, "SVG: %s", why);
  ck_assert(!xs.active && !xs.bad_link);
  ck_assert_uint_ge(xs.class_node, cg_graph_vertex_count(graph));
  free(s);
}
END_TEST

/* Graphviz 2.42's Pango plugin kept a pointer into a freed context: the
 * second picture of a process read freed memory (make asan sees it). */
START_TEST(second_picture_read_freed_memory) {
  for (int i = 0; i < 3; i++) {
    write_ok(CG_FORMAT_SVG, path_in("twice.svg"));
    write_ok(CG_FORMAT_PNG, path_in("twice.png"));
  }
}
END_TEST

/* Two files whose names differ only in what an export drops or replaces
 * ("a\x01", "a"; "a\\b", "a⧵b" in DOT; invalid bytes) were two vertices
 * written under one name: Graphviz read one vertex, GraphML held one id
 * twice (found by tests/fuzz/fuzz_export.c). */
START_TEST(file_names_meet_in_one_vertex) {
  static const char *const names[] = {"a\x01.md", "a.md", "a\\b.md",
                                      "a\u29F5b.md", "x\xFF.md",
                                      "x\xFE.md", "p%01.md", "tab\t.md",
                                      "tab .md"};
  size_t k = sizeof names / sizeof *names;
  cg_graph *g = cg_graph_new(test_catalog());
  ck_assert_ptr_nonnull(g);
  const cg_result *r;
  cg_extractor *ex = cg_extractor_new(test_catalog());
  ck_assert_int_eq(cg_extract(ex, "Text.", 5, NULL, &r, NULL), CG_OK);
  for (size_t i = 0; i < k; i++)
    ck_assert_int_eq(cg_graph_add(g, r, names[i]), CG_OK);
  cg_diag d;
  ck_assert_int_eq(cg_graph_analyse(g, &d), CG_OK);
  ck_assert_uint_eq(cg_graph_vertex_count(g), k);
  char why[300];
  size_t len, n;
  ck_assert_int_eq(cg_graph_write(g, CG_FORMAT_DOT, path_in("n.dot"), NULL, &d), CG_OK);
  char *s = slurp(path_in("n.dot"), &len);
  ck_assert_msg(dot_check(s, len, &n, why, sizeof why) == 0, "%s", why);
  /* Every vertex under a name of its own, as Graphviz reads them. */
  for (size_t i = 0; i < cg_graph_vertex_count(g); i++) {
    char q[200];
    snprintf(q, sizeof q, "\"%s\" [", cg_graph_vertex(g, i)->id);
    const char *first = strstr(s, q);
    ck_assert_msg(first && !strstr(first + 1, q), "%s is not one vertex", q);
  }
  free(s);
  ck_assert_int_eq(cg_graph_write(g, CG_FORMAT_GRAPHML, path_in("n.graphml"), NULL, &d),
                   CG_OK);
  s = slurp(path_in("n.graphml"), &len);
  xml_stats xs;
  memset(&xs, 0, sizeof xs);
  xs.count[0] = "node";
  ck_assert_int_eq(xml_check(s, len, &xs, why, sizeof why), 0);
  ck_assert_uint_eq(xs.elements[0], k);
  ck_assert_ptr_nonnull(strstr(s, "<node id=\"file:a%01.md\">"));
  ck_assert_ptr_nonnull(strstr(s, "<node id=\"file:a%5Cb.md\">"));
  ck_assert_ptr_nonnull(strstr(s, "<node id=\"file:p%2501.md\">"));
  free(s);
  cg_extractor_free(ex);
  cg_graph_free(g);
}
END_TEST

/* The strict readers refuse what they must. */
START_TEST(validators_refuse_broken_files) {
  char why[300];
  size_t n;
  xml_stats xs;
  static const char *const bad_xml[] = {
      "<a>\xEF\xBF\xBE</a>", "<a>\x01</a>", "<a b=\"<\"/>", "<a>&bogus;</a>",
      "<a><b></a></b>", "<a/><b/>", "<a>\xED\xA0\x80</a>", "<!-- a -- b --><a/>",
      "<a x=\"1\" x=\"2\"/>", "<a>]]></a>"};
  for (size_t i = 0; i < sizeof bad_xml / sizeof *bad_xml; i++) {
    memset(&xs, 0, sizeof xs);
    ck_assert_msg(xml_check(bad_xml[i], strlen(bad_xml[i]), &xs, why, sizeof why) != 0,
                  "XML reader took %s", bad_xml[i]);
  }
  memset(&xs, 0, sizeof xs);
  const char *svg = "<svg><a xlink:href=\"https://undocs.org/A\" onload=\"x\"/></svg>";
  ck_assert_int_eq(xml_check(svg, strlen(svg), &xs, why, sizeof why), 0);
  ck_assert(xs.active);
  memset(&xs, 0, sizeof xs);
  svg = "<svg><a href=\"javascript:x\"/><script/></svg>";
  ck_assert_int_eq(xml_check(svg, strlen(svg), &xs, why, sizeof why), 0);
  ck_assert(xs.bad_link && xs.active);
  static const char *const bad_dot[] = {"digraph g { \"a\\\\\" }", "digraph g { \"a }",
                                        "digraph g { a [x=\"\\N\"] }", "digraph g { a ["};
  for (size_t i = 0; i < sizeof bad_dot / sizeof *bad_dot; i++)
    ck_assert_msg(dot_check(bad_dot[i], strlen(bad_dot[i]), &n, why, sizeof why) != 0,
                  "DOT reader took %s", bad_dot[i]);
  static const char *const bad_json[] = {"{\"a\":1,}", "[\"\x01\"]", "[\"\xFF\"]",
                                         "{\"a\" 1}", "[01]", "[1] x"};
  for (size_t i = 0; i < sizeof bad_json / sizeof *bad_json; i++)
    ck_assert_msg(json_check(bad_json[i], strlen(bad_json[i]), why, sizeof why) != 0,
                  "JSON reader took %s", bad_json[i]);
  ck_assert_int_ne(csv_check("a,b\n1\n", 6, &n, why, sizeof why), 0);
  ck_assert_int_ne(csv_check("a\n\"x\n", 5, &n, why, sizeof why), 0);
  ck_assert_int_ne(cypher_check("MATCH (n {id: \"x}) RETURN n;", 28, &n, why, sizeof why), 0);
}
END_TEST

static struct stat stat_of(const char *p) {
  struct stat st;
  ck_assert_msg(lstat(p, &st) == 0, "%s: %s", p, strerror(errno));
  return st;
}

/* -o replaced a symbolic link by a regular file instead of writing its
 * target; a regular file kept its inode (the old contents seen through a
 * hard link changed) and lost its permissions. */
START_TEST(output_symlink_replaced) {
  char *real = path_in("real.graphml"), *link = path_in("link.graphml");
  ck_assert_int_eq(write_text(dir, "real.graphml", "old"), 0);
  ck_assert_int_eq(symlink("real.graphml", link), 0);
  write_ok(CG_FORMAT_GRAPHML, link);
  ck_assert(S_ISLNK(stat_of(link).st_mode));
  size_t len;
  char *s = slurp(real, &len);
  ck_assert_ptr_nonnull(strstr(s, "<graphml"));
  free(s);
  /* A link to nothing: the file it names is created. */
  char *dangling = path_in("dangling.graphml");
  ck_assert_int_eq(symlink("made.graphml", dangling), 0);
  write_ok(CG_FORMAT_DOT, dangling);
  ck_assert(S_ISLNK(stat_of(dangling).st_mode));
  ck_assert(S_ISREG(stat_of(path_in("made.graphml")).st_mode));
}
END_TEST

START_TEST(output_regular_file_replaced_whole) {
  char *p = path_in("keep.graphml"), *hard = path_in("hard.graphml");
  ck_assert_int_eq(write_text(dir, "keep.graphml", "old"), 0);
  ck_assert_int_eq(chmod(p, 0640), 0);
  ck_assert_int_eq(link(p, hard), 0);
  write_ok(CG_FORMAT_GRAPHML, p);
  ck_assert_uint_eq(stat_of(p).st_mode & 07777, 0640);
  size_t len;
  char *s = slurp(hard, &len);
  ck_assert_str_eq(s, "old"); /* renamed over, not written into */
  free(s);
}
END_TEST

/* A device node (mknod, root only) was replaced by a regular file. */
START_TEST(output_device_replaced) {
  char *node = path_in("null");
  if (mknod(node, S_IFCHR | 0666, makedev(1, 3)) != 0)
    return; /* not root: nothing to replace with */
  write_ok(CG_FORMAT_GRAPHML, node);
  ck_assert(S_ISCHR(stat_of(node).st_mode));
}
END_TEST

/* A FIFO was replaced by a regular file: its reader got nothing. */
START_TEST(output_fifo_replaced) {
  char *fifo = path_in("fifo");
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  int rd = open(fifo, O_RDWR | O_NONBLOCK); /* a reader, so open succeeds */
  ck_assert_int_ge(rd, 0);
  write_ok(CG_FORMAT_CYPHER, fifo);
  ck_assert(S_ISFIFO(stat_of(fifo).st_mode));
  char buf[256];
  ck_assert_int_gt(read(rd, buf, sizeof buf), 0);
  ck_assert(!memcmp(buf, "// citegraph", 12));
  close(rd);
}
END_TEST

/* "-" created a file named "-". */
START_TEST(output_dash_is_a_file) {
  char *out = path_in("stdout.json");
  fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert(saved >= 0 && fd >= 0);
  dup2(fd, STDOUT_FILENO);
  close(fd);
  cg_diag d;
  char cwd[1024];
  ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
  ck_assert_int_eq(chdir(dir), 0);
  cg_status st = cg_graph_write(graph, CG_FORMAT_JSON, "-", NULL, &d);
  ck_assert_int_eq(chdir(cwd), 0);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  ck_assert_int_eq(st, CG_OK);
  ck_assert_int_ne(access(path_in("-"), F_OK), 0);
  size_t len;
  char why[200];
  char *s = slurp(out, &len);
  ck_assert_msg(json_check(s, len, why, sizeof why) == 0, "%s", why);
  free(s);
}
END_TEST

/* -o x.csv created a directory; a directory as a file's destination, or a
 * missing folder, failed only after the work. */
START_TEST(csv_creates_directory) {
  cg_diag d;
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_CSV, path_in("x.csv"), &d), CG_ERR_ARG);
  ck_assert_ptr_nonnull(strstr(d.message, "into a directory"));
  ck_assert_int_eq(cg_graph_write(graph, CG_FORMAT_CSV, path_in("x.csv"), NULL, &d),
                   CG_ERR_ARG);
  ck_assert_int_ne(access(path_in("x.csv"), F_OK), 0);
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_CSV, "-", &d), CG_ERR_ARG);
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_CSV, path_in("new/"), &d), CG_OK);
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_CSV, path_in("no/such/"), &d), CG_ERR_ARG);
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_GRAPHML, dir, &d), CG_ERR_ARG);
  ck_assert_ptr_nonnull(strstr(d.message, "is a directory"));
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_GRAPHML, path_in("no/g.graphml"), &d),
                   CG_ERR_ARG);
  ck_assert_int_eq(cg_graph_write_check(CG_FORMAT_SVG, "-", &d), CG_OK);
}
END_TEST

/* A write into a full device was not reported. */
START_TEST(write_error_ignored) {
  if (access("/dev/full", W_OK) != 0)
    return;
  cg_diag d;
  ck_assert_int_eq(cg_graph_write(graph, CG_FORMAT_GRAPHML, "/dev/full", NULL, &d),
                   CG_ERR_IO);
  ck_assert_ptr_nonnull(strstr(d.message, "No space left on device"));
}
END_TEST

Suite *export_suite(void) {
  Suite *s = suite_create("export");
  TCase *tc = tcase_create("formats");
  tcase_add_checked_fixture(tc, export_setup, export_teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, hostile_strings_give_well_formed_files);
  tcase_add_test(tc, second_picture_read_freed_memory);
  tcase_add_test(tc, validators_refuse_broken_files);
  tcase_add_test(tc, file_names_meet_in_one_vertex);
  suite_add_tcase(s, tc);
  tc = tcase_create("destinations");
  tcase_add_checked_fixture(tc, export_setup, export_teardown);
  tcase_add_test(tc, output_symlink_replaced);
  tcase_add_test(tc, output_regular_file_replaced_whole);
  tcase_add_test(tc, output_device_replaced);
  tcase_add_test(tc, output_fifo_replaced);
  tcase_add_test(tc, output_dash_is_a_file);
  tcase_add_test(tc, csv_creates_directory);
  tcase_add_test(tc, write_error_ignored);
  suite_add_tcase(s, tc);
  return s;
}
