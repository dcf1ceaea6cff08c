/* test_catimage.c — compiled catalogues: an image reads back as the same
 * catalogue, a damaged or foreign one is refused, and the cache behind
 * cg_catalog_load_cached makes, reuses, replaces and prunes images. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catimage.h"
#include "suites.h"

static const uint8_t key[CATIMAGE_KEY] = {'t', 'e', 's', 't'};

static cg_catalog *load_refs(void) {
  cg_catalog *cat = NULL;
  cg_diag d;
  ck_assert_msg(cg_catalog_load(test_refs_dir(), &cat, &d) == CG_OK, "%s",
                d.message);
  return cat;
}

/* The records of every file of tests/multilingual through cat, as text. */
static char *extract_all(const cg_catalog *cat) {
  cg_extractor *ex = cg_extractor_new(cat);
  ck_assert_ptr_nonnull(ex);
  size_t cap = 1 << 20, n = 0;
  char *out = malloc(cap);
  ck_assert_ptr_nonnull(out);
  DIR *d = opendir("tests/multilingual");
  ck_assert_ptr_nonnull(d);
  struct dirent *e;
  int files = 0;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
      continue;
    char path[600];
    snprintf(path, sizeof path, "tests/multilingual/%s", e->d_name);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char text[1 << 20];
    size_t tn = fread(text, 1, sizeof text, f);
    fclose(f);
    const cg_result *res;
    ck_assert_int_eq(cg_extract(ex, text, tn, NULL, &res, NULL), CG_OK);
    files++;
    for (size_t i = 0; i < cg_result_count(res); i++) {
      const cg_citation *c = cg_result_citation(res, i);
      if (cap - n < 1024) {
        cap *= 2;
        out = realloc(out, cap);
        ck_assert_ptr_nonnull(out);
      }
      n += (size_t)snprintf(out + n, cap - n, "%s %zu %zu %s %s %s %d\n",
                            e->d_name, c->start, c->end,
                            c->target ? c->target : "-", c->body, c->date,
                            (int)c->kind);
    }
  }
  closedir(d);
  ck_assert_int_gt(files, 10);
  out[n] = '\0';
  cg_extractor_free(ex);
  return out;
}

START_TEST(image_reads_back_as_the_same_catalogue) {
  cg_catalog *cat = load_refs();
  unsigned char *img, *img2;
  size_t len, len2;
  ck_assert_int_eq(catimage_write(cat, key, &img, &len), 0);
  cg_catalog *back = catimage_read(img, len, key, 1);
  ck_assert_ptr_nonnull(back);
  /* Written again, the copy gives the same bytes: nothing was left out. */
  ck_assert_int_eq(catimage_write(back, key, &img2, &len2), 0);
  ck_assert_uint_eq(len, len2);
  ck_assert(memcmp(img, img2, len) == 0);
  ck_assert_uint_eq(cg_catalog_lang_count(back), cg_catalog_lang_count(cat));
  ck_assert_uint_eq(cg_catalog_body_count(back), cg_catalog_body_count(cat));
  char *a = extract_all(cat), *b = extract_all(back);
  ck_assert_uint_gt(strlen(a), 1000);
  ck_assert_str_eq(a, b);
  free(a);
  free(b);
  free(img);
  free(img2);
  cg_catalog_free(back);
  cg_catalog_free(cat);
}
END_TEST

START_TEST(damaged_or_foreign_images_are_refused) {
  cg_catalog *cat = load_refs();
  unsigned char *img;
  size_t len;
  ck_assert_int_eq(catimage_write(cat, key, &img, &len), 0);
  cg_catalog_free(cat);
  uint8_t other[CATIMAGE_KEY] = {'t', 'e', 's', 'u'};
  ck_assert_ptr_null(catimage_read(img, len, other, 1));
  /* Cut anywhere: refused, checksum or not. */
  size_t cuts[] = {0, 1, 39, 40, 41, 48, 100, len / 3, len / 2, len - 8, len - 1};
  for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
    ck_assert_ptr_null(catimage_read(img, cuts[i], key, 1));
    ck_assert_ptr_null(catimage_read(img, cuts[i], key, 0));
  }
  /* One byte changed anywhere: the checksum refuses it. */
  for (size_t at = 40; at < len; at += len / 97 + 1) {
    img[at] ^= 0x20;
    ck_assert_msg(catimage_read(img, len, key, 1) == NULL, "byte %zu", at);
    img[at] ^= 0x20;
  }
  /* Without the checksum, a section's length that lies is refused. */
  img[40] ^= 8;
  ck_assert_ptr_null(catimage_read(img, len, key, 0));
  img[40] ^= 8;
  cg_catalog *ok = catimage_read(img, len, key, 0);
  ck_assert_ptr_nonnull(ok);
  cg_catalog_free(ok);
  free(img);
}
END_TEST

/* A copy of the minimal catalogue the catalog suite writes, small enough
 * to edit. */
static const char INSTRUMENTS[] =
    "instruments:\n"
    "  - id: CHARTA\n"
    "    names:\n"
    "      xx: [Ĉarto de la Unuiĝintaj Nacioj]\n";
static const char BODIES[] =
    "bodies:\n"
    "  - id: GA\n"
    "    prefix: A/RES\n"
    "    numbering: [session]\n"
    "    names:\n"
    "      xx: [Granda Asembleo]\n";
