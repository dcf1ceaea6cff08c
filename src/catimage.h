/* catimage.h — a loaded catalogue as one block of bytes, and back.
 *
 * Reading refs/ with libyaml and building its tables takes some 70 ms, most
 * of a short run. The image is the built tables as they lie in memory:
 * reading one back is copying arrays and checking them. An image carries a
 * key, a hash of the exact files it was made from and of the build that
 * made it; one whose key, length, checksum or contents do not hold is not
 * used. */
#ifndef CG_CATIMAGE_H
#define CG_CATIMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

#define CATIMAGE_KEY 16

/* The key of the catalogue made of these files: their names and bytes, and
 * the build. Returns 0, or -1 when a file cannot be read (then no image
 * can stand for the catalogue). */
int catimage_key(const catalog_source *src, size_t nsrc,
                 uint8_t key[CATIMAGE_KEY]);

/* The image of cat under key, in a new buffer (*data, *len; free it), or -1
 * when out of memory. */
int catimage_write(const cg_catalog *cat, const uint8_t key[CATIMAGE_KEY],
                   unsigned char **data, size_t *len);

/* The catalogue in image data[0..len) if it was made under key and holds
 * together, or NULL. `checksum`: 0 skips the checksum, so that a fuzzer's
 * changes reach the checks of the contents. */
cg_catalog *catimage_read(const unsigned char *data, size_t len,
                          const uint8_t key[CATIMAGE_KEY], int checksum);

/* The catalogue in the image file at path, read in place (mapped; its
 * pages are read as they are used), or NULL when there is none or it does
 * not hold. cg_catalog_free unmaps it. */
cg_catalog *catimage_map(const char *path, const uint8_t key[CATIMAGE_KEY]);

#endif
