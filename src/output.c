/* output.c — writing into what a destination names (see output.h). */
#define _GNU_SOURCE /* fopencookie */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* The stream of a destination: stdio over the descriptor, except that once
 * a write fails (a full disk, a signal while a FIFO or a pipe waits) every
 * later one fails at once, with the same errno, instead of trying again;
 * so a writer that goes on calling fputs ends quickly, and a signal ends a
 * blocked write for good. A temporary file is synced before it is closed. */
typedef struct {
  int fd;
  int err;  /* errno of the first failure, or 0 */
  int sync; /* fsync before close */
} sink;

static ssize_t sink_write(void *cookie, const char *buf, size_t n) {
  sink *k = cookie;
  size_t done = 0;
  while (!k->err && done < n) {
    ssize_t w = write(k->fd, buf + done, n - done);
    if (w < 0)
      k->err = errno;
    else
      done += (size_t)w;
  }
  if (k->err) {
    errno = k->err;
    return done ? (ssize_t)done : -1;
  }
  return (ssize_t)n;
}

static int sink_close(void *cookie) {
  sink *k = cookie;
  int rc = 0, err = 0;
  if (k->sync && !k->err && fsync(k->fd) != 0) {
    rc = -1;
    err = errno;
  }
  if (close(k->fd) != 0 && !rc) {
    rc = -1;
    err = errno;
  }
  free(k);
  if (rc)
    errno = err;
  return rc;
}

static FILE *stream_of(int fd, int sync) {
  if (fd < 0)
    return NULL;
  sink *k = calloc(1, sizeof *k);
  cookie_io_functions_t io = {NULL, sink_write, NULL, sink_close};
  FILE *f = k ? fopencookie(k, "wb", io) : NULL;
  if (!f) {
    free(k);
    close(fd);
    errno = ENOMEM;
    return NULL;
  }
  k->fd = fd;
  k->sync = sync;
  return f;
}

FILE *output_open(const char *dest, char *tmp, size_t cap) {
  tmp[0] = '\0';
  if (strcmp(dest, "-") == 0) /* a stream of our own: closing it keeps fd 1 */
    return stream_of(dup(STDOUT_FILENO), 0);
  struct stat st;
  int exists = lstat(dest, &st) == 0;
  if (!exists && errno != ENOENT)
    return NULL;
  if (exists && S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    return NULL;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    /* A symbolic link (followed: its target is written, or created), a
     * device, a FIFO: the bytes go into it, the name is left as it is. */
    return stream_of(open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY |
                                    O_CLOEXEC, 0666), 0);
  }
  /* A regular file or a new name: a temporary file beside it, created
   * anew (O_EXCL never follows a link planted under its name). */
  for (unsigned n = 0; n < 100; n++) {
    int len = n ? snprintf(tmp, cap, "%s.tmp.%ld.%u", dest, (long)getpid(), n)
                : snprintf(tmp, cap, "%s.tmp.%ld", dest, (long)getpid());
    if (len < 0 || (size_t)len >= cap) {
      tmp[0] = '\0';
      errno = ENAMETOOLONG;
      return NULL;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      if (exists) /* the replaced file's permissions, not the umask's */
        (void)fchmod(fd, st.st_mode & 07777);
      FILE *f = stream_of(fd, 1);
      if (!f) {
        int e = errno;
        unlink(tmp);
        tmp[0] = '\0';
        errno = e;
      }
      return f;
    }
    if (errno != EEXIST) {
      tmp[0] = '\0';
      return NULL;
    }
  }
  tmp[0] = '\0';
  errno = EEXIST;
  return NULL;
}

cg_status output_close(FILE *f, const char *tmp, const char *dest,
                       cg_diag *diag) {
  /* The stream fails again with the first failure's errno: the last errno
   * seen is the reason. */
  int bad = ferror(f), err = bad ? errno : 0;
  if (fflush(f) != 0) {
    bad = 1;
    err = errno;
  }
  if (fclose(f) != 0 && !bad) { /* the sync or the close */
    bad = 1;
    err = errno;
  }
  if (!bad)
    return CG_OK;
  diag_set(diag, strcmp(dest, "-") ? dest : "standard output", 0, 0,
           "write failed: %s", strerror(err ? err : EIO));
  if (tmp[0])
    unlink(tmp);
  return CG_ERR_IO;
}

cg_status output_rename(const char *tmp, const char *dest, cg_diag *diag) {
  if (!tmp[0] || rename(tmp, dest) == 0)
    return CG_OK;
  diag_set(diag, dest, 0, 0, "cannot replace: %s", strerror(errno));
  unlink(tmp);
  return CG_ERR_IO;
}

cg_status output_commit(FILE *f, const char *tmp, const char *dest,
                        cg_diag *diag) {
  cg_status st = output_close(f, tmp, dest, diag);
  return st ? st : output_rename(tmp, dest, diag);
}

void output_discard(FILE *f, const char *tmp) {
  if (f)
    fclose(f);
  if (tmp[0])
    unlink(tmp);
}
