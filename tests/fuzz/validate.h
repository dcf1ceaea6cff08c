/* validate.h — readers that check what the exporters write, strictly:
 * XML 1.0 well-formedness (GraphML, SVG), JSON (RFC 8259), DOT as
 * Graphviz's scanner reads it, CSV (RFC 4180, as neo4j-admin reads it)
 * and Cypher string literals and statements. Each returns 0, or -1 with
 * the reason and its byte offset in `why`. Used by the exporters' fuzz
 * target (fuzz_export.c) and the unit tests of the exports.
 *
 * Header-only: every function is static inline. */
#ifndef CG_VALIDATE_H
#define CG_VALIDATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int v_fail(char *why, size_t cap, size_t at, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  snprintf(why, cap, "byte %zu: %s", at, msg);
  return -1;
}

/* One UTF-8 character at s[i..n): its code point and length, 0 when the
 * sequence is not valid UTF-8 (overlong, surrogate, past U+10FFFF). */
static inline size_t v_utf8(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  unsigned c = s[i];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, v = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, v = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, v = c & 0x07, min = 0x10000;
  else
    return 0;
  if (i + len > n)
    return 0;
  for (size_t k = 1; k < len; k++) {
    if ((s[i + k] & 0xC0) != 0x80)
      return 0;
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return 0;
  *cp = v;
  return len;
}

/* The Char production of XML 1.0. */
static inline int v_xml_char(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* ------------------------------------------------------------ XML */

/* What the XML reader saw, for checks beyond well-formedness. */
typedef struct {
  size_t elements[4]; /* elements named as in `count` */
  const char *count[4];
  size_t class_node;  /* attributes class="node" (Graphviz SVG vertices) */
  int active;         /* a script, foreignObject, iframe, object or embed
                         element, or an on* attribute */
  int bad_link;       /* an href that is not a plain https://undocs.org/ URL
                         of the characters a percent-encoded symbol holds */
} xml_stats;

static inline int v_name_start(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         c == ':' || c >= 0x80;
}

static inline int v_name_char(unsigned char c) {
  return v_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* A reference after '&' at s[i]: &name; with a predefined name, or a
 * character reference to an XML Char. Returns its length, or 0. */
static inline size_t v_xml_ref(const char *s, size_t n, size_t i) {
  static const char *const names[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
  for (size_t k = 0; k < 5; k++) {
    size_t l = strlen(names[k]);
    if (i + 1 + l <= n && !memcmp(s + i + 1, names[k], l))
      return l + 1;
  }
  if (i + 2 < n && s[i + 1] == '#') {
    size_t j = i + 2;
    int hex = s[j] == 'x';
    j += hex;
    uint32_t v = 0;
    size_t digits = 0;
    for (; j < n && s[j] != ';'; j++, digits++) {
      char c = s[j];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0 || digits > 8)
        return 0;
      v = v * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (j < n && digits && v_xml_char(v))
      return j + 1 - i;
  }
  return 0;
}

/* Characters (and references) up to a stop byte: text or an attribute
 * value. */
static inline int v_xml_chars(const char *s, size_t n, size_t *i, char stop,
                       int attr, char *why, size_t cap) {
  const unsigned char *u = (const unsigned char *)s;
  while (*i < n && s[*i] != stop) {
    uint32_t cp;
    size_t k = v_utf8(u, n, *i, &cp);
    if (!k)
      return v_fail(why, cap, *i, "invalid UTF-8");
    if (!v_xml_char(cp))
      return v_fail(why, cap, *i, "U+%04X is not an XML character", cp);
    if (cp == '<')
      return v_fail(why, cap, *i, "'<' in %s", attr ? "an attribute" : "text");
    if (cp == '&') {
      size_t r = v_xml_ref(s, n, *i);
      if (!r)
        return v_fail(why, cap, *i, "'&' that starts no reference");
      *i += r;
      continue;
    }
    if (!attr && cp == '>' && *i >= 2 && !memcmp(s + *i - 2, "]]", 2))
      return v_fail(why, cap, *i, "']]>' in text");
    *i += k;
  }
  return 0;
}

static inline int v_safe_link(const char *v, size_t n) {
  static const char prefix[] = "https://undocs.org/";
  if (n < sizeof prefix - 1 || memcmp(v, prefix, sizeof prefix - 1))
    return 0;
  for (size_t i = sizeof prefix - 1; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || strchr("-._~/()+%", c)))
      return 0;
  }
  return 1;
}

static inline int v_ieq(const char *a, size_t n, const char *b) {
  if (strlen(b) != n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if ((a[i] | 0x20) != (b[i] | 0x20))
      return 0;
  return 1;
}

/* Well-formed XML 1.0 with one root element. */
static inline int xml_check(const char *s, size_t n, xml_stats *st, char *why,
                     size_t cap) {
  size_t stack[256], depth = 0, i = 0;
  size_t name_len[256];
  int root_seen = 0;
  while (i < n) {
    if (s[i] != '<') {
      size_t from = i;
      if (v_xml_chars(s, n, &i, '<', 0, why, cap))
        return -1;
      if (!depth)
        for (size_t k = from; k < i; k++)
          if (s[k] != ' ' && s[k] != '\n' && s[k] != '\r' && s[k] != '\t')
            return v_fail(why, cap, k, "text outside the root element");
      continue;
    }
    if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
      const char *end = NULL;
      for (size_t k = i + 4; k + 1 < n; k++)
        if (s[k] == '-' && s[k + 1] == '-') {
          end = s + k;
          break;
        }
      if (!end || (size_t)(end - s) + 2 >= n || end[2] != '>')
        return v_fail(why, cap, i, "comment with '--' inside, or unclosed");
      size_t j = i + 4, stop = (size_t)(end - s);
      for (uint32_t cp; j < stop;) {
        size_t k = v_utf8((const unsigned char *)s, n, j, &cp);
        if (!k || !v_xml_char(cp))
          return v_fail(why, cap, j, "bad character in a comment");
        j += k;
      }
      i = stop + 3;
      continue;
    }
    if (i + 9 <= n && !memcmp(s + i, "<![CDATA[", 9)) {
      const char *end = NULL;
      for (size_t k = i + 9; k + 2 < n && !end; k++)
        if (!memcmp(s + k, "]]>", 3))
          end = s + k;
      if (!end || !depth)
        return v_fail(why, cap, i, "unclosed or misplaced CDATA");
      i = (size_t)(end - s) + 3;
      continue;
    }
    if (i + 2 <= n && s[i + 1] == '?') {
      const char *end = NULL;
      for (size_t k = i + 2; k + 1 < n && !end; k++)
        if (s[k] == '?' && s[k + 1] == '>')
          end = s + k;
      if (!end)
        return v_fail(why, cap, i, "unclosed processing instruction");
      i = (size_t)(end - s) + 2;
      continue;
    }
    if (i + 9 <= n && !memcmp(s + i, "<!DOCTYPE", 9)) {
      if (root_seen || depth)
        return v_fail(why, cap, i, "DOCTYPE after the root");
      size_t k = i + 9;
      char q = 0;
      for (; k < n && (q || s[k] != '>'); k++) {
        if (s[k] == '[' && !q)
          return v_fail(why, cap, k, "internal subset in the DOCTYPE");
        if ((s[k] == '"' || s[k] == '\'') && (!q || q == s[k]))
          q = q ? 0 : s[k];
      }
      if (k >= n)
        return v_fail(why, cap, i, "unclosed DOCTYPE");
      i = k + 1;
      continue;
    }
    /* An element's start or end tag. */
    int end_tag = i + 1 < n && s[i + 1] == '/';
    size_t j = i + 1 + (size_t)end_tag;
    if (j >= n || !v_name_start((unsigned char)s[j]))
      return v_fail(why, cap, i, "'<' that starts no tag");
    size_t name = j;
    while (j < n && v_name_char((unsigned char)s[j]))
      j++;
    size_t nl = j - name;
    if (end_tag) {
      while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
        j++;
      if (j >= n || s[j] != '>')
        return v_fail(why, cap, j, "end tag not closed");
      if (!depth || name_len[depth - 1] != nl ||
          memcmp(s + stack[depth - 1], s + name, nl))
        return v_fail(why, cap, i, "end tag '%.*s' does not match", (int)nl,
                      s + name);
      depth--;
      i = j + 1;
      continue;
    }
    if (!depth && root_seen)
      return v_fail(why, cap, i, "a second root element");
    if (v_ieq(s + name, nl, "script") || v_ieq(s + name, nl, "foreignObject") ||
        v_ieq(s + name, nl, "iframe") || v_ieq(s + name, nl, "object") ||
        v_ieq(s + name, nl, "embed"))
      st->active = 1;
    for (size_t k = 0; k < 4; k++)
      if (st->count[k] && v_ieq(s + name, nl, st->count[k]) &&
          strlen(st->count[k]) == nl && !memcmp(s + name, st->count[k], nl))
        st->elements[k]++;
    /* Attributes. */
    size_t attrs[64], attr_len[64], nattr = 0;
    for (;;) {
      size_t ws = j;
      while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
        j++;
      if (j >= n)
        return v_fail(why, cap, i, "unclosed tag");
      if (s[j] == '>' || (s[j] == '/' && j + 1 < n && s[j + 1] == '>'))
        break;
      if (j == ws || !v_name_start((unsigned char)s[j]))
        return v_fail(why, cap, j, "bad attribute");
      size_t an = j;
      while (j < n && v_name_char((unsigned char)s[j]))
        j++;
      size_t al = j - an;
      for (size_t k = 0; k < nattr; k++)
        if (attr_len[k] == al && !memcmp(s + attrs[k], s + an, al))
          return v_fail(why, cap, an, "attribute given twice");
      if (nattr < 64) {
        attrs[nattr] = an;
        attr_len[nattr++] = al;
      }
      if (al >= 2 && (s[an] | 0x20) == 'o' && (s[an + 1] | 0x20) == 'n')
        st->active = 1;
      while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
        j++;
      if (j >= n || s[j] != '=')
        return v_fail(why, cap, j, "attribute without a value");
      j++;
      while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
        j++;
      if (j >= n || (s[j] != '"' && s[j] != '\''))
        return v_fail(why, cap, j, "attribute value not quoted");
      char q = s[j++];
      size_t vstart = j;
      if (v_xml_chars(s, n, &j, q, 1, why, cap))
        return -1;
      if (j >= n)
        return v_fail(why, cap, vstart, "unclosed attribute value");
      const char *local = memchr(s + an, ':', al);
      local = local ? local + 1 : s + an;
      size_t ll = al - (size_t)(local - (s + an));
      if (v_ieq(local, ll, "href") && !v_safe_link(s + vstart, j - vstart))
        st->bad_link = 1;
      if (al == 5 && !memcmp(s + an, "class", 5) && j - vstart == 4 &&
          !memcmp(s + vstart, "node", 4))
        st->class_node++;
      j++;
    }
    int empty = s[j] == '/';
    i = j + (empty ? 2 : 1);
    root_seen = 1;
    if (!empty) {
      if (depth == 256)
        return v_fail(why, cap, name, "elements nested too deep");
      stack[depth] = name;
      name_len[depth++] = nl;
    }
  }
  if (depth)
    return v_fail(why, cap, n, "element '%.*s' not closed", (int)name_len[depth - 1],
                  s + stack[depth - 1]);
  if (!root_seen)
    return v_fail(why, cap, n, "no root element");
  return 0;
}

/* ------------------------------------------------------------ JSON */

static inline int v_json_value(const char *s, size_t n, size_t *i, int depth,
                        char *why, size_t cap);

static inline void v_json_ws(const char *s, size_t n, size_t *i) {
  while (*i < n && (s[*i] == ' ' || s[*i] == '\n' || s[*i] == '\r' || s[*i] == '\t'))
    (*i)++;
}

static inline int v_json_string(const char *s, size_t n, size_t *i, char *why,
                         size_t cap) {
  const unsigned char *u = (const unsigned char *)s;
  (*i)++;
  while (*i < n && s[*i] != '"') {
    if (u[*i] < 0x20)
      return v_fail(why, cap, *i, "control character in a string");
    if (s[*i] == '\\') {
      if (*i + 1 >= n)
        return v_fail(why, cap, *i, "unterminated escape");
      char e = s[*i + 1];
      if (e == 'u') {
        for (size_t k = 2; k < 6; k++)
          if (*i + k >= n || !strchr("0123456789abcdefABCDEF", s[*i + k]))
            return v_fail(why, cap, *i, "bad \\u escape");
        *i += 6;
      } else if (strchr("\"\\/bfnrt", e) && e) {
        *i += 2;
      } else {
        return v_fail(why, cap, *i, "unknown escape");
      }
      continue;
    }
    uint32_t cp;
    size_t k = v_utf8(u, n, *i, &cp);
    if (!k)
      return v_fail(why, cap, *i, "invalid UTF-8 in a string");
    *i += k;
  }
  if (*i >= n)
    return v_fail(why, cap, *i, "unterminated string");
  (*i)++;
  return 0;
}

static inline int v_json_number(const char *s, size_t n, size_t *i, char *why,
                         size_t cap) {
  size_t j = *i;
  if (j < n && s[j] == '-')
    j++;
  if (j < n && s[j] == '0')
    j++;
  else if (j < n && s[j] >= '1' && s[j] <= '9')
    while (j < n && s[j] >= '0' && s[j] <= '9')
      j++;
  else
    return v_fail(why, cap, j, "bad number");
  if (j < n && s[j] == '.') {
    j++;
    if (j >= n || s[j] < '0' || s[j] > '9')
      return v_fail(why, cap, j, "bad fraction");
    while (j < n && s[j] >= '0' && s[j] <= '9')
      j++;
  }
  if (j < n && (s[j] == 'e' || s[j] == 'E')) {
    j++;
    if (j < n && (s[j] == '+' || s[j] == '-'))
      j++;
    if (j >= n || s[j] < '0' || s[j] > '9')
      return v_fail(why, cap, j, "bad exponent");
    while (j < n && s[j] >= '0' && s[j] <= '9')
      j++;
  }
  *i = j;
  return 0;
}

static inline int v_json_value(const char *s, size_t n, size_t *i, int depth,
                        char *why, size_t cap) {
  v_json_ws(s, n, i);
  if (*i >= n)
    return v_fail(why, cap, *i, "a value is missing");
  if (depth > 64)
    return v_fail(why, cap, *i, "nested too deep");
  char c = s[*i];
  if (c == '"')
    return v_json_string(s, n, i, why, cap);
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    (*i)++;
    v_json_ws(s, n, i);
    if (*i < n && s[*i] == close) {
      (*i)++;
      return 0;
    }
    for (;;) {
      if (c == '{') {
        v_json_ws(s, n, i);
        if (*i >= n || s[*i] != '"')
          return v_fail(why, cap, *i, "a member needs a string name");
        if (v_json_string(s, n, i, why, cap))
          return -1;
        v_json_ws(s, n, i);
        if (*i >= n || s[*i] != ':')
          return v_fail(why, cap, *i, "':' missing");
        (*i)++;
      }
      if (v_json_value(s, n, i, depth + 1, why, cap))
        return -1;
      v_json_ws(s, n, i);
      if (*i < n && s[*i] == ',') {
        (*i)++;
        continue;
      }
      if (*i < n && s[*i] == close) {
        (*i)++;
        return 0;
      }
      return v_fail(why, cap, *i, "',' or '%c' missing", close);
    }
  }
  static const char *const words[] = {"true", "false", "null"};
  for (size_t k = 0; k < 3; k++) {
    size_t l = strlen(words[k]);
    if (*i + l <= n && !memcmp(s + *i, words[k], l)) {
      *i += l;
      return 0;
    }
  }
  return v_json_number(s, n, i, why, cap);
}

/* One JSON value and nothing after it but white space. */
static inline int json_check(const char *s, size_t n, char *why, size_t cap) {
  size_t i = 0;
  if (v_json_value(s, n, &i, 0, why, cap))
    return -1;
  v_json_ws(s, n, &i);
  return i == n ? 0 : v_fail(why, cap, i, "text after the value");
}

/* ------------------------------------------------------------ DOT */

/* DOT as Graphviz's scanner (lib/cgraph/scan.l) reads it: a quoted string
 * ends at the first '"' not right after a backslash, whatever came before
 * that backslash, so a string ending in a backslash runs on. Checks the
 * tokens, that braces and brackets pair, and, for what citegraph writes,
 * that no backslash is written but in \" (a backslash Graphviz would read
 * as an escape of its own). Counts the statements "ID [" (vertices and
 * legend entries, not the graph, node and edge defaults) in *nodes. */
static inline int dot_check(const char *s, size_t n, size_t *nodes, char *why,
                     size_t cap) {
  const unsigned char *u = (const unsigned char *)s;
  int brace = 0, bracket = 0, prev_id = 0, prev_sep = 1, in_attr = 0;
  *nodes = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      i++;
      continue;
    }
    if (c == '"') {
      size_t j = i + 1;
      for (;;) {
        if (j >= n)
          return v_fail(why, cap, i, "a quoted string runs to the end");
        if (s[j] == '\\' && j + 1 < n && s[j + 1] == '"') {
          j += 2;
          continue;
        }
        if (s[j] == '\\')
          return v_fail(why, cap, j, "a backslash Graphviz would read as an escape");
        if (s[j] == '"')
          break;
        if (u[j] < 0x20)
          return v_fail(why, cap, j, "control character in a string");
        uint32_t cp;
        size_t k = v_utf8(u, n, j, &cp);
        if (!k)
          return v_fail(why, cap, j, "invalid UTF-8 in a string");
        j += k;
      }
      i = j + 1;
      if (prev_sep && !in_attr)
        prev_id = 2; /* a statement may start here */
      else
        prev_id = 1;
      prev_sep = 0;
      continue;
    }
    if (c == '<') {
      /* An HTML-like label: brackets nest; Graphviz reads what they hold
       * as XML (with expat), so it must be well-formed. */
      size_t j = i + 1;
      int depth = 1;
      for (; j < n && depth; j++)
        depth += s[j] == '<' ? 1 : s[j] == '>' ? -1 : 0;
      if (depth)
        return v_fail(why, cap, i, "an HTML label runs to the end");
      size_t inner = j - 1 - (i + 1);
      char *x = malloc(inner + 16);
      if (!x)
        return v_fail(why, cap, i, "out of memory");
      memcpy(x, "<l>", 3);
      memcpy(x + 3, s + i + 1, inner);
      memcpy(x + 3 + inner, "</l>", 4);
      xml_stats xs;
      memset(&xs, 0, sizeof xs);
      char sub[200];
      int bad = xml_check(x, inner + 7, &xs, sub, sizeof sub);
      free(x);
      if (bad)
        return v_fail(why, cap, i, "HTML label: %s", sub);
      if (xs.active)
        return v_fail(why, cap, i, "HTML label with a script or an event");
      i = j;
      prev_id = 1;
      prev_sep = 0;
      continue;
    }
    if (v_name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-') {
      if (c == '-' && i + 1 < n && (s[i + 1] == '>' || s[i + 1] == '-')) {
        i += 2;
        prev_id = 0;
        prev_sep = 0;
        continue;
      }
      size_t j = i;
      while (j < n && (v_name_char(u[j]) || u[j] == '#'))
        j++;
      if (j == i)
        j++;
      int keyword = (j - i == 4 && (!memcmp(s + i, "node", 4) ||
                                    !memcmp(s + i, "edge", 4))) ||
                    (j - i == 5 && !memcmp(s + i, "graph", 5));
      i = j;
      prev_id = prev_sep && !in_attr && !keyword ? 2 : 1;
      prev_sep = 0;
      continue;
    }
    switch (c) {
    case '{': brace++; break;
    case '}':
      if (--brace < 0)
        return v_fail(why, cap, i, "'}' without '{'");
      break;
    case '[':
      if (prev_id == 2)
        (*nodes)++;
      bracket++;
      in_attr = 1;
      break;
    case ']':
      if (--bracket < 0)
        return v_fail(why, cap, i, "']' without '['");
      in_attr = 0;
      break;
    case ';': case ',': case '=':
      break;
    default:
      return v_fail(why, cap, i, "unexpected byte 0x%02X", c);
    }
    prev_sep = c == '{' || c == '}' || c == ';' || c == ']';
    if (c != '[')
      prev_id = 0;
    i++;
  }
  if (brace || bracket)
    return v_fail(why, cap, n, "unclosed '{' or '['");
  return 0;
}

