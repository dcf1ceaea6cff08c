/* report.c — the interactive HTML report. */
#include "draw.h"

cg_status report_write(const picture *p, const cg_draw_options *o,
                       const char *dest, cg_diag *diag) {
  (void)p; (void)o;
  diag_set(diag, dest, 0, 0, "not yet");
  return CG_ERR_ARG;
}
