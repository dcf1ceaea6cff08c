#include "input.h"
cg_status input_read_html(const char *bytes, size_t len, input_text *out,
                          cg_diag *diag) {
  diag_set(diag, NULL, 0, 0, "todo");
  return CG_ERR_INPUT;
}
