/* output.h — where a writer's bytes go, so that writing never harms what
 * the destination names.
 *
 * A regular file, or a name not yet taken, is written into a temporary
 * file beside it and renamed over it only when complete: the old file
 * stays whole until the new one is. Anything else is written into, never
 * replaced: a symbolic link is followed (the file it points at is written
 * in place), a device or a FIFO receives the bytes, "-" is standard
 * output. */
#ifndef CG_OUTPUT_H
#define CG_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "citegraph.h"

/* Opens `dest` for writing. For a temporary file its name is stored in
 * `tmp` (`cap` bytes); `tmp` is "" when the bytes go straight to the
 * destination. Returns the stream, or NULL with errno set (EISDIR for a
 * directory). A FIFO without a reader waits for one; a signal ends the
 * wait with EINTR. */
FILE *output_open(const char *dest, char *tmp, size_t cap);

/* Flushes, syncs (a temporary file) and closes `f`; on failure removes the
 * temporary file and says why in diag. Returns CG_OK or CG_ERR_IO. The
 * temporary file, if any, is then renamed with output_rename. */
cg_status output_close(FILE *f, const char *tmp, const char *dest,
                       cg_diag *diag);
cg_status output_rename(const char *tmp, const char *dest, cg_diag *diag);

/* output_close, then output_rename.
 * On any failure removes the temporary file and says why in diag.
 * Returns CG_OK or CG_ERR_IO. */
cg_status output_commit(FILE *f, const char *tmp, const char *dest,
                        cg_diag *diag);

/* Closes `f` and removes the temporary file, if any. */
void output_discard(FILE *f, const char *tmp);

#endif