/* ------------------------------------------------------------ CSV */

/* Every row has the header's number of fields; quoted fields double their
 * quotes; no line break inside a field (neo4j-admin reads them, but
 * citegraph writes none). Stores the number of rows after the header. */
static inline int csv_check(const char *s, size_t n, size_t *rows, char *why,
                     size_t cap) {
  size_t fields = 0, header = 0, i = 0, row = 0;
  *rows = 0;
  while (i < n) {
    if (s[i] == '"') {
      i++;
      for (;;) {
        if (i >= n)
          return v_fail(why, cap, i, "unclosed quoted field");
        if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') {
          i += 2;
          continue;
        }
        if (s[i] == '"')
          break;
        if (s[i] == '\n' || s[i] == '\r')
          return v_fail(why, cap, i, "line break in a field");
        i++;
      }
      i++;
    } else {
      while (i < n && s[i] != ',' && s[i] != '\n') {
        if (s[i] == '"' || s[i] == '\r')
          return v_fail(why, cap, i, "quote or CR in an unquoted field");
        i++;
      }
    }
    fields++;
    if (i < n && s[i] == ',') {
      i++;
      continue;
    }
    if (i >= n || s[i] != '\n')
      return v_fail(why, cap, i, "field followed by neither ',' nor a newline");
    i++;
    if (!row)
      header = fields;
    else if (fields != header)
      return v_fail(why, cap, i, "row %zu has %zu fields, the header %zu", row,
                    fields, header);
    row++;
    fields = 0;
  }
  *rows = row ? row - 1 : 0;
  return row ? 0 : v_fail(why, cap, 0, "no header");
}

