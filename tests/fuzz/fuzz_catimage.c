/* fuzz_catimage.c — libFuzzer target: reading a compiled catalogue.
 *
 * A fuzzer's bytes would never get past an image's checksum, nor through
 * its layout by chance. So an input is a list of changes to the real
 * image of refs/: its first four bytes cut the image short (when below its
 * length), then every five bytes are an offset and a byte xored there. The
 * image is read without its checksum; a catalogue that passes the checks
 * must then serve an extraction in every language without fault. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catimage.h"
#include "citegraph.h"

static unsigned char *image;
static size_t image_len;
static const uint8_t key[CATIMAGE_KEY] = {1, 2, 3};

static const char text[] =
    "The General Assembly, recalling its resolution 70/1 of 25 September "
    "2015 and article 5 of the Charter of the United Nations, S/RES/2331 "
    "(2016), el Consejo de Seguridad en su resolución 2231 (2015), la "
    "Convention relative aux droits de l'enfant, резолюция 1373 (2001) "
    "Совета Безопасности, قرار مجلس الأمن 1325 (2000), 安全理事会第2334(2016)号决议, "
    "A/79/5, 第 3 条.";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *dir = getenv("CITEGRAPH_REFS");
  cg_catalog *cat;
  cg_diag diag;
  if (cg_catalog_load(dir ? dir : "refs", &cat, &diag) ||
      catimage_write(cat, key, &image, &image_len)) {
    fprintf(stderr, "fuzz_catimage: cannot make the image: %s\n", diag.message);
    abort();
  }
  cg_catalog_free(cat);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t len = image_len;
  if (size >= 4) {
    size_t cut = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 |
                 (size_t)data[3] << 24;
    if (cut < len)
      len = cut;
    data += 4;
    size -= 4;
  }
  unsigned char *copy = malloc(len ? len : 1);
  if (!copy)
    return 0;
  memcpy(copy, image, len);
  for (; size >= 5 && len; data += 5, size -= 5) {
    size_t at = ((size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 |
                 (size_t)data[3] << 24) % len;
    copy[at] ^= data[4];
  }
  cg_catalog *cat = catimage_read(copy, len, key, 0);
  free(copy);
  if (!cat)
    return 0;
  cg_extractor *ex = cg_extractor_new(cat);
  for (size_t l = 0; ex && l <= cg_catalog_lang_count(cat); l++) {
    /* Each language, then detection. */
    cg_options opts = {.lang = cg_catalog_lang(cat, l), .unresolved = 1};
    const cg_result *res;
    cg_extract(ex, text, sizeof text - 1, &opts, &res, NULL);
  }
  cg_extractor_free(ex);
  cg_catalog_free(cat);
  return 0;
}