static const char XX[] =
    "lang: xx\n"
    "detect: [zo, ka, mi]\n"
    "words:\n"
    "  resolution: [rezolucio]\n"
    "  of: [zo]\n"
    "months: [unua, dua, tria, kvara, kvina, sesa, sepa, oka, nauxa, deka, "
    "dekunua, dekdua]\n";

static size_t count_images(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    n += strncmp(e->d_name, "catalog-", 8) == 0;
  closedir(d);
  return n;
}

static cg_cache_use load_cached(const char *refs, const char *cache) {
  cg_catalog *cat = NULL;
  cg_diag d;
  cg_cache_use use = (cg_cache_use)-1;
  ck_assert_msg(cg_catalog_load_cached(refs, cache, &cat, &use, &d) == CG_OK,
                "%s", d.message);
  ck_assert_ptr_nonnull(cat);
  ck_assert_str_eq(cg_catalog_body(cat, 0), "GA");
  cg_catalog_free(cat);
  return use;
}

START_TEST(cache_makes_reuses_and_replaces_images) {
  char *refs = tmpdir_new(), *tmp = tmpdir_new();
  ck_assert_int_eq(write_text(refs, "instruments.yaml", INSTRUMENTS), 0);
  ck_assert_int_eq(write_text(refs, "bodies.yaml", BODIES), 0);
  ck_assert_int_eq(write_text(refs, "lang/xx.yaml", XX), 0);
  char cache[4200], image[4600];
  snprintf(cache, sizeof cache, "%s/a/b", tmp); /* made with its parents */
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_WRITTEN);
  ck_assert_uint_eq(count_images(cache), 1);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_READ);
  /* An edited file is another catalogue: a second image. */
  ck_assert_int_eq(write_text(refs, "lang/xx.yaml", "# edited\n"), 0);
  ck_assert_int_eq(write_text(refs, "lang/xx.yaml", XX), 0);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_READ); /* same bytes */
  char edited[sizeof XX + 16];
  snprintf(edited, sizeof edited, "%s# edited\n", XX);
  ck_assert_int_eq(write_text(refs, "lang/xx.yaml", edited), 0);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_WRITTEN);
  ck_assert_uint_eq(count_images(cache), 2);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_READ);
  /* A damaged image is not used, and is replaced. */
  DIR *d = opendir(cache);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strncmp(e->d_name, "catalog-", 8) != 0)
      continue;
    snprintf(image, sizeof image, "%s/%s", cache, e->d_name);
    FILE *f = fopen(image, "r+b");
    ck_assert_ptr_nonnull(f);
    fseek(f, 4000, SEEK_SET);
    fputc('!', f);
    fclose(f);
  }
  closedir(d);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_WRITTEN);
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_READ);
  /* A cache that cannot be written is no error; none at all either. */
  char file[4200];
  snprintf(file, sizeof file, "%s/plain", tmp);
  ck_assert_int_eq(write_text(tmp, "plain", "x"), 0);
  ck_assert_int_eq(load_cached(refs, file), CG_CACHE_UNUSED);
  ck_assert_int_eq(load_cached(refs, NULL), CG_CACHE_UNUSED);
  ck_assert_int_eq(load_cached(refs, ""), CG_CACHE_UNUSED);
  /* Errors are cg_catalog_load's. */
  cg_catalog *cat = (cg_catalog *)refs;
  cg_diag diag;
  ck_assert_int_eq(write_text(refs, "bodies.yaml", "bodies: [\n"), 0);
  ck_assert_int_eq(cg_catalog_load_cached(refs, cache, &cat, NULL, &diag),
                   CG_ERR_SYNTAX);
  ck_assert_ptr_null(cat);
  ck_assert_ptr_nonnull(strstr(diag.file, "bodies.yaml"));
  tmpdir_remove(refs);
  tmpdir_remove(tmp);
}
END_TEST

START_TEST(cache_keeps_the_eight_newest_images) {
  char *refs = tmpdir_new(), *cache = tmpdir_new();
  ck_assert_int_eq(write_text(refs, "instruments.yaml", INSTRUMENTS), 0);
  ck_assert_int_eq(write_text(refs, "bodies.yaml", BODIES), 0);
  for (int i = 0; i < 11; i++) {
    char text[sizeof XX + 32];
    snprintf(text, sizeof text, "%s# version %d\n", XX, i);
    ck_assert_int_eq(write_text(refs, "lang/xx.yaml", text), 0);
    ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_WRITTEN);
    ck_assert_uint_eq(count_images(cache), i < 8 ? (size_t)i + 1 : 8);
  }
  /* The last one made is among those kept. */
  ck_assert_int_eq(load_cached(refs, cache), CG_CACHE_READ);
  tmpdir_remove(refs);
  tmpdir_remove(cache);
}
END_TEST

Suite *catimage_suite(void) {
  Suite *s = suite_create("catimage");
  TCase *tc = tcase_create("image");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, image_reads_back_as_the_same_catalogue);
  tcase_add_test(tc, damaged_or_foreign_images_are_refused);
  tcase_add_test(tc, cache_makes_reuses_and_replaces_images);
  tcase_add_test(tc, cache_keeps_the_eight_newest_images);
  suite_add_tcase(s, tc);
  return s;
}