/* ------------------------------------------------------------ Cypher */

/* Statements end with ';' outside strings, brackets and braces pair,
 * double-quoted strings close and hold only \\ and \" escapes, comments
 * are whole lines. Counts the statements. */
static inline int cypher_check(const char *s, size_t n, size_t *statements,
                        char *why, size_t cap) {
  int depth = 0;
  size_t i = 0;
  int open = 0;
  *statements = 0;
  while (i < n) {
    char c = s[i];
    if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && s[i] != '\n')
        i++;
      continue;
    }
    if (c == '"') {
      i++;
      while (i < n && s[i] != '"') {
        if ((unsigned char)s[i] < 0x20)
          return v_fail(why, cap, i, "control character in a string");
        if (s[i] == '\\') {
          if (i + 1 >= n || (s[i + 1] != '\\' && s[i + 1] != '"'))
            return v_fail(why, cap, i, "escape other than \\\\ and \\\"");
          i++;
        }
        i++;
      }
      if (i >= n)
        return v_fail(why, cap, i, "unclosed string");
      i++;
      open = 1;
      continue;
    }
    if (c == '\'')
      return v_fail(why, cap, i, "single-quoted string");
    if (c == '[' || c == '{' || c == '(')
      depth++;
    else if (c == ']' || c == '}' || c == ')') {
      if (--depth < 0)
        return v_fail(why, cap, i, "closing '%c' without an opening one", c);
    } else if (c == ';') {
      if (depth)
        return v_fail(why, cap, i, "';' inside brackets");
      (*statements)++;
      open = 0;
    } else if (c != ' ' && c != '\n' && c != '\t') {
      open = 1;
    }
    i++;
  }
  if (depth || open)
    return v_fail(why, cap, n, "the last statement is not ended");
  return 0;
}

#endif
