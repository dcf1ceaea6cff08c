/* extract.c — the grammar and the resolver: tokens to resolved citations.
 *
 * After the scanner, three steps over the token array:
 *   1. phrases: runs of words that name a body or an instrument collapse into
 *      one T_PHRASE token (longest match in the language's trie);
 *   2. header: the document's own body, number and date, from YAML front
 *      matter, its opening line ("The Security Council,") or "adopted by";
 *   3. grammar: small state machines at each citation word (resolution,
 *      decision, article, paragraph, chapter), at document symbols, at
 *      names and at Treaty Series references; the resolver turns what they
 *      find into identifiers with the document's context.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "catalog.h"
#include "citegraph.h"
#include "extract.h"
#include "input.h"
#include "lex.h"
#include "result.h"
#include "text.h"
#include "util.h"

#define NO_STR SIZE_MAX

/* Tokens per chunk: a chunk ends at the first paragraph break after
 * CHUNK_TOKENS tokens, or at CHUNK_TOKENS_MAX in text without breaks. Such
 * a forced cut would fall anywhere, inside a citation too: the grammar
 * then stops before the cut, at the start of the last sentence of the
 * chunk's last eighth (or the first token of that eighth it reaches, in
 * text without sentences), and the next chunk starts there, lexed again.
 * Only a single citation longer than an eighth of a chunk (4,096 tokens)
 * could still be cut. The bound also bounds memory: text without blank
 * lines (one sentence a line, as the UN Parallel Corpus is written) is cut
 * every 32,768 tokens, 1 MB of tokens and about 1 MB of text, whose pages
 * the corpus runner lets go behind each chunk. */
#define CHUNK_TOKENS 16384
#define CHUNK_TOKENS_MAX 32768

typedef struct {
  size_t start, end;
  size_t target, number, body, date; /* offsets into strs, NO_STR = none */
  cg_kind kind;
  cg_place place;
  unsigned paragraph, footnote;
} cit_tmp;

struct cg_extractor {
  const cg_catalog *cat;
  token_list toks;
  cg_strings strs;
  VEC(cit_tmp) tmp;
  cg_citation *cits;
  size_t cits_cap;
  unsigned char *named; /* per instrument: times named in full so far (up to
                           255) */
  uint32_t *named_at;   /* per instrument: when it was last named (a count
                           of namings in the document) */
  uint32_t namings;
  uint32_t *adopted;    /* the instruments a resolution adopts (adopted_by
                           set), so that a document's own annexes are found
                           without a pass over the catalogue */
  size_t nadopted;
  int want_unres;       /* this call collects unresolved candidates */
  VEC(cg_unresolved) unres;
  cg_result res;
  size_t doc_self, doc_body, doc_date, doc_title, doc_lang;
  void (*progress)(void *ctx, size_t done); /* see extract_set_progress */
  void *progress_ctx;
  char rejected[CG_IDENTIFIER_MAX]; /* a front-matter symbol refused */
  uint64_t **trie_up;   /* per language, made when first needed: each trie
                           node's parent << 32 | the word id that leads to
                           it (inst_name_word) */
  size_t chunk_soft, chunk_hard; /* 0: CHUNK_TOKENS, CHUNK_TOKENS_MAX */
  word_memo *memo;      /* the lexer's words of a language with clitics,
                           made when first needed */
};

void extract_set_progress(cg_extractor *ex, void (*fn)(void *ctx, size_t done),
                          void *ctx) {
  ex->progress = fn;
  ex->progress_ctx = ctx;
}

/* A number as cited, before its body is known. */
typedef struct {
  unsigned shape;       /* SHAPE_* */
  size_t first, next;   /* token range */
  char num[64];         /* identifier form before parts: "61/144", "918" */
  char suffix[48];      /* after the part letter: "(X)", "(2016)", or "" */
  char letters[8];      /* lettered parts: "31/6 A" -> "A", "A and B" -> "AB" */
  char date[11];
  char mark[12];        /* the letters that name the body: "CP", "BC", "WHA" */
  size_t end_byte;      /* where the number ends when not at a token's end
                           (a part letter, the first word of a gap), or 0 */
  /* ", para. 20", ", paras. 3 and 4", ", para. 8 (a)" after the number: its
   * paragraphs; ", annex, para. 43 (l)": its annex's (tail_end: the token
   * after them) */
  unsigned paras[8];
  char points[8][4]; /* each paragraph's point, or "" */
  size_t npara, tail_end;
  int annex;            /* ", annex" (with or without paragraphs) */
} ref;

/* The identifier form of part p of r ("31/6A", "2200A(XXI)"). */
static void ref_number(const ref *r, size_t p, char *out, size_t cap) {
  if (r->letters[0])
    str_join(out, cap, r->num, r->letters[p], r->suffix);
  else
    str_cat(out, cap, r->num, r->suffix);
}

typedef struct {
  size_t start, end;
  char path[160];
  cg_place place;
  unsigned para, fn;
} pending_prov;

typedef struct {
  cg_extractor *ex;
  const char *text;
  size_t len;       /* bytes of text: it need not end with a NUL */
  const lang_vocab *lv;
  token *t;
  size_t n;
  int own_body;
  int parent_inst; /* the instrument the text's own title says it supplements
                      ("Protocol …, supplementing the United Nations
                      Convention against …"), or -1 */
  char self[200];
  char own_sym[96]; /* the document's own symbol printed under its heading */
  char own_sym2[96]; /* its second one, of a joint document:
                        "A/78/842–S/2024/384" */
  char doc_date[11]; /* the document's date (YYYY-MM-DD), or "" */
  int masthead_sym; /* own_sym stood on the document's first line */
  const char *self_source; /* where self was read */
  int sent_body, sent_inst;
  int sym_body; /* the body of a symbol just before a decision's number */
  size_t sent_body_end; /* where the text last named sent_body */
  int sent_body_free;   /* and named it for itself, not as a citation's owner */
  cg_place place, main_place;
  unsigned para, fn;
  int last_unts;
  size_t sent_res; /* target of the last resolution cited in the sentence */
  int sent_res_n;  /* how many different ones the sentence cited */
  size_t prev_res; /* the one resolution a sentence before cited, or
                      NO_STR: "… resolution 1612 (2005). In paragraph 8 of
                      the said resolution, …" */
  size_t prev_res_end; /* where it ends in the text */
  size_t sent_res_end; /* where that citation ends in the text */
  int sent_inst_multi; /* more than one instrument named in the sentence */
  int sent_insts[8];    /* the instruments the sentence named, in order */
  size_t nsent_insts;
  uint64_t sent_unknown[16]; /* the sentence named one we cannot tell:
                                the instruments it may be, a bit for each
                                (by index modulo 1024) */
  int sent_unknown_set;       /* some bit of it is */
  int pf_owner;         /* postfix languages: the instrument of the articles
                           just read, or -1 ("《公约》第二条和第三条") */
  size_t pf_end;        /* where they end in the text */
  int sent_bodies[4];   /* bodies named in the sentence, in order */
  size_t nsent_bodies;
  /* The bodies the sentence that carries footnote mark n names, each plus
   * one (0: none), for the footnote's citations that name none;
   * marks_from: the offset after the last mark taken. */
  uint8_t fn_body[256][4];
  uint8_t prev_sent_bodies[4]; /* the same for the sentence that ended last */
  size_t marks_from;
  size_t heading_first, heading_next; /* the document's own heading */
  uint32_t blocked[32]; /* generic names that also began unknown titles */
  int implied_blocked[8];       /* the instruments a generic word means by
                                   itself (`implied`) that an unknown title
                                   of that word made doubtful, */
  uint32_t implied_blocked_at[8]; /* and the count of namings when one last did */
  size_t nimplied_blocked;
  size_t nblocked;
  int owner_lookup; /* the name read is the owner of a provision before it */
  /* Generic names the text defines: "the United Nations Convention on the
   * Law of the Sea (the Convention)". */
  uint32_t defined[16];
  int defined_inst[16];
  uint64_t defined_qual[16]; /* the hash of the capitalized words before the
                                generic name ("(the Compliance Agreement)")
                                or of the words after it ("(« l'Accord
                                relatif à la partie XI »)"), 0 for the
                                generic name alone */
  uint16_t defined_post[16]; /* the bytes of the words after it, or 0 */
  size_t ndefined;
  pending_prov pending[16];
  size_t npending;
  char lead_point[8]; /* a point written before its article's word, or "" */
  size_t lead_start;  /* where that point's word begins */
  size_t opening; /* token index of the opening line, or SIZE_MAX */
  int own_weak;     /* own_body only from the symbol's prefix (a report
                       under A/70/…), not from a line that says who issues
                       the text */
  int own_feminine; /* the opening line's body's name is feminine (Arabic
                       "الجمعية العامة"): 1, 0, or -1 when not known */
  int heading_body; /* the last body named alone on a line of the heading
                       ("General Assembly", "Human Rights Council"), or -1 */
  int list_kind;  /* kind of the sentence's last resolution list, or -1 */
  long list_body_tok; /* its body token, or -1 */
  int list_poss, list_foreign;
  int list_body; /* the body the list's last number went to, or -1 */
  int failed;     /* out of memory */
  /* A chunk cut where no break came: the grammar stops at the first token
   * it reaches from byte stop_at on, and the next chunk is lexed again from
   * a few tokens before it (resume, the left context the grammar looks
   * back at), its tokens before byte skip_to already done. */
  size_t stop_at, skip_to;
  int resumed;
  token resume;
  size_t resume_shift; /* tokens before the context: shifts list_body_tok */
} ctx;

void extractor_set_chunk(cg_extractor *ex, size_t soft, size_t hard) {
  ex->chunk_soft = soft;
  ex->chunk_hard = hard;
}

cg_extractor *cg_extractor_new(const cg_catalog *cat) {
  if (!cat)
    return NULL;
  cg_extractor *ex = calloc(1, sizeof *ex);
  if (!ex)
    return NULL;
  ex->cat = cat;
  ex->named = calloc(cat->insts.n + 1, 1);
  ex->named_at = calloc(cat->insts.n + 1, sizeof *ex->named_at);
  ex->adopted = calloc(cat->insts.n + 1, sizeof *ex->adopted);
  if (!ex->named || !ex->named_at || !ex->adopted) {
    free(ex->named);
    free(ex->named_at);
    free(ex->adopted);
    free(ex);
    return NULL;
  }
  /* In the order of their adopting resolution (then of the catalogue),
   * so that a document finds its own by binary search. */
  for (size_t k = 0; k < cat->insts.n; k++) {
    if (!cat->insts.v[k].adopted_by[0])
      continue;
    size_t at = ex->nadopted++;
    while (at && strcmp(cat->insts.v[ex->adopted[at - 1]].adopted_by,
                        cat->insts.v[k].adopted_by) > 0) {
      ex->adopted[at] = ex->adopted[at - 1];
      at--;
    }
    ex->adopted[at] = (uint32_t)k;
  }
  return ex;
}

void cg_extractor_free(cg_extractor *ex) {
  if (!ex)
    return;
  free(ex->toks.v);
  buf_free(&ex->strs.mem);
  free(ex->tmp.v);
  free(ex->cits);
  free(ex->named);
  free(ex->named_at);
  free(ex->adopted);
  free(ex->unres.v);
  if (ex->trie_up)
    for (size_t l = 0; l < ex->cat->langs.n; l++)
      free(ex->trie_up[l]);
  free(ex->trie_up);
  free(ex->memo);
  free(ex);
}

const char *cg_kind_name(cg_kind kind) {
  switch (kind) {
  case CG_KIND_RESOLUTION: return "resolution";
  case CG_KIND_DECISION: return "decision";
  case CG_KIND_SYMBOL: return "symbol";
  case CG_KIND_TREATY: return "treaty";
  case CG_KIND_PROVISION: return "provision";
  case CG_KIND_TREATY_SERIES: return "treaty_series";
  case CG_KIND_GENERAL_COMMENT: return "general_comment";
  }
  return "unknown";
}

const char *cg_place_name(cg_place place) {
  switch (place) {
  case CG_PLACE_TEXT: return "text";
  case CG_PLACE_PREAMBLE: return "preamble";
  case CG_PLACE_OPERATIVE: return "operative";
  case CG_PLACE_FOOTNOTE: return "footnote";
  }
  return "text";
}

const cg_document *cg_result_document(const cg_result *res) {
  return &res->doc;
}
size_t cg_result_count(const cg_result *res) { return res->count; }
size_t cg_result_unresolved_count(const cg_result *res) { return res->nunres; }
const cg_unresolved *cg_result_unresolved(const cg_result *res, size_t i) {
  return i < res->nunres ? &res->unres[i] : NULL;
}
const cg_citation *cg_result_citation(const cg_result *res, size_t i) {
  return i < res->count ? &res->cits[i] : NULL;
}

/* ------------------------------------------------------------ helpers */

static size_t str_add(ctx *c, const char *s) {
  size_t off = strings_add(&c->ex->strs, s, strlen(s));
  if (off == NO_STR)
    c->failed = 1;
  return off;
}

static int is_word(const token *t, uint32_t cls) {
  return t->type == T_WORD && (t->cls & cls);
}

static int is_punct(const token *t, int ch) {
  return t->type == T_PUNCT && t->val == (uint32_t)ch;
}

static size_t tok_len(const token *t) { return t->end - t->start; }

/* Token t's text into out (cap bytes), cut to fit, NUL-terminated. */
static void token_text(const ctx *c, const token *t, char *out, size_t cap) {
  size_t n = tok_len(t) < cap - 1 ? tok_len(t) : cap - 1;
  memcpy(out, c->text + t->start, n);
  out[n] = '\0';
}

/* The row of rows[0..n) (each `width` bytes, NUL-terminated) that is the
 * folded word f, or -1. */
static int listed(const char *f, const char *rows, size_t width, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (strcmp(f, rows + k * width) == 0)
      return (int)k;
  return -1;
}

/* Whether token t, folded, is one of the n rows of `width` bytes at rows
 * (a language's word list: range_words, year_words, annex_words);
 * token_listed, of rows of 16 bytes. */
static int token_listed_w(const ctx *c, const token *t, const char *rows, size_t width,
                          size_t n) {
  if (!n || tok_len(t) >= width)
    return 0;
  char f[64];
  return fold_word(c->text + t->start, tok_len(t), f, sizeof f) &&
         listed(f, rows, width, n) >= 0;
}

static int token_listed(const ctx *c, const token *t, const char *rows, size_t n) {
  return token_listed_w(c, t, rows, 16, n);
}

/* Whether the text from b to e, folded, is one of the n rows of `width`
 * bytes at rows (whatever tokens the scanner cut it into: "附" and "件"). */
static int span_listed(const ctx *c, size_t b, size_t e, const char *rows, size_t width,
                       size_t n) {
  char f[64];
  size_t fl = n && b < e && e - b < width ? fold_word(c->text + b, e - b, f, sizeof f) : 0;
  return fl && listed(f, rows, width, n) >= 0;
}

/* Whether the word of the text that ends before `pos` (spaces between),
 * whatever token holds it (the last word of a gap: "Recalls section"), is,
 * folded, one of the n rows of `width` bytes at rows. */
static int word_before_listed(const ctx *c, size_t pos, const char *rows, size_t width,
                              size_t n) {
  size_t e = pos;
  while (e > 0 && c->text[e - 1] == ' ')
    e--;
  size_t b = e;
  while (b > 0 && e - b < width && c->text[b - 1] != ' ' && c->text[b - 1] != '\n')
    b--;
  return span_listed(c, b, e, rows, width, n);
}

/* A part of a section's number: "III", "5", "B" (of "II.B"), and in words
 * "الثالث" (third), "جيم" (the letter C). */
static int section_code(const ctx *c, const token *t) {
  return t->type == T_NUM || (t->flags & F_ROMAN) ||
         ((t->type == T_WORD || t->type == T_GAP) && tok_len(t) == 1 &&
          c->text[t->start] >= 'A' && c->text[t->start] <= 'Z') ||
         (t->type == T_WORD && (t->cls & W_ORDNUM) && t->val2) ||
         token_listed(c, t, c->lv->part_letters[0], c->lv->npart_letters);
}

/* A gap of two words that is a section word and its letter in words:
 * "الفرع جيم" (section C). */
static int section_gap(const ctx *c, const token *g) {
  const lang_vocab *lv = c->lv;
  const char *sp = g->type == T_GAP ? memchr(c->text + g->start, ' ', tok_len(g)) : NULL;
  return sp && !memchr(sp + 1, ' ', g->end - (size_t)(sp + 1 - c->text)) &&
         word_before_listed(c, (size_t)(sp - c->text), lv->section_words[0],
                            sizeof lv->section_words[0], lv->nsection_words) &&
         word_before_listed(c, g->end, lv->part_letters[0], sizeof lv->part_letters[0],
                            lv->npart_letters);
}

static const trie_node *phrase_node(const ctx *c, const token *t) {
  return &c->lv->trie.nodes.v[t->val];
}

static const phrase_val *phrase_vals(const ctx *c, const token *t,
                                     size_t *count) {
  const trie_node *nd = phrase_node(c, t);
  *count = nd->vals_count;
  return &c->lv->trie.vals.v[nd->vals_start];
}

static int phrase_has(const ctx *c, const token *t, int type) {
  return t->type == T_PHRASE && ((phrase_node(c, t)->types >> type) & 1);
}

static int is_body_phrase(const ctx *c, const token *t) {
  return phrase_has(c, t, PH_BODY_FULL) || phrase_has(c, t, PH_BODY_SHORT);
}

/* The body a body phrase names, in context; -1 when ambiguous. */
static int resolve_body(const ctx *c, const token *t) {
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  int full = -1, nfull = 0, nshort = 0, only = -1, own = 0, sent = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i].type == PH_BODY_FULL) {
      if (full != v[i].index)
        nfull++;
      full = v[i].index;
    } else if (v[i].type == PH_BODY_SHORT) {
      nshort++;
      only = v[i].index;
      if (v[i].index == c->own_body)
        own = 1;
      if (v[i].index == c->sent_body)
        sent = 1;
    }
  }
  if (nfull == 1)
    return full;
  if (nfull > 1)
    return -1;
  if (own)
    return c->own_body;
  if (sent)
    return c->sent_body;
  if (nshort > 1 && c->sent_inst >= 0 && !c->sent_inst_multi) {
    /* "《生物多样性公约》缔约方大会", "the Convention on Biological Diversity
     * and … the Conference of the Parties": the one that serves the
     * treaty the sentence named */
    int served = -1;
    for (size_t i = 0; i < n; i++)
      if (v[i].type == PH_BODY_SHORT &&
          c->ex->cat->bodies.v[v[i].index].instrument == c->sent_inst)
        served = served >= 0 && served != v[i].index ? -2 : v[i].index;
    if (served >= 0)
      return served;
  }
  return nshort == 1 ? only : -1;
}

/* A short body name that is the head of another body's name: "Governing
 * Council", "Council of Europe", "Conseil d'administration". */
static int foreign_short_body(const ctx *c, const token *t) {
  if (phrase_has(c, t, PH_BODY_FULL))
    return 0;
  size_t i = (size_t)(t - c->t);
  if (i > 0 && !c->lv->no_articles) {
    /* In English a name before "Council" qualifies it ("Governing
     * Council"); in languages without articles it is as likely the end of
     * the previous phrase ("В случае Мали Совет"). */
    const token *p = &c->t[i - 1];
    if ((p->type == T_GAP || p->type == T_WORD) && (p->flags & F_CAP) &&
        !(p->flags & F_LINESTART) && !(p->cls & W_STRONG) &&
        !is_word(p, W_DET | W_OF | W_POSS | W_IN))
      return 1;
  }
  size_t k = i + 1;
  if (k < c->n && is_word(&c->t[k], W_OF)) {
    k++;
  } else if (k + 1 < c->n && c->t[k].type == T_WORD && tok_len(&c->t[k]) == 1 &&
             is_punct(&c->t[k + 1], '\'')) {
    k += 2; /* "d'administration" */
  } else {
    return 0;
  }
  while (k < c->n && (is_word(&c->t[k], W_DET) || is_punct(&c->t[k], '\'')))
    k++;
  return k < c->n && (c->t[k].type == T_GAP || c->t[k].type == T_WORD) &&
         !(c->t[k].cls & W_STRONG);
}

static int body_of_symbol(const cg_catalog *cat, const char *sym);
static int range_joint(const ctx *c, size_t k);
static int mark_body(const ctx *c, unsigned shape, const ref *refs, size_t nref);
static void sentence_bodies(const ctx *c, uint8_t *out);
static void squeeze(const char *in, char *out, size_t cap);

/* The word right before a citation word is another organization's acronym:
 * "OAS resolution", "WHA resolution" (not in capitals throughout, as in a
 * heading): 1. A document symbol and a comma before it: 2, and *sym_body the
 * catalogued body whose symbols it has, or -1. */
static int foreign_issuer(const ctx *c, size_t i, int *sym_body) {
  *sym_body = -1;
  if (i == 0 || (c->t[i].flags & F_UPPER))
    return 0;
  /* "document CBD/COP/15/17, decision 15/4": a decision of the body whose
   * document was just cited. */
  size_t j = i - 1;
  if (j > 0 && is_punct(&c->t[j], ','))
    j--;
  /* "CBD/COP/15/17号文件，第15/4号决定": the word for document after it */
  for (size_t k = j; c->lv->ndocument_words && k > 0 && k + 3 > j; k--)
    if (c->t[k - 1].type == T_SYMBOL &&
        span_listed(c, c->t[k - 1].end, c->t[j].end, c->lv->document_words[0],
                    sizeof c->lv->document_words[0], c->lv->ndocument_words)) {
      j = k - 1;
      break;
    }
  /* over the parts of that document between: "Supplement No. 7 (E/2015/27),
   * chap. I, sect. C, resolution 59/1" (the Commission's, in its report),
   * "UNEP/CBD/COP/7/21, annex, decision VII/5" */
  const lang_vocab *lv = c->lv;
  for (int part = 0; part < 3 && j >= 3; part++) {
    size_t w = j;
    if (lv->postfix) {
      /* the word after its code: "第一章" (chapter I), "C节" (section C) */
      const token *pw = &c->t[j];
      if (!token_listed_w(c, pw, lv->annex_words[0], sizeof lv->annex_words[0],
                          lv->nannex_words)) {
        if (!(is_word(pw, W_SECT | W_CHAP) ||
              token_listed_w(c, pw, lv->section_words[0], sizeof lv->section_words[0],
                             lv->nsection_words)) ||
            !(section_code(c, &c->t[j - 1]) || tok_len(&c->t[j - 1]) == 1))
          break;
        w = j - 1;
        if (w > 0 && is_word(&c->t[w - 1], W_NPREFIX))
          w--;
      }
    } else if (!token_listed_w(c, &c->t[j], lv->annex_words[0], sizeof lv->annex_words[0],
                               lv->nannex_words) &&
               !section_gap(c, &c->t[j])) {
      while (j >= 5 && is_punct(&c->t[j - 1], '.') && c->t[j - 1].end == c->t[j].start &&
             c->t[j - 2].end == c->t[j - 1].start)
        j -= 2; /* "sect. I.A" */
      if (!(section_code(c, &c->t[j]) || tok_len(&c->t[j]) == 1))
        break; /* "I", "C", "الأول" (first) */
      w = j - 1;
      if (w > 0 && is_punct(&c->t[w], '.'))
        w--;
      const token *pw = &c->t[w];
      if (!(is_word(pw, W_SECT | W_CHAP) ||
            token_listed_w(c, pw, lv->section_words[0], sizeof lv->section_words[0],
                           lv->nsection_words) ||
            token_listed_w(c, pw, lv->annex_words[0], sizeof lv->annex_words[0],
                           lv->nannex_words)))
        break;
    }
    if (w < 2 || !is_punct(&c->t[w - 1], ','))
      break;
    j = w - 2;
  }
  if (j > 0 && is_punct(&c->t[j], ')') && c->t[j - 1].type == T_SYMBOL)
    j--; /* "(E/2015/27), chap. I" */
  if (c->t[j].type == T_SYMBOL) {
    char raw[192], sym[96];
    token_text(c, &c->t[j], raw, sizeof raw);
    squeeze(raw, sym, sizeof sym);
    *sym_body = body_of_symbol(c->ex->cat, sym);
    return 2;
  }
  const token *p = &c->t[i - 1];
  /* A gap's flags are its first word's: only a one-word gap will do. */
  return (p->type == T_GAP || (p->type == T_WORD && !p->cls)) &&
         (p->flags & F_UPPER) && (p->flags & F_CAP) && tok_len(p) >= 2 &&
         !memchr(c->text + p->start, ' ', tok_len(p)) &&
         !memchr(c->text + p->start, '\n', tok_len(p)) &&
         !(p->flags & (F_LINESTART | F_ROMAN)) && p->end + 1 >= c->t[i].start;
}

static int body_default(const ctx *c, unsigned shape) {
  int found = -1;
  for (size_t i = 0; i < c->ex->cat->bodies.n; i++) {
    if (c->ex->cat->bodies.v[i].default_for & shape) {
      if (found >= 0)
        return -1;
      found = (int)i;
    }
  }
  return found;
}

static int body_allows(const ctx *c, int body, unsigned shape) {
  return body >= 0 && (c->ex->cat->bodies.v[body].numbering & shape);
}

/* The latest body named in the sentence that numbers this way, or -1. */
static int sentence_body_for(const ctx *c, unsigned shape) {
  for (size_t k = c->nsent_bodies; k-- > 0;)
    if (body_allows(c, c->sent_bodies[k], shape))
      return c->sent_bodies[k];
  return -1;
}

/* Notes a body named in the current sentence. */
static void note_body(ctx *c, int b, size_t end) {
  if (b < 0)
    return;
  c->sent_body = b;
  c->sent_body_end = end;
  c->sent_body_free = 0;
  if (c->nsent_bodies == sizeof c->sent_bodies / sizeof *c->sent_bodies) {
    memmove(c->sent_bodies, c->sent_bodies + 1,
            (c->nsent_bodies - 1) * sizeof *c->sent_bodies);
    c->nsent_bodies--;
  }
  c->sent_bodies[c->nsent_bodies++] = b;
}

/* Notes a candidate that got no target, when the caller asked for them. */
static void note_unresolved(ctx *c, size_t start, size_t end,
                            const char *reason) {
  if (!c->ex->want_unres)
    return;
  cg_unresolved u = {start, end, reason};
  if (VEC_PUSH(c->ex->unres, u))
    c->failed = 1;
}

/* Whether a provision target ("NPT#art_18__para_2") names an article its
 * instrument does not have, by the catalogue's count of its articles. */
static int no_such_article(const ctx *c, const char *target) {
  const char *hash = strchr(target, '#');
  if (!hash || strncmp(hash + 1, "art_", 4) != 0)
    return 0;
  char *e;
  unsigned long n = strtoul(hash + 5, &e, 10);
  if (e == hash + 5)
    return 0;
  size_t il = (size_t)(hash - target);
  const cg_catalog *cat = c->ex->cat;
  for (size_t i = 0; i < cat->insts.n; i++) {
    const inst_def *d = &cat->insts.v[i];
    if (d->articles && strlen(d->id) == il && memcmp(d->id, target, il) == 0)
      return n > d->articles || n == 0;
  }
  return 0;
}

static void emit(ctx *c, size_t start, size_t end, const char *target,
                 const char *number, const char *body, const char *date,
                 cg_kind kind) {
  if (target && kind == CG_KIND_PROVISION && no_such_article(c, target)) {
    /* "article 18 of the Treaty" after the NPT: another treaty's */
    note_unresolved(c, start, end, "no such article in the instrument");
    return;
  }
  if (!target)
    note_unresolved(c, start, end,
                    kind == CG_KIND_GENERAL_COMMENT ? "committee not determined"
                                                    : "body not determined");
  cit_tmp ct;
  ct.start = start;
  ct.end = end;
  ct.target = target ? str_add(c, target) : NO_STR;
  ct.number = str_add(c, number ? number : "");
  ct.body = str_add(c, body ? body : "");
  ct.date = str_add(c, date ? date : "");
  ct.kind = kind;
  ct.place = c->place;
  ct.paragraph = c->place == CG_PLACE_OPERATIVE ? c->para : 0;
  ct.footnote = c->place == CG_PLACE_FOOTNOTE ? c->fn : 0;
  if (VEC_PUSH(c->ex->tmp, ct))
    c->failed = 1;
}

/* ------------------------------------------------------------ numbers */

static int roman_text(const ctx *c, const token *t, char *out, size_t cap) {
  size_t n = tok_len(t);
  if (!(t->flags & F_ROMAN) || n + 1 > cap)
    return 0;
  memcpy(out, c->text + t->start, n);
  out[n] = '\0';
  return 1;
}

/* The length of token t's first word: a gap goes on over spaces and
 * commas ("56/64 باء، الفرع العاشر"); another token is one word. */
static size_t first_word_len(const ctx *c, const token *t) {
  size_t n = tok_len(t);
  if (t->type != T_GAP)
    return n;
  const char *w = c->text + t->start;
  for (size_t q = 0; q < n; q++)
    if (w[q] == ' ' || w[q] == ',' ||
        ((unsigned char)w[q] == 0xD8 && q + 1 < n && (unsigned char)w[q + 1] == 0x8C))
      return q;
  return n;
}

/* A single upper-case letter standing as a lettered part ("31/6 A"). */
static int part_letter(const ctx *c, size_t i, char *letter) {
  if (i >= c->n)
    return 0;
  const token *t = &c->t[i];
  size_t n = first_word_len(c, t);
  if (c->lv->npart_letters && (t->type == T_WORD || t->type == T_GAP) &&
      (t->flags & F_SPACE) && n && n < 16) {
    /* the language's names of the letters: "217 ألف (د-3)" */
    char f[64];
    fold_word(c->text + t->start, n, f, sizeof f);
    int k = listed(f, c->lv->part_letters[0], sizeof c->lv->part_letters[0],
                   c->lv->npart_letters);
    if (k >= 0) {
      *letter = (char)('A' + k);
      return 1;
    }
  }
  if (t->type != T_WORD || tok_len(t) != 1 || !(t->flags & F_SPACE))
    return 0;
  char ch = c->text[t->start];
  if (ch < 'A' || ch > 'Z')
    return 0;
  *letter = ch;
  return 1;
}

static int year_of(const token *t, unsigned *year) {
  if (t->type != T_NUM)
    return 0;
  unsigned v = t->val, nd = t->val2;
  /* A footnote number glued to a year by PDF extraction: "19721". */
  while (nd > 4) {
    v /= 10;
    nd--;
  }
  if (nd != 4 || v < 1900 || v > 2100)
    return 0;
  *year = v;
  return 1;
}

/* Roman numeral of v (1..399) into out (at least 16 bytes). */
static void roman_of(unsigned v, char *out) {
  static const char *const h[] = {"", "C", "CC", "CCC"};
  static const char *const t[] = {"", "X", "XX", "XXX", "XL",
                                  "L", "LX", "LXX", "LXXX", "XC"};
  static const char *const o[] = {"", "I", "II", "III", "IV",
                                  "V", "VI", "VII", "VIII", "IX"};
  snprintf(out, 16, "%s%s%s", h[(v / 100) % 4], t[(v / 10) % 10], o[v % 10]);
}

/* Parses one resolution number at i. Returns 1 and fills r. */
/* Whether token k starts where token k - 1 ends. */
static int glued(const ctx *c, size_t k) {
  return k > 0 && k < c->n && c->t[k].start == c->t[k - 1].end;
}

/* Token t is a run of 1 to 11 ASCII capitals: a session mark or prefix. */
static int mark_word(const ctx *c, const token *t, char *out) {
  size_t n = tok_len(t);
  if ((t->type != T_WORD && t->type != T_GAP) || n == 0 || n > 11)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (c->text[t->start + k] < 'A' || c->text[t->start + k] > 'Z')
      return 0;
  memcpy(out, c->text + t->start, n);
  out[n] = '\0';
  return 1;
}

/* The language's form of a body's session mark at k, then "-" and the
 * session ("م أ-21" after "1/"): fills r as 1/CP.21 and returns 1. */
static int local_decision_mark(const ctx *c, size_t k, ref *r) {
  char local[40];
  size_t ll = 0, e = k;
  for (; e < c->n && e < k + 3; e++) {
    const token *w = &c->t[e];
    if ((w->type != T_WORD && w->type != T_GAP) || tok_len(w) > 8)
      break;
    if (e > k && w->start != c->t[e - 1].end + 1)
      break; /* one space between the letters */
    char f[24];
    size_t fl = fold_word(c->text + w->start, tok_len(w), f, sizeof f);
    if (!fl || ll + fl + 2 >= sizeof local)
      return 0;
    memcpy(local + ll, f, fl); /* (folded as the rows are: no spaces) */
    ll += fl;
    local[ll] = '\0';
    if (e + 2 >= c->n || !is_punct(&c->t[e + 1], '-') || c->t[e + 1].start != w->end ||
        c->t[e + 2].type != T_NUM || c->t[e + 2].start != c->t[e + 1].end)
      continue;
    for (size_t m = 0; m < c->lv->ndecision_marks; m++) {
      /* the row folded: the local letters, then the Latin mark */
      const char *row = c->lv->decision_marks[m];
      const char *eq = row + strlen(row);
      while (eq > row && eq[-1] >= 'a' && eq[-1] <= 'z')
        eq--;
      if (eq == row || (size_t)(eq - row) != ll || memcmp(row, local, ll) != 0)
        continue;
      eq--; /* so that eq + 1 is the mark */
      size_t ml = strlen(eq + 1);
      if (!ml || ml >= sizeof r->mark)
        continue;
      for (size_t q = 0; q < ml; q++)
        r->mark[q] = eq[1 + q] >= 'a' && eq[1 + q] <= 'z' ? (char)(eq[1 + q] - 32) : eq[1 + q];
      r->mark[ml] = '\0';
      if (catalog_body_by_mark(c->ex->cat, SHAPE_MARKED, r->mark, ml) < 0)
        continue;
      r->shape = SHAPE_MARKED;
      snprintf(r->num, sizeof r->num, "%u/%s.%u", c->t[k - 2].val, r->mark, c->t[e + 2].val);
      r->next = e + 3;
      return 1;
    }
  }
  return 0;
}

/* Numbers that carry their body in them: "1/CP.21", "XIV/5", "BC-12/25",
 * "WHA72.1", "GC(67)/RES/10". Each form is written without spaces. */
static int parse_marked_ref(const ctx *c, size_t i, ref *r) {
  const token *t = &c->t[i];
  const cg_catalog *cat = c->ex->cat;
  size_t n = c->n;
  if (t->type == T_NUM && i + 4 < n && is_punct(&t[1], '/') && glued(c, i + 1) &&
      glued(c, i + 2) && mark_word(c, &t[2], r->mark) && is_punct(&t[3], '.') &&
      glued(c, i + 3) && t[4].type == T_NUM && glued(c, i + 4) &&
      catalog_body_by_mark(cat, SHAPE_MARKED, r->mark, strlen(r->mark)) >= 0) {
    r->shape = SHAPE_MARKED; /* 1/CP.21 */
    snprintf(r->num, sizeof r->num, "%u/%s.%u", t->val, r->mark, t[4].val);
    r->next = i + 5;
  } else if (t->type == T_NUM && i + 4 < n && c->lv->ndecision_marks && is_punct(&t[1], '/') &&
             glued(c, i + 1) && glued(c, i + 2) && local_decision_mark(c, i + 2, r)) {
    /* "1/م أ-21": 1/CP.21 with the mark as the language writes it */
  } else if (t->type == T_WORD && (t->flags & F_ROMAN) && i + 2 < n &&
             is_punct(&t[1], '/') && glued(c, i + 1) && t[2].type == T_NUM &&
             glued(c, i + 2) && t[2].val > 0) {
    r->shape = SHAPE_RSESSION; /* XIV/5 */
    snprintf(r->num, sizeof r->num, "%.*s/%u", (int)tok_len(t),
             c->text + t->start, t[2].val);
    r->next = i + 3;
  } else if (i + 2 < n && mark_word(c, t, r->mark) && is_punct(&t[1], '-') &&
             glued(c, i + 1) && t[2].type == T_SLASH && glued(c, i + 2) &&
             !(t[2].flags & F_SPECIAL) &&
             catalog_body_by_mark(cat, SHAPE_PREFIXED, r->mark,
                                  strlen(r->mark)) >= 0) {
    r->shape = SHAPE_PREFIXED; /* BC-12/25 */
    snprintf(r->num, sizeof r->num, "%s-%u/%u", r->mark, t[2].val, t[2].val2);
    r->next = i + 3;
  } else if (i + 3 < n && mark_word(c, t, r->mark) && t[1].type == T_NUM &&
             glued(c, i + 1) && is_punct(&t[2], '.') && glued(c, i + 2) &&
             t[3].type == T_NUM && glued(c, i + 3) &&
             catalog_body_by_mark(cat, SHAPE_OWN, r->mark, strlen(r->mark)) >= 0) {
    r->shape = SHAPE_OWN; /* WHA72.1 */
    snprintf(r->num, sizeof r->num, "%s%u.%u", r->mark, t[1].val, t[3].val);
    r->next = i + 4;
  } else if (i + 7 < n && mark_word(c, t, r->mark) && is_punct(&t[1], '(') &&
             (t[2].type == T_NUM || (t[2].flags & F_ROMAN)) &&
             is_punct(&t[3], ')') && is_punct(&t[4], '/') &&
             tok_len(&t[5]) == 3 &&
             (memcmp(c->text + t[5].start, "RES", 3) == 0 ||
              memcmp(c->text + t[5].start, "DEC", 3) == 0) &&
             is_punct(&t[6], '/') && t[7].type == T_NUM && glued(c, i + 1) &&
             glued(c, i + 2) && glued(c, i + 3) && glued(c, i + 4) &&
             glued(c, i + 5) && glued(c, i + 6) && glued(c, i + 7) &&
             catalog_body_by_mark(cat, SHAPE_OWN, r->mark, strlen(r->mark)) >= 0) {
    r->shape = SHAPE_OWN; /* GC(67)/RES/10, GC(XXXIV)/RES/530, GC(69)/DEC/10 */
    snprintf(r->num, sizeof r->num, "%s(%.*s)/%.3s/%u", r->mark,
             (int)tok_len(&t[2]), c->text + t[2].start, c->text + t[5].start,
             t[7].val);
    r->next = i + 8;
    char letter;
    if (part_letter(c, r->next, &letter)) { /* "GC(69)/RES/16 A" */
      size_t l = strlen(r->num);
      if (l + 2 < sizeof r->num) {
        r->num[l] = letter;
        r->num[l + 1] = '\0';
        r->next++;
        if (r->next + 1 < n && is_punct(&c->t[r->next], '.') &&
            glued(c, r->next) && c->t[r->next + 1].type == T_NUM &&
            glued(c, r->next + 1)) { /* "GC(69)/RES/9 A.2" */
          snprintf(r->num + l + 1, sizeof r->num - l - 1, ".%u",
                   c->t[r->next + 1].val);
          r->next += 2;
        }
      }
    }
  } else {
    r->mark[0] = '\0';
    return 0;
  }
  r->first = i;
  return 1;
}

/* Decimal digits of v into out (cap bytes, NUL-terminated, cut to fit like
 * snprintf), after `pre` and before `post` (either may be ""): the
 * grammar writes numbers for every candidate it reads, and snprintf costs
 * a thousand instructions a call. Returns out. */
static char *put_number(char *out, size_t cap, const char *pre, unsigned v,
                        const char *post) {
  char tmp[64];
  size_t n = 0;
  while (*pre && n < 24)
    tmp[n++] = *pre++;
  n += decimal(tmp + n, v);
  while (*post && n < sizeof tmp - 1)
    tmp[n++] = *post++;
  if (cap) {
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(out, tmp, k);
    out[k] = '\0';
  }
  return out;
}

/* YYYY-MM-DD of year % 10000, month % 100 and day % 100 into out. */
static void put_date(char out[11], unsigned year, unsigned month, unsigned day) {
  year %= 10000, month %= 100, day %= 100;
  out[0] = (char)('0' + year / 1000);
  out[1] = (char)('0' + year / 100 % 10);
  out[2] = (char)('0' + year / 10 % 10);
  out[3] = (char)('0' + year % 10);
  out[4] = '-';
  out[5] = (char)('0' + month / 10);
  out[6] = (char)('0' + month % 10);
  out[7] = '-';
  out[8] = (char)('0' + day / 10);
  out[9] = (char)('0' + day % 10);
  out[10] = '\0';
}

/* Whether token t is "S" or "ES", the marks of special and emergency
 * special sessions in "3201 (S-VI)", "2253 (ES-V)", "186 (S-2)". */
static int special_session_mark(const ctx *c, const token *t) {
  const char *s = c->text + t->start;
  return (t->type == T_WORD || t->type == T_GAP) &&
         ((tok_len(t) <= 2 && s[0] == 'S') || (tok_len(t) == 2 && s[0] == 'E' && s[1] == 'S'));
}

/* Which of the language's session marks token t is: 0 an emergency
 * special session's ("دإط"), 1 a special session's ("دإ"), -1 none. */
static int session_mark_kind(const ctx *c, const token *t) {
  if (tok_len(t) >= 32)
    return -1;
  char f[64];
  if (!fold_word(c->text + t->start, tok_len(t), f, sizeof f))
    return -1;
  for (int kind = 0; kind < 2; kind++)
    if (listed(f, c->lv->session_marks[kind][0], sizeof c->lv->session_marks[kind][0],
               c->lv->nsession_marks[kind]) >= 0)
      return kind;
  return -1;
}

static int parse_ref(ctx *c, size_t i, ref *r) {
  memset(r, 0, sizeof *r);
  if (i >= c->n)
    return 0;
  if (parse_marked_ref(c, i, r))
    return 1;
  const token *t = &c->t[i];
  char letter = 0;
  if ((t->type == T_GAP || t->type == T_WORD) && tok_len(t) < 16 && i + 2 < c->n &&
      (c->lv->nsession_marks[0] || c->lv->nsession_marks[1]) &&
      is_punct(&c->t[i + 1], '-') && glued(c, i + 1) && glued(c, i + 2) &&
      c->t[i + 2].type == T_SLASH && !(c->t[i + 2].flags & F_SPECIAL) &&
      c->t[i + 2].val >= 1 && c->t[i + 2].val <= 99 && c->t[i + 2].val2) {
    /* "دإط-10/24": the language's mark of an emergency special session */
    int kind = session_mark_kind(c, t);
    if (kind >= 0) {
      char a[24];
      put_number(a, sizeof a, kind ? "S-" : "ES-", c->t[i + 2].val, "/");
      put_number(r->num, sizeof r->num, a, c->t[i + 2].val2, "");
      r->shape = SHAPE_SESSION;
      r->first = i;
      r->next = i + 3;
      return 1;
    }
  }
  if (t->type == T_SLASH) {
    if (t->flags & F_SPECIAL) {
      r->shape = SHAPE_SESSION;
      /* "S-30/1" and "ES-10/14" (one token), written in the contract's form
       * whatever hyphen and digits the text used */
      char a[24];
      put_number(a, sizeof a, c->text[t->start] == 'E' ? "ES-" : "S-", t->val, "/");
      put_number(r->num, sizeof r->num, a, t->val2, "");
    } else {
      if (t->val >= 1946 && t->val <= 2100)
        r->shape = SHAPE_YEAR;
      else if (t->val >= 1 && t->val <= 199)
        r->shape = SHAPE_SESSION;
      else
        return 0;
      if (t->val2 == 0)
        return 0;
      {
        char a[16];
        put_number(a, sizeof a, "", t->val, "/");
        put_number(r->num, sizeof r->num, a, t->val2, "");
      }
    }
    r->first = i;
    r->next = i + 1;
    size_t nl = 0;
    if (part_letter(c, i + 1, &letter)) {
      r->letters[nl++] = letter;
      r->next = i + 2;
      if (first_word_len(c, &c->t[i + 1]) < tok_len(&c->t[i + 1]))
        r->end_byte = c->t[i + 1].start + first_word_len(c, &c->t[i + 1]);
      /* "36/87 A and B", "50/70 A, B and C" */
      while (nl + 1 < sizeof r->letters) {
        size_t s = r->next;
        if (s < c->n && is_punct(&c->t[s], ','))
          s++;
        if (s < c->n && is_word(&c->t[s], W_JOIN))
          s++;
        const token *lt = s + 1 < c->n ? &c->t[s + 1] : NULL;
        if (lt && !part_letter(c, s + 1, &letter) && lt->type == T_WORD && tok_len(lt) == 1 &&
            c->text[lt->start] >= 'A' && c->text[lt->start] <= 'Z')
          letter = c->text[lt->start]; /* "40/257 A至C": glued to the range word */
        else if (!lt || !part_letter(c, s + 1, &letter))
          letter = 0;
        if (s == r->next && letter && range_joint(c, s) &&
            letter > r->letters[nl - 1] && (size_t)(letter - r->letters[nl - 1]) + nl < sizeof r->letters) {
          /* "40/257 A to C": each part of the range */
          for (char x = (char)(r->letters[nl - 1] + 1); x <= letter; x++)
            r->letters[nl++] = x;
          r->next = s + 2;
          r->end_byte = 0;
          continue;
        }
        if (s == r->next || !part_letter(c, s, &letter) ||
            letter != r->letters[nl - 1] + 1)
          break;
        r->letters[nl++] = letter;
        r->next = s + 1;
        r->end_byte = 0;
      }
    }
    return 1;
  }
  if (t->type != T_NUM || t->val == 0)
    return 0;
  if (i + 2 < c->n && is_punct(&c->t[i + 1], '.') && glued(c, i + 1) &&
      c->t[i + 2].type == T_NUM && glued(c, i + 2) && t->val < 1000 &&
      c->t[i + 2].val < 1000 &&
      !(i + 4 < c->n && is_punct(&c->t[i + 3], '.') && glued(c, i + 3) &&
        c->t[i + 4].type == T_NUM && glued(c, i + 4))) {
    /* "World Health Assembly resolution 78.16": a symbol of the body's
     * own, its mark left out */
    r->shape = SHAPE_DOTTED;
    snprintf(r->num, sizeof r->num, "%u.%u", t->val, c->t[i + 2].val);
    r->first = i;
    r->next = i + 3;
    return 1;
  }
  size_t k = i + 1;
  if (part_letter(c, k, &letter))
    k++;
  else if (k + 1 < c->n && c->t[k].type == T_WORD && tok_len(&c->t[k]) == 1 &&
           c->t[k].start == t->end && c->text[c->t[k].start] >= 'A' &&
           c->text[c->t[k].start] <= 'Z' && is_punct(&c->t[k + 1], '(')) {
    letter = c->text[c->t[k].start]; /* glued to its number: "217A (III)" */
    k++;
  }
  if (k + 2 >= c->n || !is_punct(&c->t[k], '('))
    return 0;
  const token *in = &c->t[k + 1];
  unsigned year;
  char roman[24];
  int skind = -1; /* the language's session mark in the brackets: session_mark_kind */
  if ((year_of(in, &year) && in->val2 == 4 && is_punct(&c->t[k + 2], ')')) ||
      /* "1696 ()2006": the same as text from a PDF file with right-to-left
       * runs writes it, the year moved out of its brackets (nothing but
       * marks of direction between them) */
      (is_punct(in, ')') && !(in->flags & F_SPACE) && year_of(&c->t[k + 2], &year) &&
       c->t[k + 2].val2 == 4 && !(c->t[k + 2].flags & F_SPACE))) {
    if (letter)
      return 0;
    r->shape = SHAPE_SC;
    put_number(r->num, sizeof r->num, "", t->val, "");
    put_number(r->suffix, sizeof r->suffix, "(", year, ")");
    r->next = k + 3;
  } else if (roman_text(c, in, roman, sizeof roman) &&
             is_punct(&c->t[k + 2], ')')) {
    r->shape = SHAPE_ROMAN;
    put_number(r->num, sizeof r->num, "", t->val, "");
    snprintf(r->suffix, sizeof r->suffix, "(%.16s)", roman);
    r->letters[0] = letter;
    r->next = k + 3;
  } else if (k + 4 < c->n && is_word(in, W_SESSION) && c->t[k + 3].type == T_NUM &&
             c->t[k + 3].val >= 1 && c->t[k + 3].val < 400 &&
             ((is_punct(&c->t[k + 2], '-') && is_punct(&c->t[k + 4], ')')) ||
              /* "1696 (د)16-": the same as text from a PDF file writes it,
               * the number and its dash moved out of the right-to-left run,
               * with no space between (a paragraph number after "(د)" has
               * one: "16 -") */
              (is_punct(&c->t[k + 2], ')') && is_punct(&c->t[k + 4], '-') &&
               !(c->t[k + 3].flags & F_SPACE) && !(c->t[k + 4].flags & F_SPACE)))) {
    /* "1696 (د-16)": a session written with its number, read as roman */
    r->shape = SHAPE_ROMAN;
    put_number(r->num, sizeof r->num, "", t->val, "");
    char rn[24];
    roman_of(c->t[k + 3].val, rn);
    snprintf(r->suffix, sizeof r->suffix, "(%s)", rn);
    r->letters[0] = letter;
    r->next = k + 5;
  } else if (k + 4 < c->n && (in->type == T_WORD || in->type == T_GAP) &&
             (c->lv->nsession_marks[0] || c->lv->nsession_marks[1]) &&
             is_punct(&c->t[k + 2], '-') && c->t[k + 3].type == T_NUM &&
             c->t[k + 3].val >= 1 && c->t[k + 3].val < 40 && is_punct(&c->t[k + 4], ')') &&
             (skind = session_mark_kind(c, in)) >= 0) {
    /* "2253 (دإط-5)": the language's mark of an emergency (or special)
     * session, in an old-style number: 2253 (ES-V) */
    r->shape = SHAPE_ROMAN;
    put_number(r->num, sizeof r->num, "", t->val, "");
    char rn[24];
    roman_of(c->t[k + 3].val, rn);
    snprintf(r->suffix, sizeof r->suffix, "(%s-%s)", skind ? "S" : "ES", rn);
    r->letters[0] = letter;
    r->next = k + 5;
  } else if (k + 4 < c->n && special_session_mark(c, in) &&
             is_punct(&c->t[k + 2], '-') && c->t[k + 3].type == T_NUM &&
             c->t[k + 3].val < 100 && is_punct(&c->t[k + 4], ')')) {
    /* "186 (S-2)": special session numbered in arabic */
    r->shape = SHAPE_ROMAN;
    put_number(r->num, sizeof r->num, "", t->val, "");
    snprintf(r->suffix, sizeof r->suffix, "(%.*s-%u)",
             (int)(tok_len(in) < 2 ? tok_len(in) : 2), c->text + in->start,
             c->t[k + 3].val);
    r->letters[0] = letter;
    r->next = k + 5;
  } else if (k + 4 < c->n && special_session_mark(c, in) &&
             is_punct(&c->t[k + 2], '-') &&
             roman_text(c, &c->t[k + 3], roman, sizeof roman) &&
             is_punct(&c->t[k + 4], ')')) {
    /* Special and emergency sessions: "3201 (S-VI)", "(ES-10)". */
    r->shape = SHAPE_ROMAN;
    put_number(r->num, sizeof r->num, "", t->val, "");
    snprintf(r->suffix, sizeof r->suffix, "(%.*s-%.16s)",
             (int)(tok_len(in) < 2 ? tok_len(in) : 2), c->text + in->start,
             roman);
    r->letters[0] = letter;
    r->next = k + 5;
  } else {
    return 0;
  }
  r->first = i;
  return 1;
}

/* A month name at k, perhaps written twice with a slash as Arabic texts do
 * ("تشرين الأول/أكتوبر", "حزيران/يونيه"): the last name counts. Returns the
 * index after it, or k; stores the month. */
static size_t parse_month(const ctx *c, size_t k, unsigned *month) {
  if (k >= c->n || !is_word(&c->t[k], W_MONTH))
    return k;
  *month = c->t[k].val;
  size_t e = k + 1;
  size_t m = e;
  if (m < c->n && (c->t[m].type == T_WORD || c->t[m].type == T_GAP) &&
      is_word(&c->t[m], W_ORDNUM))
    m++; /* "الأول" in "تشرين الأول" */
  if (m + 1 < c->n && is_punct(&c->t[m], '/') && is_word(&c->t[m + 1], W_MONTH)) {
    *month = c->t[m + 1].val;
    e = m + 2;
  }
  return e;
}

/* Parses a date at i ("of 2 August 1990", ", de 18 de mayo de 2018",
 * "du 1er août 2000", "August 2, 1990", "от 15 октября 1999 года").
 * Returns the index after it, or i. With `yearless`, a day and month
 * without a year also count ("of 4 March, 187 (1964) of 13 March"): the
 * year is then 0 and the caller supplies it. */
static size_t parse_date_in(const ctx *c, size_t i, char out[11], int yearless,
                            unsigned *year_out) {
  size_t k = i, skipped = 0;
  while (k < c->n && skipped < 4 &&
         (is_punct(&c->t[k], ',') ||
          is_word(&c->t[k], W_DATEI | W_OF | W_DET))) {
    k++;
    skipped++;
  }
  if (k >= c->n)
    return i;
  unsigned day = 0, month = 0, year = 0;
  const token *t = &c->t[k];
  if (t->type == T_NUM && t->val >= 1 && t->val <= 31 && t->val2 <= 2) {
    day = t->val;
    k++;
    if (k < c->n && is_word(&c->t[k], W_ORDINAL) && !(c->t[k].flags & F_SPACE))
      k++;
    if (k < c->n && is_word(&c->t[k], W_OF | W_DATEI) &&
        !is_word(&c->t[k], W_MONTH))
      k++;
    else if (yearless && k + 1 < c->n && is_punct(&c->t[k], ',') &&
             is_word(&c->t[k + 1], W_MONTH))
      k++; /* "of 13, March" */
    size_t m = parse_month(c, k, &month);
    if (m == k)
      return i;
    k = m;
    size_t y = k;
    if (y < c->n && (is_word(&c->t[y], W_OF | W_DATEI) ||
                     is_punct(&c->t[y], ',')))
      y++;
    if (y < c->n && year_of(&c->t[y], &year)) {
      k = y + 1;
    } else if (!yearless) {
      return i;
    }
  } else if (is_word(t, W_MONTH) && (t->flags & F_CAP)) {
    month = t->val;
    k++;
    if (k >= c->n || c->t[k].type != T_NUM || c->t[k].val < 1 ||
        c->t[k].val > 31 || c->t[k].val2 > 2)
      return i;
    day = c->t[k].val;
    k++;
    if (k < c->n && is_punct(&c->t[k], ','))
      k++;
    if (k >= c->n || !year_of(&c->t[k], &year))
      return i;
    k++;
  } else {
    return i;
  }
  if (!month || month > 12)
    return i;
  if (year && k < c->n && is_word(&c->t[k], W_DATEM))
    k++; /* "1999 года" */
  if (year_out)
    *year_out = year;
  put_date(out, year, month, day);
  return k;
}

static size_t parse_date(ctx *c, size_t i, char out[11]) {
  return parse_date_in(c, i, out, 0, NULL);
}

/* A date written with marks after its numbers, year first, as Chinese does
 * ("1999年10月15日"). Returns the index after it, or k. */
static size_t parse_marked_date(const ctx *c, size_t k, char out[11]) {
  if (k + 5 >= c->n)
    return k;
  const token *t = &c->t[k];
  unsigned year;
  if (!year_of(t, &year) || !is_word(&t[1], W_DATEM) || t[2].type != T_NUM ||
      t[2].val < 1 || t[2].val > 12 || !is_word(&t[3], W_DATEM) ||
      t[4].type != T_NUM || t[4].val < 1 || t[4].val > 31 ||
      !is_word(&t[5], W_DATEM))
    return k;
  put_date(out, year, t[2].val, t[4].val);
  return k + 6;
}

/* ------------------------------------------------------------ resolutions */

/* Before a citation word at i: "General Assembly resolution", "the
 * Council in its resolution", "su resolución", "por la Asamblea General de
 * la resolución", "安全理事会在其2011年6月27日第…". Sets *poss when "its" is
 * there, *body_tok to a body name, and moves *start to the body when it is
 * next to the word. */
/* Whether token t begins with one of the language's `topic_intro` words
 * ("关于"), which open a topic between a body and its numbers or between
 * the numbers and their word. */
static int topic_opens(const ctx *c, const token *t) {
  for (size_t r = 0; r < c->lv->ntopic_intro; r++) {
    size_t rl = strlen(c->lv->topic_intro[r]);
    if (rl && rl <= tok_len(t) && memcmp(c->text + t->start, c->lv->topic_intro[r], rl) == 0)
      return 1;
  }
  return 0;
}

static void look_behind(const ctx *c, size_t i, int *poss, long *body_tok,
                        size_t *start) {
  int in = 0, comma = 0;
  for (size_t j = i, steps = 0; j > 0 && steps < 8; steps++) {
    const token *p = &c->t[--j];
    if (c->lv->postfix && c->lv->ntopic_intro && (p->type == T_GAP || p->type == T_WORD) &&
        !is_word(p, W_POSS | W_DATEI | W_DATEM)) {
      /* a topic before the numbers ("其关于…的1947年8月5日第76(V)号决议",
       * "大会关于加强经济及社会理事会的…第68/1号"): over it to what stands before */
      size_t b = j + 1;
      int open = 0;
      while (b-- > 0 && j - b < 16) {
        const token *q = &c->t[b];
        if (q->type == T_PUNCT || q->type == T_BREAK || q->type == T_NUM || (open = topic_opens(c, q)))
          break;
      }
      if (open && b > 0) {
        j = b;
        continue;
      }
    }
    if (is_word(p, W_POSS)) {
      *poss = 1;
      continue;
    }
    if (is_word(p, W_IN))
      in = 1;
    if (is_word(p, W_DET | W_OF | W_IN) || is_punct(p, '\''))
      continue; /* "de l'Assemblée générale": an elided article */
    if (is_punct(p, ',') && *poss && in && !comma && !c->lv->postfix) {
      comma = 1; /* "the Human Rights Committee, in its general comment No. 31" */
      continue;
    }
    if (c->lv->postfix && (p->type == T_NUM || is_word(p, W_DATEI | W_DATEM)))
      continue; /* a date between: 其1955年12月15日第973(X)号决议 */
    if (is_body_phrase(c, p) &&
        !(c->lv->segment && j > 0 && c->t[j - 1].type == T_GAP && c->t[j - 1].end == p->start &&
          !phrase_has(c, p, PH_BODY_FULL))) {
      /* (a short name glued to unknown ideographs is another body's:
       * "伙伴关系指导委员会", a steering committee, not "the Committee") */
      *body_tok = (long)j;
      if (steps <= 1)
        *start = p->start;
    }
    break;
  }
}

/* The identifier of a body's resolution or decision `number`: the number
 * itself for bodies whose numbers are their symbols (WHA72.1), the body's
 * template for session numbers where it has one (UNEP/EA.5/RES.14), else
 * prefix, /RES/ or /DEC/, number. Returns 0 when it does not fit. */
static int body_identifier(const body_def *b, cg_kind kind, unsigned shape,
                           const char *number, char *out, size_t cap) {
  size_t ln = strlen(number);
  const char *form = b->forms[kind == CG_KIND_DECISION];
  if (shape == SHAPE_OWN) {
    if (ln + 1 > cap)
      return 0;
    memcpy(out, number, ln + 1);
    return 1;
  }
  if (shape == SHAPE_DOTTED) {
    if (!b->nmarks)
      return 0;
    int w = snprintf(out, cap, "%s%s", b->marks[0], number);
    return w > 0 && (size_t)w < cap;
  }
  const char *slash = strchr(number, '/');
  if (form[0] && shape == SHAPE_SESSION && slash) {
    size_t o = 0;
    for (const char *p = form; *p; p++) {
      const char *part = NULL;
      size_t pl = 0;
      if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
        part = p[1] == '1' ? number : slash + 1;
        pl = p[1] == '1' ? (size_t)(slash - number) : strlen(slash + 1);
        p += 2;
      } else {
        part = p;
        pl = 1;
      }
      if (o + pl + 1 > cap)
        return 0;
      memcpy(out + o, part, pl);
      o += pl;
    }
    out[o] = '\0';
    return 1;
  }
  /* prefix + "/RES/" + number, without printf's format parsing */
  size_t lp = strlen(b->prefix);
  if (lp + ln + 6 > cap)
    return 0;
  memcpy(out, b->prefix, lp);
  memcpy(out + lp, kind == CG_KIND_DECISION ? "/DEC/" : "/RES/", 5);
  memcpy(out + lp + 5, number, ln + 1);
  return 1;
}

/* The resolution just cited in the sentence is `target` (ending at end). */
static void note_sent_res(ctx *c, size_t target, size_t end) {
  if (c->sent_res == NO_STR)
    c->sent_res_n = 1;
  else if (strcmp(strings_get(&c->ex->strs, c->sent_res),
                  strings_get(&c->ex->strs, target)) != 0)
    c->sent_res_n++;
  c->sent_res = target;
  c->sent_res_end = end;
}

/* The resolution "the said resolution" (anaph) or "the resolution" at
 * text offset `at` points at: the last one the sentence cited, else, after
 * an anaphor, the one an earlier sentence cited alone, ending at most 300
 * bytes before; NO_STR when none. */
static size_t res_just_cited(const ctx *c, int anaph, size_t at) {
  if (c->sent_res != NO_STR)
    return c->sent_res;
  return anaph && c->prev_res != NO_STR && at < c->prev_res_end + 300 ? c->prev_res
                                                                       : NO_STR;
}

/* Whether r's session number is one the body had not reached in the year
 * of r's date (or of the document's): "resolution 80/226 of 18 December
 * 2025" is no resolution of the Commission on Crime Prevention, which met
 * first in 1992, once a year. */
static int beyond_sessions(const ctx *c, int body, const ref *r) {
  const body_def *b = &c->ex->cat->bodies.v[body];
  const char *date = r->date[0] ? r->date : c->doc_date;
  if (!b->sessions_from || r->shape != SHAPE_SESSION || !date[0] ||
      r->num[0] < '0' || r->num[0] > '9')
    return 0;
  unsigned long year = strtoul(date, NULL, 10), session = strtoul(r->num, NULL, 10);
  if (year < b->sessions_from)
    return 1;
  /* one session of slack: a year's sessions may run into the next */
  return session > (year - b->sessions_from + 1) * b->sessions_per_year + 1;
}

/* Whether r's session number is not one of the body's: before its first
 * session of that numbering ("decision 16/22" is no Assembly's: its begin
 * at 31/1), or after those it had held by then. */
static int session_outside(const ctx *c, int body, const ref *r) {
  return (r->shape == SHAPE_SESSION && r->num[0] >= '0' && r->num[0] <= '9' &&
          strtoul(r->num, NULL, 10) < c->ex->cat->bodies.v[body].first_session) ||
         beyond_sessions(c, body, r);
}

/* Whether the body numbers its texts as r is written. */
static int body_fits(const ctx *c, int body, const ref *r) {
  return body_allows(c, body, r->shape) && !session_outside(c, body, r);
}

/* The one body among those a short name stands for that the sentence named
 * and that numbers its texts as r is written: "… the Commission on Human
 * Rights and the Human Rights Council …, including Assembly resolution
 * 79/181 and Council resolution 58/17" is the Human Rights Council's; -1
 * when none or several. */
static int short_body_by_shape(const ctx *c, const token *t, const ref *r) {
  if (!is_body_phrase(c, t))
    return -1;
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  int found = -1;
  for (size_t q = 0; q < n; q++) {
    int named = 0;
    for (size_t k = 0; k < c->nsent_bodies && !named; k++)
      named = c->sent_bodies[k] == v[q].index;
    if (v[q].type != PH_BODY_SHORT || !named || !body_fits(c, v[q].index, r))
      continue;
    if (found >= 0 && found != v[q].index)
      return -1;
    found = v[q].index;
  }
  return found;
}

/* The one instrument the resolution adopts (the instrument of its annex),
 * or NULL when it adopts none or several, or when `paragraphs` asks for one
 * that numbers its paragraphs and it does not. */
static const char *annex_instrument(const ctx *c, const char *resolution, int paragraphs) {
  const char *found = NULL;
  for (size_t a = 0; a < c->ex->nadopted; a++) {
    const inst_def *d = &c->ex->cat->insts.v[c->ex->adopted[a]];
    if (strcmp(d->adopted_by, resolution) != 0)
      continue;
    if (found || (paragraphs && !d->paragraphs))
      return NULL; /* several, or one with articles: which paragraph is it? */
    found = d->id;
  }
  return found;
}

/* What ref_tail read after a resolution's number: its paragraphs, or those
 * of the instrument it adopts ("resolution 79/323, annex, para. 43 (l)": the
 * Sevilla Commitment's), or that instrument alone ("Resolution 61/295,
 * annex."). */
static void emit_ref_paras(ctx *c, const ref *r, const char *target, size_t start) {
  const char *base = r->annex ? annex_instrument(c, target, r->npara > 0) : target;
  if (!base)
    return;
  size_t end = c->t[r->tail_end - 1].end;
  if (!r->npara) {
    /* "Resolution 66/288, annex.": the instrument it adopts */
    emit(c, start, end, base, "", "", "", CG_KIND_TREATY);
    return;
  }
  for (size_t q = 0; q < r->npara; q++) {
    char path[300];
    if (r->points[q][0])
      snprintf(path, sizeof path, "%.200s#para_%u__point_%s", base, r->paras[q], r->points[q]);
    else
      snprintf(path, sizeof path, "%.200s#para_%u", base, r->paras[q]);
    emit(c, start, end, path, "", "", "", CG_KIND_PROVISION);
  }
}

/* How wide the text from a to b is, in letters as an English text counts
 * them: a character each (two bytes in Cyrillic and Arabic, one in ASCII),
 * an ideograph two. 0 when b is not after a. */
static size_t text_width(const ctx *c, size_t a, size_t b) {
  size_t w = 0;
  for (size_t k = a; k < b && k < c->len; k++) {
    unsigned char u = (unsigned char)c->text[k];
    if ((u & 0xC0) != 0x80)
      w += u >= 0xE3 && u <= 0xE9 ? 2 : 1;
  }
  return w;
}

/* Resolves the body of each number and emits the citations: "named" is the
 * body token found around the numbers (-1: none), "poss" an "its",
 * "continued" that the numbers go on with the list before (whose body
 * c->list_body is). */
static void emit_refs(ctx *c, cg_kind kind, ref *refs, size_t nref,
                      long body_tok, int poss, size_t start,
                      int foreign_issuer_at, int continued, long *first_cit) {
  int by_symbol = body_tok < 0 && !poss && foreign_issuer_at == 3 ? c->sym_body : -1;
  int foreign = (body_tok >= 0 && foreign_short_body(c, &c->t[body_tok])) ||
                (body_tok < 0 && !poss && foreign_issuer_at && by_symbol < 0);
  int named = body_tok >= 0 && !foreign ? resolve_body(c, &c->t[body_tok]) : -1;
  int named_full = body_tok >= 0 && phrase_has(c, &c->t[body_tok], PH_BODY_FULL);
  const cg_catalog *cat = c->ex->cat;
  /* One "its" before the list is one body's: when a number of it cannot be
   * the issuer's and is the sentence's body's ("the Human Rights Council
   * … and its resolutions 24/14 … and 58/3" in an Assembly text), the
   * others are that body's too. */
  int poss_sent = 0;
  for (size_t q = 0; q < nref && poss && body_tok < 0 && !continued && c->sent_body >= 0; q++)
    poss_sent |= !refs[q].mark[0] && !body_fits(c, c->own_body, &refs[q]) &&
                 body_fits(c, c->sent_body, &refs[q]);
  for (size_t q = 0; q < nref; q++) {
    ref *r = &refs[q];
    int body = -1;
    int by_mark = r->mark[0] ? catalog_body_by_mark(cat, r->shape, r->mark,
                                                    strlen(r->mark))
                             : -1;
    if (by_symbol >= 0 && by_mark < 0) {
      body = by_symbol; /* "document CBD/COP/15/17, decision 15/4" */
    } else if (by_mark >= 0) {
      /* "decision 1/CP.21": the mark names the body; a body named around
       * it in full must be that one. */
      body = named >= 0 && named_full && named != by_mark ? -1 : by_mark;
    } else if (named >= 0) {
      if (body_allows(c, named, r->shape))
        body = named;
      else if (!named_full && (r->shape & SHAPE_SC))
        body = body_default(c, r->shape); /* "the Council resolution 1325 (2000)" */
      else if (poss)
        /* "…established the Commission by its resolution 9 (I)": "its" is
         * an earlier body of the sentence that numbers this way. */
        body = sentence_body_for(c, r->shape);
    } else if (body_tok >= 0) {
      /* "Council resolution 2250 (2015)": the shape tells which council */
      if (r->shape & SHAPE_SC)
        body = body_default(c, r->shape);
      else if (!foreign)
        body = short_body_by_shape(c, &c->t[body_tok], r);
    } else if (continued && body_allows(c, c->list_body, r->shape)) {
      /* "its resolutions 60/251 …, by which it established the Human Rights
       * Council, and 65/281": the list's body, not the one named since */
      body = c->list_body;
    } else {
      /* No body named: "its" is the body of the sentence or of the
       * document; a bare number is the sentence's body, else the shape's
       * usual body, else the document's own. */
      if (poss && !poss_sent && !c->own_weak && body_fits(c, c->own_body, r) &&
          c->sent_body >= 0 && c->sent_body != c->own_body &&
          text_width(c, c->sent_body_end, start) > (c->sent_body_free ? 80 : 40))
        /* "Recalling resolution 60/251 of the General Assembly, of 15 March
         * 2006, and its resolutions 5/1 …" in the Council's text: "its" is
         * the issuer's unless the sentence's body stands just before ("the
         * Human Rights Council, in its resolution 60/13") */
        body = c->own_body;
      else if (body_fits(c, c->sent_body, r))
        body = c->sent_body;
      else if (poss && !c->own_weak && body_fits(c, c->own_body, r))
        /* "Recalling General Assembly resolution 60/251, and its
         * resolutions 5/1 and 5/2" in the Human Rights Council's text: no
         * Assembly's numbers, the issuer's */
        body = c->own_body;
      else if (body_allows(c, c->sent_body, r->shape) &&
               !(body_fits(c, c->own_body, r) && !body_fits(c, c->sent_body, r)))
        /* (a number the sentence's body cannot have is the document's
         * own body's when it can: "resolutions 70/299 and 78/225" after the
         * Commission on Narcotic Drugs, in an Assembly text) */
        body = c->sent_body;
      else if (poss && body_allows(c, c->own_body, r->shape))
        body = c->own_body;
      else if (body_default(c, r->shape) >= 0)
        body = body_default(c, r->shape);
      else if (body_allows(c, c->own_body, r->shape))
        body = c->own_body;
    }
    if (foreign && by_mark < 0)
      body = -1; /* "Governing Council decision 267 (2009)" */
    if (body >= 0 && kind == CG_KIND_DECISION && c->ex->cat->bodies.v[body].no_decisions)
      body = -1; /* this body numbers no decisions this way */
    if (body >= 0 && session_outside(c, body, r))
      body = -1; /* "decision 16/22" is no Assembly's; nor a session it had
                    not held by then */
    size_t s0 = q == 0 ? start : c->t[r->first].start;
    size_t e0 = r->end_byte ? r->end_byte : c->t[r->next - 1].end;
    size_t parts = r->letters[0] ? strlen(r->letters) : 1;
    for (size_t p = 0; p < parts; p++) {
      char number[128];
      ref_number(r, p, number, sizeof number);
      long idx = (long)c->ex->tmp.n;
      c->list_body = body;
      if (body >= 0) {
        char target[200];
        if (!body_identifier(&cat->bodies.v[body], kind, r->shape, number,
                             target, sizeof target))
          continue;
        emit(c, s0, e0, target, number, cat->bodies.v[body].id, r->date, kind);
        if (!c->failed)
          note_sent_res(c, c->ex->tmp.v[c->ex->tmp.n - 1].target, e0);
        if ((r->npara || r->annex) && parts == 1)
          emit_ref_paras(c, r, target, s0);
      } else {
        emit(c, s0, e0, NULL, number, "unknown", r->date, kind);
      }
      if (q == 0 && p == 0)
        *first_cit = idx;
    }
  }
}

/* A date at k gives the numbers refs[from..nref) that have none their date
 * ("27/2, 27/3 y 27/4, de 18 de mayo de 2018"). Returns the index after the
 * date, or k. */
static size_t take_date(ctx *c, size_t k, ref *refs, size_t from, size_t nref) {
  char date[11];
  size_t d = parse_date(c, k, date);
  if (d == k)
    return k;
  for (size_t q = from; q < nref; q++)
    memcpy(refs[q].date, date, sizeof date);
  return d;
}

static size_t paren_step(const ctx *c, size_t k, char *out, int *numeric);


/* What may follow a number of a list before the next, in footnotes above
 * all: ", para. 20", ", paras. 3 and 4", ", para. 8 (a)" (its paragraphs),
 * ", annex, para. 43 (l)" (its annex's: the instrument it adopts), ", sect.
 * III" and ", sect. V, paras. 61–76" (a section's, numbered anew in each:
 * the resolution alone). Fills r; returns the index after it, or k. */
static size_t ref_tail(ctx *c, size_t k, ref *r) {
  const lang_vocab *lv = c->lv;
  if (k + 2 >= c->n || !is_punct(&c->t[k], ','))
    return k;
  size_t m = k + 1;
  int section = 0, annex = 0;
  /* the section word and its code in words, in one gap: "الفرع جيم" */
  int gap_section = section_gap(c, &c->t[m]);
  if (gap_section) {
    m++;
  } else if (is_word(&c->t[m], W_SECT) ||
             token_listed(c, &c->t[m], lv->section_words[0], lv->nsection_words)) {
    m++;
    if (m < c->n && is_punct(&c->t[m], '.') && c->t[m].start == c->t[m - 1].end)
      m++;
    if (m >= c->n || !section_code(c, &c->t[m]))
      return k;
    m++;
  }
  if (gap_section || m > k + 1) {
    while (m + 1 < c->n && is_punct(&c->t[m], '.') && c->t[m].start == c->t[m - 1].end &&
           c->t[m + 1].start == c->t[m].end && section_code(c, &c->t[m + 1]))
      m += 2; /* "II.B" */
    if (!(m + 1 < c->n && is_punct(&c->t[m], ',') && is_word(&c->t[m + 1], W_PARA)))
      return m;
    section = 1;
    m++;
  } else if (token_listed_w(c, &c->t[m], lv->annex_words[0], sizeof lv->annex_words[0],
                            lv->nannex_words)) {
    if (m + 2 >= c->n || !is_punct(&c->t[m + 1], ',') || !is_word(&c->t[m + 2], W_PARA)) {
      /* "Resolution 66/288, annex." alone (not "annex I", "annex to") */
      const token *a = m + 1 < c->n ? &c->t[m + 1] : NULL;
      if (a && !(a->type == T_PUNCT && (a->val == '.' || a->val == ';' || a->val == ',')) &&
          a->type != T_BREAK && a->type != T_FOOTNOTE)
        return k;
      r->annex = 1;
      r->npara = 0;
      r->tail_end = m + 1;
      return m + 1;
    }
    annex = 1;
    m += 2;
  }
  if (m >= c->n || !is_word(&c->t[m], W_PARA) || (c->t[m].cls & W_SUBPARA))
    return k;
  m++;
  if (m < c->n && is_punct(&c->t[m], '.') && c->t[m].start == c->t[m - 1].end)
    m++;
  unsigned paras[8];
  char points[8][4];
  size_t np = 0;
  while (m < c->n && c->t[m].type == T_NUM && np < 8) {
    unsigned from = c->t[m].val;
    points[np][0] = '\0';
    paras[np++] = from;
    m++;
    char pt[16];
    int numeric;
    size_t used;
    if (m + 1 < c->n && is_punct(&c->t[m], '-') && c->t[m + 1].type == T_NUM) {
      unsigned to = c->t[m + 1].val; /* "paras. 61–76": a range */
      for (unsigned x = from + 1; x <= to && to - from < 8 && np < 8; x++) {
        points[np][0] = '\0';
        paras[np++] = x;
      }
      if (to <= from || to - from >= 8)
        section = 1; /* too long to list: the resolution alone */
      m += 2;
    } else if ((used = paren_step(c, m, pt, &numeric)) && !numeric &&
               strlen(pt) < sizeof points[0]) {
      str_copy(points[np - 1], sizeof points[0], pt); /* "para. 8 (a)" */
      m += used;
    }
    size_t s = m;
    if (s < c->n && is_punct(&c->t[s], ','))
      s++;
    if (s < c->n && is_word(&c->t[s], W_JOIN))
      s++;
    if (s == m || s >= c->n || c->t[s].type != T_NUM)
      break;
    m = s;
  }
  if (!np)
    return k;
  /* "resolution 61/105, paragraphs 113 and 119 to 124 of resolution 64/72":
   * another's, whatever comes between before the clause goes on ("… 3 (c)
   * and 4 of which apply" are its own) */
  for (size_t q = m; q < c->n && q < m + 8; q++) {
    const token *x = &c->t[q];
    if (x->type == T_BREAK || x->type == T_FOOTNOTE ||
        (x->type == T_PUNCT && x->val != '(' && x->val != ')' && x->val != '-'))
      break;
    if (c->lv->no_articles && q == m && (is_word(x, W_RES | W_DEC) ||
                                        (is_word(x, W_POSS | W_DET) && q + 1 < c->n &&
                                         is_word(&c->t[q + 1], W_RES | W_DEC))))
      return k; /* a genitive: "пункт 39 своей резолюции 72/245" */
    if (!is_word(x, W_OF))
      continue;
    for (size_t y = q + 1; y < c->n && y < q + 4; y++)
      if (is_word(&c->t[y], W_RES | W_DEC) || c->t[y].type == T_PHRASE ||
          c->t[y].type == T_NUM || c->t[y].type == T_SYMBOL)
        return k;
  }
  if (!section) {
    memcpy(r->paras, paras, sizeof paras);
    memcpy(r->points, points, sizeof points);
    r->npara = np;
    r->annex = annex;
    r->tail_end = m;
  }
  return m;
}

/* Reads a list of numbers from k, each perhaps with its date ("61/144, de
 * 19 de diciembre de 2006, y 74/176"). Stores them in refs (at most cap),
 * their count in *count and how many have a date in *dated. Returns the
 * index after the list. */
/* The numbers between a and b when they are the two ends of a range:
 * "resolutions 78/1 to 78/3", "decisions 9/CP.19 to 15/CP.19", "2000 (2011)
 * to 2002 (2011)": the same shape, body mark, parts and suffix, the numbers
 * differing in one run of digits, at most 20 apart. Appends them to refs
 * (spanning the range); returns 0 when a and b are no such range. */
static int range_between(const ref *a, const ref *b, ref *refs, size_t *nref, size_t cap) {
  if (a->shape != b->shape || strcmp(a->mark, b->mark) != 0 ||
      strcmp(a->suffix, b->suffix) != 0 || a->letters[0] || b->letters[0] || a->npara ||
      a->annex)
    return 0;
  size_t la = strlen(a->num), lb = strlen(b->num), p = 0;
  while (p < la && p < lb && a->num[p] == b->num[p])
    p++; /* the first difference, then back to the start of its digits */
  while (p > 0 && a->num[p - 1] >= '0' && a->num[p - 1] <= '9')
    p--;
  /* the digit run at p in each, then the same rest */
  size_t ea = p, eb = p;
  while (ea < la && a->num[ea] >= '0' && a->num[ea] <= '9')
    ea++;
  while (eb < lb && b->num[eb] >= '0' && b->num[eb] <= '9')
    eb++;
  if (ea == p || eb == p || ea - p > 6 || eb - p > 6 || strcmp(a->num + ea, b->num + eb) != 0)
    return 0;
  unsigned long from = strtoul(a->num + p, NULL, 10), to = strtoul(b->num + p, NULL, 10);
  if (to <= from || to - from > 20 || *nref + (to - from - 1) > cap)
    return 0;
  for (unsigned long v = from + 1; v < to; v++) {
    ref r = *a;
    char digits[24];
    size_t dn = strlen(put_number(digits, sizeof digits, "", (unsigned)v, ""));
    if (p + dn + (la - ea) >= sizeof r.num)
      return 0;
    memcpy(r.num, a->num, p);
    memcpy(r.num + p, digits, dn);
    memcpy(r.num + p + dn, a->num + ea, la - ea + 1);
    r.next = b->next;
    r.end_byte = b->end_byte;
    r.date[0] = '\0';
    refs[(*nref)++] = r;
  }
  return 1;
}

static size_t read_refs(ctx *c, size_t k, ref *refs, size_t cap, size_t *count,
                        size_t *dated_out) {
  size_t nref = 0, dated = 0;
  ref first_probe;
  if (k + 2 < c->n && is_word(&c->t[k], W_OF) && parse_ref(c, k + 1, &first_probe) &&
      first_probe.next < c->n && range_joint(c, first_probe.next))
    k++; /* "قراراتها من 78/1 إلى 78/3": "from" before a range's first number */
  while (nref < cap) {
    ref r;
    if (!parse_ref(c, k, &r))
      break;
    if (nref && (r.shape == SHAPE_DOTTED) != (refs[0].shape == SHAPE_DOTTED))
      break; /* "resolution 64/292, 2.1 billion people": no number of that list */
    refs[nref++] = r;
    k = r.next;
    size_t d = take_date(c, k, refs, dated, nref);
    if (d > k) {
      dated = nref;
      k = d;
    } else {
      /* Each number with its own day and month, the year once at the end
       * or in the number: "186 (1964) of 4 March, 187 (1964) of 13 March" */
      char date[11];
      unsigned year = 0;
      d = parse_date_in(c, k, date, 1, &year);
      if (d > k) {
        ref *last = &refs[nref - 1];
        unsigned y = 0;
        if (!year && last->shape == SHAPE_SC)
          y = (unsigned)strtoul(last->suffix + 1, NULL, 10);
        if (year || y) {
          for (int q = 3; !year && q >= 0; q--, y /= 10)
            date[q] = (char)('0' + y % 10);
          memcpy(last->date, date, sizeof date);
        }
        dated = nref;
        k = d;
      }
    }
    size_t tail = ref_tail(c, k, &refs[nref - 1]);
    if (tail > k && !refs[nref - 1].date[0]) {
      /* the date after the section: "45/248 B, section VI, of 21 December
       * 1990, 59/276, …" */
      size_t from = tail < c->n && is_punct(&c->t[tail], ',') ? tail + 1 : tail;
      size_t dd = take_date(c, from, refs, dated, nref);
      if (dd > from) {
        dated = nref;
        tail = dd;
      }
    }
    k = tail;
    /* List separators: ",", "and", ", and"; in a footnote ";" too
     * ("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, …"). */
    size_t s = k;
    if (s < c->n && (is_punct(&c->t[s], ',') ||
                     (is_punct(&c->t[s], ';') && c->place == CG_PLACE_FOOTNOTE)))
      s++;
    if (s < c->n && is_word(&c->t[s], W_JOIN))
      s++;
    ref probe;
    if (s == k && k + 1 < c->n && range_joint(c, k) && parse_ref(c, k + 1, &probe) &&
        range_between(&refs[nref - 1], &probe, refs, &nref, cap)) {
      k++; /* "resolutions 78/1 to 78/3": the numbers between, then the last */
      continue;
    }
    if (s == k) {
      /* a comma lost between two numbers with their years: "853 (1993)
       * 874 (1993)" (the Security Council's shape only, on one line) */
      if (refs[nref - 1].shape != SHAPE_SC || s >= c->n || c->t[s].type != T_NUM ||
          (c->t[s].flags & F_LINESTART) || !parse_ref(c, s, &probe) || probe.shape != SHAPE_SC)
        break;
      continue;
    }
    if (!parse_ref(c, s, &probe))
      break;
    k = s;
  }
  *count = nref;
  *dated_out = dated;
  return k;
}

static long body_further_on(ctx *c, size_t k, const ref *refs, size_t nref);

/* The body named after the list that comes right after the one ending at
 * k, joined to it: in "la résolution 2015/12 et la décision 2014/245 du
 * Conseil économique et social" the Council's resolution and decision,
 * when every number of the first list fits that body; -1 otherwise. */
static long body_of_next_list(ctx *c, size_t k, const ref *first, size_t nfirst) {
  if (k >= c->n)
    return -1;
  size_t m = k + 1;
  if (c->lv->naffixes[0] && is_word(&c->t[k], W_RES | W_DEC) && tok_len(&c->t[k]) > 2 &&
      (unsigned char)c->text[c->t[k].start] == 0xD9 &&
      (unsigned char)c->text[c->t[k].start + 1] == 0x88)
    m = k; /* the joiner glued to the word: "والقرار 10/3" */
  else if (!is_word(&c->t[k], W_JOIN))
    return -1;
  while (m < c->n && m > k && m - k < 4 &&
         (is_word(&c->t[m], W_DET | W_OF) || is_punct(&c->t[m], '\'')))
    m++; /* "et de la résolution" */
  if (m >= c->n || !is_word(&c->t[m], W_RES | W_DEC) || (c->t[m].flags & F_POSS))
    return -1;
  ref refs[16];
  size_t nref, dated;
  size_t e = read_refs(c, m + 1, refs, sizeof refs / sizeof *refs, &nref, &dated);
  if (!nref)
    return -1;
  long body = -1;
  if (e < c->n && is_body_phrase(c, &c->t[e])) {
    body = (long)e; /* a genitive: "и решение 2014/245 Экономического и Социального Совета" */
  } else if (e < c->n && is_word(&c->t[e], W_OF)) {
    size_t b = e + 1;
    while (b < c->n && b - e < 4 && (is_word(&c->t[b], W_DET | W_OF) || is_punct(&c->t[b], '\'')))
      b++;
    if (b < c->n && is_body_phrase(c, &c->t[b]))
      body = (long)b;
  }
  if (body < 0 && e < c->n && is_punct(&c->t[e], ','))
    body = body_further_on(c, e, refs, nref); /* "…, adopted by the Conference of
                                                 the Parties …" after both */
  if (body < 0)
    return -1;
  int id = resolve_body(c, &c->t[body]);
  if (id < 0)
    return -1;
  for (size_t q = 0; q < nfirst; q++)
    if (!body_fits(c, id, &first[q]))
      return -1;
  return body;
}

/* The body named a few words after a list whose body is not written
 * next to it: "decision 16/35 adopted at the sixteenth meeting of the
 * Conference of the Parties to …", "decision VII/11 and other relevant
 * decisions of the Conference of the Parties …": words (no number, no
 * other citation, no punctuation but a comma right after the list), then
 * "of" and the body, whose numbers every number of the list must fit.
 * Returns the body's token, or -1. */
static long body_further_on(ctx *c, size_t k, const ref *refs, size_t nref) {
  size_t m = k;
  char letter;
  if (part_letter(c, m, &letter))
    m++; /* a section of the decision: "decision IX/16 C, adopted at …" */
  if (m < c->n && is_punct(&c->t[m], ','))
    m++;
  if (m >= c->n || !(is_word(&c->t[m], W_DATEI | W_JOIN) || c->t[m].type == T_GAP ||
                     (c->t[m].type == T_WORD && !c->t[m].cls) ||
                     (c->t[m].type == T_PHRASE && phrase_has(c, &c->t[m], PH_ADOPTED_BY))))
    return -1; /* "adopted", "and", or words of no citation class */
  for (size_t e = m; e < c->n && e < m + 8; e++) {
    const token *q = &c->t[e];
    if (is_body_phrase(c, q)) {
      size_t b = e;
      while (b > m && (is_word(&c->t[b - 1], W_DET) || is_punct(&c->t[b - 1], '\'')))
        b--;
      /* "of" before it, or a genitive without one ("принятое на … совещании
       * Конференции Сторон"), or glued to it ("لمؤتمر الأطراف") */
      if (!(b > m && (is_word(&c->t[b - 1], W_OF) ||
                      (c->t[b - 1].type == T_PHRASE &&
                       phrase_has(c, &c->t[b - 1], PH_ADOPTED_BY)))) &&
          !c->lv->no_articles && !c->lv->naffixes[0])
        return -1; /* ("adopted by the Human Rights Council") */
      int id = resolve_body(c, q);
      if (id < 0)
        return -1;
      for (size_t r = 0; r < nref; r++)
        if (!body_fits(c, id, &refs[r]))
          return -1;
      return (long)e;
    }
    if (q->type == T_PUNCT || q->type == T_BREAK || q->type == T_FOOTNOTE ||
        q->type == T_SYMBOL || q->type == T_NUM || q->type == T_SLASH ||
        (q->type == T_PHRASE && !phrase_has(c, q, PH_ADOPTED_BY)) || (q->flags & F_POSS) ||
        (q->cls & (W_ART | W_PARA | W_CHAP | W_SUBPARA | W_POSS | W_ANAPH)) ||
        ((q->cls & (W_RES | W_DEC)) &&
         !(e + 1 < c->n && is_word(&c->t[e + 1], W_OF)) &&
         !(e + 2 < c->n && c->t[e + 1].type != T_NUM && c->t[e + 1].type != T_SLASH &&
           is_word(&c->t[e + 2], W_OF)) &&
         !(c->lv->no_articles && e + 1 < c->n && is_body_phrase(c, &c->t[e + 1]))))
      return -1; /* "decisions of", "décisions pertinentes de" may stand
                    between, not another citation */
  }
  return -1;
}

static int has_affix(const char *s, size_t n, const char rows[][16], size_t nrows,
                     int suffix);

/* Whether the first word of a name token ends as the language's feminine
 * words do ("الجمعية", not "مجلس"): 1 or 0, -1 when the language says not. */
static int name_feminine(const ctx *c, const token *t) {
  const lang_vocab *lv = c->lv;
  if (!lv->nfeminine)
    return -1;
  size_t e = t->start;
  while (e < t->end && c->text[e] != ' ')
    e++;
  char f[64];
  size_t fl = fold_word(c->text + t->start, e - t->start, f, sizeof f);
  return fl && has_affix(f, fl, lv->feminine, lv->nfeminine, 1);
}

/* The body a masculine possessive points at when the body it would
 * otherwise be (the one named right before, else the document's own) has a
 * feminine name: "قدم مجلس حقوق الإنسان إلى الجمعية العامة، بموجب قراره
 * 54/18" is the Council's (named earlier in the sentence, a masculine name
 * that the numbers fit). Returns its token, -1 for none, -2 when the rule
 * does not apply. */
static long masculine_possessor(ctx *c, size_t i, long body_tok, const ref *refs,
                                size_t nref) {
  const lang_vocab *lv = c->lv;
  const token *w = &c->t[i];
  /* the possessor it would be: the body named before it, else the own */
  int feminine = body_tok >= 0 ? name_feminine(c, &c->t[body_tok]) : c->own_feminine;
  if (!lv->nmasc_poss || feminine != 1 || !(w->flags & F_POSS))
    return -2;
  char f[64];
  size_t fl = fold_word(c->text + w->start, tok_len(w), f, sizeof f);
  if (!fl || !has_affix(f, fl, lv->masc_poss, lv->nmasc_poss, 1))
    return -2;
  for (size_t j = i; j-- > 0 && i - j < 48;) {
    const token *p = &c->t[j];
    if ((p->type == T_PUNCT && (p->flags & F_SENTEND)) || p->type == T_BREAK ||
        p->type == T_FOOTNOTE)
      break;
    if (!is_body_phrase(c, p) || name_feminine(c, p) != 0)
      continue;
    int b = resolve_body(c, p);
    int fits = b >= 0;
    for (size_t q = 0; q < nref && fits; q++)
      fits = body_fits(c, b, &refs[q]);
    return fits ? (long)j : -1;
  }
  return -1;
}

/* Parses "[body] [its] resolution(s) [of body] N[, N …] [of body]" with the
 * citation word at i. Emits one citation per number. Stores the index of
 * the first emitted citation (or -1) in *first_cit. Returns the index after
 * the construction (i + 1 when nothing was found). */
static size_t parse_resolutions(ctx *c, size_t i, long *first_cit) {
  const token *w = &c->t[i];
  cg_kind kind = (w->cls & W_DEC) ? CG_KIND_DECISION : CG_KIND_RESOLUTION;
  *first_cit = -1;

  int poss = (w->flags & F_POSS) != 0; /* "قراره": its resolution */
  long body_tok = -1;
  size_t start = w->start;
  look_behind(c, i, &poss, &body_tok, &start);

  /* After the word: "resoluciones de la Asamblea General 61/144, …". */
  size_t k = i + 1;
  {
    size_t m = k;
    while (m < c->n && m - k < 4 &&
           (is_word(&c->t[m], W_DET | W_OF) || is_punct(&c->t[m], '\'')))
      m++;
    if (m < c->n && is_body_phrase(c, &c->t[m])) {
      body_tok = (long)m;
      k = m + 1;
    }
  }

  /* A body on the line before ("Совет управляющих ООН-Хабитат" above
   * "Резолюции 1267 (1999) и 1989 (2011) Совета Безопасности") yields to
   * one written after the list. */
  int above = body_tok >= 0 && body_tok < (long)i && (c->t[body_tok + 1].flags & F_LINESTART);
  if (body_tok >= 0 && !above) {
    note_body(c, resolve_body(c, &c->t[body_tok]), c->t[body_tok].end);
  }
  ref refs[64];
  size_t nref, dated;
  k = read_refs(c, k, refs, sizeof refs / sizeof *refs, &nref, &dated);
  if (!nref)
    return i + 1;

  /* After the list: "de la Asamblea General", "of the Security Council",
   * then perhaps the date: ", de 30 de julio de 2010". */
  if (above) {
    size_t m = k;
    while (m < c->n && m - k < 4 &&
           (is_word(&c->t[m], W_DET | W_OF) || is_punct(&c->t[m], '\'')))
      m++;
    if (m < c->n && is_body_phrase(c, &c->t[m])) {
      body_tok = -1;
      start = w->start;
    }
  }
  if (body_tok < 0 && k < c->n && is_body_phrase(c, &c->t[k])) {
    /* "резолюции 1325 (2000) Совета Безопасности": a genitive, no "of" */
    body_tok = (long)k;
    k = take_date(c, k + 1, refs, dated, nref);
  } else if (body_tok < 0 && k < c->n && is_word(&c->t[k], W_OF)) {
    size_t m = k + 1;
    while (m < c->n && m - k < 4 &&
           (is_word(&c->t[m], W_DET | W_OF) || is_punct(&c->t[m], '\'')))
      m++;
    if (m < c->n && is_body_phrase(c, &c->t[m])) {
      body_tok = (long)m;
      k = take_date(c, m + 1, refs, dated, nref);
    }
  }

  if (poss) {
    long mb = masculine_possessor(c, i, body_tok, refs, nref);
    if (mb != -2) {
      body_tok = mb; /* the masculine body, or none: never the Assembly */
      poss = 0;
    }
  }
  if (body_tok < 0 && poss && k + 1 < c->n && is_punct(&c->t[k], ',')) {
    /* "through its resolution 54/18 of 12 October 2023, the Human Rights
     * Council submitted …": the possessive is the clause's subject's, the
     * body named after the comma (not a list going on: no citation word,
     * joiner or possessive after it) */
    size_t m = k + 1;
    while (m < c->n && m - k < 4 && is_word(&c->t[m], W_DET))
      m++;
    const token *after = m + 1 < c->n ? &c->t[m + 1] : NULL;
    if (m < c->n && is_body_phrase(c, &c->t[m]) && after &&
        (after->type == T_GAP || after->type == T_WORD) &&
        !(after->cls & (W_RES | W_DEC | W_JOIN | W_OF | W_POSS)) &&
        !(m + 1 < c->n && is_punct(&c->t[m + 1], '\''))) {
      body_tok = (long)m;
      poss = 0;
    }
  }
  if (body_tok < 0 && !poss)
    body_tok = body_of_next_list(c, k, refs, nref);
  if (body_tok < 0 && !poss)
    body_tok = body_further_on(c, k, refs, nref);

  int sym_body;
  int foreign = foreign_issuer(c, i, &sym_body);
  if (foreign == 2 && sym_body >= 0) {
    /* "CBD/COP/15/17, decision 15/4": that body's, when it can be */
    int fits = 1;
    for (size_t q = 0; q < nref && fits; q++)
      fits = body_fits(c, sym_body, &refs[q]);
    if (fits) {
      c->sym_body = sym_body;
      foreign = 3;
    }
  }
  if (foreign == 2 && body_tok < 0 && !poss) {
    /* "Supplement No. 7 (E/2025/27), chap. I, sect. A, resolution 69/1" in
     * a footnote: the report's body's, named by the sentence that carries
     * the mark ("… the Commission on the Status of Women …[^5]"), not the
     * citing document's own */
    int m = mark_body(c, ~0u, refs, nref);
    if (m >= 0) {
      c->sym_body = m;
      foreign = 3;
    }
  }
  emit_refs(c, kind, refs, nref, body_tok, poss, start, foreign, 0, first_cit);
  if (body_tok >= 0)
    note_body(c, resolve_body(c, &c->t[body_tok]), c->t[body_tok].end); /* "…, and decision XIV/6" */
  c->list_kind = (int)kind;
  c->list_body_tok = body_tok;
  c->list_poss = poss;
  c->list_foreign = foreign;
  return k;
}

/* Whether the words right before token i are one of the language's longer
 * joiners ("as well as", "ainsi que"), folded as the list is (letters
 * only, so without their spaces). */
static int after_also_joiner(const ctx *c, size_t i) {
  const lang_vocab *lv = c->lv;
  if (!lv->nalso_joiners || !i)
    return 0;
  size_t e = c->t[i].start;
  while (e > 0 && c->text[e - 1] == ' ')
    e--;
  /* the last one to four words before it, folded, against each joiner */
  size_t b = e;
  for (int words = 0; words < 4 && b > 0 && e - b < 48; words++) {
    while (b > 0 && c->text[b - 1] == ' ')
      b--;
    while (b > 0 && c->text[b - 1] != ' ' && c->text[b - 1] != ',' && c->text[b - 1] != '\n' &&
           e - b < 48)
      b--;
    char f[64];
    size_t fl = fold_word(c->text + b, e - b, f, sizeof f);
    for (size_t k = 0; k < lv->nalso_joiners && fl; k++)
      if (strcmp(f, lv->also_joiners[k]) == 0)
        return 1;
    if (b > 0 && (c->text[b - 1] == ',' || c->text[b - 1] == '\n'))
      break;
  }
  return 0;
}

/* "resolutions 63/71 of 2 December 2008 on the Convention on Cluster
 * Munitions and 70/54 of 7 December 2015, …": numbers after "and" later in
 * the sentence continue its last list, with that list's body. Returns the
 * index after them, or i + 1. */
static size_t continue_list(ctx *c, size_t i) {
  int comma = i > 0 && is_punct(&c->t[i - 1], ',');
  if (c->list_kind < 0 || i == 0 ||
      !(is_word(&c->t[i - 1], W_JOIN) || comma || after_also_joiner(c, i)))
    return i + 1;
  ref refs[64];
  size_t nref, dated;
  size_t k = read_refs(c, i, refs, sizeof refs / sizeof *refs, &nref, &dated);
  if (!nref)
    return i + 1;
  /* after a comma, only a number dated as the list's are: "its resolutions
   * 1997/30 of 21 July 1997 on …, 2005/20 of 22 July 2005 on … and
   * 2009/26" */
  if (comma && !refs[0].date[0])
    return i + 1;
  if (refs[0].shape == SHAPE_DOTTED)
    return i + 1; /* "… and 3.4 billion people": an amount */
  long first;
  emit_refs(c, (cg_kind)c->list_kind, refs, nref, c->list_body_tok,
            c->list_poss, c->t[i].start, c->list_foreign, 1, &first);
  return k;
}

/* ------------------------------------------------------------ comments */

/* The treaty body of a general comment: the body named right before or
 * after ("the Human Rights Committee's general comment", "general comment
 * No. 36 of the Human Rights Committee", "人权事务委员会第36号一般性意见"),
 * else the sentence's, else the citing document's own; -1 when none. */
static int comment_body(ctx *c, long body_tok, int poss) {
  int b = body_tok >= 0 ? resolve_body(c, &c->t[body_tok]) : -1;
  if (body_allows(c, b, SHAPE_COMMENT))
    return b;
  if (body_tok >= 0 && b < 0)
    return -1; /* named, but which committee the text does not say */
  if (b < 0 && body_allows(c, c->sent_body, SHAPE_COMMENT) && !poss)
    return c->sent_body;
  if (b < 0 && poss && c->sent_body >= 0 && c->sent_body != c->own_body &&
      body_allows(c, c->sent_body, SHAPE_COMMENT))
    return -1; /* "The Human Rights Committee has stated in its general comment
                  No. 31" in another committee's text: whose, the text does not
                  say plainly */
  if (body_allows(c, c->own_body, SHAPE_COMMENT))
    return c->own_body;
  /* a footnote's "General recommendation No. 28 (2002) on …": the committee
   * the sentence carrying its mark names */
  return !poss ? mark_body(c, SHAPE_COMMENT, NULL, 0) : -1;
}

static void emit_comments(ctx *c, const unsigned *nums, size_t n, size_t start,
                          size_t end, long body_tok, int poss) {
  int b = comment_body(c, body_tok, poss);
  note_body(c, b, body_tok >= 0 ? c->t[body_tok].end : end);
  for (size_t q = 0; q < n; q++) {
    char number[16], target[96];
    snprintf(number, sizeof number, "%u", nums[q]);
    if (b >= 0) {
      snprintf(target, sizeof target, "%s/GC/%u", c->ex->cat->bodies.v[b].prefix,
               nums[q]);
      emit(c, start, end, target, number, c->ex->cat->bodies.v[b].id, "",
           CG_KIND_GENERAL_COMMENT);
    } else {
      emit(c, start, end, NULL, number, "unknown", "", CG_KIND_GENERAL_COMMENT);
    }
  }
}

/* "general comment No. 36 (2018) of the Human Rights Committee", "general
 * recommendations Nos. 19 and 35", "observación general núm. 14", with the
 * phrase at i. Returns the index after what was read. */
static size_t parse_comment(ctx *c, size_t i) {
  int poss = 0;
  long body_tok = -1, before = -1;
  size_t start = c->t[i].start, start_before = start;
  look_behind(c, i, &poss, &before, &start_before);
  size_t k = i + 1;
  while (k < c->n && (is_word(&c->t[k], W_NUMWORD) || is_punct(&c->t[k], '.') ||
                      is_punct(&c->t[k], '#') ||
                      (c->t[k].type == T_WORD && tok_len(&c->t[k]) <= 3 &&
                       !(c->t[k].cls & W_STRONG) && k == i + 1)))
    k++; /* "No.", "Nos.", "núm.", "n°", "№" */
  unsigned nums[8];
  size_t n = 0, end = c->t[i].end;
  while (k < c->n && n < 8 && c->t[k].type == T_NUM && c->t[k].val > 0 &&
         c->t[k].val < 1000) {
    nums[n++] = c->t[k].val;
    end = c->t[k].end;
    k++;
    unsigned year;
    if (k + 2 < c->n && is_punct(&c->t[k], '(') && year_of(&c->t[k + 1], &year) &&
        is_punct(&c->t[k + 2], ')')) {
      end = c->t[k + 2].end;
      k += 3;
    }
    size_t s = k;
    if (s < c->n && is_punct(&c->t[s], ','))
      s++;
    if (s < c->n && is_word(&c->t[s], W_JOIN))
      s++;
    /* "ورقم 9": the joiner glued to "No." */
    int glued_join = s == k && s + 1 < c->n && is_word(&c->t[s], W_NUMWORD) &&
                     c->lv->naffixes[0] && tok_len(&c->t[s]) > 2 &&
                     memcmp(c->text + c->t[s].start, "\xD9\x88", 2) == 0;
    if ((s > k || glued_join) && s + 1 < c->n &&
        (is_word(&c->t[s], W_NUMWORD) || is_punct(&c->t[s], '#'))) {
      s++; /* "No. 14 (2000) and No. 15 (2002)", "№ 3 (1990) и № 9 (1998)" */
      if (s < c->n && is_punct(&c->t[s], '.'))
        s++;
    }
    if (s == k || s >= c->n || c->t[s].type != T_NUM)
      break;
    k = s;
  }
  if (!n)
    return i + 1;
  /* The committee named after the numbers, else the one right before
   * ("the Committee's general comment"): in "general comment No. 36 of the
   * Human Rights Committee and general recommendation No. 38 of …" the
   * first committee is not the second comment's. */
  {
    size_t m = k;
    if (m < c->n && is_word(&c->t[m], W_OF))
      m++;
    while (m < c->n && m - k < 4 && (is_word(&c->t[m], W_DET | W_OF) ||
                                     is_punct(&c->t[m], '\'')))
      m++;
    if (m < c->n && m > k && is_body_phrase(c, &c->t[m])) {
      body_tok = (long)m;
      k = m + 1;
    } else if (m < c->n && is_body_phrase(c, &c->t[m]) && c->lv->no_articles) {
      body_tok = (long)m; /* "замечание общего порядка № 36 Комитета" */
      k = m + 1;
    }
  }
  if (body_tok < 0 && before >= 0) {
    body_tok = before;
    start = start_before;
  }
  if (body_tok < 0) {
    /* "general recommendation No. 35 (2017) on gender-based violence
     * against women of the Committee on …": after its subject, a treaty
     * body's name, before any other citation or a stop */
    for (size_t m = k; m < c->n && m < k + 24; m++) {
      const token *q = &c->t[m];
      if (q->type == T_PHRASE && phrase_has(c, q, PH_ADOPTED_BY) && m + 1 < c->n) {
        /* "general comment No. 1 on … adopted by the Committee on Enforced
         * Disappearances": the committee that adopted it */
        size_t b = m + 1;
        while (b < c->n && b - m < 3 && (is_word(&c->t[b], W_DET) || is_punct(&c->t[b], '\'')))
          b++;
        if (b < c->n && is_body_phrase(c, &c->t[b]) &&
            body_allows(c, resolve_body(c, &c->t[b]), SHAPE_COMMENT))
          body_tok = (long)b;
        break;
      }
      if (q->type == T_BREAK || q->type == T_FOOTNOTE || q->type == T_SYMBOL ||
          q->type == T_NUM || q->type == T_SLASH ||
          (q->type == T_PUNCT && q->val != ',' && q->val != '-' && q->val != '\'') ||
          (q->cls & (W_RES | W_DEC | W_ART | W_PARA | W_CHAP | W_SUBPARA)) ||
          (q->type == T_PHRASE && !is_body_phrase(c, q)))
        break;
      if (is_body_phrase(c, q)) {
        size_t b = m;
        while (b > k && (is_word(&c->t[b - 1], W_DET) || is_punct(&c->t[b - 1], '\'')))
          b--;
        /* "… of the Committee on …"; "In its general comment No. 4 (2017),
         * the Committee against Torture clarified": "its" is the subject's */
        if (b > k && (is_word(&c->t[b - 1], W_OF) || (poss && b - 1 == k &&
                                                      is_punct(&c->t[b - 1], ','))) &&
            body_allows(c, resolve_body(c, q), SHAPE_COMMENT))
          body_tok = (long)m;
        break;
      }
    }
  }
  emit_comments(c, nums, n, start, end, body_tok, poss);
  return k;
}

/* ------------------------------------------------------------ instruments */

static int generic_blocked(const ctx *c, const token *t);
static int generic_blocked_entry(const ctx *c, const token *t);

/* The sentence speaks of an instrument the text does not let us tell (an
 * unknown title, an ambiguous name): its articles are not ours to resolve. */
static void unknown_sentence_instrument(ctx *c) {
  c->sent_inst = -1;
  c->sent_inst_multi = 1;
  memset(c->sent_unknown, 0xFF, sizeof c->sent_unknown);
  c->sent_unknown_set = 1;
}

/* Whether the sentence named one we cannot tell that may be inst. */
static int sentence_doubts(const ctx *c, int inst) {
  unsigned b = (unsigned)inst % 1024;
  return (c->sent_unknown[b / 64] >> (b % 64)) & 1;
}

/* The same for a generic name t we cannot tell ("the Final Declaration"
 * of a conference): only the instruments it may mean are in doubt. */
static void unknown_sentence_name(ctx *c, const token *t) {
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  uint64_t may[16] = {0};
  int some = 0;
  for (size_t q = 0; q < n; q++) {
    uint8_t ty = v[q].type;
    if (ty == PH_AMBIGUOUS) {
      unknown_sentence_instrument(c); /* which ones, the catalogue does not say */
      return;
    }
    if (ty == PH_INST_GENERIC || ty == PH_INST_FULL || ty == PH_INST_SHORT ||
        ty == PH_INST_ABBREV || ty == PH_INST_TOGETHER) {
      unsigned b = v[q].index % 1024;
      may[b / 64] |= 1ULL << (b % 64);
      some = 1;
    }
  }
  if (!some)
    return; /* no instrument's name at all ("adopted by") */
  c->sent_inst = -1;
  c->sent_inst_multi = 1;
  for (size_t w = 0; w < 16; w++)
    c->sent_unknown[w] |= may[w];
  c->sent_unknown_set = 1;
}

/* The sentence names instrument inst. */
static void sentence_instrument(ctx *c, int inst) {
  if (c->sent_inst >= 0 && c->sent_inst != inst)
    c->sent_inst_multi = 1;
  c->sent_inst = inst;
  for (size_t k = 0; k < c->nsent_insts; k++)
    if (c->sent_insts[k] == inst)
      return;
  if (c->nsent_insts < sizeof c->sent_insts / sizeof *c->sent_insts)
    c->sent_insts[c->nsent_insts++] = inst;
  else {
    memset(c->sent_unknown, 0xFF, sizeof c->sent_unknown); /* too many to tell */
    c->sent_unknown_set = 1;
  }
}

/* Makes a generic name ambiguous for the rest of the document. */
static void block_generic(ctx *c, const token *t) {
  if (!generic_blocked_entry(c, t) &&
      c->nblocked < sizeof c->blocked / sizeof *c->blocked)
    c->blocked[c->nblocked++] = t->val;
  /* when, in any of the word's forms ("Устав", "Устава", "Уставом") */
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  for (size_t q = 0; q < n; q++) {
    if (v[q].type != PH_INST_GENERIC || !c->ex->cat->insts.v[v[q].index].implied)
      continue;
    size_t k = 0;
    while (k < c->nimplied_blocked && c->implied_blocked[k] != (int)v[q].index)
      k++;
    if (k == sizeof c->implied_blocked / sizeof *c->implied_blocked)
      continue;
    if (k == c->nimplied_blocked)
      c->implied_blocked[c->nimplied_blocked++] = (int)v[q].index;
    c->implied_blocked_at[k] = c->ex->namings;
  }
}

/* Whether a capitalized word of a title begins at token j ("Space" in
 * "Charter on Space and Major Disasters") and another follows within
 * three tokens, a page break between them allowed ("Biological⏎⏎Diversity"). */
static int title_words_at(const ctx *c, size_t j) {
  for (size_t m = j, seen = 0; m < c->n && m <= j + 3; m++) {
    const token *q = &c->t[m];
    if (q->type == T_PUNCT || q->type == T_FOOTNOTE)
      return 0;
    if (q->type == T_BREAK)
      continue;
    int capital = (q->type == T_GAP || q->type == T_PHRASE || q->type == T_WORD) &&
                  (q->flags & F_CAP) &&
                  !(q->cls & (W_MONTH | W_RES | W_DEC | W_ART | W_PARA | W_CHAP));
    if (m == j && (!capital || (q->flags & F_LINESTART)))
      return 0;
    if (capital && ++seen == 2)
      return 1;
  }
  return 0;
}

/* Punctuation a title may hold between its words: "Migrant Workers
 * (Supplementary Provisions) Convention", "Convention No. 169", "Конвенция
 * МОТ № 169". */
static int title_punct(const token *q) {
  return q->type == T_PUNCT &&
         (q->val == ',' || q->val == ':' || q->val == '\'' || q->val == '-' ||
          q->val == '"' || q->val == '(' || q->val == ')' || q->val == '.' ||
          q->val == '#' || q->val == '/'); /* "كانون الأول/ديسمبر 1982" */
}

/* How many words after the generic name at token i go on with one of the
 * catalogue's titles that begin with it (through the punctuation titles
 * hold): six or more, and the text writes a catalogued title cut by a
 * page break or worded a little otherwise ("Convention on the Prohibition
 * of the Development, Production, Stockpiling … and on⏎⏎Their
 * Destruction"). */
static size_t title_words_known(const ctx *c, size_t i) {
  const phrase_trie *trie = &c->lv->trie;
  uint32_t node = c->t[i].val;
  size_t words = 0;
  for (size_t j = i + 1; j < c->n && words < 8; j++) {
    const token *q = &c->t[j];
    if (title_punct(q))
      continue;
    if (!q->wid || (q->type != T_WORD && q->type != T_NUM))
      break;
    uint32_t child = trie_step(trie, node, q->wid);
    if (!child && q->alt)
      child = trie_step(trie, node, q->alt);
    if (!child)
      break;
    node = child;
    words++;
  }
  return words;
}

/* Whether the word form of token t is one an unknown title began. */
static int generic_blocked_entry(const ctx *c, const token *t) {
  for (size_t k = 0; k < c->nblocked; k++)
    if (c->blocked[k] == t->val)
      return 1;
  return 0;
}

static int generic_blocked(const ctx *c, const token *t) {
  for (size_t k = 0; k < c->nblocked; k++) {
    if (c->blocked[k] != t->val)
      continue;
    /* The owner of a provision, when the text has named in full again,
     * since the unknown title, the instrument the word means by itself
     * (`implied`): "the Charter of the Kanak people", then "the Charter of
     * the United Nations", then "Article 73 e of the Charter". (Not the
     * word alone: "the partners in the Charter" after the International
     * Charter on Space and Major Disasters is still that one's.) */
    if (c->owner_lookup) {
      size_t n;
      const phrase_val *v = phrase_vals(c, t, &n);
      for (size_t q = 0; q < n; q++) {
        int idx = (int)v[q].index;
        if (v[q].type != PH_INST_GENERIC || !c->ex->cat->insts.v[idx].implied ||
            !c->ex->named[idx])
          continue;
        for (size_t b = 0; b < c->nimplied_blocked; b++)
          if (c->implied_blocked[b] == idx && c->ex->named_at[idx] > c->implied_blocked_at[b])
            return 0;
      }
    }
    return 1;
  }
  return 0;
}

/* Whether s[0..n) begins with (suffix 0) or ends with (1) one of rows. */
static int has_affix(const char *s, size_t n, const char rows[][16], size_t nrows,
                     int suffix) {
  for (size_t k = 0; k < nrows; k++) {
    size_t l = strlen(rows[k]);
    if (l <= n && memcmp(suffix ? s + n - l : s, rows[k], l) == 0)
      return 1;
  }
  return 0;
}

/* In a caseless script with articles glued to words (Arabic): whether the
 * word after the generic name at token i is an adjective that makes it
 * another one ("الميثاق الأفريقي", "البروتوكول الإضافي", "برنامج العمل
 * المؤقت", the provisional programme of work): it has the article of the
 * name's last word (their first four bytes, "ال"), the shape of an
 * adjective (the language's adjective_prefixes or adjective_suffixes:
 * "الم…", "…ي", "…ية") and its gender (both or neither end with a
 * feminine ending); not a word of the not_qualifier list (الذي, which),
 * nor a noun after it ("الأطراف في المعاهدة الحاجة إلى", the need). */
static int adjective_after(const ctx *c, size_t i) {
  const lang_vocab *lv = c->lv;
  const token *t = &c->t[i];
  const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
  if (!q || !(q->type == T_GAP || q->type == T_WORD) || (q->cls & (W_STRONG | W_ANAPH)))
    return 0;
  size_t last = t->start;
  for (size_t b = t->start; b < t->end; b++)
    if (c->text[b] == ' ')
      last = b + 1;
  size_t qe = q->end;
  if (q->type == T_GAP) /* a gap's first word */
    for (qe = q->start; qe < q->end && c->text[qe] != ' '; qe++)
      ;
  /* Folded, as the lists are ("ة" may fold to another letter). */
  char w[64], g[64];
  size_t wn = fold_word(c->text + q->start, qe - q->start, w, sizeof w);
  size_t gn = fold_word(c->text + last, t->end - last, g, sizeof g);
  if (wn <= 4 || gn <= 4 || wn >= sizeof w || gn >= sizeof g)
    return 0;
  /* the same article, after a one-letter clitic too: "والاتفاقية الأوروبية" */
  if (memcmp(g, w, 4) != 0 && !(gn > 6 && lv->naffixes[0] && memcmp(g + 2, w, 4) == 0))
    return 0;
  if (listed(w, lv->not_qualifier[0], sizeof lv->not_qualifier[0], lv->nnot_qualifier) >= 0)
    return 0;
  if ((lv->nadj_prefix || lv->nadj_suffix) &&
      !has_affix(w, wn, lv->adj_prefix, lv->nadj_prefix, 0) &&
      !has_affix(w, wn, lv->adj_suffix, lv->nadj_suffix, 1))
    return 0;
  return has_affix(g, gn, lv->feminine, lv->nfeminine, 1) ==
         has_affix(w, wn, lv->feminine, lv->nfeminine, 1);
}

/* Whether the generic name t is one of the treaty of the body that issued
 * the document ("the Convention" in the Committee on the Rights of the
 * Child's concluding observations). */
static int own_treaty_generic(const ctx *c, const token *t) {
  int own_inst = c->own_body >= 0 ? c->ex->cat->bodies.v[c->own_body].instrument : -1;
  if (own_inst < 0)
    own_inst = c->parent_inst;
  if (own_inst < 0 || t->type != T_PHRASE)
    return 0;
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  for (size_t q = 0; q < n; q++)
    if (v[q].type == PH_INST_GENERIC && v[q].index == own_inst)
      return 1;
  return 0;
}

/* Whether a provision's number ends just before token a, past the words
 * that join it to its owner: "article IV du" before "même traité",
 * "paragraph 2 of the" before "said convention". */
static int provision_before(const ctx *c, size_t a) {
  size_t k = a;
  for (int joins = 0; k > 0 && joins < 2 && is_word(&c->t[k - 1], W_OF | W_DET); joins++)
    k--;
  if (k == 0 || k == a)
    return 0;
  const token *q = &c->t[k - 1];
  return q->type == T_NUM || (q->type == T_WORD && (q->flags & F_ROMAN));
}

/* Whether a generic name ("the Convention") stands alone here. A generic
 * word that begins a title the catalogue does not know ("the Convention on
 * Biological Diversity", "le Statut du Tribunal") makes the word ambiguous
 * for the rest of the document, and an unknown instrument is then the one
 * the sentence speaks of: articles after it are not ours to resolve. */
static int generic_allowed(ctx *c, size_t i, int defined) {
  const token *t = &c->t[i];
  const token *p = NULL;
  if (i > 0) {
    p = &c->t[i - 1];
    if (is_punct(p, '\'') && i >= 2)
      p = &c->t[i - 2];
  }
  int anaphora = p && is_word(p, W_ANAPH); /* "du même traité" */
  /* "the IAEA Statute", "the IAEA statute": a title of someone else's.
   * The capital must be the word just before: a gap has the flags of its
   * first word ("Поэтому государствам -- участникам Договора"). */
  if (p && !c->lv->caseless && (p->type == T_GAP || p->type == T_WORD) &&
      (p->flags & F_CAP) && !(p->flags & F_ROMAN) && !(p->cls & W_STRONG) &&
      !is_word(p, W_DET | W_OF | W_POSS | W_IN) &&
      !(p->type == T_GAP && memchr(c->text + p->start, ' ', tok_len(p)))) {
    unknown_sentence_name(c, t);
    return 0;
  }
  /* In lower case the word is a common noun ("the framework provided by",
   * "dicha carta": that letter), but after a word pointing back at a
   * treaty that owns a provision: "l'article IV du même traité". */
  if (!(t->flags & F_CAP) && !c->lv->caseless &&
      !(anaphora && provision_before(c, (size_t)(p - c->t))))
    return 0;
  if (!defined && generic_blocked(c, t) && !(own_treaty_generic(c, t) && !c->sent_inst_multi)) {
    /* (in a treaty body's own text "the Convention" is its treaty still,
     * outside a sentence that names another) */
    const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
    if (q && !c->lv->caseless && (q->flags & F_CAP) && !(q->flags & F_LINESTART) &&
        (q->type == T_GAP || q->type == T_WORD) &&
        !(q->cls & (W_RES | W_DEC | W_ART | W_PARA | W_CHAP)))
      block_generic(c, t); /* the unknown title named again: "Уставом Международного
                              трибунала" after "Устава Организации Объединенных Наций" */
    unknown_sentence_name(c, t); /* which one, we cannot tell */
    return 0;
  }
  if (c->lv->segment) {
    /* Without spaces, a generic name glued to unknown characters is part
     * of another title (巴塞尔公约): it must stand between punctuation or
     * known words (《条约》, 该条约). */
    const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
    /* A known word glued before it is another title's too ("停止敌对行动协定",
     * 行动 a word of 行动计划), unless it points at one (该, 其, 本) or joins
     * or places it (和, 在). */
    int titled = p && p->type == T_WORD && p->end == t->start &&
                 !(p->cls & (W_ANAPH | W_POSS | W_SELF | W_JOIN | W_IN | W_DET |
                             W_NSUFFIX));
    /* "1988年公约", "《1988年公约》": the one of that year (generic_year) */
    unsigned y;
    int year_only = p && is_word(p, W_DATEM) && tok_len(p) == 3 &&
                    memcmp(c->text + p->start, "\xE5\xB9\xB4", 3) == 0 && i >= 2 &&
                    year_of(&c->t[i - 2], &y) && c->t[i - 2].val2 == 4 &&
                    c->t[i - 2].end == p->start;
    if (p && p->end == t->start && (p->cls & (W_ART | W_PARA)) && p->type == T_WORD)
      return 0; /* "第十七和第十八条修正案", the amendments to articles 17 and
                   18: of the articles, no other instrument */
    if ((p && (p->type == T_GAP || (is_word(p, W_DATEM) && !year_only)) &&
         p->end == t->start) || /* "2001年12月5日宣言": a dated one */
        (titled && !year_only) || (q && q->type == T_GAP && q->start == t->end)) {
      unknown_sentence_name(c, t);
      return 0;
    }
    return 1;
  }
  if (c->lv->caseless) {
    /* No capitals to tell a title from a phrase: see resolve_instrument,
     * which then wants it named in full. */
    if (adjective_after(c, i)) {
      /* A title the catalogue does not know goes on after the adjective,
       * in words of titles ("الميثاق الدولي بشأن الفضاء والكوارث الكبرى",
       * the International Charter on Space and Major Disasters): the word
       * is ambiguous from here on ("الشركاء في الميثاق", its partners). */
      size_t m = i + 2, words = 0;
      for (; m < c->n && m <= i + 6; m++) {
        const token *q = &c->t[m];
        if (q->type != T_WORD || !q->wid || (q->cls & ~(uint32_t)W_PHRASE))
          break;
        words++;
      }
      if (words >= 3)
        block_generic(c, t);
      unknown_sentence_name(c, t);
      return 0;
    }
    return 1;
  }
  /* An adjective of the language's `qualifier` list just after it: the
   * head of another title ("la Convention interaméricaine contre la
   * corruption", "Programme d'action quinquennal", "Stratégie nationale
   * pour …"). When a capitalized word goes on with that title ("la Charte
   * internationale Espace et catastrophes majeures"), the word is
   * ambiguous from here on ("les partenaires de la Charte"). */
  if (i + 1 < c->n && c->t[i + 1].type == T_PHRASE &&
      phrase_has(c, &c->t[i + 1], PH_QUALIFIER) && c->t[i + 1].start <= t->end + 1) {
    const token *after = i + 2 < c->n ? &c->t[i + 2] : NULL;
    if ((c->t[i + 1].flags & F_CAP) || /* "la Carta Internacional sobre …" */
        (after && (after->flags & F_CAP) && !(after->flags & F_LINESTART) &&
         (after->type == T_GAP || after->type == T_WORD || after->type == T_PHRASE)))
      block_generic(c, t);
    unknown_sentence_name(c, t);
    return 0;
  }
  /* The next token capitalized ("the Basel Convention" read backwards:
   * "Convention Secretariat"), or a short connecting word and then a
   * capital ("Convention on Biological Diversity", "Statut du Tribunal"). */
  for (size_t k = i + 1; k < c->n && k <= i + 3; k++) { /* "of the Association" */
    const token *q = &c->t[k];
    if (q->type == T_PUNCT || q->type == T_BREAK || q->type == T_FOOTNOTE)
      break;
    if ((q->type == T_GAP || q->type == T_PHRASE || q->type == T_WORD) &&
        (q->flags & F_CAP) && !(q->flags & F_LINESTART) &&
        !(q->cls & (W_RES | W_DEC | W_ART | W_PARA | W_CHAP)) &&
        !(k == i + 2 && q->type == T_PHRASE &&
          (phrase_has(c, q, PH_INST_GENERIC) || phrase_has(c, q, PH_INST_FULL))) &&
        /* "статьей 26 Устава Совет Безопасности несет": without articles,
         * a body's name after the word begins the next clause */
        !(c->lv->no_articles && k == i + 1 && is_body_phrase(c, q))) {
      block_generic(c, t);
      unknown_sentence_name(c, t);
      return 0;
    }
    /* A preposition of titles that is not "of" ("on", "against", "sur",
     * "contra": words of names, or a date's "on") and then title words:
     * "the Charter on Space and Major Disasters", "the Treaty on Measures
     * for the Further Reduction …". */
    if (k == i + 1 && q->type == T_WORD && !(q->flags & F_CAP) &&
        tok_len(q) <= 8 && (q->cls == 0 || q->cls == W_DATEI)) {
      if (title_words_at(c, k + 1)) {
        block_generic(c, t);
        unknown_sentence_name(c, t);
        return 0;
      }
      /* "… on the Conservation and Management of …": this one is another
       * title (unless six words or more go on with a catalogued one), but
       * the text may still write the word for a catalogued title worded a
       * little otherwise: the word stays open */
      if (k + 1 < c->n && is_word(&c->t[k + 1], W_DET) &&
          !(c->t[k + 1].flags & F_CAP) && title_words_at(c, k + 2) &&
          title_words_known(c, i) < 6) {
        unknown_sentence_name(c, t);
        return 0;
      }
    }
    int connector = is_word(q, W_OF) || (k > i + 1 && is_word(q, W_DET)) ||
                    (q->type == T_GAP && tok_len(q) <= 6 &&
                     !memchr(c->text + q->start, ' ', tok_len(q)));
    if (!connector)
      break;
  }
  /* Preceded by an article: "the Convention", "la Convención", "l'Accord",
   * "the 1988 Convention"; languages without articles need none ("статьи 33
   * Устава"). */
  if (c->lv->no_articles)
    return 1;
  unsigned year;
  if (p && i >= 2 && p == &c->t[i - 1] && year_of(p, &year) && p->val2 == 4)
    p = &c->t[i - 2];
  return p && is_word(p, W_DET | W_POSS);
}

/* Counts a naming of instrument `inst` in full (or by a short title). */
static void note_named(cg_extractor *ex, int inst) {
  if (ex->named[inst] < 255)
    ex->named[inst]++;
  ex->named_at[inst] = ++ex->namings;
}

/* Whether an abbreviation is written with the catalogue's capitals: "CAT"
 * names the Convention against Torture, "cat" does not. */
static int abbrev_written(const ctx *c, const token *t, const phrase_val *v) {
  const char *form = strings_get(&c->ex->cat->strings, v->form - 1);
  size_t n = strlen(form);
  return tok_len(t) == n && memcmp(c->text + t->start, form, n) == 0;
}

/* The one instrument among the generic values v[0..n) whose identifier is
 * <parent's>/… (its protocol, amendment or agreement), or -1 when none or
 * several ("the Optional Protocols thereto"). */
static int only_part_of(const ctx *c, int parent_inst, const phrase_val *v, size_t n) {
  const char *parent = c->ex->cat->insts.v[parent_inst].id;
  size_t pl = strlen(parent);
  int found = -1;
  for (size_t q = 0; q < n; q++) {
    if (v[q].type != PH_INST_GENERIC)
      continue;
    const char *id = c->ex->cat->insts.v[v[q].index].id;
    if (strncmp(id, parent, pl) == 0 && id[pl] == '/' && !strchr(id + pl + 1, '/')) {
      if (found >= 0 && found != v[q].index)
        return -1;
      found = v[q].index;
    }
  }
  return found;
}

/* "the Convention … and the Optional Protocol thereto", "la Convención y su
 * Protocolo Facultativo", "及其任择议定书": a generic name tied to the
 * instrument just named is that instrument's own protocol, the one
 * instrument among the generic's whose identifier is <that id>/…; -1 when
 * there is no such tie or no single such instrument. */
static int part_of_sentence_instrument(const ctx *c, size_t i,
                                       const phrase_val *v, size_t n) {
  if (c->sent_inst < 0)
    return -1;
  size_t b = i;
  while (b > 0 && is_punct(&c->t[b - 1], '"'))
    b--; /* "及其《任择议定书》" */
  int tied = b > 0 && is_word(&c->t[b - 1], W_POSS);
  for (size_t k = i + 1; !tied && k < c->n && k <= i + 4; k++) {
    const token *q = &c->t[k];
    if (is_word(q, W_THERETO))
      tied = 1;
    else if (!(q->type == T_PUNCT || (q->type == T_WORD && tok_len(q) <= 2)))
      break; /* "s'y rapportant": short words may stand between */
  }
  if (!tied)
    return -1;
  return only_part_of(c, c->sent_inst, v, n);
}

/* Whether the name token at i follows a possessive ("its Charter", "sa
 * Charte", "其《宪章》", "ميثاقها") whose possessor is not the owner of the
 * instruments a generic word means by itself: "the League … de sa Charte"
 * is the League's, "the United Nations, as set forth in its Charter" the
 * Charter of the United Nations. The owner (the language's `possessor`
 * names) must come before it in the clause, within 200 bytes. */
static int after_other_possessive(const ctx *c, size_t i) {
  const token *t = &c->t[i];
  size_t b = i;
  while (b > 0 && is_punct(&c->t[b - 1], '"'))
    b--;
  if (!(t->flags & F_POSS) && !(b > 0 && is_word(&c->t[b - 1], W_POSS)))
    return 0;
  size_t e = t->flags & F_POSS ? t->start : c->t[b - 1].start;
  size_t from = e > 200 ? e - 200 : 0;
  for (size_t k = e; k > from; k--) {
    const unsigned char *u = (const unsigned char *)c->text + k - 1;
    if (*u == ';' || (*u == '\n' && k >= 2 && u[-1] == '\n') ||
        (*u == ' ' && k >= 2 && u[-1] == '.') ||
        (k >= 3 && u[-2] == 0xE3 && u[-1] == 0x80 && *u == 0x82) || /* 。 */
        (k >= 3 && u[-2] == 0xEF && u[-1] == 0xBC && *u == 0x9B) || /* ； */
        (k >= 2 && u[-1] == 0xD8 && *u == 0x9B)) {                   /* ؛ */
      from = k;
      break;
    }
  }
  char f[800];
  fold_word(c->text + from, e - from, f, sizeof f);
  for (size_t k = 0; k < c->lv->npossessor; k++)
    if (strstr(f, c->lv->possessor[k]))
      return 0;
  return 1;
}

/* The year written with the generic name at token i ("the 1988 Convention",
 * "la Convención de 1988", "Конвенции 1988 года", "1988年公约"), or 0. */
static unsigned generic_year(const ctx *c, size_t i, int *weak) {
  *weak = 0;
  unsigned year;
  if (i + 2 < c->n && is_word(&c->t[i + 1], W_OF | W_DATEI) &&
      year_of(&c->t[i + 2], &year) && c->t[i + 2].val2 == 4)
    return year; /* "Convention of 1988", "Convención de 1988" */
  if (c->lv->no_articles && i + 2 < c->n && year_of(&c->t[i + 1], &year) &&
      c->t[i + 1].val2 == 4 && is_word(&c->t[i + 2], W_DATEM))
    return year; /* "Конвенции 1988 года" */
  if (i + 2 < c->n && year_of(&c->t[i + 2], &year) && c->t[i + 2].val2 == 4 &&
      token_listed(c, &c->t[i + 1], c->lv->year_words[0], c->lv->nyear_words)) {
    /* "الاتفاقية لعام 1988"; but "استعراض المعاهدة عام 2010" is a review
     * in 2010: weak, of no weight when no instrument is of that year */
    *weak = 1;
    return year;
  }
  size_t p = i;
  if (p > 0 && is_punct(&c->t[p - 1], '"'))
    p--; /* 1988年《公约》 */
  if (p >= 2 && is_word(&c->t[p - 1], W_DATEM) && year_of(&c->t[p - 2], &year) &&
      c->t[p - 2].val2 == 4 && c->lv->segment)
    return year; /* "1988年公约" */
  if (p >= 2 && year_of(&c->t[p - 1], &year) && c->t[p - 1].val2 == 4 &&
      is_word(&c->t[p - 2], W_DET))
    return year; /* "the 1988 Convention" */
  return 0;
}

/* Words that may make a short name with a generic name after them: a
 * gap or an unclassed word, capitalized, of at most three words ("Fish
 * Stocks", "Compliance"). */
static int defining_qualifier(const ctx *c, const token *q) {
  if (!(q->type == T_GAP || (q->type == T_WORD && !q->cls)) || !(q->flags & F_CAP) ||
      (q->flags & F_LINESTART) || tok_len(q) > 40)
    return 0;
  size_t spaces = 0;
  for (size_t b = q->start; b < q->end; b++)
    spaces += c->text[b] == ' ' || c->text[b] == '\n';
  return spaces <= 2;
}

/* In a language without capitals, the words at k between an opening
 * quotation mark and a generic name glued to them (or one space away),
 * "《遵守协定》": a short name's qualifier. */
static int quoted_qualifier(const ctx *c, size_t k) {
  const token *q = &c->t[k];
  if (k + 1 >= c->n || !(q->type == T_GAP || (q->type == T_WORD && !q->cls)) ||
      tok_len(q) > 40 || !(c->t[k + 1].start == q->end || c->t[k + 1].start == q->end + 1))
    return 0;
  return c->t[k + 1].type == T_PHRASE && phrase_has(c, &c->t[k + 1], PH_INST_GENERIC);
}

/* The n bytes of the text at `at` folded, hashed (never 0). */
static uint64_t span_hash(const ctx *c, size_t at, size_t n) {
  char f[128];
  size_t fl = fold_word(c->text + at, n, f, sizeof f);
  uint64_t h = word_hash(f, fl);
  return h ? h : 1;
}

/* The words of q folded, hashed (never 0). */
static uint64_t qualifier_hash(const ctx *c, const token *q) {
  return span_hash(c, q->start, tok_len(q));
}

/* Whether token t (its values v[0..n)) is the word definition d made: the
 * same word, or, in a language that inflects or glues clitics to it, another
 * generic form of that instrument ("(«Соглашение»)", then "статьи 1
 * Соглашения"). */
static int defined_word(const ctx *c, size_t d, const token *t, const phrase_val *v, size_t n) {
  if (c->defined[d] == t->val)
    return 1;
  for (size_t q = 0; (c->lv->no_articles || c->lv->naffixes[0]) && q < n; q++)
    if (v[q].type == PH_INST_GENERIC && (int)v[q].index == c->defined_inst[d])
      return 1;
  return 0;
}

/* Whether a generic name whose values are v[0..n), which the text defined
 * as instrument `defined`, is in doubt in a sentence that named one we
 * cannot tell: when the doubt may be that instrument, or when the sentence
 * named another the word may mean. */
static int generic_doubted(const ctx *c, int defined, const phrase_val *v, size_t n) {
  if (sentence_doubts(c, defined))
    return 1;
  for (size_t q = 0; q < n; q++)
    for (size_t k = 0; v[q].type == PH_INST_GENERIC && k < c->nsent_insts; k++)
      if (c->sent_insts[k] == (int)v[q].index && c->sent_insts[k] != defined)
        return 1; /* another the word may mean, named in this sentence */
  return 0;
}

/* The instrument a name token stands for, in context; -1 if none. */
static int resolve_instrument(ctx *c, size_t i) {
  const token *t = &c->t[i];
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  if (i > 0 && c->ndefined &&
      ((defining_qualifier(c, &c->t[i - 1]) && c->t[i - 1].end + 1 == t->start) ||
       (c->lv->caseless && i > 1 && is_punct(&c->t[i - 2], '"') && quoted_qualifier(c, i - 1)))) {
    /* "the Compliance Agreement" after "(the Compliance Agreement)" */
    uint64_t h = qualifier_hash(c, &c->t[i - 1]);
    for (size_t d = c->ndefined; d-- > 0;)
      if (defined_word(c, d, t, v, n) && c->defined_qual[d] == h && !c->defined_post[d])
        return c->defined_inst[d];
  }
  for (size_t d = c->ndefined; d-- > 0 && i + 1 < c->n;)
    if ((defined_word(c, d, t, v, n) || c->lv->no_articles || c->lv->naffixes[0]) &&
        c->defined_post[d] &&
        c->t[i + 1].start + c->defined_post[d] <= c->len &&
        span_hash(c, c->t[i + 1].start, c->defined_post[d]) == c->defined_qual[d])
      return c->defined_inst[d]; /* "l'Accord relatif à la partie XI"; "Соглашения о
                                    соблюдении" in any case of the word */
  int specific = -1, nspecific = 0;
  for (size_t q = 0; q < n; q++) {
    if (v[q].type == PH_AMBIGUOUS)
      return -1; /* "the Vienna Convention": which one, the text does not say */
    if (v[q].type == PH_INST_ABBREV && !abbrev_written(c, t, &v[q]))
      continue;
    if (v[q].type == PH_INST_FULL || v[q].type == PH_INST_SHORT ||
        v[q].type == PH_INST_ABBREV) {
      if (specific != v[q].index)
        nspecific++;
      specific = v[q].index;
    }
  }
  if (nspecific == 1)
    return specific;
  if (nspecific > 1)
    return -1;
  /* "(the Convention)" after its title defines the word for the text,
   * whatever other titles begin with it; here it must still stand alone,
   * and a sentence that names another with that name means that one
   * ("… CITES, and the secretariat of that Convention"). */
  int defined = -1;
  for (size_t d = c->ndefined; d-- > 0 && defined < 0;) {
    if (c->defined_qual[d])
      continue;
    if (defined_word(c, d, t, v, n))
      defined = c->defined_inst[d];
  }
  if (defined >= 0) {
    int multi = c->sent_inst_multi, sent = c->sent_inst;
    if (!generic_allowed(c, i, 1))
      return -1;
    /* (when the text gave the sentence's its own short name, the word
     * alone may be either: "… (the Compliance Agreement), the Agreement and
     * …" is the other, "… Parties to that Agreement" the one just named) */
    for (size_t d = 0; d < c->ndefined && sent >= 0 && sent != defined; d++)
      if (c->defined_inst[d] == sent && c->defined_qual[d] && defined_word(c, d, t, v, n))
        return -1;
    if (sent >= 0 && sent != defined) {
      for (size_t q = 0; q < n; q++)
        if (v[q].type == PH_INST_GENERIC && v[q].index == sent)
          return sent;
    } else if (sent < 0 && multi && generic_doubted(c, defined, v, n)) {
      /* an unknown title in this sentence that this word may mean ("the
       * Port State Measures Agreement of the 'Bali Strategy' … that
       * Agreement"); a word no doubt touches is free ("《协定》第25条、
       * 《守则》第5条": an agreement we cannot tell, then the Code) */
      return -1;
    }
    return defined;
  }
  if (!generic_allowed(c, i, 0))
    return -1;
  const cg_catalog *cat = c->ex->cat;
  int named = -1, nnamed = 0, own = -1, implied = -1, nimplied = 0;
  int own_inst =
      c->own_body >= 0 ? cat->bodies.v[c->own_body].instrument : -1;
  if (own_inst < 0)
    own_inst = c->parent_inst; /* "the Convention" in a protocol to it */
  for (size_t q = 0; q < n; q++) {
    if (v[q].type != PH_INST_GENERIC)
      continue;
    int idx = v[q].index;
    if (c->ex->named[idx]) {
      if (named != idx)
        nnamed++;
      named = idx;
    }
    if (idx == own_inst)
      own = idx;
    if (cat->insts.v[idx].implied) {
      if (implied != idx)
        nimplied++;
      implied = idx;
    }
  }
  if (own < 0 && own_inst >= 0)
    /* "the Convention, the Optional Protocol" in the CEDAW Committee's own
     * document: the one protocol of its treaty with that generic form */
    own = only_part_of(c, own_inst, v, n);
  int weak_year;
  unsigned year = generic_year(c, i, &weak_year);
  if (year && weak_year) {
    int of_year = 0;
    for (size_t q = 0; q < n && !of_year; q++)
      of_year = v[q].type == PH_INST_GENERIC && c->ex->named[v[q].index] &&
                strtoul(cat->insts.v[v[q].index].date, NULL, 10) == year;
    if (!of_year)
      year = 0;
  }
  if (year) {
    /* "the 1988 Convention": of the instruments the word may mean, the
     * one of that year the text named ("the Plan of Action of 2010" of a
     * review conference is no plan the catalogue holds of 2010) */
    int named_y = -1, nnamed_y = 0;
    for (size_t q = 0; q < n; q++) {
      if (v[q].type != PH_INST_GENERIC)
        continue;
      int idx = v[q].index;
      if (strtoul(cat->insts.v[idx].date, NULL, 10) != year)
        continue;
      if (c->ex->named[idx]) {
        if (named_y != idx)
          nnamed_y++;
        named_y = idx;
      }
    }
    if (nnamed_y == 1)
      return named_y;
    /* "the 1951 Convention … and the 1967 Protocol thereto" */
    int part = part_of_sentence_instrument(c, i, v, n);
    return part >= 0 && strtoul(cat->insts.v[part].date, NULL, 10) == year ? part : -1;
  }
  /* Tied to the instrument just named ("the Convention on the Rights of
   * Persons with Disabilities and the Optional Protocol thereto"): its own
   * protocol, whatever protocol the text named before. */
  int part = part_of_sentence_instrument(c, i, v, n);
  if (part >= 0)
    return part;
  int sent_cand = 0; /* the sentence's instrument is one the word may mean */
  for (size_t q = 0; q < n && c->sent_inst >= 0; q++)
    sent_cand |= v[q].type == PH_INST_GENERIC && v[q].index == c->sent_inst;
  if (sent_cand && !c->sent_inst_multi) {
    /* "article 36 of the said Convention", "该公约第三十六条", "этой
     * Конвенции", "الاتفاقية المذكورة": the one the sentence named */
    size_t b = i;
    while (b > 0 && is_punct(&c->t[b - 1], '"'))
      b--;
    if ((b > 0 && is_word(&c->t[b - 1], W_ANAPH)) ||
        (i + 1 < c->n && is_word(&c->t[i + 1], W_ANAPH) && c->lv->no_articles))
      return c->sent_inst;
  }
  if (own >= 0 && !c->sent_inst_multi && (!sent_cand || c->sent_inst == own))
    return own; /* the issuer's treaty, whatever else the text named */
  if (sent_cand && !c->sent_inst_multi && c->ex->named[c->sent_inst])
    /* "the entry into force of the Treaty on the Prohibition of Nuclear
     * Weapons … and the third Meeting of States Parties to the Treaty", in
     * a text that names other treaties too: the one this sentence named */
    return c->sent_inst;
  if (c->sent_inst_multi && !(i > 0 && is_word(&c->t[i - 1], W_POSS)) &&
      !(t->flags & F_POSS)) {
    /* "the Convention against Torture … and the Optional Protocol thereto,
     * … States Parties to the Convention": of the instruments the sentence
     * named, the one the word may mean (not after a possessive, which points
     * at one of its own: "the Convention on the Rights of the Child and its
     * Optional Protocol on the involvement of children in armed conflict") */
    int only = -1, nonly = 0;
    for (size_t k = 0; k < c->nsent_insts; k++)
      for (size_t q = 0; q < n; q++)
        if (v[q].type == PH_INST_GENERIC && (int)v[q].index == c->sent_insts[k] &&
            only != c->sent_insts[k]) {
          only = c->sent_insts[k];
          nonly++;
        }
    if (nonly == 1 && !sentence_doubts(c, only))
      return only;
  }
  if (nnamed == 1)
    return named;
  if (nnamed > 1) {
    /* "the Convention" in a text on the Convention on Cluster Munitions
     * that also names the Convention on the Rights of Persons with
     * Disabilities once: the one named last, when it is also named at
     * least twice as often as any other, is the text's subject. */
    int last = -1, most = -1;
    for (size_t q = 0; q < n; q++) {
      int idx = v[q].index;
      if (v[q].type != PH_INST_GENERIC || !c->ex->named[idx])
        continue;
      if (last < 0 || c->ex->named_at[idx] > c->ex->named_at[last])
        last = idx;
      if (most < 0 || c->ex->named[idx] > c->ex->named[most])
        most = idx;
    }
    int dominant = last == most;
    for (size_t q = 0; q < n && dominant; q++) {
      int idx = v[q].index;
      if (v[q].type == PH_INST_GENERIC && idx != last && c->ex->named[idx] &&
          2 * c->ex->named[idx] > c->ex->named[last])
        dominant = 0;
    }
    if (dominant)
      return last;
  }
  if (nnamed > 1)
    return -1;
  if (c->lv->caseless && !c->lv->segment) {
    /* Without capitals, only an instrument named in full, or the one the
     * generic form means by itself ("الميثاق", the Charter) when no word
     * with the article follows, adjective-shaped or not (generic_allowed
     * has seen to adjectives): "فرع بحوث الميثاق التابع لشعبة", the
     * Charter Research Branch. */
    const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
    int qualified = q && (q->type == T_GAP || q->type == T_WORD) &&
                    !(q->cls & W_STRONG) && tok_len(t) > 4 && tok_len(q) > 4 &&
                    memcmp(c->text + t->start, c->text + q->start, 4) == 0;
    if (qualified)
      return -1;
    if (own >= 0)
      return own; /* "الاتفاقية" in the CEDAW Committee's own document */
    return nimplied == 1 && !after_other_possessive(c, i) ? implied : -1;
  }
  if (own >= 0)
    return own;
  /* A generic word in lower case stands here only after an anaphor ("du
   * même traité", "dicha carta"): it points back at an instrument the text
   * names, never at the one the word means by itself ("dicha carta" is
   * the said letter, not the Charter). */
  if (!(t->flags & F_CAP) && !c->lv->caseless)
    return -1;
  return nimplied == 1 && !after_other_possessive(c, i) ? implied : -1;
}

/* How many instruments a name token names specifically (not by a generic
 * form). */
static int specific_count(const ctx *c, const token *t) {
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  int count = 0, last = -1;
  for (size_t q = 0; q < n; q++)
    if ((v[q].type == PH_INST_FULL || v[q].type == PH_INST_SHORT) &&
        v[q].index != last) {
      count++;
      last = v[q].index;
    }
  return count;
}

/* The end of an unknown title that starts with the generic name at i
 * ("Convention on the Safety of Navigation", "Convención sobre la Seguridad
 * …"): the capitalized words after it and the short lower-case words
 * between them, up to punctuation; t->end when no capitalized word follows
 * (scripts without capitals have no such titles to tell). */
static size_t title_end(const ctx *c, size_t i) {
  const token *t = &c->t[i];
  size_t end = t->end, p = t->end;
  size_t limit = t->end + 160 < c->len ? t->end + 160 : c->len;
  const char *s = c->text;
  for (int words = 0; words < 10; words++) {
    while (p < limit && s[p] == ' ')
      p++;
    size_t w = p;
    while (p < limit && s[p] && s[p] != ' ' && s[p] != '\n' &&
           !strchr(",;:.()[]\"", s[p]))
      p++;
    if (p == w)
      break;
    unsigned char first = (unsigned char)s[w];
    if (first >= 'A' && first <= 'Z')
      end = p;
    else if (!(first >= 'a' && first <= 'z' && p - w <= 8) &&
             !(first >= 0xC0 && p - w <= 16)) /* "à", "über", a capital */
      break;
    if (first >= 0xC0) {
      uint32_t cp, f[2];
      if (utf8_decode((const unsigned char *)s + w, p - w, &cp)) {
        int m = cp_fold(cp, f);
        if (!(m == 1 && f[0] == cp))
          end = p; /* "Économique", "Всеобщей": a capital */
      }
    }
  }
  return end;
}

/* Whether word id wid is a word of one of the names the language gives
 * instrument inst: read up the trie from every node that names it. The
 * trie's parents are made once per extractor and language; -1 when out
 * of memory. */
static int inst_name_word(ctx *c, int inst, uint32_t wid) {
  cg_extractor *ex = c->ex;
  const phrase_trie *tr = &c->lv->trie;
  size_t li = (size_t)(c->lv - ex->cat->langs.v);
  if (!ex->trie_up && !(ex->trie_up = calloc(ex->cat->langs.n, sizeof *ex->trie_up)))
    return -1;
  uint64_t *up = ex->trie_up[li];
  if (!up) {
    if (!(up = calloc(tr->nodes.n ? tr->nodes.n : 1, sizeof *up)))
      return -1;
    for (size_t e = 0; e < tr->edge_cap; e++) {
      const trie_edge *ed = &tr->edges[e];
      if (ed->key && ed->child < tr->nodes.n) {
        uint64_t key = ed->key - 1;
        up[ed->child] = (key & 0xFFFFFFFF00000000ULL) | (key & 0xFFFFFFFFu);
      }
    }
    ex->trie_up[li] = up;
  }
  for (size_t n = 1; n < tr->nodes.n; n++) {
    const trie_node *tn = &tr->nodes.v[n];
    if (!(tn->types & (1u << PH_INST_FULL | 1u << PH_INST_SHORT)))
      continue;
    int names = 0;
    for (uint32_t q = 0; q < tn->vals_count && !names; q++) {
      const phrase_val *v = &tr->vals.v[tn->vals_start + q];
      names = (v->type == PH_INST_FULL || v->type == PH_INST_SHORT) && v->index == inst;
    }
    for (size_t m = n, depth = 0; names && m && depth < 64; depth++) {
      if ((uint32_t)up[m] == wid)
        return 1;
      m = (size_t)(up[m] >> 32);
    }
  }
  return 0;
}

/* The word id of the first word of token t (a phrase), or 0. */
static uint32_t first_word_id(const ctx *c, const token *t) {
  size_t e = t->start;
  while (e < t->end && e - t->start < 60 && c->text[e] != ' ' && c->text[e] != '\n' &&
         c->text[e] != '-' && c->text[e] != '\'')
    e++;
  char f[72];
  size_t fl = fold_word(c->text + t->start, e - t->start, f, sizeof f);
  if (!fl || fl >= sizeof f)
    return 0;
  const word_info *wi = wordtab_find(c->ex->cat, &c->lv->words, f, fl, word_hash(f, fl));
  return wi ? wi->wid : 0;
}

/* Whether the word of token t is one of the language's topics ("on"). */
static int topic_word(const ctx *c, const token *t) {
  char f[64];
  size_t n = tok_len(t);
  if (!c->lv->ntopics || n >= 16)
    return 0;
  size_t fl = fold_word(c->text + t->start, n, f, sizeof f);
  return fl && listed(f, c->lv->topics[0], sizeof c->lv->topics[0], c->lv->ntopics) >= 0;
}

/* When the name at token i, read as instrument inst, goes on into a
 * longer title: a topic word ("on", "sobre") and capitalized words that
 * none of the instrument's names holds ("the Universal Declaration on
 * Cultural Diversity", "the Geneva United Nations Charter on Sustainable
 * Housing"): the end of that title, else 0. Words its names hold go on
 * with it ("the Chicago Convention on International Civil Aviation",
 * "Plan de Acción de Madrid sobre el Envejecimiento"); a lower-case word
 * after the topic proves nothing ("the Charter on the use of force"). */
static size_t topic_title_end(ctx *c, size_t i, int inst) {
  if (i + 2 >= c->n)
    return 0;
  size_t at = i + 1;
  if (!c->lv->caseless && i + 4 < c->n && tok_len(&c->t[at]) <= 3 &&
      (c->t[at].type == T_WORD || c->t[at].type == T_GAP) &&
      !(c->t[at].flags & (F_CAP | F_LINESTART)) &&
      (c->t[at + 1].type == T_GAP || c->t[at + 1].type == T_WORD) &&
      (c->t[at + 1].flags & F_CAP) && !(c->t[at + 1].flags & F_LINESTART) &&
      !memchr(c->text + c->t[at + 1].start, ' ', tok_len(&c->t[at + 1])) &&
      topic_word(c, &c->t[at + 2]))
    at += 2; /* a place between: "la Carta de las Naciones Unidas en Ginebra sobre
                Vivienda Sostenible" (a charter of that city, not the Charter) */
  const token *q = &c->t[at];
  if (!(q->type == T_WORD || q->type == T_GAP) || (q->flags & (F_CAP | F_LINESTART)) ||
      !topic_word(c, q))
    return 0;
  size_t k = at + 1;
  if (k < c->n && is_word(&c->t[k], W_DET))
    k++;
  if (k < c->n && is_punct(&c->t[k], '\''))
    k++;
  const token *t = &c->t[i];
  if ((c->lv->caseless || (c->lv->lower_titles && !(c->t[k].flags & F_CAP))) &&
      phrase_has(c, t, PH_INST_SHORT) &&
      !phrase_has(c, t, PH_INST_FULL) && !phrase_has(c, t, PH_INST_GENERIC)) {
    /* A short name, then its subject in lower case (the titles of French,
     * Russian, Arabic): "la Déclaration universelle sur la diversité
     * culturelle", "Всеобщую декларацию о культурном разнообразии". Two
     * words none of its names holds, and it is a longer title; one proves
     * nothing ("sur ce point"). */
    size_t words = 0, end = 0;
    for (size_t m = k; m < c->n && m < k + 4 && words < 2; m++) {
      const token *w = &c->t[m];
      if ((w->flags & F_LINESTART) || w->type == T_BREAK)
        break;
      if (is_word(w, W_OF | W_DET) || is_punct(w, '\''))
        continue;
      if (w->type == T_GAP) {
        words += memchr(c->text + w->start, ' ', tok_len(w)) ? 2 : 1;
        end = w->end;
        continue;
      }
      if (w->type != T_WORD || !w->wid || (w->flags & F_CAP))
        break;
      int has = inst_name_word(c, inst, w->wid);
      if (has < 0) {
        c->failed = 1;
        return 0;
      }
      if (has)
        return 0;
      words++;
      end = w->end;
    }
    return words >= 2 ? end : 0;
  }
  if (c->lv->caseless)
    return 0;
  size_t caps = 0, foreign = 0; /* the end of the first word none of its names holds */
  for (; k < c->n && caps < 3; k++) {
    const token *w = &c->t[k];
    if (w->flags & F_LINESTART)
      break;
    if ((w->type == T_WORD || w->type == T_GAP || w->type == T_PHRASE) && (w->flags & F_CAP)) {
      if (!caps && (phrase_has(c, w, PH_INST_FULL) || phrase_has(c, w, PH_INST_SHORT) ||
                    phrase_has(c, w, PH_INST_GENERIC) || phrase_has(c, w, PH_INST_ABBREV) ||
                    is_body_phrase(c, w)))
        return 0; /* another citation: "the Bangkok Treaty on the Protocol to it" */
      if (k + 1 < c->n && is_punct(&c->t[k + 1], '\'') && c->t[k + 1].start == w->end)
        return 0; /* prose: "the Convention on the Platform's purpose" */
      uint32_t wid = w->type == T_WORD ? w->wid : w->type == T_PHRASE ? first_word_id(c, w) : 0;
      int has = wid ? inst_name_word(c, inst, wid) : 0;
      if (has < 0) {
        c->failed = 1;
        return 0;
      }
      if (!has && !foreign)
        foreign = w->end;
      caps++;
      continue;
    }
    if (caps && (is_word(w, W_OF | W_DET | W_JOIN) || is_punct(w, '-')))
      continue; /* "Prevention and Punishment", "Trade-Related" */
    break;
  }
  /* (one capital is no title: "the Treaty on Monday") */
  if (!foreign || caps < 2)
    return 0;
  size_t e = title_end(c, i);
  return e > foreign ? e : foreign;
}

/* Handles a name token at i: an instrument is cited, a body noted. */
/* Whether the name at token i is part of something else: a web address
 * or file name, or a longer title the catalogue does not know: a
 * capitalized compound just before it ("Inter-American
 * Convention against Corruption"), or, without spaces, other characters
 * before it in the same quoted title (《日内瓦可持续住房联合国宪章》). A
 * capitalized word after a name proves nothing: "Rotterdam Convention
 * Secretariat", and genitives ("Устава Организации Объединенных Наций"). */
static int in_longer_title(const ctx *c, size_t i) {
  const token *t = &c->t[i];
  /* Inside a web address or a file name: "…/fish_stocks_agreement_…". */
  if (t->start > 0 && c->text[t->start - 1] == '/')
    return 1;
  for (size_t b = t->start + 1; b + 1 < t->end; b++)
    if (c->text[b] == '_' && c->text[b - 1] != ' ' && c->text[b + 1] != ' ')
      return 1;
  const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
  const token *p = i > 0 ? &c->t[i - 1] : NULL;
  if (c->lv->ntitle_links && i >= 2) {
    /* After a generic name and the words that tie a title to another
     * instrument's name inside it ("the Protocol amending the Marrakesh
     * Agreement …", "Protocole relatif à la Convention …", "Протокол о
     * внесении поправок в Соглашение …"): a name inside a title the
     * catalogue does not know, not a citation of it. */
    size_t k = i, links = 0, tie = 0;
    while (k > 0 && links < 6) {
      const token *x = &c->t[k - 1];
      if (token_listed_w(c, x, c->lv->title_links[0], sizeof c->lv->title_links[0],
                         c->lv->ntitle_links))
        tie = 1;
      else if (!is_word(x, W_DET | W_OF) && !is_punct(x, '\''))
        break;
      k--;
      links++;
    }
    const token *g = k > 0 && k < i ? &c->t[k - 1] : NULL;
    if (tie && g && g->type == T_PHRASE && (g->flags & F_CAP) && g->end + 1 <= c->t[k].start &&
        phrase_has(c, g, PH_INST_GENERIC) && !phrase_has(c, g, PH_INST_FULL) &&
        !phrase_has(c, g, PH_INST_SHORT) && !is_body_phrase(c, g))
      return 1;
  }
  if (!c->lv->caseless) {
    /* A capitalized compound just before it: "the Inter-American
     * Convention against Corruption", "Pan-African". (A capitalized word
     * alone proves nothing: "IAEA Code of Practice", "Сторонами
     * Конвенции о биологическом разнообразии".) */
    if (!p || !(p->type == T_GAP || p->type == T_WORD || p->type == T_PHRASE) ||
        !(p->flags & F_CAP) || !(t->flags & F_SPACE) || t->start != p->end + 1 ||
        memchr(c->text + p->start, ' ', tok_len(p)))
      return 0;
    if (tok_len(p) > 2 && memchr(c->text + p->start + 1, '-', tok_len(p) - 2))
      return 1; /* one token */
    const token *h = i > 1 ? &c->t[i - 2] : NULL, *w = i > 2 ? &c->t[i - 3] : NULL;
    return h && w && is_punct(h, '-') && h->end == p->start && w->end == h->start &&
           (w->flags & F_CAP) && (w->type == T_GAP || w->type == T_WORD);
  }
  if (c->lv->segment) {
    /* Quoted by 〈 〉 inside a longer title quoted by 《 》, with characters
     * between: 《进一步执行〈21世纪议程〉方案》, 《〈联合国气候变化框架公约〉京都议定书》. */
    if (p && q && p->type == T_PUNCT && q->type == T_PUNCT && p->end == t->start &&
        q->start == t->end && tok_len(p) == 3 &&
        memcmp(c->text + p->start, "\xe3\x80\x88", 3) == 0 && tok_len(q) == 3 &&
        memcmp(c->text + q->start, "\xe3\x80\x89", 3) == 0) {
      size_t b = p->start, e = q->end;
      size_t lo = b > 90 ? b - 90 : 0, hi = e + 90 < c->len ? e + 90 : c->len;
      while (b >= lo + 3 && memcmp(c->text + b - 3, "\xe3\x80\x8a", 3) != 0 &&
             memcmp(c->text + b - 3, "\xe3\x80\x8b", 3) != 0 && c->text[b - 1] != '\n')
        b--;
      while (e + 3 <= hi && memcmp(c->text + e, "\xe3\x80\x8b", 3) != 0 &&
             memcmp(c->text + e, "\xe3\x80\x8a", 3) != 0 && c->text[e] != '\n')
        e++;
      int opened = b >= lo + 3 && memcmp(c->text + b - 3, "\xe3\x80\x8a", 3) == 0;
      int closed = e + 3 <= hi && memcmp(c->text + e, "\xe3\x80\x8b", 3) == 0;
      if (opened && closed && (b < p->start || e > q->end))
        return 1;
    }
    /* Characters glued before it back to the opening of a quoted title. */
    size_t k = i;
    while (k > 0 && c->t[k - 1].end == c->t[k].start &&
           (c->t[k - 1].type == T_GAP || c->t[k - 1].type == T_WORD) &&
           !(c->t[k - 1].cls & W_STRONG) && i - k < 6)
      k--;
    return k < i && k > 0 && is_punct(&c->t[k - 1], '"') &&
           c->t[k - 1].end == c->t[k].start && q && is_punct(q, '"') &&
           q->start == t->end;
  }
  return 0;
}

/* Whether the word just before the name at token i is an indefinite article
 * of the language: "develop a new urban agenda", "desarrollar un nuevo
 * programa urbano" speak of one to come, not of the one adopted; so does
 * "new" before a name in lower case ("consider possible new guidelines for
 * the long-term sustainability of outer space activities"; "the new Doha
 * Programme of Action" is a title). */
static int after_indefinite(const ctx *c, size_t i) {
  const lang_vocab *lv = c->lv;
  size_t e = c->t[i].start;
  if (!(lv->nindefinite || lv->nnew_words) || !e || c->text[e - 1] != ' ')
    return 0;
  e--;
  while (e > 0 && c->text[e - 1] == ' ')
    e--;
  size_t b = e;
  while (b > 0 && e - b < 16 && c->text[b - 1] != ' ' && c->text[b - 1] != '\n' &&
         !strchr(",;:.()[]\"'", c->text[b - 1]))
    b--;
  if (b == e || e - b >= 16)
    return 0;
  char f[64];
  size_t fl = fold_word(c->text + b, e - b, f, sizeof f);
  if (!fl)
    return 0;
  /* A capital just after an opening quotation mark begins the title
   * itself: entitled "A New Agenda for Peace". */
  const unsigned char *u = (const unsigned char *)c->text;
  size_t a = b; /* the article's first letter, after the mark the word holds */
  if (e - a > 3 && u[a] == 0xE2 && u[a + 1] == 0x80 && u[a + 2] == 0x9C)
    a += 3; /* U+201C */
  else if (e - a > 2 && u[a] == 0xC2 && u[a + 1] == 0xAB)
    a += 2; /* « */
  int quoted = a > b || (b > 0 && u[b - 1] == '"') ||
               (b >= 3 && u[b - 3] == 0xC2 && u[b - 2] == 0xAB && u[b - 1] == ' ');
  if (quoted && u[a] >= 'A' && u[a] <= 'Z')
    return 0;
  if (listed(f, lv->indefinite[0], sizeof lv->indefinite[0], lv->nindefinite) >= 0)
    return 1;
  return !(c->t[i].flags & F_CAP) && !lv->caseless &&
         listed(f, lv->new_words[0], sizeof lv->new_words[0], lv->nnew_words) >= 0;
}

/* Whether the word just before the name at token i is one of the
 * language's words for "draft": "مشروع الاتفاقية" is the draft convention,
 * not the Convention the text named (for a generic name only). */
static int after_draft(const ctx *c, size_t i) {
  const lang_vocab *lv = c->lv;
  size_t e = c->t[i].start;
  return e && c->text[e - 1] == ' ' &&
         word_before_listed(c, e, lv->draft_words[0], sizeof lv->draft_words[0],
                            lv->ndraft_words);
}

/* "the International Covenants on Human Rights": each instrument the name
 * stands for together, in the catalogue's order. Returns the last, or -1. */
static int cite_together(ctx *c, size_t i) {
  const token *t = &c->t[i];
  size_t n;
  const phrase_val *v = phrase_vals(c, t, &n);
  int last = -1;
  for (size_t q = 0; q < n; q++) {
    if (v[q].type != PH_INST_TOGETHER)
      continue;
    int inst = v[q].index;
    note_named(c->ex, inst);
    sentence_instrument(c, inst);
    emit(c, t->start, t->end, c->ex->cat->insts.v[inst].id, "", "", "", CG_KIND_TREATY);
    last = inst;
  }
  return last;
}

static int handle_name(ctx *c, size_t i) {
  const token *t = &c->t[i];
  if (is_body_phrase(c, t)) {
    int b = resolve_body(c, t);
    note_body(c, b, t->end);
    c->sent_body_free = b >= 0; /* named for itself, no citation's owner */
    size_t n;
    const phrase_val *v = phrase_vals(c, t, &n);
    for (size_t q = 0; q < n && b >= 0; q++) {
      if (v[q].type == PH_BODY_FULL && v[q].index == b && v[q].form) {
        /* "Conference of the Parties to the Basel Convention" names the
         * Convention too: it is cited, and "the Convention" later is it */
        int inst = (int)v[q].form - 1;
        note_named(c->ex, inst);
        sentence_instrument(c, inst);
        emit(c, t->start, t->end, c->ex->cat->insts.v[inst].id, "", "", "",
             CG_KIND_TREATY);
        break;
      }
    }
    return -1;
  }
  if ((t->flags & F_CAP || c->lv->caseless) && after_draft(c, i) &&
      !phrase_has(c, t, PH_INST_FULL) && !phrase_has(c, t, PH_INST_SHORT) &&
      !phrase_has(c, t, PH_INST_ABBREV)) {
    /* (a title after it is the instrument still: "the draft articles on
     * diplomatic protection" are the articles, "مشاريع المواد المتعلقة
     * بمسؤولية الدول" too) */
    note_unresolved(c, t->start, t->end, "a draft's generic name");
    unknown_sentence_instrument(c);
    return -1;
  }
  if (phrase_has(c, t, PH_INST_TOGETHER))
    return cite_together(c, i);
  if (c->parent_inst >= 0 && i > 0 && is_word(&c->t[i - 1], W_SELF) &&
      phrase_has(c, t, PH_INST_GENERIC) && !phrase_has(c, t, PH_INST_FULL) &&
      !phrase_has(c, t, PH_INST_SHORT))
    return -1; /* in a protocol's own text, "this Protocol", "le présent
                  Protocole": the text itself, and the sentence's instrument
                  stays what it is */
  int inst = resolve_instrument(c, i);
  if (inst < 0) {
    const token *q = i + 1 < c->n ? &c->t[i + 1] : NULL;
    int titled = q && (q->type == T_GAP || q->type == T_WORD) &&
                 (q->flags & F_CAP) && !(q->flags & F_LINESTART) &&
                 !(q->cls & W_STRONG); /* "устава МАГАТЭ" */
    if (phrase_has(c, t, PH_AMBIGUOUS) || specific_count(c, t) > 1) {
      note_unresolved(c, t->start, t->end, "name shared by several instruments");
    } else if (phrase_has(c, t, PH_INST_GENERIC) && (t->flags & F_CAP) &&
               title_end(c, i) > t->end) {
      note_unresolved(c, t->start, title_end(c, i), "title not in the catalogue");
    } else if (phrase_has(c, t, PH_INST_GENERIC) &&
               (t->flags & F_CAP || c->lv->caseless || titled)) {
      note_unresolved(c, t->start, t->end,
                      "no instrument of that name named before");
    }
    if (phrase_has(c, t, PH_INST_GENERIC) &&
        (t->flags & F_CAP || c->lv->caseless || titled)) {
      /* "the Statute" that is none of ours: articles of this sentence
       * are not ours to resolve either. */
      unknown_sentence_name(c, t);
    }
    return -1;
  }
  int specific = phrase_has(c, t, PH_INST_FULL) || phrase_has(c, t, PH_INST_SHORT) ||
                 phrase_has(c, t, PH_INST_ABBREV);
  if (specific && in_longer_title(c, i)) {
    note_unresolved(c, t->start, t->end, "part of a title not in the catalogue");
    unknown_sentence_instrument(c);
    return -1;
  }
  size_t longer = topic_title_end(c, i, inst);
  if (longer) {
    note_unresolved(c, t->start, longer, "title not in the catalogue");
    unknown_sentence_instrument(c);
    return -1;
  }
  /* One to come ("a new urban agenda"), or one dated in the catalogue
   * more than a year after the text: not the instrument of that name. (A
   * catalogue date may be the opening for signature, weeks after the text
   * was adopted: Security Council resolution 255 (1968) welcomes the NPT
   * twelve days before.) */
  const char *adopted = c->ex->cat->insts.v[inst].date;
  char year_on[11] = "";
  if (c->doc_date[0] && adopted[0]) {
    memcpy(year_on, c->doc_date, sizeof year_on);
    for (int d = 3; d >= 0; d--) /* the year plus one, in its four digits */
      if (year_on[d] < '9') {
        year_on[d]++;
        break;
      } else {
        year_on[d] = '0';
      }
  }
  int later = year_on[0] && strcmp(adopted, year_on) > 0;
  if ((specific && after_indefinite(c, i)) || later) {
    note_unresolved(c, t->start, t->end,
                    later ? "instrument dated over a year after the document"
                          : "after an indefinite article");
    unknown_sentence_instrument(c);
    return -1;
  }
  if (specific) {
    note_named(c->ex, inst);
    /* "… on the Law of the Sea (the Convention)": the generic name is this
     * one for the rest of the text. */
    size_t k0 = i + 1;
    if (c->lv->caseless && k0 < c->n && is_punct(&c->t[k0], '"') && c->t[k0].start == t->end)
      k0++; /* "《联合国海洋法公约》(《公约》)": the title's closing mark first */
    size_t k = k0;
    if (k < c->n && is_punct(&c->t[k], '('))
      k++;
    while (k < c->n && k > k0 && k < k0 + 3 && is_punct(&c->t[k], '"'))
      k++; /* "(« la Convention »)" */
    /* in a language without capitals, the quotation marks make the name */
    int quoted = c->lv->caseless && k > k0 + 1 && is_punct(&c->t[k - 1], '"');
    if (k < c->n && k > k0 && is_word(&c->t[k], W_DET))
      k++;
    if (k < c->n && k > k0 + 1 && is_punct(&c->t[k], '\''))
      k++; /* "l'Accord" */
    /* "… on the High Seas (the Compliance Agreement)": capitalized words
     * before the generic name make a short name of it for the text */
    uint64_t qual = 0;
    size_t post = 0;
    if (k > k0 && k + 2 < c->n &&
        ((defining_qualifier(c, &c->t[k]) && c->t[k].end + 1 == c->t[k + 1].start) ||
         (quoted && quoted_qualifier(c, k)))) {
      qual = qualifier_hash(c, &c->t[k]);
      k++;
    }
    if (k > k0 && k + 1 < c->n && c->t[k].type == T_PHRASE &&
        phrase_has(c, &c->t[k], PH_INST_GENERIC) && ((c->t[k].flags & F_CAP) || quoted) &&
        c->ndefined < sizeof c->defined / sizeof *c->defined) {
      size_t e = k + 1;
      if (!qual && !is_punct(&c->t[e], ')') && !is_punct(&c->t[e], '"')) {
        /* or the words after it, to the closing quote or bracket:
         * "(« l'Accord relatif à la partie XI »)" */
        size_t m = e;
        while (m < c->n && m < e + 8 && !is_punct(&c->t[m], ')') && !is_punct(&c->t[m], '"') &&
               c->t[m].type != T_BREAK &&
               (c->t[m].type != T_PUNCT || c->t[m].val == '\'' || c->t[m].val == '-'))
          m++; /* ("d'application": an apostrophe inside) */
        if (m < c->n && m > e && (is_punct(&c->t[m], ')') || is_punct(&c->t[m], '"')) &&
            c->t[m - 1].end - c->t[e].start < 64) {
          post = c->t[m - 1].end - c->t[e].start;
          qual = span_hash(c, c->t[e].start, post);
          e = m;
        }
      }
      while (e < c->n && e < k + 12 && is_punct(&c->t[e], '"'))
        e++;
      size_t gn;
      const phrase_val *gv = e < c->n && is_punct(&c->t[e], ')') ? phrase_vals(c, &c->t[k], &gn)
                                                                   : NULL;
      /* the word the text defines is a generic name of this instrument, or,
       * with words of its own ("(«Соглашение о соблюдении»)"), of any */
      for (size_t q = 0; gv && q < gn; q++)
        if (gv[q].type == PH_INST_GENERIC && (gv[q].index == inst || qual)) {
          c->defined[c->ndefined] = c->t[k].val;
          c->defined_qual[c->ndefined] = qual;
          c->defined_post[c->ndefined] = (uint16_t)post;
          c->defined_inst[c->ndefined++] = inst;
          break;
        }
    }
  }
  sentence_instrument(c, inst);
  emit(c, t->start, t->end, c->ex->cat->insts.v[inst].id, "", "", "",
       CG_KIND_TREATY);
  return inst;
}

/* ------------------------------------------------------------ provisions */

#define STEPS_MAX 32 /* "paragraphs 181, 203 to 207, 209, 210, 213, 215 to 222 and 257" */
typedef struct {
  char v[STEPS_MAX][16];
  size_t n;
} steps;

/* A provision number: digits, or a roman numeral read as arabic. */
static int step_number(const token *t, char *out) {
  if (t->type == T_NUM && t->val > 0 && t->val < 100000) {
    put_number(out, 16, "", t->val, "");
    return 1;
  }
  if (t->type == T_WORD && (t->flags & F_ROMAN)) {
    put_number(out, 16, "", t->roman, "");
    return 1;
  }
  if (t->type == T_WORD && (t->cls & W_ORDNUM) && t->val2) {
    put_number(out, 16, "", t->val2, ""); /* "المادة الثالثة": article 3 */
    return 1;
  }
  return 0;
}

/* The Latin letter a Cyrillic one of token t (two bytes) is typed for,
 * the one it looks like: "пункте 2(е)", "статья 51(А)(е)", "статье 73 е
 * Устава" (Russian texts letter subparagraphs in Latin, as the English);
 * 0 for another token. */
static char twin_letter(const ctx *c, const token *t) {
  static const char twin[][3] = {"а", "a", "с", "c", "е", "e", "о", "o", "р", "p",
                                 "х", "x", "у", "y", "А", "a", "С", "c", "Е", "e"};
  if (tok_len(t) != 2)
    return 0;
  const char *w = c->text + t->start;
  for (size_t q = 0; q < sizeof twin / sizeof *twin; q += 2)
    if (w[0] == twin[q][0] && w[1] == twin[q][1])
      return twin[q + 1][0];
  return 0;
}

/* A parenthesised step: "(a)", "a)", "(1)", "1)". Stores the letter or
 * number and whether it was a number. Returns tokens used, 0 if none. */
static size_t paren_step(const ctx *c, size_t k, char *out, int *numeric) {
  size_t j = k;
  int open = 0;
  if (j < c->n && is_punct(&c->t[j], '(')) {
    open = 1;
    j++;
  }
  if (j + 1 >= c->n || !is_punct(&c->t[j + 1], ')'))
    return 0;
  const token *t = &c->t[j];
  if (t->type == T_NUM && t->val < 1000 && (open || !(t->flags & F_LINESTART))) {
    put_number(out, 16, "", t->val, "");
    *numeric = 1;
    return j + 2 - k;
  }
  if (t->type == T_WORD && (t->cls & W_POINTL) && t->val2 >= 1 &&
      t->val2 <= 26) {
    /* a letter of another alphabet, in its order: Arabic (ي) = (j) */
    out[0] = (char)('a' + t->val2 - 1);
    out[1] = '\0';
    *numeric = 0;
    return j + 2 - k;
  }
  if (t->type == T_WORD && tok_len(t) == 2) {
    char ch = twin_letter(c, t);
    if (!ch)
      return 0;
    out[0] = ch;
    out[1] = '\0';
    *numeric = 0;
    return j + 2 - k;
  }
  if (t->type != T_WORD || tok_len(t) != 1)
    return 0;
  char ch = c->text[t->start];
  if (ch < 'a' || ch > 'z')
    return 0;
  out[0] = ch;
  out[1] = '\0';
  *numeric = 0;
  return j + 2 - k;
}

/* Parses "N[, N] [and N]"; returns the index after. */
static int is_range_word(const ctx *c, const token *t);

/* Whether token k joins the two numbers of a range: an en dash ("9–11"),
 * not a hyphen ("المادة 2-3" is paragraph 3 of article 2), a short
 * lower-case word ("to", "à", "a") or one of the language's range words. */
static int range_joint(const ctx *c, size_t k) {
  const token *t = &c->t[k];
  return (is_punct(t, '-') && (unsigned char)c->text[t->start] == 0xE2) ||
         ((t->type == T_WORD || t->type == T_GAP) && !(t->flags & F_CAP) && tok_len(t) <= 2 &&
          !is_word(t, W_JOIN | W_OF | W_DET | W_IN | W_DATEI)) ||
         is_range_word(c, t);
}

static size_t number_list(const ctx *c, size_t k, steps *st) {
  st->n = 0;
  char probe[16];
  while (k < c->n && st->n < STEPS_MAX) {
    if (!step_number(&c->t[k], st->v[st->n]))
      break;
    st->n++;
    k++;
    /* a range inside the list, after a number of it: "181, 203 to 207,
     * 209" (the first number a list's own is read by the caller, which
     * tells "articles 19-22" from "المادة 2-3") */
    if (st->n > 1 && k + 1 < c->n && c->t[k - 1].type == T_NUM &&
        c->t[k + 1].type == T_NUM && range_joint(c, k)) {
      uint32_t from = c->t[k - 1].val, to = c->t[k + 1].val;
      if (to <= from || to - from > 20 || st->n + (to - from) > STEPS_MAX)
        break;
      for (uint32_t v = from + 1; v <= to; v++)
        put_number(st->v[st->n++], 16, "", v, "");
      k += 2;
    }
    size_t s = k;
    if (s < c->n && is_punct(&c->t[s], ','))
      s++;
    if (s < c->n && is_word(&c->t[s], W_JOIN))
      s++;
    if (s + 3 < c->n && is_word(&c->t[s], W_OF) && c->t[s + 1].type == T_NUM &&
        range_joint(c, s + 2) && c->t[s + 3].type == T_NUM && st->n > 0)
      s++; /* "113 و 117 ومن 119 إلى 124": "and from" before a range */
    if (s == k || s >= c->n || !step_number(&c->t[s], probe))
      break;
    k = s;
  }
  return k;
}

/* Provisions waiting for their instrument until the sentence ends:
 * "chapter VI …, and Chapter VII of the Charter". */
static void pend(ctx *c, size_t start, size_t end, const char *path) {
  if (c->npending >= sizeof c->pending / sizeof *c->pending)
    return;
  pending_prov *p = &c->pending[c->npending++];
  p->start = start;
  p->end = end;
  str_copy(p->path, sizeof p->path, path);
  p->place = c->place;
  p->para = c->para;
  p->fn = c->fn;
}

static void end_sentence(ctx *c) {
  c->list_kind = -1;
  /* (in a protocol's own text an article with no owner is its own: "in
   * accordance with article 4") */
  if (c->npending && c->sent_inst >= 0 && !c->sent_inst_multi && c->parent_inst < 0) {
    cg_place place = c->place;
    unsigned para = c->para, fn = c->fn;
    for (size_t k = 0; k < c->npending; k++) {
      pending_prov *p = &c->pending[k];
      char target[200];
      str_join(target, sizeof target, c->ex->cat->insts.v[c->sent_inst].id, '#', p->path);
      c->place = p->place;
      c->para = p->para;
      c->fn = p->fn;
      emit(c, p->start, p->end, target, "", "", "", CG_KIND_PROVISION);
    }
    c->place = place;
    c->para = para;
    c->fn = fn;
  } else {
    for (size_t k = 0; k < c->npending; k++)
      note_unresolved(c, c->pending[k].start, c->pending[k].end,
                      "instrument of the provision not determined");
  }
  c->npending = 0;
  if (c->sent_res_n) {
    c->prev_res = c->sent_res_n == 1 ? c->sent_res : NO_STR;
    c->prev_res_end = c->sent_res_end;
  }
  c->sent_res_n = 0;
  c->sent_body = c->sent_inst = -1;
  sentence_bodies(c, c->prev_sent_bodies);
  c->nsent_bodies = 0;
  c->sent_inst_multi = 0;
  c->nsent_insts = 0;
  if (c->sent_unknown_set) {
    memset(c->sent_unknown, 0, sizeof c->sent_unknown);
    c->sent_unknown_set = 0;
  }
  c->sent_res = NO_STR;
}

/* Whether the first word of token t ends as no genitive does (the
 * language's `not_genitive` endings): "региональные" after "статьей 52"
 * is the sentence's subject, not the article's owner. */
/* Whether the first word of t ends with one of the endings rows[0..n). */
static int first_word_ends(const ctx *c, const token *t, const char (*rows)[16], size_t n) {
  size_t e = t->start;
  while (e < t->end && c->text[e] != ' ' && c->text[e] != '\n')
    e++;
  char f[128];
  size_t fl = fold_word(c->text + t->start, e - t->start, f, sizeof f);
  for (size_t k = 0; k < n; k++) {
    size_t m = strlen(rows[k]);
    if (fl > m + 2 && memcmp(f + fl - m, rows[k], m) == 0)
      return 1;
  }
  return 0;
}

static int not_genitive(const ctx *c, const token *t) {
  return first_word_ends(c, t, c->lv->not_genitive, c->lv->nnot_genitive);
}

static size_t parse_provision_at(ctx *c, size_t i, char *base, size_t base_cap,
                                 char *path, size_t path_cap, int nested);

/* After a provision's numbers: who it belongs to. "of the Protocol", "de la
 * Carta", "of resolution 1874 (2009)", "de ladite résolution", "del
 * Artículo 33 de la Carta". Returns 1 with base (an identifier) and maybe a
 * path prefix ("art_33"), 0 when there is no such clause, -1 when there is
 * one that is not a citable instrument ("of this resolution"). */
static int parse_owner(ctx *c, size_t *kp, int head_is_para, char *base,
                       size_t base_cap, char *prefix, size_t prefix_cap) {
  size_t s = *kp;
  base[0] = prefix[0] = '\0';
  if (s < c->n && is_punct(&c->t[s], ','))
    s++;
  size_t m;
  if (s < c->n && is_word(&c->t[s], W_OF)) {
    m = s + 1;
  } else if (s == *kp && s < c->n &&
             ((c->t[s].type == T_PHRASE && !is_body_phrase(c, &c->t[s])) ||
              is_word(&c->t[s], W_RES | W_DEC) ||
              /* "пункт 4 этой резолюции", "пункта 3 указанной резолюции",
               * "пункта 3 ее резолюции" */
              (c->lv->no_articles && is_word(&c->t[s], W_DET | W_SELF | W_POSS) && s + 1 < c->n &&
               is_word(&c->t[s + 1], W_RES | W_DEC)) ||
              (head_is_para && is_word(&c->t[s], W_ART)) ||
              (head_is_para == 2 && is_word(&c->t[s], W_PARA)))) {
    /* "пункт 1 статьи 6 Протокола": the genitive needs no "of" */
    m = s;
    s = s - 1;
  } else if (c->lv->no_articles && !c->lv->caseless) {
    /* "в статье [18] проекта кодекса": a genitive that names no instrument
     * of ours owns the article, not the one the sentence named before */
    size_t g = s;
    if (g < c->n && is_punct(&c->t[g], ']'))
      g++;
    /* (after a comma it is no genitive: "в ее статьях 100, 101 и 105, у…") */
    if (s != *kp || g >= c->n || c->t[g].type != T_GAP || (c->t[g].flags & F_LINESTART))
      return 0;
    if (!(c->t[g].flags & F_CAP))
      return not_genitive(c, &c->t[g]) ? 0 : -1;
    /* "статья 5 Конституции", "статьи 12 Уголовного кодекса": a capitalized
     * genitive the catalogue does not know, another text's */
    return first_word_ends(c, &c->t[g], c->lv->genitive_endings, c->lv->ngenitive_endings) ? -1 : 0;
  } else {
    return 0;
  }
  int itself = 0, anaph = 0;
  for (int part = 0; part < 2; part++) {
    size_t from = m;
    while (m < c->n && (part ? m - from : m - s) < 4 &&
           (is_word(&c->t[m], W_DET | W_OF | W_POSS | W_SELF) ||
            is_punct(&c->t[m], '\''))) {
      if (is_word(&c->t[m], W_SELF))
        itself = 1;
      if (is_word(&c->t[m], W_ANAPH))
        anaph = 1;
      m++;
    }
    /* "paragraph 2 of the operative part of resolution …", "пункт 2
     * постановляющей части резолюции …": the part, then its owner */
    if (part || m >= c->n || c->t[m].type != T_PHRASE ||
        !phrase_has(c, &c->t[m], PH_OPERATIVE))
      break;
    m++;
  }
  unsigned year;
  if (m + 1 < c->n && year_of(&c->t[m], &year) && c->t[m].val2 == 4 &&
      c->t[m + 1].type == T_PHRASE && phrase_has(c, &c->t[m + 1], PH_INST_GENERIC))
    m++; /* "article 3 of the 1988 Convention" */
  if (m + 1 < c->n && c->ndefined && defining_qualifier(c, &c->t[m]) &&
      c->t[m].end + 1 == c->t[m + 1].start && c->t[m + 1].type == T_PHRASE &&
      phrase_has(c, &c->t[m + 1], PH_INST_GENERIC))
    m++; /* "article X of the Compliance Agreement", a short name the text gave */
  if (m >= c->n)
    return -1;
  const token *t = &c->t[m];
  if (t->type == T_PHRASE && !is_body_phrase(c, t)) {
    c->owner_lookup = 1;
    int inst = handle_name(c, m);
    c->owner_lookup = 0;
    *kp = m + 1;
    if (inst < 0)
      return -1;
    /* "paragraph 84 of the 2030 Agenda" is a provision; "paragraph 4 of
     * the Charter" (an article lost) is not: treaties number articles. */
    if (head_is_para && !c->ex->cat->insts.v[inst].paragraphs)
      return -1;
    str_copy(base, base_cap, c->ex->cat->insts.v[inst].id);
    return 1;
  }
  if (is_body_phrase(c, t) && m + 1 < c->n && is_word(&c->t[m + 1], W_RES | W_DEC))
    t = &c->t[++m]; /* "paragraph 3 of Economic and Social Council resolution" */
  if (is_word(t, W_RES | W_DEC)) {
    ref probe;
    if (parse_ref(c, m + 1, &probe) ||
        /* (after an anaphor the body is the next clause's: "в пункте 4
         * этой резолюции Совет призвал") */
        (!anaph && m + 1 < c->n && is_body_phrase(c, &c->t[m + 1]))) {
      long first;
      *kp = parse_resolutions(c, m, &first);
      if (first < 0 || c->ex->tmp.v[first].target == NO_STR)
        return -1;
      str_copy(base, base_cap, strings_get(&c->ex->strs, c->ex->tmp.v[first].target));
      return 1;
    }
    *kp = m + 1;
    /* "of the resolution", "de ladite résolution": the one just cited;
     * "of the present resolution": the document itself. */
    size_t res = itself ? NO_STR : res_just_cited(c, anaph, c->t[m].start);
    if (res != NO_STR) {
      str_copy(base, base_cap, strings_get(&c->ex->strs, res));
      return 1;
    }
    return -1;
  }
  if ((head_is_para && is_word(t, W_ART)) ||
      (head_is_para == 2 && is_word(t, W_PARA))) {
    /* "paragraph 2 of Article 33 of the Charter", "subparagraph (j) of
     * paragraph 1 of article 7 of the Rome Statute" */
    char b[128], p[96];
    size_t e = parse_provision_at(c, m, b, sizeof b, p, sizeof p, 1);
    if (e == m + 1 || !p[0])
      return -1;
    *kp = e;
    str_copy(base, base_cap, b);
    str_copy(prefix, prefix_cap, p);
    return b[0] ? 1 : 2; /* 2: an article whose instrument is pending */
  }
  return -1;
}

/* "subparagraph (j) of paragraph 1 of article 7 of the Rome Statute",
 * "подпункт (j) пункта 1 статьи 7 Римского статута": points whose owner is
 * a paragraph of an article. */
static int between_range(const ctx *c, const token *j);

static size_t parse_subparagraph(ctx *c, size_t i) {
  char points[8][16];
  size_t np = 0, k = i + 1, used;
  int numeric;
  while (np < 8 && (used = paren_step(c, k, points[np], &numeric)) && !numeric) {
    np++;
    k += used;
    char to[16];
    size_t tu;
    if (k + 1 < c->n && (between_range(c, &c->t[k]) || range_joint(c, k)) &&
        (tu = paren_step(c, k + 1, to, &numeric)) && !numeric && !points[np - 1][1] &&
        !to[1] && to[0] > points[np - 1][0] && np + (size_t)(to[0] - points[np - 1][0]) <= 8) {
      /* "les alinéas a) à f) du paragraphe 3": the letters of the range */
      for (char x = (char)(points[np - 1][0] + 1); x <= to[0]; x++) {
        points[np][0] = x;
        points[np][1] = '\0';
        np++;
      }
      k += 1 + tu;
    }
    if (k < c->n && (is_punct(&c->t[k], ',') || is_word(&c->t[k], W_JOIN)))
      k++;
    else
      break;
  }
  /* "subparagraph e of Article 73", "l'alinéa e de l'Article 73", "inciso
   * e del artículo 73": a letter without its brackets, then "of" */
  while (np < 8 && k + 1 < c->n && c->t[k].type != T_PHRASE &&
         tok_len(&c->t[k]) == 1 && c->text[c->t[k].start] >= 'a' &&
         c->text[c->t[k].start] <= 'z' && (c->t[k].flags & F_SPACE) &&
         !(c->t[k].flags & F_LINESTART) && (np || k == i + 1)) {
    size_t after = k + 1;
    if (!is_word(&c->t[after], W_OF | W_JOIN) && !is_punct(&c->t[after], ','))
      break;
    points[np][0] = c->text[c->t[k].start];
    points[np][1] = '\0';
    np++;
    k = after;
    if (is_word(&c->t[k], W_OF))
      break;
    k++; /* "a, b et c", "a y b" */
  }
  if (!np)
    return i + 1;
  char base[128], prefix[96];
  int owner = parse_owner(c, &k, 2, base, sizeof base, prefix, sizeof prefix);
  if (owner <= 0 || !prefix[0] || c->failed)
    return k; /* a subparagraph of the document itself, or not ours */
  for (size_t a = 0; a < np; a++) {
    char path[160];
    snprintf(path, sizeof path, "%.100s__point_%.15s", prefix, points[a]);
    if (owner == 1) {
      char target[300];
      str_join(target, sizeof target, base, '#', path);
      emit(c, c->t[i].start, c->t[k - 1].end, target, "", "", "",
           CG_KIND_PROVISION);
    } else {
      pend(c, c->t[i].start, c->t[k - 1].end, path);
    }
  }
  return k;
}

/* Whether t is one of the language's words between the numbers of a range
 * ("إلى" in "المواد 6 إلى 8"). */
static int is_range_word(const ctx *c, const token *t) {
  if (!c->lv->nrange_words || (t->type != T_WORD && t->type != T_GAP))
    return 0;
  /* (a word whose first byte begins none of them is none: folding keeps
   * the lead byte of these letters) */
  int lead = 0;
  for (size_t k = 0; k < c->lv->nrange_words && !lead; k++)
    lead = c->lv->range_words[k][0] == c->text[t->start];
  return lead && token_listed(c, t, c->lv->range_words[0], c->lv->nrange_words);
}

/* Whether token j is the word between the two ends of a range: "to", "à",
 * "a" (any short word of lower case the grammar has no other use for), or
 * one of the language's range_words ("إلى", "至"). */
static int between_range(const ctx *c, const token *j) {
  return (j->type == T_WORD || j->type == T_GAP) && !(j->flags & F_CAP) &&
         ((tok_len(j) <= 2 && !is_word(j, W_JOIN | W_OF | W_DET | W_IN | W_DATEI)) ||
          is_range_word(c, j));
}

/* Whether the provision word at i follows a document symbol and a comma:
 * "(A/CONF.189/12, chapter I)", "(A/CONF.189/12، الفصل الأول)",
 * "(A/CONF.189/12，第一章)" name a part of that document, no instrument's. */
static int after_symbol(const ctx *c, size_t i) {
  if (i >= 1 && c->lv->postfix && is_word(&c->t[i - 1], W_NPREFIX))
    i--; /* 第 */
  /* (or after a publication's brackets: "…的报告》(联合国出版物，出售品编号：
   * C.94.I.18)，第一章", the report's chapter, not the Programme's its title
   * holds) */
  int chapter = is_word(&c->t[i], W_CHAP) || /* "chap. I"; "第一章" after its number */
                (c->lv->postfix && ((i + 1 < c->n && is_word(&c->t[i + 1], W_CHAP)) ||
                                    (i + 2 < c->n && is_word(&c->t[i + 2], W_CHAP))));
  return i >= 2 && is_punct(&c->t[i - 1], ',') &&
         (c->t[i - 2].type == T_SYMBOL || (chapter && is_punct(&c->t[i - 2], ')')));
}

/* Whether the clause after a provision with no owner of its own names
 * another instrument than `inst` ("article 9 (b) and annex II to the
 * Treaty of Pelindaba" after the NPT): the provision may be that one's. */
static int other_owner_ahead(const ctx *c, size_t k, int inst) {
  for (size_t m = k; m < c->n && m < k + 10; m++) {
    const token *q = &c->t[m];
    if (q->type == T_BREAK || q->type == T_FOOTNOTE ||
        (q->type == T_PUNCT && q->val != '(' && q->val != ')' && q->val != '"'))
      return 0;
    if (q->type != T_PHRASE || !(phrase_has(c, q, PH_INST_FULL) || phrase_has(c, q, PH_INST_SHORT)))
      continue;
    size_t nv;
    const phrase_val *v = phrase_vals(c, q, &nv);
    for (size_t a = 0; a < nv; a++)
      if ((v[a].type == PH_INST_FULL || v[a].type == PH_INST_SHORT) && v[a].index != inst)
        return 1;
    return 0;
  }
  return 0;
}

/* Whether a section's number and a comma stand right before the provision
 * word at i: "section XIII, paragraph 21", "sección II.B, párrafo 7". */
static int after_section(const ctx *c, size_t i) {
  if (!c->lv->nsection_words || i < 3 || !is_punct(&c->t[i - 1], ','))
    return 0;
  size_t j = i - 2; /* the number's first token: "II.B" is three */
  while (j > 1 && i - 2 - j < 4 && c->t[j].start == c->t[j - 1].end)
    j--;
  const token *n = &c->t[j];
  return (n->type == T_NUM || (n->flags & F_ROMAN)) &&
         word_before_listed(c, n->start, c->lv->section_words[0],
                            sizeof c->lv->section_words[0], c->lv->nsection_words);
}

/* Parses a provision with its word at i. When nested (an article inside
 * "paragraph 2 of Article 33 of the Charter"), emits nothing and returns
 * the article's base and path instead. */
/* Emits the provision "[prefix__]head_num[__para_p][__point_q]" of base
 * (empty parts left out), or pends it when base is not known yet. */
static void emit_provision(ctx *c, size_t start, size_t end, const char *base,
                           const char *prefix, const char *head, const char *num,
                           const char *para, const char *point) {
  char path[160];
  int len = 0;
  if (prefix[0])
    len = snprintf(path, sizeof path, "%s__", prefix);
  len += snprintf(path + len, sizeof path - (size_t)len, "%s_%s", head, num);
  if (para[0])
    len += snprintf(path + len, sizeof path - (size_t)len, "__para_%s", para);
  if (point[0])
    snprintf(path + len, sizeof path - (size_t)len, "__point_%s", point);
  if (base[0]) {
    char target[300];
    str_join(target, sizeof target, base, '#', path);
    emit(c, start, end, target, "", "", "", CG_KIND_PROVISION);
  } else {
    pend(c, start, end, path);
  }
}

/* "paragraph 3 and paragraph 4 of resolution 661 (1990)", "du paragraphe 3
 * et du paragraphe 4 de la résolution", "пункта 3 и пункта 4 резолюции":
 * when the same word comes right after the joiner at k, the next
 * provision's owner is that of the one before, w's. 1 and the owner in
 * base when it is; the next provision is only looked at. */
static int shared_owner(ctx *c, size_t k, const token *w, char *base, size_t base_cap) {
  if (k + 1 >= c->n ||
      !(is_word(&c->t[k], W_JOIN) || (is_punct(&c->t[k], ',') && is_word(&c->t[k + 1], W_JOIN))))
    return 0;
  size_t j = k + (is_punct(&c->t[k], ',') ? 2 : 1);
  for (int skip = 0; skip < 2 && j < c->n && !(c->t[j].cls & (W_ART | W_PARA | W_CHAP)); skip++)
    if (is_word(&c->t[j], W_OF | W_DET) ||
        ((c->t[j].type == T_GAP || c->t[j].type == T_WORD) && tok_len(&c->t[j]) <= 3 &&
         !(c->t[j].flags & F_CAP)))
      j++; /* "y en el párrafo 4" */
  if (j >= c->n || c->t[j].type != T_WORD ||
      (c->t[j].cls & (W_ART | W_PARA | W_CHAP)) != (w->cls & (W_ART | W_PARA | W_CHAP)))
    return 0;
  char b2[128], p2[96];
  size_t ntmp = c->ex->tmp.n, nunres = c->ex->unres.n;
  parse_provision_at(c, j, b2, sizeof b2, p2, sizeof p2, 2);
  c->ex->tmp.n = ntmp; /* a look ahead: the main loop reads it again */
  c->ex->unres.n = nunres;
  if (c->failed || !b2[0] || !p2[0] || strstr(p2, "__"))
    return 0;
  str_copy(base, base_cap, b2);
  return 1;
}

static size_t parse_provision_at(ctx *c, size_t i, char *out_base,
                                 size_t out_base_cap, char *out_path,
                                 size_t out_path_cap, int nested) {
  const token *w = &c->t[i];
  const char *head = (w->cls & W_ART)    ? "art"
                     : (w->cls & W_CHAP) ? "chp"
                     : (w->cls & W_PARA) ? "para"
                                         : NULL;
  if (nested) {
    out_base[0] = out_path[0] = '\0';
  }
  if (!head && (w->cls & W_SUBPARA) && !nested)
    return parse_subparagraph(c, i);
  if (!head)
    return i + 1;
  if (after_symbol(c, i))
    return i + 1; /* "(A/CONF.189/12, chapter I)": a part of that document */
  int is_art = head[0] == 'a', is_para = head[0] == 'p';
  steps main_st, para_st = {{{0}}, 0}, point_st = {{{0}}, 0};
  /* "المواد من 6 إلى 8": "from" before a range's first number */
  size_t first = i + 1;
  if (i + 4 < c->n && is_word(&c->t[i + 1], W_OF) && c->t[i + 2].type == T_NUM &&
      is_range_word(c, &c->t[i + 3]) && c->t[i + 4].type == T_NUM)
    first = i + 2;
  if (first == i + 1 && i + 2 < c->n && (w->cls & W_ABBR) && !(w->cls & W_CHAP) &&
      is_punct(&c->t[i + 1], '.') && c->t[i + 1].start == w->end)
    first = i + 2; /* "art. 18", "para. 5", "ст. 18" (a "chap." is a report's) */
  size_t k = number_list(c, first, &main_st);
  if (!main_st.n || (nested && main_st.n != 1))
    return i + 1;
  if (k + 1 < c->n && is_punct(&c->t[k], '-') && c->t[k].start == c->t[k - 1].end &&
      c->t[k - 1].type == T_NUM && c->t[k + 1].type == T_NUM &&
      c->t[k + 1].start == c->t[k].end && c->t[k + 1].val <= c->t[k - 1].val)
    return i + 1; /* "article 5-1 du Code d'instruction criminelle": a code's numbering,
                   * not a range ("articles 9–11") */
  if (!is_art && !is_para && c->t[i + 1].type == T_NUM && c->t[i + 1].val > 50)
    return i + 1; /* "chapter 2019"? not a chapter of an instrument */
  /* "7 1) j)", "7 (1) (j)", "1 (a)" directly after a single number. */
  char st[16];
  int numeric;
  size_t used;
  while (main_st.n == 1 && (used = paren_step(c, k, st, &numeric))) {
    if (numeric && is_art && !para_st.n && !point_st.n) {
      memcpy(para_st.v[0], st, sizeof st);
      para_st.n = 1;
    } else if (!numeric && !point_st.n) {
      memcpy(point_st.v[0], st, sizeof st);
      point_st.n = 1;
    } else {
      break;
    }
    k += used;
  }
  if (c->lead_point[0] && !nested && is_art && main_st.n == 1 && !point_st.n) {
    memcpy(point_st.v[0], c->lead_point, strlen(c->lead_point) + 1);
    point_st.n = 1; /* "пункт (b) статьи 2" */
    c->lead_point[0] = '\0';
  }
  /* "paragraph 14 (a) and (c)", "article 2 (a), (b) and (c)", "paragraph 3
   * (a) to (f)": more points */
  while (main_st.n == 1 && point_st.n >= 1 && point_st.n < 8 && k + 1 < c->n) {
    const token *j = &c->t[k];
    int range = between_range(c, j) || range_joint(c, k); /* "3(a)–(f)" */
    if (!range && !is_punct(j, ',') && !is_word(j, W_JOIN))
      break;
    size_t q = k + 1;
    if (!range && q < c->n && is_word(&c->t[q], W_JOIN))
      q++; /* ", and (c)" */
    if (!(used = paren_step(c, q, st, &numeric)) || numeric)
      break;
    const char *last = point_st.v[point_st.n - 1];
    if (range) {
      /* the letters between, single letters only */
      if (last[1] || st[1] || last[0] < 'a' || st[0] > 'z' || st[0] <= last[0] ||
          point_st.n + (size_t)(st[0] - last[0]) > 8)
        break;
      for (char x = (char)(last[0] + 1); x < st[0]; x++) {
        point_st.v[point_st.n][0] = x;
        point_st.v[point_st.n][1] = '\0';
        point_st.n++;
      }
    }
    memcpy(point_st.v[point_st.n++], st, sizeof st);
    k = q + used;
  }
  /* "paragraphs 3 (a), 3 (b) and 4 of resolution 661 (1990)": more numbers
   * after a number's point, each perhaps with its own */
  char more_num[6][16], more_pt[6][16];
  size_t nmore = 0;
  while (main_st.n == 1 && point_st.n == 1 && !para_st.n && nmore < 6 && k + 1 < c->n &&
         (is_punct(&c->t[k], ',') || is_word(&c->t[k], W_JOIN))) {
    size_t q = k + 1;
    if (is_punct(&c->t[k], ',') && q < c->n && is_word(&c->t[q], W_JOIN))
      q++; /* ", and 4" */
    if (q >= c->n || c->t[q].type != T_NUM || !step_number(&c->t[q], more_num[nmore]))
      break;
    q++;
    more_pt[nmore][0] = '\0';
    if ((used = paren_step(c, q, st, &numeric))) {
      if (numeric)
        break;
      memcpy(more_pt[nmore], st, sizeof st);
      q += used;
    }
    nmore++;
    k = q;
  }
  if (main_st.n == 1 && !para_st.n && !point_st.n && k + 1 < c->n) {
    const token *a = &c->t[k], *b = &c->t[k + 1];
    if (is_punct(a, '.') && a->start == c->t[k - 1].end && b->start == a->end &&
        b->type == T_NUM && c->t[k - 1].type == T_NUM) {
      /* "article 4.15": paragraph 15 of article 4; "paragraph 4.2" is no
       * numbering of ours */
      if (!is_art)
        return k + 2;
      if (!step_number(b, para_st.v[0]))
        return k + 2;
      para_st.n = 1;
      k += 2;
    } else if ((a->type == T_WORD || a->type == T_GAP) &&
               ((tok_len(a) == 1 && c->text[a->start] >= 'a' && c->text[a->start] <= 'z') ||
                (c->lv->no_articles && twin_letter(c, a)) ||
                (c->lv->caseless && a->type == T_WORD && (a->cls & W_POINTL) &&
                 !(a->cls & W_JOIN) && a->val2 >= 1 && a->val2 <= 26)) &&
               (a->flags & F_SPACE) && !(a->flags & F_LINESTART) &&
               (is_word(b, W_OF) || b->type == T_BREAK ||
                (c->lv->no_articles && b->type == T_PHRASE &&
                 (phrase_has(c, b, PH_INST_FULL) || phrase_has(c, b, PH_INST_SHORT) ||
                  phrase_has(c, b, PH_INST_GENERIC))) ||
                (b->type == T_PUNCT && (b->val == ',' || b->val == ';' ||
                                        b->val == '.' || b->val == ')')))) {
      /* "Article 73 b of the Charter": a letter without its brackets;
       * "статье 73 е Устава", the instrument's genitive after it */
      point_st.v[0][0] = tok_len(a) == 1 && c->text[a->start] >= 'a' && c->text[a->start] <= 'z'
                             ? c->text[a->start]
                         : (a->cls & W_POINTL) && c->lv->caseless ? (char)('a' + a->val2 - 1)
                                                                  : twin_letter(c, a);
      point_st.v[0][1] = '\0';
      point_st.n = 1;
      k++;
    }
  }
  if (main_st.n == 1 && !para_st.n && !point_st.n && k + 1 < c->n &&
      c->t[first].type == T_NUM && c->t[k + 1].type == T_NUM && range_joint(c, k)) {
    /* "articles 19 to 22", "articles 19-22": each article of the range;
     * a longer one is not read */
    uint32_t from = c->t[first].val, to = c->t[k + 1].val;
    if (to <= from || to - from > 20 || to >= 100000)
      return k + 2;
    for (uint32_t v = from + 1; v <= to && main_st.n < STEPS_MAX; v++)
      put_number(main_st.v[main_st.n++], 16, "", v, "");
    k += 2;
    /* "paragraphs 106 to 110, 176 and 177 of …": the list goes on */
    size_t s = k;
    if (s < c->n && is_punct(&c->t[s], ','))
      s++;
    if (s < c->n && is_word(&c->t[s], W_JOIN))
      s++;
    if (s > k && s < c->n && c->t[s].type == T_NUM) {
      steps more;
      size_t e = number_list(c, s, &more);
      if (more.n && main_st.n + more.n <= STEPS_MAX) {
        for (size_t q = 0; q < more.n; q++)
          memcpy(main_st.v[main_st.n++], more.v[q], sizeof more.v[q]);
        k = e;
      }
    }
  }
  /* ", paragraph 1", ", paragraphs 1 and 2", ", apartado a)". */
  for (int level = 0; level < 2; level++) {
    size_t s = k;
    if (s < c->n && is_punct(&c->t[s], ','))
      s++;
    if (s >= c->n)
      break;
    if (!para_st.n && is_art && is_word(&c->t[s], W_PARA)) {
      size_t e = number_list(c, s + 1, &para_st);
      if (!para_st.n)
        break;
      if (e < c->n && (is_word(&c->t[e], W_ART) ||
                       (is_word(&c->t[e], W_OF) && e + 1 < c->n && is_word(&c->t[e + 1], W_ART)))) {
        /* "пунктов 2, 4 и 8 статьи 6, пункта 12 статьи 7", "من المادة 6،
         * والفقرة 12 من المادة 7": the paragraph of the next article, not
         * of this one */
        para_st.n = 0;
        break;
      }
      k = e;
      if (para_st.n == 1 && !point_st.n &&
          (used = paren_step(c, k, st, &numeric)) && !numeric) {
        memcpy(point_st.v[0], st, sizeof st);
        point_st.n = 1;
        k += used;
      }
      continue;
    }
    if (!point_st.n && is_word(&c->t[s], W_SUBPARA)) {
      size_t e = s + 1;
      while (point_st.n < 8 && (used = paren_step(c, e, st, &numeric))) {
        memcpy(point_st.v[point_st.n++], st, sizeof st);
        e += used;
        if (e < c->n && (is_punct(&c->t[e], ',') || is_word(&c->t[e], W_JOIN)))
          e++;
        else
          break;
      }
      if (!point_st.n)
        break;
      k = e;
      continue;
    }
    break;
  }
  if (nested) {
    char b[128], p[96];
    int owner = parse_owner(c, &k, is_para, b, sizeof b, p, sizeof p);
    if (owner == 0 && nested < 2 && shared_owner(c, k, w, b, sizeof b))
      owner = 1;
    if (p[0])
      snprintf(out_path, out_path_cap, "%.60s__%.4s_%.15s", p, head, main_st.v[0]);
    else
      str_join(out_path, out_path_cap, head, '_', main_st.v[0]);
    if (owner == 1)
      str_copy(out_base, out_base_cap, b);
    else if (owner == 0 && c->sent_inst >= 0 && !is_para && c->parent_inst < 0)
      str_copy(out_base, out_base_cap, c->ex->cat->insts.v[c->sent_inst].id);
    else if (owner < 0 || (owner == 0 && is_para))
      out_path[0] = '\0';
    return k;
  }
  char base[128], prefix[96];
  int owner = parse_owner(c, &k, is_para, base, sizeof base, prefix,
                          sizeof prefix);
  if (owner < 0 || c->failed)
    return k;
  if (owner == 0 && k < c->n && is_word(&c->t[k], W_THEREOF) && !is_para &&
      c->sent_inst >= 0 && !c->sent_inst_multi) {
    /* "the Charter of the United Nations, including Chapter VII thereof":
     * articles and chapters are the instrument's of the sentence */
    str_copy(base, sizeof base, c->ex->cat->insts.v[c->sent_inst].id);
    owner = 1;
    k++;
  } else if (owner == 0 && k < c->n && is_word(&c->t[k], W_THEREOF) && is_para &&
             c->sent_res != NO_STR && w->start < c->sent_res_end + 80) {
    /* "paragraphs 3, 4 and 5 thereof": of the resolution just cited, close
     * by ("the report … submitted in accordance with resolution 672 (1990)
     * … on ways and means …, and … paragraphs 20 to 26 thereof" are the
     * report's). Paragraphs only: a resolution has no articles ("the Charter
     * of Economic Rights and Duties of States proclaimed … in its resolution
     * 3281 (XXIX), in particular article 32 thereof" is the Charter's) */
    str_copy(base, sizeof base, strings_get(&c->ex->strs, c->sent_res));
    owner = 1;
    k++;
  }
  if (owner == 0 && shared_owner(c, k, w, base, sizeof base))
    owner = 1;
  if (owner == 0) {
    if (is_para)
      return k; /* a paragraph of the document itself */
    /* An abbreviation in capitals after the numbers, or after "of", is
     * another text's: "articles 240, 243, 244 and 245 CP" (the Criminal
     * Code), "artículo 5-1 del CIC", "статей 240 и 245 УК". */
    size_t a = k;
    if (a + 1 < c->n && is_punct(&c->t[a], '-') && c->t[a + 1].type == T_NUM &&
        c->t[a].start == c->t[a - 1].end) {
      a += 2; /* "artículo 5-1 del CIC": a code's numbering */
      size_t y = a < c->n && is_word(&c->t[a], W_OF) ? a + 1 : a;
      if (y > a && y < c->n && is_word(&c->t[y], W_DET))
        y++;
      if (y > a && y < c->n && c->t[y].type != T_PHRASE)
        return k; /* "(المادة 5-1 من قانون الإجراءات الجنائية)": of a code */
    }
    if (a < c->n && is_word(&c->t[a], W_OF))
      a++;
    const token *x = a < c->n ? &c->t[a] : NULL;
    size_t letters = 0;
    for (size_t b = x ? x->start : 0; x && b < x->end; b++)
      letters += ((unsigned char)c->text[b] & 0xC0) != 0x80;
    if (x && (x->type == T_GAP || x->type == T_WORD) && (x->flags & F_UPPER) &&
        !(x->flags & (F_ROMAN | F_LINESTART)) && letters >= 2 && letters <= 8 &&
        !memchr(c->text + x->start, ' ', tok_len(x)))
      return k;
    if (c->sent_inst >= 0 && !other_owner_ahead(c, k, c->sent_inst) &&
        (c->parent_inst < 0 || ((w->flags & F_CAP) && !(w->flags & F_LINESTART))))
      str_copy(base, sizeof base, c->ex->cat->insts.v[c->sent_inst].id);
  }
  if (is_para && base[0] && (strstr(base, "/RES/") || strstr(base, "/DEC/")) &&
      after_section(c, i))
    return k; /* "section XIII, paragraph 21, of its resolution 76/246 A":
                 each section numbers its paragraphs anew; the resolution
                 alone is cited */
  size_t np = para_st.n ? para_st.n : 1, nq = point_st.n ? point_st.n : 1;
  size_t end = c->t[k - 1].end;
  for (size_t a = 0; a < main_st.n; a++)
    for (size_t b = 0; b < np; b++)
      for (size_t d = 0; d < nq; d++)
        emit_provision(c, w->start, end, base, prefix, head, main_st.v[a],
                       para_st.n ? para_st.v[b] : "", point_st.n ? point_st.v[d] : "");
  for (size_t a = 0; a < nmore; a++)
    emit_provision(c, w->start, end, base, prefix, head, more_num[a], "", more_pt[a]);
  return k;
}

/* Whether the token at i opens a quoted title: "entitled “Article VII and
 * the security of non-nuclear-weapon States”" names a section, it cites no
 * article. */
static int in_quoted_title(const ctx *c, size_t i) {
  return i >= 2 && is_punct(&c->t[i - 1], '"') &&
         c->t[i - 1].end == c->t[i].start && c->t[i - 2].type == T_PHRASE &&
         phrase_has(c, &c->t[i - 2], PH_ENTITLED);
}

static size_t parse_provision(ctx *c, size_t i) {
  if (in_quoted_title(c, i))
    return i + 1;
  /* "в пункте (b) статьи 2 Конвенции": a lettered point named by the word
   * for paragraph before its article, which it belongs to */
  char pt[16];
  int numeric;
  size_t used;
  size_t p0 = i + 1;
  if (c->lv->caseless && !c->lv->segment && p0 < c->n && c->t[p0].type == T_GAP &&
      !memchr(c->text + c->t[p0].start, ' ', tok_len(&c->t[p0])))
    p0++; /* "الفقرة الفرعية (ج) من المادة 19": one word after it */
  if (is_word(&c->t[i], W_PARA | W_SUBPARA) && (c->lv->no_articles || c->lv->caseless) &&
      !c->lv->segment && (used = paren_step(c, p0, pt, &numeric)) && !numeric && strlen(pt) < 4) {
    /* "пунктах (a) и (b) статьи 2": each point of the article */
    char pts[4][4];
    size_t np = 0, m = p0 + used;
    memcpy(pts[np++], pt, strlen(pt) + 1);
    while (np < 4 && m + 1 < c->n && (is_word(&c->t[m], W_JOIN) || is_punct(&c->t[m], ',')) &&
           (used = paren_step(c, m + 1, pt, &numeric)) && !numeric && strlen(pt) < 4) {
      memcpy(pts[np++], pt, strlen(pt) + 1);
      m += 1 + used;
    }
    if (m + 1 < c->n && is_word(&c->t[m], W_OF) && is_word(&c->t[m + 1], W_ART) &&
        c->lv->caseless)
      m++; /* "(أ) و (ب) من المادة 2" */
    if (m < c->n && is_word(&c->t[m], W_ART)) {
      size_t e = m + 1;
      for (size_t q = 0; q < np; q++) {
        memcpy(c->lead_point, pts[q], strlen(pts[q]) + 1);
        c->lead_start = c->t[i].start;
        e = parse_provision_at(c, m, NULL, 0, NULL, 0, 0);
      }
      c->lead_point[0] = '\0';
      return e;
    }
  }
  return parse_provision_at(c, i, NULL, 0, NULL, 0, 0);
}

/* ------------------------------------------------------------ postfix */

/* Postfix paragraphs: "第11段", "第9和11段", "第2(e)段", "第14(a)和(c)段" at
 * k (第). Stores up to 8 numbers and, for a single number, its point
 * letters; returns the index after 段, or k when there is none. */
static size_t postfix_paragraphs(const ctx *c, size_t k, unsigned *paras,
                                 size_t *np, steps *points) {
  *np = 0;
  points->n = 0;
  if (k + 2 >= c->n || !is_word(&c->t[k], W_NPREFIX))
    return k;
  size_t m = k + 1;
  int range = 0;
  /* "第3(a)、3(b)和4段": each number's own point, when there are several */
  char per[STEPS_MAX][16];
  size_t first_points = 0;
  int any = 0;
  while (m < c->n && c->t[m].type == T_NUM && *np < STEPS_MAX) {
    unsigned v = c->t[m].val;
    if (range) {
      /* "第3至5段": the paragraphs between as well */
      unsigned from = paras[*np - 1];
      if (v <= from || v - from > 20 || *np + (v - from) > STEPS_MAX)
        return k;
      for (unsigned x = from + 1; x < v; x++) {
        per[*np][0] = '\0';
        paras[(*np)++] = x;
      }
    }
    paras[(*np)++] = v;
    per[*np - 1][0] = '\0';
    m++;
    int numeric;
    size_t used;
    if (*np > 1 && !range && (used = paren_step(c, m, per[*np - 1], &numeric))) {
      if (numeric)
        per[*np - 1][0] = '\0';
      else {
        any = 1;
        m += used;
      }
    }
    if (*np == 1)
      points->n = 0;
    while (*np == 1 && points->n < 8 && (used = paren_step(c, m, points->v[points->n], &numeric)) &&
           !numeric) {
      points->n++;
      m += used;
      char to[16];
      size_t tu;
      const char *last = points->v[points->n - 1];
      if (m + 1 < c->n && (is_range_word(c, &c->t[m]) || range_joint(c, m)) &&
          is_punct(&c->t[m + 1], '(') && (tu = paren_step(c, m + 1, to, &numeric)) &&
          !numeric && !last[1] && !to[1] && to[0] > last[0] &&
          points->n + (size_t)(to[0] - last[0]) <= 8) {
        /* "第3(a)至(f)段": the letters of the range */
        for (char x = (char)(last[0] + 1); x <= to[0]; x++) {
          points->v[points->n][0] = x;
          points->v[points->n][1] = '\0';
          points->n++;
        }
        m += 1 + tu;
      }
      /* "第14(a)和(c)段" */
      if (m + 1 < c->n && (is_punct(&c->t[m], ',') || is_word(&c->t[m], W_JOIN)) &&
          is_punct(&c->t[m + 1], '('))
        m++;
      else
        break;
    }
    if (*np == 1) {
      first_points = points->n;
      if (points->n == 1) {
        memcpy(per[0], points->v[0], sizeof per[0]);
        any = 1;
      }
    }
    /* "第3和4段", "第3和第4段", "第3至第5段" */
    size_t q = m;
    range = q < c->n && is_range_word(c, &c->t[q]);
    if (q < c->n && (is_punct(&c->t[q], ',') || is_word(&c->t[q], W_JOIN) || range))
      q++;
    else
      break;
    if (q < c->n && is_word(&c->t[q], W_NPREFIX))
      q++;
    if (q < c->n && c->t[q].type == T_NUM)
      m = q;
    else
      break;
  }
  if (!*np || m >= c->n || !is_word(&c->t[m], W_PARA))
    return k;
  if (*np > 1) {
    points->n = 0;
    if (any && first_points <= 1) {
      for (size_t q = 0; q < *np; q++)
        memcpy(points->v[q], per[q], sizeof per[q]);
      points->n = *np; /* one (or no) point for each number */
    }
  }
  return m + 1;
}

/* Emits "base#para_N" (with each point, for one number) for each number. */
static void emit_paragraphs(ctx *c, const char *base, const unsigned *paras,
                            size_t np, const steps *points, size_t start,
                            size_t end) {
  for (size_t q = 0; q < np; q++) {
    char target[300];
    if (np > 1 && points->n == np && points->v[q][0]) {
      snprintf(target, sizeof target, "%.200s#para_%u__point_%.15s", base, paras[q],
               points->v[q]);
      emit(c, start, end, target, "", "", "", CG_KIND_PROVISION);
      continue;
    }
    if (points->n && np == 1) {
      for (size_t p = 0; p < points->n; p++) {
        snprintf(target, sizeof target, "%.200s#para_%u__point_%.15s", base, paras[q],
                 points->v[p]);
        emit(c, start, end, target, "", "", "", CG_KIND_PROVISION);
      }
      continue;
    }
    snprintf(target, sizeof target, "%.200s#para_%u", base, paras[q]);
    emit(c, start, end, target, "", "", "", CG_KIND_PROVISION);
  }
}



/* Whether the text just before `pos` is an annex word and perhaps its
 * number, in digits, roman or Chinese numerals ("附件二", "附件"): what
 * follows is the annex's. */
static int annex_before(const ctx *c, size_t pos) {
  static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇"};
  size_t p = pos;
  for (int back = 0; back < 8 && p > 0; back++) {
    unsigned char b = (unsigned char)c->text[p - 1];
    if ((b >= '0' && b <= '9') || b == 'I' || b == 'V' || b == 'X' || b == ' ') {
      p--;
      continue;
    }
    int hit = 0;
    for (size_t n = 0; n < sizeof numerals / sizeof *numerals && !hit; n++)
      if (p >= 3 && memcmp(c->text + p - 3, numerals[n], 3) == 0)
        hit = 1;
    if (!hit)
      break;
    p -= 3;
  }
  for (size_t w = 0; w < c->lv->nannex_words; w++) {
    const char *a = c->lv->annex_words[w];
    size_t al = strlen(a);
    if (al && al <= p && memcmp(c->text + p - al, a, al) == 0)
      return 1;
  }
  return 0;
}

/* Languages whose citation words follow the numbers (Chinese):
 *   安全理事会第1990(2011)号决议          resolution 1990 (2011)
 *   第1533(2004)、1807(2008)和2136(2014)号决议
 *   第2140(2014)号决议第11段              its paragraph 11
 *   《联合国宪章》第十九条, 第12条第2款   article 19; article 12, paragraph 2
 * with the number prefix (第) at i. */
static size_t parse_postfix(ctx *c, size_t i) {
  if (i >= 2 && c->t[i].type == T_NUM && is_punct(&c->t[i - 1], '-') &&
      c->t[i - 1].end == c->t[i].start && c->t[i - 2].type == T_NUM &&
      c->t[i - 2].end == c->t[i - 1].start)
    return i + 1; /* the end of a code's "第5-1 条", no article of its own */
  ref refs[64];
  size_t nref = 0, nnum = 0, k = i;
  char nums[STEPS_MAX][16];
  int range = 0; /* the number read next ends a range: "第六至第八条" */
  /* The first number's date stands before it: "1999年10月15日第1267(1999)号" */
  char date[11] = "";
  if (i < 6 || parse_marked_date(c, i - 6, date) != i)
    date[0] = '\0';
  for (;;) {
    size_t s = k;
    if (nref) {
      date[0] = '\0';
      s = parse_marked_date(c, s, date); /* "、2001年9月28日第1373(2001)号" */
    }
    if (s < c->n && is_word(&c->t[s], W_NPREFIX))
      s++;
    ref r;
    if (!nnum && nref < 64 && parse_ref(c, s, &r)) {
      memcpy(r.date, date, sizeof date);
      refs[nref++] = r;
      k = r.next;
    } else if (!nref && nnum < STEPS_MAX && s < c->n && step_number(&c->t[s], nums[nnum])) {
      if (range) {
        /* the numbers between as well */
        unsigned long from = strtoul(nums[nnum - 1], NULL, 10), to = strtoul(nums[nnum], NULL, 10);
        if (to <= from || nnum + 1 + (to - from - 1) > STEPS_MAX)
          return k + 1;
        for (unsigned long x = to; x > from; x--)
          put_number(nums[nnum + (x - from - 1)], 16, "", (unsigned)x, "");
        nnum += (size_t)(to - from - 1);
        range = 0;
      }
      nnum++;
      k = s + 1;
    } else {
      break;
    }
    if (k < c->n && is_word(&c->t[k], W_NSUFFIX))
      k++;
    unsigned yr;
    if (k + 3 < c->n && is_punct(&c->t[k], '(') && year_of(&c->t[k + 1], &yr) &&
        is_word(&c->t[k + 2], W_DATEM) && is_punct(&c->t[k + 3], ')'))
      k += 4; /* "第3号(1990年)和第9号(1998年)一般性意见": the year of each */
    size_t q = k;
    ref last_end;
    if (q < c->n && (is_punct(&c->t[q], ',') || is_word(&c->t[q], W_JOIN)))
      q++;
    else if (q < c->n && nnum && !nref && is_range_word(c, &c->t[q]) && (range = 1))
      q++;
    else if (q + 1 < c->n && nref && is_range_word(c, &c->t[q]) &&
             parse_ref(c, q + 1 + is_word(&c->t[q + 1], W_NPREFIX), &last_end) &&
             range_between(&refs[nref - 1], &last_end, refs, &nref, 64))
      q++; /* "第78/1至78/3号决议": the numbers between, then the last */
    if (q == k)
      break;
    char skip[11];
    size_t q2 = parse_marked_date(c, q, skip);
    q2 = q2 < c->n && is_word(&c->t[q2], W_NPREFIX) ? q2 + 1 : q2;
    ref probe;
    char tmp[16];
    if (q2 >= c->n || !(parse_ref(c, q2, &probe) || step_number(&c->t[q2], tmp)))
      break;
    k = q;
  }
  if (k >= c->n || (!nref && !nnum))
    return i + 1;
  /* "第57/75号题为“军备透明”的决议": the title of the last between the
   * numbers and their word, the one-character word of "of" before it */
  if (nref && k + 2 < c->n && c->t[k].type == T_PHRASE && phrase_has(c, &c->t[k], PH_ENTITLED) &&
      is_punct(&c->t[k + 1], '"')) {
    size_t m = k + 2;
    while (m < c->n && m < k + 40 && !is_punct(&c->t[m], '"') && c->t[m].type != T_BREAK &&
           !(c->t[m].type == T_PUNCT && (c->t[m].val == ',' || c->t[m].val == '.')))
      m++;
    if (m + 1 < c->n && is_punct(&c->t[m], '"')) {
      m++;
      if (m + 1 < c->n && c->t[m].type == T_GAP && tok_len(&c->t[m]) <= 3)
        m++;
      if (is_word(&c->t[m], W_RES | W_DEC))
        k = m;
    }
  }
  /* "第60/153号、…和第78/209号关于联合国…中心的决议": a topic between the
   * numbers and their word, opened by a `topic_intro` word and running
   * without punctuation, numbers or names up to it */
  if (nref && c->lv->ntopic_intro && k + 1 < c->n && c->t[k].start == c->t[k - 1].end &&
      (c->t[k].type == T_GAP || c->t[k].type == T_WORD) && topic_opens(c, &c->t[k])) {
    for (size_t m = k + 1; m < c->n && m < k + 40; m++) {
      const token *q = &c->t[m];
      if (is_word(q, W_RES | W_DEC)) {
        k = m;
        break;
      }
      if (!(q->type == T_GAP || (q->type == T_WORD && !(q->cls & W_STRONG))) ||
          q->start != c->t[m - 1].end)
        break;
    }
  }
  /* "第8(j)条": article 8 (j), the letter before the article's word */
  char pre_point[16] = "";
  if (nnum == 1 && !nref) {
    int numeric;
    size_t used = paren_step(c, k, pre_point, &numeric);
    /* "第2(a)条"; "第134(e)段", a point of an instrument's paragraph */
    if (used && !numeric && k + used < c->n && is_word(&c->t[k + used], W_ART | W_PARA))
      k += used;
    else
      pre_point[0] = '\0';
  }
  const token *w = &c->t[k];
  if (w->type == T_PHRASE && phrase_has(c, w, PH_COMMENT)) {
    /* "人权事务委员会第36号一般性意见", "第36(2018)号一般性意见": general
     * comments of a committee, the year in brackets read as a number's */
    unsigned vals[8];
    size_t nv = 0;
    for (size_t a = 0; a < nnum + nref && nv < 8; a++) {
      char *e;
      unsigned long v = strtoul(a < nnum ? nums[a] : refs[a - nnum].num, &e, 10);
      if (!*e && v > 0 && v < 1000 && (a < nnum || refs[a - nnum].shape == SHAPE_SC))
        vals[nv++] = (unsigned)v;
    }
    int poss = 0;
    long body_tok = -1;
    size_t start = c->t[i].start;
    look_behind(c, i, &poss, &body_tok, &start);
    emit_comments(c, vals, nv, start, w->end, body_tok, poss);
    return k + 1;
  }
  if (nref && is_word(w, W_RES | W_DEC)) {
    cg_kind kind = (w->cls & W_DEC) ? CG_KIND_DECISION : CG_KIND_RESOLUTION;
    int poss = 0;
    long body_tok = -1, first = -1;
    size_t start = c->t[i].start;
    look_behind(c, i, &poss, &body_tok, &start);
    if (body_tok < 0 && i >= 3 && c->t[i - 1].type == T_GAP && tok_len(&c->t[i - 1]) <= 3 &&
        is_body_phrase(c, &c->t[i - 2]) && c->t[i - 3].type == T_GAP) {
      /* "大会2006年3月15日设立人权理事会的第60/251号决议": a body after a verb
       * and before 的 is the resolution's object, not its issuer; the issuer
       * is a body named before it in the sentence, else the document's own */
      body_tok = -2;
      for (size_t j = i - 3; j-- > 0 && i - j < 40;) {
        const token *p = &c->t[j];
        if ((p->type == T_PUNCT && (p->flags & F_SENTEND)) || p->type == T_BREAK)
          break;
        if (is_body_phrase(c, p)) {
          body_tok = (long)j;
          break;
        }
      }
      if (body_tok == -2) {
        body_tok = -1;
        poss = c->own_body >= 0;
      }
    }
    int sym_body;
    int foreign = body_tok < 0 ? foreign_issuer(c, i, &sym_body) : 0;
    if (foreign == 2 && sym_body >= 0) {
      /* "CBD/COP/15/17号文件，第15/4号决定": that body's, when it can be */
      int fits = 1;
      for (size_t q = 0; q < nref && fits; q++)
        fits = body_fits(c, sym_body, &refs[q]);
      if (fits) {
        c->sym_body = sym_body;
        foreign = 3;
      }
    }
    emit_refs(c, kind, refs, nref, body_tok, poss, start, foreign, 0, &first);
    k++;
    /* "第2140(2014)号决议第11段", "…第9和11段", "…执行部分第2(e)段":
     * paragraphs of it, perhaps after one short qualifier (执行部分,
     * operative part). */
    size_t q = k;
    int annex = 0;
    if (nref == 1 && c->place == CG_PLACE_FOOTNOTE && k + 1 < c->n && is_punct(&c->t[k], ',')) {
      /* a footnote's "第63/120号决议，第20段", "第79/323号决议，附件，第43(l)段" */
      if (is_word(&c->t[k + 1], W_NPREFIX)) {
        q = k + 1;
      } else {
        /* the words between the two commas, however the scanner cut them
         * ("附" and "件") */
        size_t j = k + 1;
        while (j < c->n && j < k + 4 && c->t[j].type != T_PUNCT && c->t[j].type != T_BREAK)
          j++;
        int is_annex = j < c->n && span_listed(c, c->t[k + 1].start, c->t[j].start,
                                               c->lv->annex_words[0],
                                               sizeof c->lv->annex_words[0],
                                               c->lv->nannex_words);
        if (is_annex && j + 1 < c->n && is_punct(&c->t[j], ',') &&
            is_word(&c->t[j + 1], W_NPREFIX)) {
          q = j + 1;
          annex = 1;
        } else if (is_annex && (is_punct(&c->t[j], '.') || is_punct(&c->t[j], ';')) &&
                   first >= 0 && c->ex->tmp.v[first].target != NO_STR) {
          /* "第61/295号决议，附件。": the instrument it adopts */
          const char *inst = annex_instrument(
              c, strings_get(&c->ex->strs, c->ex->tmp.v[first].target), 0);
          if (inst)
            emit(c, c->t[i].start, c->t[j - 1].end, inst, "", "", "", CG_KIND_TREATY);
          return j;
        }
      }
    }
    for (size_t m = k; q == k && m < k + 3 && m + 1 < c->n; m++) {
      /* one short qualifier, whatever words the catalogue happens to know
       * in it (执行 and 部分 are words of treaty titles) */
      const token *g = &c->t[m];
      if (!(g->type == T_GAP ||
            (g->type == T_WORD && !(g->cls & W_STRONG & ~W_PHRASE))) ||
          g->end != c->t[m + 1].start)
        break;
      if (is_word(&c->t[m + 1], W_NPREFIX)) {
        q = m + 1;
        /* "第41/213号决议附件一第10段": the annex's paragraph, the instrument
         * the resolution adopts or none */
        annex = span_listed(c, c->t[k].start, c->t[k].start + 6 <= c->t[m].end ? c->t[k].start + 6
                                                                               : c->t[m].end,
                            c->lv->annex_words[0], sizeof c->lv->annex_words[0],
                            c->lv->nannex_words);
        break;
      }
    }
    unsigned paras[STEPS_MAX];
    size_t np;
    steps points;
    size_t e2 = postfix_paragraphs(c, q, paras, &np, &points);
    if (e2 > q && first >= 0 && c->ex->tmp.v[first].target != NO_STR) {
      char base[200];
      str_copy(base, sizeof base, strings_get(&c->ex->strs, c->ex->tmp.v[first].target));
      const char *owner = annex ? annex_instrument(c, base, 1) : base;
      if (owner) {
        str_copy(base, sizeof base, owner);
        emit_paragraphs(c, base, paras, np, &points, c->t[q].start, c->t[e2 - 1].end);
      }
      k = e2;
    }
    return k;
  }
  if (!nnum || !is_word(w, W_ART | W_CHAP | W_PARA))
    return k > i ? k : i + 1; /* no provision: "第十届会议", "第3号" */
  if (c->lv->nannex_words && i > 0 && annex_before(c, c->t[i].start))
    return k; /* "《公约》附件二第3条": an annex's article, not the instrument's */
  /* The instrument right before: "《联合国宪章》第十九条"; a quoted title the
   * catalogue does not know is another text's ("《刑事诉讼法》第5-1条"). */
  int owner = -1, other = 0;
  {
    size_t j = i;
    while (j > 0 && is_punct(&c->t[j - 1], '"'))
      j--;
    if (j > 1 && c->parent_inst >= 0 && c->t[j - 1].type == T_PHRASE &&
        is_word(&c->t[j - 2], W_SELF))
      other = 1; /* "本议定书第四至第七条": the protocol's own articles */
    else if (j > 0 && c->t[j - 1].type == T_PHRASE && !is_body_phrase(c, &c->t[j - 1]))
      owner = resolve_instrument(c, j - 1);
    else if (j < i && j > 1 && c->t[j - 1].type == T_GAP && is_punct(&c->t[j - 2], '"') &&
             c->t[j - 2].end == c->t[j - 1].start)
      other = 1;
  }
  if (other)
    return k;
  if (owner < 0 && c->lv->nincluding && i > 1 && c->t[i - 1].end == c->t[i].start) {
    /* "《原子能机构规约》的规定，包括第十二条": after "including", the
     * instrument named a few words before, its provisions between */
    /* the words glued before it, as one run: "特别是" + "其" + "中" */
    size_t r = i - 1;
    while (c->lv->segment && r > 0 && i - r < 3 && c->t[r - 1].end == c->t[r].start &&
           (c->t[r - 1].type == T_GAP || c->t[r - 1].type == T_WORD))
      r--;
    const token *g = &c->t[i - 1];
    char f[64];
    size_t n = g->end - c->t[r].start, fl = 0;
    if ((g->type == T_GAP || g->type == T_WORD) && n < 48)
      fl = fold_word(c->text + c->t[r].start, n, f, sizeof f);
    int found = 0; /* the word, or, unsegmented, the end of the run: "特别是其中" */
    for (size_t iw = 0; fl && iw < c->lv->nincluding && !found; iw++) {
      size_t wl = strlen(c->lv->including[iw]);
      found = wl <= fl && (wl == fl || c->lv->segment) &&
              memcmp(f + fl - wl, c->lv->including[iw], wl) == 0;
    }
    if (found) {
      for (size_t m = r; m-- > 0 && m + 12 >= i;) {
        const token *x = &c->t[m];
        if (x->type == T_PHRASE) {
          if (!is_body_phrase(c, x))
            owner = resolve_instrument(c, m);
          /* a generic name that means none here is a word of the clause
           * ("《联合国宪章》的宗旨和原则，特别是其中第五十五条") */
          if (owner >= 0 || is_body_phrase(c, x) || phrase_has(c, x, PH_INST_FULL) ||
              phrase_has(c, x, PH_INST_SHORT) || phrase_has(c, x, PH_INST_ABBREV))
            break;
          continue;
        }
        if (!(is_punct(x, ',') || is_punct(x, '"') || x->type == T_GAP ||
              (x->type == T_WORD && !(x->cls & W_STRONG & ~W_PHRASE))))
          break; /* words of names may stand between ("的宗旨和原则") */
      }
    }
  }
  if (owner < 0 && c->pf_owner >= 0 && i >= 2 &&
      (is_word(&c->t[i - 1], W_JOIN) || is_punct(&c->t[i - 1], ',')) &&
      c->t[i - 2].end == c->pf_end)
    owner = c->pf_owner; /* "第二条和第三条": the articles before are its */
  if (nnum && is_word(w, W_PARA) && owner >= 0 && c->ex->cat->insts.v[owner].paragraphs) {
    /* "《2030年可持续发展议程》第20段", "世界土著人民大会成果文件第20、21、28、30和
     * 40段": paragraphs of an instrument numbered so */
    for (size_t a = 0; a < nnum; a++) {
      char *e;
      unsigned long v = strtoul(nums[a], &e, 10);
      if (*e || !v || v > 100000)
        continue;
      char target[300];
      if (pre_point[0])
        snprintf(target, sizeof target, "%.200s#para_%lu__point_%s",
                 c->ex->cat->insts.v[owner].id, v, pre_point);
      else
        snprintf(target, sizeof target, "%.200s#para_%lu", c->ex->cat->insts.v[owner].id, v);
      emit(c, c->t[i].start, w->end, target, "", "", "", CG_KIND_PROVISION);
    }
    return k + 1;
  }
  if (pre_point[0] && is_word(w, W_PARA))
    return k + 1; /* "第2(e)段" of no instrument numbered so */
  if (!nnum || !is_word(w, W_ART | W_CHAP))
    return k > i ? k : i + 1; /* a paragraph of the document itself */
  if (after_symbol(c, i))
    return k + 1; /* "(A/CONF.189/12，第一章)": that document's chapter */
  if (owner < 0 && i > 0) {
    /* a footnote mark right before it, after no name: "委员会报告[^14]第四章"
     * (chapter IV of the report the note cites), no instrument's */
    const token_list *tl = &c->ex->toks;
    for (size_t m = 0; m < tl->nmarks; m++)
      if (tl->mark_at[m] >= c->t[i - 1].end && tl->mark_at[m] < c->t[i].start)
        return k + 1;
  }
  const char *head = (w->cls & W_ART) ? "art" : "chp";
  size_t end = w->end;
  k++;
  /* "第2款" (paragraph), "第1项" (a paragraph of an article that has no
   * 款, else a subparagraph, numbered where other languages letter it). */
  char para[16] = "", point[16] = "";
  memcpy(point, pre_point, sizeof point);
  if (head[0] == 'a' && nnum == 1 && !point[0]) {
    /* "第4条第3、4、5和11款": several paragraphs of one article */
    unsigned paras[STEPS_MAX];
    size_t np;
    steps pts;
    size_t e = postfix_paragraphs(c, k, paras, &np, &pts);
    int inst = owner >= 0 ? owner
               : (c->sent_inst >= 0 && !c->sent_inst_multi && c->parent_inst < 0) ? c->sent_inst
                                                             : -1;
    if (e > k && np > 1 && !pts.n && inst >= 0) {
      for (size_t a = 0; a < np; a++) {
        char path[160], target[300];
        snprintf(path, sizeof path, "art_%s__para_%u", nums[0], paras[a]);
        str_join(target, sizeof target, c->ex->cat->insts.v[inst].id, '#', path);
        emit(c, c->t[i].start, c->t[e - 1].end, target, "", "", "", CG_KIND_PROVISION);
      }
      if (owner >= 0) {
        c->pf_owner = owner;
        c->pf_end = c->t[e - 1].end;
      }
      return e;
    }
  }
  while (head[0] == 'a' && k + 2 < c->n && is_word(&c->t[k], W_NPREFIX) &&
         c->t[k + 1].type == T_NUM && (c->t[k + 2].cls & (W_PARA | W_SUBPARA))) {
    unsigned v = c->t[k + 1].val;
    if ((c->t[k + 2].cls & W_PARA) && !para[0] && (c->t[k + 2].cls & W_SUBPARA) == 0)
      snprintf(para, sizeof para, "%u", v);
    else if (!para[0])
      snprintf(para, sizeof para, "%u", v);
    else if (!point[0] && v >= 1 && v <= 26)
      snprintf(point, sizeof point, "%c", 'a' + (int)v - 1);
    else
      break;
    end = c->t[k + 2].end;
    k += 3;
  }
  {
    /* "第2条第1款(a)项", "第十四条第三款(卯)项", "第七十三条(辰)款": a
     * lettered subparagraph */
    char st[16];
    int numeric;
    size_t used;
    if (head[0] == 'a' && !point[0] && (used = paren_step(c, k, st, &numeric)) &&
        !numeric && k + used < c->n && c->t[k + used].type == T_WORD &&
        ((c->t[k + used].cls & (W_SUBPARA | W_PARA)))) {
      /* (the Charter's "第十三条第一项(子)款": 项 its paragraph, 款 the point) */
      memcpy(point, st, sizeof point);
      end = c->t[k + used].end;
      k += used + 1;
    }
  }
  /* more points of the same article, each with its word: "第四条(子)项和(丑)项" */
  char more_pts[3][16];
  size_t nmore = 0;
  while (point[0] && nmore < 3 && k + 2 < c->n &&
         (is_word(&c->t[k], W_JOIN) || is_punct(&c->t[k], ','))) {
    int numeric;
    size_t used = paren_step(c, k + 1, more_pts[nmore], &numeric);
    if (!used || numeric || k + 1 + used >= c->n || c->t[k + 1 + used].type != T_WORD ||
        !(c->t[k + 1 + used].cls & (W_SUBPARA | W_PARA)))
      break;
    end = c->t[k + 1 + used].end;
    k += 2 + used;
    nmore++;
  }
  for (size_t a = 0; a < nnum; a++) {
    for (size_t m = 0; m <= nmore; m++) {
      char path[160];
      int len = snprintf(path, sizeof path, "%s_%s", head, nums[a]);
      if (para[0])
        len += snprintf(path + len, sizeof path - (size_t)len, "__para_%s", para);
      const char *pt = m ? more_pts[m - 1] : point;
      if (pt[0])
        snprintf(path + len, sizeof path - (size_t)len, "__point_%s", pt);
      int inst = owner >= 0 ? owner
                 : (c->sent_inst >= 0 && !c->sent_inst_multi && c->parent_inst < 0) ? c->sent_inst
                                                               : -1;
      if (inst >= 0) {
        char target[300];
        str_join(target, sizeof target, c->ex->cat->insts.v[inst].id, '#', path);
        emit(c, c->t[i].start, end, target, "", "", "", CG_KIND_PROVISION);
      } else {
        pend(c, c->t[i].start, end, path);
      }
    }
  }
  if (owner >= 0) {
    c->pf_owner = owner;
    c->pf_end = end;
  }
  return k;
}

/* "该决议第10和12段" (paragraphs 10 and 12 of the said resolution): the
 * resolution word at i, after an anaphoric word, in a postfix language. */
static size_t parse_postfix_anaphora(ctx *c, size_t i) {
  size_t res = i ? res_just_cited(c, 1, c->t[i].start) : NO_STR;
  if (!i || !is_word(&c->t[i - 1], W_ANAPH) || res == NO_STR)
    return i + 1;
  unsigned paras[STEPS_MAX];
  size_t np;
  steps points;
  size_t e = postfix_paragraphs(c, i + 1, paras, &np, &points);
  if (e == i + 1)
    return i + 1;
  char base[200];
  str_copy(base, sizeof base, strings_get(&c->ex->strs, res));
  emit_paragraphs(c, base, paras, np, &points, c->t[i + 1].start,
                  c->t[e - 1].end);
  return e;
}

/* ------------------------------------------------------------ symbols */

/* After a symbol at k: a qualifier naming a part of the document ("(Part
 * I)", "(Parts I and II)", "(Vol. II)", "(Sect. 3)"), also on the next
 * line, perhaps followed by its corrigendum ("(Part I)/Corr.2"). The
 * document is cited as a whole, so the qualifier only widens the span; a
 * corrigendum or addendum is a document of its own and extends `sym`.
 * Returns the index after what was read. */
/* The English word of a part that symbols hold in every language: "A/80/6
 * (Sect. 3)/Add.1" in an Arabic or Chinese text too. */
static int symbol_part_word(const ctx *c, const token *t) {
  static const char *const words[] = {"sect", "part", "parts", "vol", "vols"};
  size_t n = tok_len(t);
  if (n < 3 || n > 5)
    return 0;
  for (size_t w = 0; w < sizeof words / sizeof *words; w++)
    if (strlen(words[w]) == n && strncasecmp(c->text + t->start, words[w], n) == 0)
      return 1;
  return 0;
}

static size_t symbol_qualifier(const ctx *c, size_t k, size_t *end, char *sym,
                               size_t cap) {
  if (k + 3 < c->n && is_punct(&c->t[k], '(') &&
      (is_word(&c->t[k + 1], W_PART | W_VOL | W_SECT) || symbol_part_word(c, &c->t[k + 1]))) {
    size_t m = k + 2, items = 0;
    if (is_punct(&c->t[m], '.'))
      m++;
    while (m < c->n && items < 8) {
      const token *q = &c->t[m];
      if (!(q->type == T_NUM || (q->flags & F_ROMAN) ||
            (q->type == T_WORD && tok_len(q) == 1 && (q->flags & F_CAP))))
        break;
      items++;
      m++;
      if (m < c->n && (is_punct(&c->t[m], ',') || is_punct(&c->t[m], '-') ||
                       is_word(&c->t[m], W_JOIN)))
        m++;
    }
    if (items && m < c->n && is_punct(&c->t[m], ')')) {
      *end = c->t[m].end;
      k = m + 1;
    }
  }
  /* "/Corr.2", "/Add.1", "/Rev.3" glued to what came before */
  if (k + 3 < c->n && is_punct(&c->t[k], '/') && c->t[k].start == *end &&
      c->t[k + 1].start == c->t[k].end && is_punct(&c->t[k + 2], '.') &&
      c->t[k + 3].type == T_NUM && c->t[k + 3].start == c->t[k + 2].end) {
    size_t wl = tok_len(&c->t[k + 1]);
    const char *w = c->text + c->t[k + 1].start;
    if ((wl == 4 && memcmp(w, "Corr", 4) == 0) ||
        (wl == 3 && (memcmp(w, "Add", 3) == 0 || memcmp(w, "Rev", 3) == 0))) {
      size_t n = strlen(sym);
      int wrote = snprintf(sym + n, cap - n, "/%.*s.%u", (int)wl, w,
                           c->t[k + 3].val);
      if (wrote > 0 && (size_t)wrote < cap - n) {
        *end = c->t[k + 3].end;
        k += 4;
      } else {
        sym[n] = '\0';
      }
    }
  }
  return k;
}

/* Security Council documents are S/<number> (to 1993) or S/<year>/<number>:
 * "S/2338/2024", a number then a year, is another organization's. */
static int security_council_symbol_shape(const char *sym) {
  if (sym[0] != 'S' || sym[1] != '/')
    return 1;
  char *e;
  unsigned long a = strtoul(sym + 2, &e, 10);
  if (e == sym + 2 || *e != '/' || !(e[1] >= '0' && e[1] <= '9'))
    return 1;
  char *e2;
  unsigned long b = strtoul(e + 1, &e2, 10);
  if (*e2 != '\0' && *e2 != '/')
    return 1;
  return (a >= 1946 && a <= 2100) || !(b >= 1946 && b <= 2100);
}

/* Whether sym is an identifier template's instance ("UNEP/EA.5/Res.14"
 * for "UNEP/EA.{1}/RES.{2}"), its letters in any case: out receives the
 * identifier in the template's case, number the two numbers ("5/14"). */
static int form_instance(const char *form, const char *sym, char *out,
                         size_t cap, char *number, size_t ncap) {
  size_t o = 0, nn = 0;
  if (!form[0])
    return 0;
  for (const char *p = form; *p; p++) {
    if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
      if (*sym < '0' || *sym > '9')
        return 0;
      if (p[1] == '2' && nn + 1 < ncap)
        number[nn++] = '/';
      while (*sym >= '0' && *sym <= '9') {
        if (o + 1 >= cap || nn + 1 >= ncap)
          return 0;
        out[o++] = *sym;
        number[nn++] = *sym++;
      }
      p += 2;
      continue;
    }
    char a = *p, b = *sym;
    if (a >= 'a' && a <= 'z')
      a = (char)(a - 32);
    if (b >= 'a' && b <= 'z')
      b = (char)(b - 32);
    if (a != b || o + 1 >= cap)
      return 0;
    out[o++] = *p;
    sym++;
  }
  if (*sym)
    return 0;
  out[o] = number[nn] = '\0';
  return 1;
}

static size_t handle_symbol(ctx *c, size_t i) {
  const token *t = &c->t[i];
  char sym[160];
  size_t n = tok_len(t);
  if (n >= sizeof sym - 16)
    return i + 1;
  memcpy(sym, c->text + t->start, n);
  sym[n] = '\0';
  size_t end = t->end, k = i + 1;
  cg_kind kind = CG_KIND_SYMBOL;
  const char *body = "";
  const cg_catalog *cat = c->ex->cat;
  const char *res = strstr(sym, "/RES/");
  const char *dec = strstr(sym, "/DEC/");
  if (res || dec) {
    kind = res ? CG_KIND_RESOLUTION : CG_KIND_DECISION;
    size_t plen = (size_t)((res ? res : dec) - sym);
    for (size_t b = 0; b < cat->bodies.n; b++)
      if (strlen(cat->bodies.v[b].prefix) == plen &&
          memcmp(cat->bodies.v[b].prefix, sym, plen) == 0)
        body = cat->bodies.v[b].id;
    /* "S/RES/2331 (2016)" */
    unsigned year;
    if (k + 2 < c->n && is_punct(&c->t[k], '(') && year_of(&c->t[k + 1], &year) &&
        c->t[k + 1].val2 == 4 && is_punct(&c->t[k + 2], ')')) {
      snprintf(sym + n, sizeof sym - n, "(%u)", year);
      end = c->t[k + 2].end;
      k += 3;
    } else if (res && plen == 1 && sym[0] == 'S' && sym[6] >= '0' && sym[6] <= '9' &&
               strspn(sym + 6, "0123456789") == strlen(sym + 6)) {
      /* "S/RES/2231" with no year: a Security Council resolution is known
       * by its number and year (and PDF text can move "(2015)" away) */
      note_unresolved(c, t->start, end, "year not given");
      return k;
    }
  }
  k = symbol_qualifier(c, k, &end, sym, sizeof sym);
  if (!security_council_symbol_shape(sym))
    return k; /* "S/2338/2024": the OPCW secretariat's numbering, not ours */
  /* "UNEP/EA.5/Res.14": a resolution's symbol takes its identifier. */
  char number[32] = "";
  for (size_t b = 0; b < cat->bodies.n && !number[0]; b++)
    for (int f = 0; f < 2 && !number[0]; f++) {
      char canon[160];
      if (form_instance(cat->bodies.v[b].forms[f], sym, canon, sizeof canon,
                        number, sizeof number)) {
        str_copy(sym, sizeof sym, canon);
        kind = f ? CG_KIND_DECISION : CG_KIND_RESOLUTION;
        body = cat->bodies.v[b].id;
      } else {
        number[0] = '\0';
      }
    }
  if (strcmp(sym, c->self) == 0 || strcmp(sym, c->own_sym) == 0 ||
      strcmp(sym, c->own_sym2) == 0)
    return k;
  const char *slash = strchr(sym, '/');
  emit(c, t->start, end, sym,
       number[0] ? number : slash && (res || dec) ? strrchr(sym, '/') + 1 : "",
       body, "", kind);
  /* "A/HRC/55/56 and Corr.1", "A/79/5 y Add.1": that document's
   * corrigendum or addendum, a document of its own */
  while (kind == CG_KIND_SYMBOL && k + 3 < c->n && is_word(&c->t[k], W_JOIN) &&
         (c->t[k + 1].type == T_WORD || c->t[k + 1].type == T_GAP) &&
         is_punct(&c->t[k + 2], '.') && c->t[k + 3].type == T_NUM &&
         c->t[k + 2].start == c->t[k + 1].end && c->t[k + 3].start == c->t[k + 2].end) {
    const token *w = &c->t[k + 1];
    size_t wl = tok_len(w);
    const char *wt = c->text + w->start;
    if (!((wl == 4 && memcmp(wt, "Corr", 4) == 0) || (wl == 3 && memcmp(wt, "Add", 3) == 0) ||
          (wl == 3 && memcmp(wt, "Rev", 3) == 0)))
      break;
    /* "S/7930/Add.64 and Add.65": the sibling, S/7930/Add.65 */
    size_t base = strlen(sym);
    const char *last = strrchr(sym, '/');
    if (last && strncmp(last + 1, wt, wl) == 0 && last[1 + wl] == '.')
      base = (size_t)(last - sym);
    char part[200];
    int pl = snprintf(part, sizeof part, "%.*s/%.*s.%u", (int)base, sym, (int)wl, wt,
                      c->t[k + 3].val);
    size_t e = c->t[k + 3].end, m = k + 4;
    /* "Add.1/Rev.1": the parts written on */
    while (m + 3 < c->n && pl > 0 && (size_t)pl < sizeof part - 24 && is_punct(&c->t[m], '/') &&
           c->t[m].start == e && (c->t[m + 1].type == T_WORD || c->t[m + 1].type == T_GAP) &&
           c->t[m + 1].start == c->t[m].end && tok_len(&c->t[m + 1]) <= 4 &&
           is_punct(&c->t[m + 2], '.') && c->t[m + 2].start == c->t[m + 1].end &&
           c->t[m + 3].type == T_NUM && c->t[m + 3].start == c->t[m + 2].end) {
      pl += snprintf(part + pl, sizeof part - (size_t)pl, "/%.*s.%u",
                     (int)tok_len(&c->t[m + 1]), c->text + c->t[m + 1].start,
                     c->t[m + 3].val);
      e = c->t[m + 3].end;
      m += 4;
    }
    if (m < c->n && c->t[m].start == e && is_punct(&c->t[m], '/'))
      break; /* more that we cannot read: nothing rather than a part of it */
    if (strlen(part) >= CG_IDENTIFIER_MAX || !cg_identifier_valid(part))
      break;
    emit(c, w->start, e, part, "", "", "", CG_KIND_SYMBOL);
    k = m;
    /* "S/1994/89 and Add.1 and 2", "Add.1, 2 and 3": the next ones by
     * their numbers alone */
    unsigned prev = c->t[k - 1].val;
    /* (a list parted by commas ends with the joiner: "Corr.1, 6" is a
     * footnote's number after it) */
    size_t last_sep = k;
    for (size_t q = k; q + 1 < c->n && q < k + 12 && c->t[q + 1].type == T_NUM &&
                       (is_word(&c->t[q], W_JOIN) || is_punct(&c->t[q], ','));
         q += 2)
      last_sep = q;
    int listed_on = is_word(&c->t[last_sep], W_JOIN);
    while (listed_on && m == k && k + 1 < c->n && c->t[k - 1].type == T_NUM &&
           (is_word(&c->t[k], W_JOIN) || is_punct(&c->t[k], ',')) &&
           c->t[k + 1].type == T_NUM && c->t[k + 1].val > prev && c->t[k + 1].val <= prev + 5 &&
           (k + 2 >= c->n || !(is_word(&c->t[k + 2], W_MONTH) || is_punct(&c->t[k + 2], '/') ||
                               is_punct(&c->t[k + 2], '.') || is_punct(&c->t[k + 2], '(')) ||
            (is_punct(&c->t[k + 2], '.') && (c->t[k + 2].flags & F_SENTEND)))) {
      char next[200];
      int nl = snprintf(next, sizeof next, "%.*s/%.*s.%u", (int)base, sym, (int)wl, wt,
                        c->t[k + 1].val);
      if (nl <= 0 || (size_t)nl >= sizeof next || strlen(next) >= CG_IDENTIFIER_MAX ||
          !cg_identifier_valid(next))
        break;
      emit(c, c->t[k + 1].start, c->t[k + 1].end, next, "", "", "", CG_KIND_SYMBOL);
      prev = c->t[k + 1].val;
      k += 2;
      m = k;
    }
  }
  return k;
}

/* A body's own symbol standing alone ("GC(69)/RES/9, entitled …"): it
 * names its body and its kind by itself. Returns the index after it, or
 * i + 1 when there is none. */
static size_t handle_own_symbol(ctx *c, size_t i) {
  ref r;
  memset(&r, 0, sizeof r);
  if (!parse_marked_ref(c, i, &r) || r.shape != SHAPE_OWN)
    return i + 1;
  int b = catalog_body_by_mark(c->ex->cat, SHAPE_OWN, r.mark, strlen(r.mark));
  cg_kind kind = strstr(r.num, "/DEC/") ? CG_KIND_DECISION : CG_KIND_RESOLUTION;
  emit(c, c->t[i].start, c->t[r.next - 1].end, r.num, r.num,
       c->ex->cat->bodies.v[b].id, "", kind);
  if (!c->failed) {
    note_sent_res(c, c->ex->tmp.v[c->ex->tmp.n - 1].target, c->t[r.next - 1].end);
  }
  return r.next;
}

/* ------------------------------------------------------------ footnotes */

/* Whether t is the degree sign glued to the word before it, which French
 * texts write for the ordinal indicator: "n° 27531". */
static int degree_sign(const ctx *c, const token *t) {
  return t->type == T_PUNCT && !(t->flags & F_SPACE) && tok_len(t) == 2 &&
         (unsigned char)c->text[t->start] == 0xC2 && (unsigned char)c->text[t->start + 1] == 0xB0;
}

static size_t handle_treaty_series(ctx *c, size_t i, int named_series) {
  unsigned long more_vols[8];
  size_t nvol = 0;
  for (size_t k = i + 1; k < c->n && k < i + 12; k++) {
    const token *t = &c->t[k];
    if (t->type == T_BREAK || t->type == T_FOOTNOTE)
      break;
    size_t m;
    unsigned long vol;
    if (c->lv->postfix && t->type == T_NUM && k + 1 < c->n && is_word(&c->t[k + 1], W_VOL)) {
      /* "第1577卷，第27531号": the words after their numbers */
      vol = t->val;
      m = k + 2;
      /* "第75卷(1950年)": the volume's year */
      if (m + 2 < c->n && is_punct(&c->t[m], '(') && c->t[m + 1].type == T_NUM &&
          c->t[m + 1].val >= 1920 && c->t[m + 1].val <= 2100) {
        size_t q = m + 2;
        if (q < c->n && c->t[q].type == T_WORD && !is_punct(&c->t[q], ')'))
          q++; /* 年 */
        if (q < c->n && is_punct(&c->t[q], ')'))
          m = q + 1;
      }
      if (m < c->n && is_punct(&c->t[m], ','))
        m++;
      if (m < c->n && is_word(&c->t[m], W_NPREFIX))
        m++;
      if (m + 1 >= c->n || c->t[m].type != T_NUM ||
          !(is_word(&c->t[m + 1], W_NUMWORD) ||
            (m + 3 < c->n && is_punct(&c->t[m + 1], '-') && c->t[m + 2].type == T_NUM &&
             is_word(&c->t[m + 3], W_NUMWORD)) ||
            (m + 3 < c->n && (is_word(&c->t[m + 1], W_JOIN) || is_punct(&c->t[m + 1], ',')) &&
             c->t[m + 2].type == T_NUM && is_word(&c->t[m + 3], W_NUMWORD)))) /* "第970-973号",
                                                                       "第17512和17513号" */
        break;
      /* the volumes before it: "第2171、2173和2983卷" */
      nvol = 0;
      for (size_t j = k; j >= 2 && j > i + 2 && nvol < sizeof more_vols / sizeof *more_vols &&
                         (is_punct(&c->t[j - 1], ',') || is_word(&c->t[j - 1], W_JOIN)) &&
                         c->t[j - 2].type == T_NUM;
           j -= 2)
        more_vols[nvol++] = c->t[j - 2].val;
      goto number;
    }
    if (!is_word(t, W_VOL))
      continue;
    m = k + 1;
    if (m < c->n && is_punct(&c->t[m], '.'))
      m++;
    if (m >= c->n || c->t[m].type != T_NUM)
      break;
    vol = c->t[m].val;
    m++;
    /* "vol. 75 (1950), No. 972": the volume's year */
    if (m + 2 < c->n && is_punct(&c->t[m], '(') && c->t[m + 1].type == T_NUM &&
        c->t[m + 1].val >= 1920 && c->t[m + 1].val <= 2100 && is_punct(&c->t[m + 2], ')'))
      m += 3;
    /* "vols. 1669 and 1670" (one treaty over two volumes), "vols. 2225,
     * 2237, 2241 and 2326, No. 39574" (a convention and its protocols, one
     * registration number in each volume): each volume is looked up */
    nvol = 0;
    while (m + 1 < c->n &&
           (is_word(&c->t[m], W_JOIN) || is_punct(&c->t[m], ',')) &&
           (c->t[m + 1].type == T_NUM ||
            (is_punct(&c->t[m], ',') && m + 2 < c->n && is_word(&c->t[m + 1], W_JOIN) &&
             c->t[m + 2].type == T_NUM))) {
      if (c->t[m + 1].type != T_NUM)
        m++; /* ", and" */
      if (nvol < sizeof more_vols / sizeof *more_vols)
        more_vols[nvol++] = c->t[m + 1].val;
      m += 2;
    }
    if (m < c->n && is_punct(&c->t[m], ','))
      m++;
    if (m >= c->n || !(is_word(&c->t[m], W_NUMWORD) || is_punct(&c->t[m], '#')))
      break;
    m++;
    if (m < c->n && (is_punct(&c->t[m], '.') || degree_sign(c, &c->t[m])))
      m++;
    if (m >= c->n || c->t[m].type != T_NUM)
      break;
  number:;
    unsigned long num = c->t[m].val, to = num;
    size_t last = m;
    /* "Nos. 17512 and 17513": the numbers after the first, each looked up
     * in the same volume */
    unsigned long more_nums[8];
    size_t nnums = 0;
    for (size_t q = m + 1; q + 1 < c->n && nnums < 8;) {
      if (!(is_punct(&c->t[q], ',') || is_word(&c->t[q], W_JOIN)) || c->t[q + 1].type != T_NUM ||
          c->t[q + 1].val < 1000)
        break;
      more_nums[nnums++] = c->t[q + 1].val;
      last = q + 1;
      q += 2;
      if (c->lv->postfix && q < c->n && is_word(&c->t[q], W_NUMWORD))
        last = q; /* "第17512和17513号" */
    }
    if (c->lv->postfix && m + 1 < c->n && is_word(&c->t[m + 1], W_NUMWORD))
      last = m + 1; /* "第27531号" */
    else if (m + 2 < c->n && (is_punct(&c->t[m + 1], '-') || between_range(c, &c->t[m + 1])) &&
             c->t[m + 2].type == T_NUM && c->t[m + 2].val > num && c->t[m + 2].val - num < 8) {
      /* "Nos. 970–973", "第970-973号": the four treaties of the range */
      to = c->t[m + 2].val;
      last = c->lv->postfix && is_punct(&c->t[m + 1], '-') && m + 3 < c->n &&
                     is_word(&c->t[m + 3], W_NUMWORD)
                 ? m + 3
                 : m + 2;
    }
    for (unsigned long x = num; x <= to; x++) {
      int inst = catalog_find_treaty_series(c->ex->cat, vol, x);
      char target[64];
      if (inst >= 0)
        str_copy(target, sizeof target, c->ex->cat->insts.v[inst].id);
      else if (named_series || c->last_unts)
        snprintf(target, sizeof target, "UNTS/%lu", x);
      else
        continue;
      if (inst < 0)
        note_unresolved(c, c->t[i].start, c->t[last].end,
                        "Treaty Series number not in the catalogue");
      char number[64];
      snprintf(number, sizeof number, "vol. %lu, No. %lu", vol, x);
      emit(c, c->t[i].start, c->t[last].end, target, number, "", "",
           CG_KIND_TREATY_SERIES);
      c->last_unts = 1;
      /* then the instruments the other volumes hold under that number,
       * each once */
      int seen[9];
      size_t nseen = 0;
      seen[nseen++] = inst;
      for (size_t q = 0; q < nvol && num == to; q++) {
        int other = catalog_find_treaty_series(c->ex->cat, more_vols[q], x);
        int dup = other < 0;
        for (size_t z = 0; z < nseen && !dup; z++)
          dup = seen[z] == other;
        if (dup)
          continue;
        seen[nseen++] = other;
        char vnum[64];
        snprintf(vnum, sizeof vnum, "vol. %lu, No. %lu", more_vols[q], x);
        emit(c, c->t[i].start, c->t[last].end, c->ex->cat->insts.v[other].id, vnum, "", "",
             CG_KIND_TREATY_SERIES);
      }
    }
    for (size_t q = 0; q < nnums; q++) {
      int other = catalog_find_treaty_series(c->ex->cat, vol, more_nums[q]);
      if (other < 0)
        continue;
      char onum[64];
      snprintf(onum, sizeof onum, "vol. %lu, No. %lu", vol, more_nums[q]);
      emit(c, c->t[i].start, c->t[last].end, c->ex->cat->insts.v[other].id, onum, "", "",
           CG_KIND_TREATY_SERIES);
    }
    /* another reference after it, of the same series: "vol. 2131, No.
     * 20378; and vols. 2171, 2173 and 2983, No. 27531" */
    size_t q = last + 1;
    if (q < c->n && (is_punct(&c->t[q], ';') || is_punct(&c->t[q], ',')))
      q++;
    if (q < c->n && is_word(&c->t[q], W_JOIN) && !is_word(&c->t[q], W_VOL))
      q++;
    if (q > last + 1 && q < c->n && is_word(&c->t[q], W_VOL) && !c->lv->postfix)
      return handle_treaty_series(c, q - 1, named_series);
    /* "第20378号；以及第2171、2173和2983卷" */
    if (q > last + 1 && c->lv->postfix && q + 1 < c->n && is_word(&c->t[q], W_NPREFIX) &&
        c->t[q + 1].type == T_NUM) {
      size_t v = q + 1;
      while (v + 2 < c->n && (is_punct(&c->t[v + 1], ',') || is_word(&c->t[v + 1], W_JOIN)) &&
             c->t[v + 2].type == T_NUM)
        v += 2;
      if (v + 1 < c->n && is_word(&c->t[v + 1], W_VOL))
        return handle_treaty_series(c, q, named_series);
    }
    return last + 1;
  }
  return i + 1;
}

/* ------------------------------------------------------------ phrases */

/* The instrument a name of a list that shares one generic name in the
 * plural names: the trie's phrase for `words` (n word ids), or 0. */
static uint32_t list_item_node(const ctx *c, const uint32_t *words, size_t n) {
  const phrase_trie *trie = &c->lv->trie;
  uint32_t node = 0;
  for (size_t k = 0; k < n && (k == 0 || node); k++)
    node = trie_step(trie, node, words[k]);
  if (!node)
    return 0;
  const trie_node *nd = &trie->nodes.v[node];
  for (uint32_t v = 0; v < nd->vals_count; v++) {
    uint8_t type = trie->vals.v[nd->vals_start + v].type;
    if (type != PH_INST_FULL && type != PH_INST_SHORT)
      return 0;
  }
  return nd->vals_count ? node : 0;
}

/* The list around token g when it is a generic name's plural. */
static void shared_generic_list(ctx *c, size_t g) {
  const lang_vocab *lv = c->lv;
  token *t = c->t;
  if (!t[g].wid || !((lv->plural_mask >> (t[g].wid % 64)) & 1) || t[g].type != T_WORD)
    return;
  uint32_t sing = 0;
  for (size_t p = 0; p < lv->nplural_generic && !sing; p++)
    if (lv->plural_generic[p][0] == t[g].wid)
      sing = lv->plural_generic[p][1];
  if (!sing)
    return;
  size_t item[8], ni = 0;
  uint32_t node[8];
  /* the names before it: "X, Y and Z conventions" */
  for (size_t j = g; j > 0 && ni < 8;) {
    const token *x = &t[j - 1];
    if (x->type != T_WORD || !x->wid || (x->cls & (W_JOIN | W_OF | W_DET)))
      break;
    uint32_t w[2] = {x->wid, sing};
    if (!(node[ni] = list_item_node(c, w, 2)))
      break;
    item[ni++] = j - 1;
    if (j < 2)
      break;
    size_t k = j - 2; /* what joins it to the name before */
    if (k > 0 && t[k].type == T_NUM && t[k].val < 1000 && t[k].end - t[k].start <= 3 &&
        is_punct(&t[k - 1], ','))
      k--; /* a footnote mark kept as a bare number: "the Basel,3 Rotterdam" */
    if (is_punct(&t[k], ',') || is_word(&t[k], W_JOIN)) {
      j = k;
      if (j > 0 && is_punct(&t[j], ',') && is_word(&t[j - 1], W_JOIN))
        j--;
      else if (j > 0 && is_word(&t[j], W_JOIN) && is_punct(&t[j - 1], ','))
        j--;
      continue;
    }
    break;
  }
  if (ni < 2) {
    /* the names after it: "conventions de X, de Y et de Z" */
    ni = 0;
    uint32_t of = 0;
    size_t j = g + 1;
    while (j < c->n && ni < 8) {
      if (is_word(&t[j], W_OF)) {
        of = t[j].wid;
        j++;
      }
      const token *x = j < c->n ? &t[j] : NULL;
      if (!x || x->type != T_WORD || !x->wid || (x->cls & (W_JOIN | W_OF | W_DET)))
        break;
      uint32_t w[3] = {sing, of, x->wid};
      uint32_t nd = of ? list_item_node(c, w, 3) : 0;
      if (!nd) {
        w[1] = x->wid;
        nd = list_item_node(c, w, 2);
      }
      if (!nd)
        break;
      node[ni] = nd;
      item[ni++] = j++;
      /* then ", ", "and", ", and", or, in a script that glues it, the
       * joiner on the next name ("وروتردام") */
      size_t k = j;
      if (k < c->n && is_punct(&t[k], ','))
        k++;
      /* a footnote mark the text kept as a bare number after the comma:
       * "Tlatelolco, Rarotonga, 3 Bangkok and Pelindaba" */
      if (k > j && k + 1 < c->n && t[k].type == T_NUM && t[k].val < 1000 &&
          t[k].end - t[k].start <= 3 && t[k + 1].type == T_WORD && t[k + 1].wid &&
          !(t[k + 1].cls & W_DET))
        k++;
      if (k < c->n && is_word(&t[k], W_JOIN))
        k++;
      if (k == j && !(lv->naffixes[0] && k < c->n && t[k].type == T_WORD &&
                      t[k].start > 0 && (unsigned char)c->text[t[k].start] == 0xD9 &&
                      (unsigned char)c->text[t[k].start + 1] == 0x88 &&
                      (t[k].flags & F_SPACE)))
        break;
      j = k;
    }
  }
  if (ni < 2)
    return;
  /* every name one instrument of its own */
  int distinct = 1;
  for (size_t a = 0; a < ni; a++)
    for (size_t b = a + 1; b < ni; b++)
      distinct &= node[a] != node[b];
  if (!distinct)
    return;
  for (size_t a = 0; a < ni; a++) {
    token *x = &t[item[a]];
    x->type = T_PHRASE;
    x->val = node[a];
    x->cls = 0;
    x->wid = 0;
  }
}

/* Lists of names that share one generic name in the plural: "the Basel,
 * Rotterdam and Stockholm conventions", "Базельской, Роттердамской и
 * Стокгольмской конвенций" (the names before it), "conventions de Bâle, de
 * Rotterdam et de Stockholm", "Convenios de Basilea, Estocolmo y
 * Rotterdam", "اتفاقيات بازل وروتردام واستكهولم" (after it). Each name
 * becomes the phrase of the instrument it names with the generic name in
 * the singular, when every name of the list names one. */
static void shared_generic_lists(ctx *c) {
  const token_list *tl = &c->ex->toks;
  size_t cap = sizeof tl->plural_at / sizeof *tl->plural_at;
  if (tl->plurals <= cap) {
    /* where the scanner saw them (one may have gone into a gap since) */
    for (size_t k = 0; k < tl->plurals; k++)
      if (tl->plural_at[k] < c->n)
        shared_generic_list(c, tl->plural_at[k]);
    return;
  }
  for (size_t g = 0; g < c->n; g++)
    shared_generic_list(c, g);
}

/* Whether the catalogue's phrase for the one word wid is a generic name. */
static int generic_word(const ctx *c, uint32_t wid) {
  const phrase_trie *trie = &c->lv->trie;
  uint32_t node = trie_step(trie, 0, wid);
  if (!node)
    return 0;
  const trie_node *nd = &trie->nodes.v[node];
  for (uint32_t v = 0; v < nd->vals_count; v++)
    if (trie->vals.v[nd->vals_start + v].type == PH_INST_GENERIC)
      return 1;
  return 0;
}

/* The vocabulary word of n bytes, or 0. */
static uint32_t word_id(const ctx *c, const char *w, size_t n) {
  const word_info *wi = wordtab_find(c->ex->cat, &c->lv->words, w, n, word_hash(w, n));
  return wi ? wi->wid : 0;
}

/* The enumeration comma "、", which parts the items of a list. */
static int list_comma(const ctx *c, const token *t) {
  return is_punct(t, ',') && t->end - t->start == 3 &&
         memcmp(c->text + t->start, "\xE3\x80\x81", 3) == 0;
}

/* In a script that writes names without spaces, the names of a list share
 * the generic name that the last one ends with: "巴塞尔、鹿特丹和斯德哥尔摩
 * 公约" (the Basel, Rotterdam and Stockholm Conventions). Each earlier name
 * is a run the vocabulary does not know, before "、" or "和"; it becomes
 * the instrument whose name is the run and that generic name, when every
 * run of the list names one (the first may carry the words before it: "为
 * 执行巴塞尔、…"); a list with a run that names none stays unread. */
static void glued_generic_list(ctx *c, size_t g) {
  token *t = c->t;
  const token *last = &t[g];
  /* the last name, or the name a body's name begins with ("斯德哥尔摩公约
   * 缔约方大会", the Conference of the Parties to the Stockholm Convention) */
  size_t name_end = 0;
  uint32_t w1[1] = {last->wid};
  if (list_item_node(c, w1, 1))
    name_end = last->end;
  for (size_t e = last->end - 3; !name_end && e >= last->start + 6; e -= 3)
    if ((w1[0] = word_id(c, c->text + last->start, e - last->start)) != 0 &&
        list_item_node(c, w1, 1))
      name_end = e;
  if (!name_end)
    return;
  /* the generic name it ends with: "公约", "条约", "议定书" */
  size_t glen = 0;
  for (size_t k = 3; k <= 9 && k < name_end - last->start && !glen; k += 3) {
    uint32_t wid = word_id(c, c->text + name_end - k, k);
    if (wid && generic_word(c, wid))
      glen = k;
  }
  if (!glen)
    return;
  const char *gen = c->text + name_end - glen;
  size_t item[8], ni = 0;
  uint32_t node[8];
  size_t from[8];
  char buf[160];
  for (size_t j = g; j >= 2 && ni < 8;) {
    const token *sep = &t[j - 1], *x = &t[j - 2];
    if (!(list_comma(c, sep) || is_word(sep, W_JOIN)) || x->type != T_GAP)
      break; /* (a comma "，" parts clauses, not names) */
    /* the whole run, else (at the list's start) its end */
    size_t n = x->end - x->start, found = 0;
    for (size_t off = 0; off + 6 <= n && !found; off += 3) {
      if (((unsigned char)c->text[x->start + off] & 0xC0) == 0x80)
        break; /* not three-byte letters */
      if (n - off + glen > sizeof buf)
        continue;
      memcpy(buf, c->text + x->start + off, n - off);
      memcpy(buf + n - off, gen, glen);
      uint32_t w[1] = {word_id(c, buf, n - off + glen)};
      if (w[0] && (node[ni] = list_item_node(c, w, 1)) != 0) {
        from[ni] = x->start + off;
        item[ni++] = j - 2;
        found = 1;
      }
    }
    if (!found)
      return; /* a name that names none: the list stays unread */
    if (from[ni - 1] != x->start)
      break; /* words before the name: the list starts here */
    j -= 2;
  }
  if (!ni)
    return;
  for (size_t a = 0; a < ni; a++)
    for (size_t b = a + 1; b < ni; b++)
      if (node[a] == node[b])
        return;
  for (size_t a = 0; a < ni; a++) {
    token *x = &t[item[a]];
    x->start = (uint32_t)from[a];
    x->type = T_PHRASE;
    x->val = node[a];
    x->cls = 0;
    x->wid = 0;
  }
}

static void glued_generic_lists(ctx *c) {
  for (size_t g = 2; g < c->n; g++)
    if (c->t[g].type == T_WORD && c->t[g].wid && c->t[g - 2].type == T_GAP &&
        (list_comma(c, &c->t[g - 1]) || is_word(&c->t[g - 1], W_JOIN)))
      glued_generic_list(c, g);
}

static void collapse_phrases(ctx *c) {
  token *t = c->t;
  size_t n = c->n, o = 0;
  const phrase_trie *trie = &c->lv->trie;
  for (size_t i = 0; i < n;) {
    if (!(t[i].cls & W_PHRASE)) {
      /* the run up to the next word that may start a name, moved at once */
      size_t j = i + 1;
      while (j < n && !(t[j].cls & W_PHRASE))
        j++;
      if (o != i)
        memmove(&t[o], &t[i], (j - i) * sizeof *t);
      o += j - i;
      i = j;
      continue;
    }
    size_t last = 0;
    uint32_t last_node = 0;
    for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && !((i + 1 < n && t[i + 1].type == T_NUM) ||
                       (i + 2 < n && t[i + 2].type == T_NUM)))
      break; /* no year after the first word */
    uint32_t node = 0;
    size_t j = i, last_p = 0;
    uint32_t last_node_p = 0;
    while (j < n) {
      const token *q = &t[j];
      if (j > i && title_punct(q)) {
        j++; /* inside a title */
        continue;
      }
      if (j == i + 1 && pass == 1) {
        /* a year after the name's first word, which the name does not
         * write: "l'Accord de 1995 aux fins de l'application …" (the
         * longer of the matches with and without it: "Protocol of 2005 to
         * the Convention …" is a name that writes it) */
        size_t y = j + ((q->type == T_WORD && (q->cls & W_OF)) ||
                                token_listed(c, q, c->lv->year_words[0], c->lv->nyear_words)
                            ? 1
                            : 0); /* "de 1995", "عام 1995" */
        size_t w = y + 1; /* the name's next word, after "года" */
        if (w < n && t[w].type == T_WORD && (t[w].cls & W_DATEM) && c->lv->no_articles)
          w++;
        uint32_t after = 0;
        if (w < n && t[y].type == T_NUM && t[y].val >= 1900 &&
            t[y].val <= 2100 && t[y].end - t[y].start == 4 && t[w].wid &&
            (t[w].type == T_WORD || t[w].type == T_NUM) &&
            ((after = trie_step(trie, node, t[w].wid)) != 0 ||
             (t[w].alt && (after = trie_step(trie, node, t[w].alt)) != 0))) {
          node = after;
          j = w + 1;
          if (trie->nodes.v[node].vals_count) {
            last_p = j;
            last_node_p = node;
          }
          continue;
        }
      }
      if (!q->wid || (q->type != T_WORD && q->type != T_NUM))
        break;
      uint32_t child = trie_step(trie, node, q->wid);
      if (!child && q->alt)
        child = trie_step(trie, node, q->alt); /* "لاتفاقية بازل" */
      if (!child && j > i && (q->cls & W_DET) && is_word(&t[j - 1], W_JOIN) &&
          j + 1 < n && t[j + 1].wid && t[j + 1].type == T_WORD &&
          (child = trie_step(trie, node, t[j + 1].wid)) != 0)
        j++; /* an article after "and" the name does not write: "la Déclaration
              * politique et le Plan d'action sur …" */
      if (!child)
        break;
      node = child;
      j++;
      if (trie->nodes.v[node].vals_count) {
        last_p = j;
        last_node_p = node;
      }
    }
    if (last_p > last) {
      last = last_p;
      last_node = last_node_p;
    }
    }
    if (!last) {
      t[o++] = t[i++];
      continue;
    }
    token p = t[i];
    p.type = T_PHRASE;
    p.end = t[last - 1].end;
    p.val = last_node;
    p.cls = 0;
    p.wid = 0;
    t[o++] = p;
    i = last;
  }
  c->n = o;
  c->ex->toks.n = o;
}

/* "الرابعة عشرة" (the fourteenth): the ordinal number word and the word
 * that adds ten to it, one token, once the names have taken theirs ("الجزء
 * الحادي عشر", Part XI, in a title). */
static void join_teens(ctx *c) {
  token *t = c->t;
  size_t o = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (o > 0 && t[i].type == T_WORD && t[i].val2 == ORD_TEEN && !(t[i].cls & W_ORDNUM)) {
      token *p = &t[o - 1];
      if (p->type == T_WORD && (p->cls & W_ORDNUM) && p->val2 >= 1 && p->val2 <= 9 &&
          p->end + 1 == t[i].start) {
        p->end = t[i].end;
        p->val2 += 10;
        continue;
      }
    }
    t[o++] = t[i];
  }
  c->n = o;
  c->ex->toks.n = o;
}

/* ------------------------------------------------------------ header */

typedef struct {
  char symbol[CG_IDENTIFIER_MAX];
  char date[11];
  char title[512];
  char lang[8];
} front_matter;

/* Copies n bytes of s into out (cap bytes), cut at a character boundary. */
static void fm_copy(const char *s, size_t n, char *out, size_t cap) {
  if (n >= cap) {
    n = cap - 1;
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--; /* not inside a UTF-8 sequence */
  }
  memcpy(out, s, n);
  out[n] = '\0';
}

static void fm_value(const char *s, size_t n, char *out, size_t cap) {
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
    n--;
  if (n >= 2 && ((s[0] == '"' && s[n - 1] == '"') ||
                 (s[0] == '\'' && s[n - 1] == '\'')))
    s++, n -= 2;
  fm_copy(s, n, out, cap);
}

/* Where a key of the front matter goes, or NULL. */
static char *fm_field(front_matter *fm, const char *key, size_t kl,
                      size_t *cap) {
  if (kl == 6 && memcmp(key, "symbol", 6) == 0)
    return *cap = sizeof fm->symbol, fm->symbol;
  if (kl == 4 && memcmp(key, "date", 4) == 0)
    return *cap = sizeof fm->date, fm->date;
  if (kl == 5 && memcmp(key, "title", 5) == 0)
    return *cap = sizeof fm->title, fm->title;
  if ((kl == 8 && memcmp(key, "language", 8) == 0) ||
      (kl == 4 && memcmp(key, "lang", 4) == 0))
    return *cap = sizeof fm->lang, fm->lang;
  return NULL;
}

/* The front matter as YAML (libyaml): a mapping whose scalar values are
 * decoded as YAML decodes them (escapes in double quotes, '' in single
 * quotes, folded and literal scalars, comments). Returns 0, or -1 when the
 * block is not a YAML mapping. */
#define FM_YAML_MAX 65536
static int fm_yaml(const char *s, size_t n, front_matter *fm) {
  if (n > FM_YAML_MAX)
    return -1;
  yaml_parser_t parser;
  yaml_document_t doc;
  if (!yaml_parser_initialize(&parser))
    return -1;
  yaml_parser_set_input_string(&parser, (const unsigned char *)s, n);
  int rc = -1;
  if (yaml_parser_load(&parser, &doc)) {
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && root->type == YAML_MAPPING_NODE) {
      rc = 0;
      for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
           p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&doc, p->value);
        size_t cap;
        char *out;
        if (!k || !v || k->type != YAML_SCALAR_NODE ||
            v->type != YAML_SCALAR_NODE ||
            !(out = fm_field(fm, (const char *)k->data.scalar.value,
                             k->data.scalar.length, &cap)))
          continue;
        fm_copy((const char *)v->data.scalar.value, v->data.scalar.length, out,
                cap);
      }
    }
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&parser);
  return rc;
}

/* Reads "---\nkey: value\n…\n---\n" at the top; returns the offset after
 * it. The block is read as YAML; one that is not (an unquoted title with a
 * colon in it) is read line by line, "key: value", as it always was. */
static size_t read_front_matter(const char *s, size_t len, front_matter *fm) {
  memset(fm, 0, sizeof *fm);
  size_t i = 0;
  if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
      (unsigned char)s[2] == 0xBF)
    i = 3;
  if (len - i < 4 || memcmp(s + i, "---", 3) != 0 ||
      (s[i + 3] != '\n' && s[i + 3] != '\r'))
    return 0;
  size_t p = i + 3;
  while (p < len && s[p] != '\n')
    p++;
  p++;
  size_t from = p;
  while (p < len) {
    size_t e = p;
    while (e < len && s[e] != '\n')
      e++;
    size_t ln = e - p;
    if (ln >= 3 && memcmp(s + p, "---", 3) == 0) {
      if (p > from && fm_yaml(s + from, p - from, fm) == 0)
        return e < len ? e + 1 : e;
      memset(fm, 0, sizeof *fm);
      for (size_t q = from; q < p;) {
        size_t qe = q;
        while (qe < p && s[qe] != '\n')
          qe++;
        const char *colon = memchr(s + q, ':', qe - q);
        size_t cap;
        char *out;
        if (colon &&
            (out = fm_field(fm, s + q, (size_t)(colon - (s + q)), &cap)))
          fm_value(colon + 1, (size_t)(s + qe - colon - 1), out, cap);
        q = qe + 1;
      }
      return e < len ? e + 1 : e;
    }
    p = e + 1;
  }
  return 0; /* no closing line: not front matter */
}

/* Canonical form of a symbol: spaces removed. */
static void squeeze(const char *in, char *out, size_t cap) {
  size_t o = 0;
  for (; *in && o + 1 < cap; in++)
    if (*in != ' ')
      out[o++] = *in;
  out[o] = '\0';
}

/* Finds the document's own body, number and date in its first tokens. */
/* The body whose documents a symbol is one of: the longest body prefix it
 * begins with, then '/' ("E/2015/9": the Economic and Social Council;
 * "A/HRC/28/3": the Human Rights Council), or -1. */
static int body_of_symbol(const cg_catalog *cat, const char *sym) {
  int best = -1;
  size_t best_len = 0;
  for (size_t b = 0; b < cat->bodies.n; b++) {
    const body_def *d = &cat->bodies.v[b];
    for (size_t k = 0; k <= d->nsymbols; k++) {
      const char *pre = k ? d->symbols[k - 1] : d->prefix;
      if (pre[0] != sym[0])
        continue; /* the first letter tells most bodies apart at once */
      size_t pl = strlen(pre);
      /* "UNEP/OzL.Pro.28/12": a prefix of two parts or more goes on with
       * its session's number too */
      if (pl > best_len && strncmp(sym, pre, pl) == 0 &&
          (sym[pl] == '/' || (sym[pl] == '.' && strchr(pre, '/')))) {
        best = (int)b;
        best_len = pl;
      }
    }
  }
  return best;
}

/* Whether m, after a number at a line's start, marks an operative
 * paragraph: one of the language's paragraph_marks, "." glued to the
 * number ("2."), another on the same line ("٢ -"). */
static int paragraph_mark(const ctx *c, const token *m) {
  if (m->type != T_PUNCT || !m->val || m->val > 0x7F ||
      !strchr(c->lv->paragraph_marks, (int)m->val))
    return 0;
  return m->val == '.' ? !(m->flags & F_SPACE) : !(m->flags & F_LINESTART);
}

static size_t adopted_line_start(const ctx *c, size_t i);

/* When the adopted-by phrase at i opens a line of the heading, the index
 * of the line's first token, else SIZE_MAX: at the line's start, or after
 * the resolution word ("Resolution adopted by", "Резолюция, принятая")
 * or a short word before the body's name ("الذي اتخذه مجلس الأمن"). */
static size_t adopted_line(const ctx *c, size_t i) {
  if (!phrase_has(c, &c->t[i], PH_ADOPTED_BY))
    return SIZE_MAX;
  size_t b = adopted_line_start(c, i);
  /* a line of its own, not prose a line break cut ("… resolution 15
   * (1946)\nadopted by the Council on 19 December 1946") */
  if (b == SIZE_MAX || (b > 0 && c->t[b - 1].type != T_BREAK))
    return SIZE_MAX;
  return b;
}

static size_t adopted_line_start(const ctx *c, size_t i) {
  if (c->t[i].flags & F_LINESTART)
    return i;
  size_t end = i + 1;
  while (end < c->n && end - i <= 3 && !(c->t[end].flags & F_LINESTART) &&
         c->t[end].type != T_BREAK)
    end++;
  if (c->lv->postfix && end - i <= 3) {
    /* "2015年1月22日安全理事会第7366次会议通过", "人权理事会2015年10月1日
     * 通过的决议": it ends the line */
    size_t a = i;
    while (a > 0 && i - a < 40 && !(c->t[a].flags & F_LINESTART))
      a--;
    return (c->t[a].flags & F_LINESTART) ? a : SIZE_MAX;
  }
  size_t b = i;
  while (b > 0 && i - b < 2 && !(c->t[b].flags & F_LINESTART))
    b--;
  if (!(c->t[b].flags & F_LINESTART))
    return SIZE_MAX;
  const token *f = &c->t[b];
  if (is_word(f, W_RES) && !(f->cls & W_PLURAL) &&
      (b + 1 == i || (b + 2 == i && is_punct(&c->t[b + 1], ','))))
    return b; /* "Resolution adopted by", "Резолюция, принятая" */
  size_t m = i + 1;
  while (m < c->n && m - i < 4 && (is_word(&c->t[m], W_DET) || is_punct(&c->t[m], '\'')))
    m++;
  if (b + 1 == i && (f->type == T_WORD || f->type == T_GAP) && tok_len(f) <= 8 &&
      m < c->n && phrase_has(c, &c->t[m], PH_BODY_FULL))
    return b; /* "الذي اتخذه مجلس الأمن": the body's name follows */
  return SIZE_MAX;
}

/* The first date of the line from b (at most 40 tokens) into date, when a
 * body's name stands on it. */
static void line_date(ctx *c, size_t b, char *date) {
  size_t e = b + 1;
  while (e < c->n && e - b < 40 && !(c->t[e].flags & F_LINESTART) && c->t[e].type != T_BREAK)
    e++;
  size_t k = b;
  while (k < e && !phrase_has(c, &c->t[k], PH_BODY_FULL))
    k++;
  if (k == e)
    return;
  for (k = b; k < e; k++) {
    if (k > b && ((c->t[k].flags & F_LINESTART) || c->t[k].type == T_BREAK))
      return;
    char d[11];
    if (parse_date(c, k, d) > k || parse_marked_date(c, k, d) > k) {
      memcpy(date, d, 11);
      return;
    }
  }
}

/* Whether the line above token t's is the masthead's distribution line
 * ("Distr.: General", "Distr. générale", "Distr. limitada"): the date
 * under it is the document's. */
static int after_distribution_line(const ctx *c, const token *t) {
  size_t p = t->start;
  while (p > 0 && (c->text[p - 1] == '\n' || c->text[p - 1] == ' ' || c->text[p - 1] == '\r'))
    p--;
  size_t e = p;
  while (p > 0 && c->text[p - 1] != '\n' && e - p < 200)
    p--;
  const char *q = c->text + p, *end = c->text + e;
  while (end - q >= 5 && (q = memchr(q, 'D', (size_t)(end - q - 4))) != NULL) {
    if (memcmp(q, "Distr", 5) == 0)
      return 1;
    q++;
  }
  return 0;
}

/* "6 February 2015" alone on the line of token i, in English, as the
 * masthead of a document in any language writes its date: 1 and the date
 * in d when it is. The month is the English vocabulary's. */
static int masthead_english_date(const ctx *c, size_t i, char d[11]) {
  const cg_catalog *cat = c->ex->cat;
  int en = catalog_lang_index(cat, "en");
  if (en < 0 || c->t[i].type != T_NUM)
    return 0;
  const char *s = c->text + c->t[i].start;
  const char *lim = c->text + c->len;
  const char *p = s;
  unsigned day = 0, year = 0;
  while (p < lim && p - s < 2 && *p >= '0' && *p <= '9')
    day = day * 10 + (unsigned)(*p++ - '0');
  if (p == s || p >= lim || *p != ' ' || day < 1 || day > 31)
    return 0;
  const char *w = ++p;
  char fold[16];
  size_t n = 0;
  while (p < lim && n < sizeof fold && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
    fold[n++] = (char)(*p | 0x20);
    p++;
  }
  if (p == w || n >= sizeof fold || p >= lim || *p != ' ')
    return 0;
  const lang_vocab *lv = &cat->langs.v[en];
  const word_info *wi = wordtab_find(cat, &lv->words, fold, n, word_hash(fold, n));
  if (!wi || !(wi->cls & W_MONTH) || !wi->month)
    return 0;
  const char *y = ++p;
  while (p < lim && p - y < 4 && *p >= '0' && *p <= '9')
    year = year * 10 + (unsigned)(*p++ - '0');
  if (p - y != 4 || year < 1945 || year > 2100)
    return 0;
  while (p < lim && (*p == ' ' || *p == '\r'))
    p++;
  if (p < lim && *p != '\n')
    return 0;
  snprintf(d, 11, "%04u-%02u-%02u", year % 10000, wi->month % 100, day % 100);
  return 1;
}

static void read_header(ctx *c, front_matter *fm, char *date) {
  const cg_catalog *cat = c->ex->cat;
  ref self_ref;
  int have_ref = 0;
  size_t heading_end = 0;
  int adopted = 0; /* a line "Resolution adopted by …" was read */
  size_t limit = c->n < 400 ? c->n : 400;
  char mast[11] = ""; /* the masthead's date: the document's unless another line
                         gives the day it was adopted */
  for (size_t i = 0; i < limit; i++) {
    const token *t = &c->t[i];
    if (!date[0] && !mast[0] && (t->flags & F_LINESTART) && c->opening == SIZE_MAX && i < 120 &&
        (t->type == T_NUM || is_word(t, W_NPREFIX) || c->lv->postfix) &&
        (i == 0 || after_distribution_line(c, t))) {
      /* A date alone on its line above the text, as the masthead gives it
       * ("Distr.: General" / "6 February 2015"): the document's */
      char d[11];
      size_t k = parse_date(c, i, d);
      if (k <= i)
        k = parse_marked_date(c, i, d);
      if (k > i && (k >= c->n || (c->t[k].flags & F_LINESTART) || c->t[k].type == T_BREAK)) {
        memcpy(mast, d, 11);
        i = k - 1;
        continue;
      }
      if (masthead_english_date(c, i, d)) {
        memcpy(mast, d, 11);
        continue;
      }
    }
    if (!date[0] && c->lv->postfix && (t->flags & F_LINESTART) && c->opening == SIZE_MAX) {
      /* "2025年12月4日大会决议": a line of a date, a body and the
       * resolution word, the heading's resolution of that date */
      char d[11];
      size_t k = parse_marked_date(c, i, d);
      if (k > i && k + 1 < c->n && phrase_has(c, &c->t[k], PH_BODY_FULL) &&
          is_word(&c->t[k + 1], W_RES) &&
          (k + 2 >= c->n || (c->t[k + 2].flags & F_LINESTART) || c->t[k + 2].type == T_BREAK))
        memcpy(date, d, 11);
    }
    if (t->type == T_SYMBOL && c->opening == SIZE_MAX && !c->own_sym[0]) {
      /* "[S/902]" or "(S/3721)" on a line of its own above the opening
       * line: the document's own symbol. */
      size_t k = i + 1;
      if (k < c->n && c->t[k].type == T_PUNCT && !(c->t[k].flags & F_SPACE) &&
          (c->t[k].val == ')' || c->t[k].val == '}'))
        k++;
      int alone = (t->flags & F_LINESTART) ||
                  (i > 0 && (c->t[i - 1].flags & F_LINESTART) &&
                   c->t[i - 1].type == T_PUNCT &&
                   (c->t[i - 1].val == '(' || c->t[i - 1].val == '['));
      /* A joint document's two symbols: "A/78/842–S/2024/384" */
      size_t second = 0;
      if (k + 1 < c->n && is_punct(&c->t[k], '-') && c->t[k + 1].type == T_SYMBOL &&
          c->t[k].start == t->end && c->t[k + 1].start == c->t[k].end) {
        second = k + 1;
        k += 2;
      }
      /* The masthead: "United Nations  A/RES/79/32" on the first line,
       * whatever the language of the words before the symbol. */
      int line_ends = k >= c->n || (c->t[k].flags & F_LINESTART) ||
                      c->t[k].type == T_BREAK;
      int first_line = i < 5 && line_ends;
      for (size_t m = 0; m < i && first_line; m++)
        first_line = (c->t[m].type == T_WORD || c->t[m].type == T_GAP) &&
                     !(c->t[m + 1].flags & F_LINESTART);
      /* or alone on its line under the masthead's words ("United
       * Nations", "General Assembly", each on a line of its own) */
      int under_words = !first_line && alone && line_ends && i > 0 && i < 12;
      for (size_t m = 0; m < i && under_words; m++)
        under_words = c->t[m].type == T_WORD || c->t[m].type == T_GAP ||
                      c->t[m].type == T_PHRASE || c->t[m].type == T_BREAK;
      if (first_line || under_words)
        c->masthead_sym = 1;
      if ((alone && line_ends) || c->masthead_sym) {
        token_text(c, t, c->own_sym, sizeof c->own_sym);
        if (second)
          token_text(c, &c->t[second], c->own_sym2, sizeof c->own_sym2);
      }
      continue;
    }
    if (t->type == T_WORD && (t->flags & F_LINESTART) &&
        ((t->flags & F_CAP) || c->lv->caseless) &&
        (t->cls & W_RES) && !(t->cls & W_PLURAL) && !have_ref &&
        c->own_body < 0) {
      /* "Resolution 665 (1990)", "## Resolución 10/3" */
      if (parse_ref(c, i + 1, &self_ref)) {
        size_t e = self_ref.next;
        have_ref = 1;
        char d[11];
        if (!date[0] && parse_date(c, e, d) > e)
          memcpy(date, d, 11);
      }
      continue;
    }
    if (c->lv->postfix && is_word(t, W_NPREFIX) && (t->flags & F_LINESTART) &&
        !have_ref && c->own_body < 0) {
      /* "第2203(2015)号决议" heading a Chinese resolution */
      ref r;
      if (parse_ref(c, i + 1, &r)) {
        size_t e2 = r.next;
        if (e2 < c->n && is_word(&c->t[e2], W_NSUFFIX))
          e2++;
        if (e2 < c->n && is_word(&c->t[e2], W_RES) &&
            (e2 + 1 >= c->n || (c->t[e2 + 1].flags & F_LINESTART) ||
             c->t[e2 + 1].type == T_BREAK)) {
          self_ref = r;
          have_ref = 1;
          heading_end = e2 + 1;
        }
      }
      continue;
    }
    if ((t->type == T_SLASH || t->type == T_NUM) && (t->flags & F_LINESTART) &&
        !have_ref && (c->own_body < 0 || (adopted && t->type == T_SLASH))) {
      /* "80/1. Title" (General Assembly), "119 (1956). Resolution of …";
       * also under "Resolution adopted by the Human Rights Council on …",
       * which named the body first ("30/15. Title") */
      ref r;
      if (parse_ref(c, i, &r) && r.next < c->n && paragraph_mark(c, &c->t[r.next])) {
        /* ("80/68 - التدابير": the language's paragraph marks) */
        self_ref = r;
        have_ref = 1;
      }
      continue;
    }
    if (i < 40 && (t->flags & F_LINESTART) && phrase_has(c, t, PH_BODY_FULL) &&
        (i + 1 >= c->n || (c->t[i + 1].flags & F_LINESTART) ||
         c->t[i + 1].type == T_BREAK) &&
        (i == 0 || c->t[i - 1].type == T_BREAK || c->t[i - 1].type == T_SYMBOL ||
         c->t[i - 1].type == T_PHRASE ||
         ((c->t[i - 1].type == T_WORD || c->t[i - 1].type == T_GAP) &&
          (c->t[i - 1].flags & F_CAP) &&
          !is_word(&c->t[i - 1], W_DET | W_OF | W_IN | W_JOIN | W_POSS)))) {
      /* (not a sentence that a line break cut: "the work of the\nGeneral
       * Assembly\nand …") */
      /* A body's name alone on a line of the heading: "General Assembly"
       * above "Seventieth session"; the last such line ("Human Rights
       * Council" below the masthead's "General Assembly") */
      int b = resolve_body(c, t);
      if (b >= 0)
        c->heading_body = b;
      continue;
    }
    size_t line = adopted_line(c, i);
    if (line != SIZE_MAX) {
      adopted = 1;
      /* "Adopted by the Security Council at its 7366th meeting, on …",
       * "Resolution adopted by the General Assembly on …", "Résolution
       * adoptée par l'Assemblée générale le …", "Резолюция, принятая
       * Генеральной Ассамблеей …", "الذي اتخذه مجلس الأمن …" */
      size_t m = i + 1;
      while (m < c->n && m - i < 4 && (is_word(&c->t[m], W_DET) || is_punct(&c->t[m], '\'')))
        m++;
      if (m < c->n && phrase_has(c, &c->t[m], PH_BODY_FULL) && c->own_body < 0)
        c->own_body = resolve_body(c, &c->t[m]);
      /* The document's date, when the front matter gives none: the first
       * date of the line, before the phrase ("2015年1月22日安全理事会第7366次
       * 会议通过") or after it. */
      if (!date[0])
        line_date(c, line, date);
      continue;
    }
    if ((t->flags & F_LINESTART) &&
        (i == 0 || c->t[i - 1].type == T_BREAK ||
         c->t[i - 1].type == T_FOOTNOTE || is_punct(&c->t[i - 1], '.') ||
         is_punct(&c->t[i - 1], ':') || is_punct(&c->t[i - 1], ')'))) {
      /* The opening line, a paragraph of its own: "The Security Council,". */
      size_t m = i;
      if (is_word(t, W_DET))
        m++;
      else if (c->lv->caseless && (t->type == T_GAP || t->type == T_WORD) && tok_len(t) <= 4 &&
               i + 1 < c->n && !(c->t[i + 1].flags & F_LINESTART))
        m++; /* "إن الجمعية العامة،": a particle before it (opening_line_at) */
      if (m < c->n && is_punct(&c->t[m], '\''))
        m++; /* "L'Assemblée générale," */
      if (m + 1 < c->n && phrase_has(c, &c->t[m], PH_BODY_FULL) &&
          is_punct(&c->t[m + 1], ',') &&
          (m + 2 >= c->n || (c->t[m + 2].flags & F_LINESTART) ||
           c->t[m + 2].type == T_BREAK)) {
        c->own_body = resolve_body(c, &c->t[m]);
        c->own_feminine = name_feminine(c, &c->t[m]);
        c->opening = i;
        break;
      }
    }
  }
  char sym[CG_IDENTIFIER_MAX];
  squeeze(fm->symbol, sym, sizeof sym);
  if (fm->symbol[0] && (!cg_identifier_valid(sym) || strlen(sym) >= sizeof c->self)) {
    /* Not an identifier: never the document's, whatever it holds. */
    str_copy(c->ex->rejected, sizeof c->ex->rejected, fm->symbol);
    sym[0] = '\0';
  }
  if (!sym[0] && !have_ref && c->masthead_sym) {
    /* No title block: the masthead's symbol, when it is a resolution's or
     * a decision's, names the document. */
    for (size_t b = 0; b < cat->bodies.n; b++) {
      size_t pl = strlen(cat->bodies.v[b].prefix);
      if (strncmp(c->own_sym, cat->bodies.v[b].prefix, pl) == 0 &&
          (strncmp(c->own_sym + pl, "/RES/", 5) == 0 ||
           strncmp(c->own_sym + pl, "/DEC/", 5) == 0)) {
        str_copy(c->self, sizeof c->self, c->own_sym);
        c->self_source = "heading";
        if (c->own_body < 0)
          c->own_body = (int)b;
        break;
      }
    }
  }
  if (sym[0]) {
    str_copy(c->self, sizeof c->self, sym);
    c->self_source = "front matter";
    for (size_t b = 0; b < cat->bodies.n && c->own_body < 0; b++) {
      size_t pl = strlen(cat->bodies.v[b].prefix);
      if (strncmp(sym, cat->bodies.v[b].prefix, pl) == 0 &&
          (strncmp(sym + pl, "/RES/", 5) == 0 ||
           strncmp(sym + pl, "/DEC/", 5) == 0 ||
           /* "CEDAW/C/KGZ/CO/4": a treaty body's own document */
           ((cat->bodies.v[b].numbering & SHAPE_COMMENT) && sym[pl] == '/')))
        c->own_body = (int)b;
    }
  } else if (have_ref) {
    /* "Resolution 2203 (2015)" heads a Security Council resolution even
     * when no opening line says so. */
    if (c->own_body < 0)
      c->own_body = body_default(c, self_ref.shape);
    if (body_allows(c, c->own_body, self_ref.shape)) {
      char number[128];
      ref_number(&self_ref, 0, number, sizeof number);
      snprintf(c->self, sizeof c->self, "%s/RES/%s",
               cat->bodies.v[c->own_body].prefix, number);
      c->self_source = "heading";
      c->heading_first = self_ref.first;
      if (c->heading_first &&
          is_word(&c->t[c->heading_first - 1], W_RES | W_NPREFIX))
        c->heading_first--;
      c->heading_next = self_ref.next;
      if (heading_end > c->heading_next)
        c->heading_next = heading_end;
    }
  }
  if (!date[0] && mast[0])
    memcpy(date, mast, 11);
}

/* The instrument the text's own title line says it supplements: a first
 * line that begins with a generic name the catalogue does not complete
 * ("Protocol against the Illicit Trafficking in Cultural Property,
 * supplementing the United Nations Convention against Transnational
 * Organized Crime") and holds one instrument's full name; -1 otherwise. */
static int parent_instrument(ctx *c) {
  size_t i = 0;
  while (i < c->n && (c->t[i].type == T_BREAK || is_word(&c->t[i], W_DET)))
    i++;
  if (i >= c->n)
    return -1;
  /* a generic name, or a word that begins names, first ("بروتوكول …") */
  int head = (c->t[i].type == T_PHRASE && phrase_has(c, &c->t[i], PH_INST_GENERIC) &&
              !phrase_has(c, &c->t[i], PH_INST_FULL) && !phrase_has(c, &c->t[i], PH_INST_SHORT)) ||
             (c->t[i].type == T_WORD && (c->t[i].cls & W_PHRASE) && (c->t[i].flags & F_LINESTART) &&
              c->lv->caseless);
  size_t k0 = head ? i + 1 : i;
  size_t line_end = k0;
  while (line_end < c->n && line_end < i + 40 && c->t[line_end].type != T_BREAK &&
         !(line_end > i && (c->t[line_end].flags & F_LINESTART)))
    line_end++;
  /* or, where citation words follow what they name, last: "联合国打击跨国有组织
   * 犯罪公约关于……的补充议定书" */
  if (!head && c->lv->postfix && line_end > i) {
    size_t last = line_end - 1;
    while (last > i && c->t[last].type == T_PUNCT)
      last--;
    const token *lt = &c->t[last];
    head = (lt->type == T_PHRASE && phrase_has(c, lt, PH_INST_GENERIC)) ||
           (lt->type == T_WORD && (lt->cls & W_PHRASE));
  }
  if (!head)
    return -1;
  int found = -1;
  for (size_t k = k0; k < line_end; k++) {
    const token *t = &c->t[k];
    if (t->type == T_BREAK)
      break;
    if (t->type != T_PHRASE || !phrase_has(c, t, PH_INST_FULL))
      continue;
    size_t n;
    const phrase_val *v = phrase_vals(c, t, &n);
    for (size_t q = 0; q < n; q++)
      if (v[q].type == PH_INST_FULL) {
        if (found >= 0 && found != (int)v[q].index)
          return -1; /* two instruments: which one, the title does not say */
        found = (int)v[q].index;
      }
  }
  return found;
}

/* ------------------------------------------------------------ driver */

static void update_place(ctx *c, size_t i) {
  const token *t = &c->t[i];
  if (i == c->opening)
    c->place = c->main_place = CG_PLACE_PREAMBLE;
  if (t->type == T_FOOTNOTE) {
    end_sentence(c);
    c->place = CG_PLACE_FOOTNOTE;
    c->fn = t->val;
    return;
  }
  if (t->type == T_BREAK) {
    if (c->place == CG_PLACE_FOOTNOTE)
      c->place = c->main_place;
    return;
  }
  if ((t->flags & F_LINESTART) && t->type == T_NUM && i + 1 < c->n &&
      paragraph_mark(c, &c->t[i + 1]) && c->place != CG_PLACE_FOOTNOTE && t->val < 1000) {
    c->place = c->main_place = CG_PLACE_OPERATIVE;
    c->para = t->val;
  }
}

/* Runs the grammar over the tokens of one chunk. */
/* Where a chunk may start again: a token the lexer makes the same way from
 * its own start, whatever came before it (not a gap, which extends the one
 * before, nor a full stop, whose sentence end depends on the token before
 * it). */
static int may_start_chunk(const token *t) {
  return t->type != T_GAP && t->type != T_BREAK && t->type != T_FOOTNOTE &&
         !(t->type == T_PUNCT && t->val == '.');
}

/* Tokens of left context a chunk starting again keeps before its first new
 * token: more than any rule of the grammar looks back. */
#define RESUME_CONTEXT 16

/* For a forced cut of n tokens: the start byte of the last sentence
 * beginning in the chunk's last eighth, else of that eighth. */
static size_t stop_byte(const token *t, size_t n) {
  size_t from = n - n / 8;
  for (size_t j = n - 1; j > from; j--) {
    const token *p = &t[j - 1];
    if ((p->type == T_PUNCT && ((p->flags & F_SENTEND) || p->val == ';')) ||
        p->type == T_BREAK)
      return t[j].start;
  }
  return t[from].start;
}

/* Whether the body phrase at i is an opening line, a paragraph of its own:
 * "The Security Council,", "L'Assemblée générale,", "مجلس الأمن،". */
static int opening_line_at(const ctx *c, size_t i) {
  if (!phrase_has(c, &c->t[i], PH_BODY_FULL) || i + 1 >= c->n ||
      !is_punct(&c->t[i + 1], ',') ||
      !(i + 2 >= c->n || (c->t[i + 2].flags & F_LINESTART) || c->t[i + 2].type == T_BREAK))
    return 0;
  size_t b = i;
  if (b > 0 && is_punct(&c->t[b - 1], '\''))
    b--; /* "L'Assemblée" */
  if (!(c->t[b].flags & F_LINESTART) && b > 0 &&
      (is_word(&c->t[b - 1], W_DET) ||
       (c->lv->caseless && (c->t[b - 1].type == T_GAP || c->t[b - 1].type == T_WORD) &&
        tok_len(&c->t[b - 1]) <= 4 && (c->t[b - 1].flags & F_LINESTART))))
    b--; /* "إن مجلس حقوق الإنسان،": a particle before it */
  if (!(c->t[b].flags & F_LINESTART))
    return 0;
  if (b == 0 || c->t[b - 1].type == T_BREAK)
    return 1;
  /* under a heading line, not a sentence a line break cut ("… by\nthe
   * Security Council,\n…") */
  const token *p = &c->t[b - 1];
  if (b < i && (c->t[b].flags & F_CAP))
    return !is_punct(p, ','); /* "The", "Le": a capital starts it */
  return ((c->t[b].flags & F_CAP) || c->lv->caseless) && !is_punct(p, ',') &&
         !is_word(p, W_DET | W_OF | W_IN | W_JOIN | W_POSS) &&
         !(p->type == T_GAP && !(p->flags & F_CAP) && !c->lv->caseless);
}

/* Whether the body phrase at i heads a text of its own: "Committee on the
 * Elimination of Discrimination against Women — Concluding observations
 * …", "安全理事会 — …决议", a paragraph's start, a dash or colon after. */
static int heading_line_at(const ctx *c, size_t i) {
  const token *t = &c->t[i];
  return phrase_has(c, t, PH_BODY_FULL) && (t->flags & F_LINESTART) &&
         (i == 0 || c->t[i - 1].type == T_BREAK) && i + 1 < c->n &&
         (is_punct(&c->t[i + 1], '-') || is_punct(&c->t[i + 1], ':')) &&
         !(c->t[i + 1].flags & F_LINESTART);
}

/* The sentence's bodies, each plus one, into out[4] (0 past the last). */
static void sentence_bodies(const ctx *c, uint8_t *out) {
  memset(out, 0, 4);
  for (size_t k = 0; k < c->nsent_bodies && k < 4; k++)
    out[k] = c->sent_bodies[k] >= 0 && c->sent_bodies[k] < 255 ? (uint8_t)(c->sent_bodies[k] + 1) : 0;
}

/* Takes the chunk's footnote marks before byte `upto` (and after those
 * already taken): each gets the body its sentence has named so far. */
static void take_marks(ctx *c, size_t upto) {
  const token_list *tl = &c->ex->toks;
  for (size_t k = 0; k < tl->nmarks; k++) {
    size_t at = tl->mark_at[k];
    if (at < c->marks_from || at >= upto)
      continue;
    c->marks_from = at + 1;
    /* a mark after the stop that ended its sentence ("…;[^11]") is that
     * sentence's */
    size_t b = at;
    while (b > 0 && c->text[b - 1] == ' ')
      b--;
    int after_stop = b > 0 && (c->text[b - 1] == '.' || c->text[b - 1] == ';' ||
                               c->text[b - 1] == ':');
    if (tl->mark_num[k] >= sizeof c->fn_body / sizeof *c->fn_body)
      continue;
    if (after_stop && !c->nsent_bodies)
      memcpy(c->fn_body[tl->mark_num[k]], c->prev_sent_bodies, 4);
    else
      sentence_bodies(c, c->fn_body[tl->mark_num[k]]);
  }
}

/* The one body, among those the sentence carrying the current footnote's
 * mark named, that numbers this way and is not the citing document's own
 * and that every number of refs (when given) fits; -1 when none or
 * several. */
static int mark_body(const ctx *c, unsigned shape, const ref *refs, size_t nref) {
  if (c->place != CG_PLACE_FOOTNOTE || c->fn >= sizeof c->fn_body / sizeof *c->fn_body)
    return -1;
  int found = -1;
  for (size_t k = 0; k < 4; k++) {
    int b = (int)c->fn_body[c->fn][k] - 1;
    if (b < 0 || b == c->own_body || b == found || !body_allows(c, b, shape))
      continue;
    int fits = 1;
    for (size_t q = 0; q < nref && fits; q++)
      fits = body_fits(c, b, &refs[q]);
    if (!fits)
      continue;
    if (found >= 0)
      return -1;
    found = b;
  }
  return found;
}

/* Whether token t starts nothing by itself: prose, a word that needs what
 * follows to matter, plain punctuation (not a sentence's end). */
static inline int starts_nothing(const token *t) {
  return t->type == T_GAP || (t->type == T_WORD && !(t->cls & (W_STRONG | W_IBID))) ||
         (t->type == T_PUNCT && t->val != ';' && !(t->flags & F_SENTEND));
}

static void extract_chunk(ctx *c) {
  /* Token indices of the last chunk mean nothing here, but in a chunk that
   * starts again within a sentence, a list's body token may still be in
   * the left context. */
  if (!c->skip_to || c->list_body_tok < (long)c->resume_shift)
    c->list_body_tok = -1;
  else
    c->list_body_tok -= (long)c->resume_shift;
  if (!c->skip_to)
    c->list_kind = -1;
  c->resumed = 0;
  for (size_t i = 0; i < c->n && !c->failed;) {
    if (!c->ex->toks.nmarks) {
      /* Most tokens start nothing: stepped over here, what the test reads
       * held in locals (the loop below reloads it after every call). What
       * may matter goes on below, which tests it the same way. */
      const token *tv = c->t;
      size_t n = c->n, skip_to = c->skip_to, stop_at = c->stop_at;
      size_t opening = c->opening, heading_first = c->heading_first;
      while (i < n) {
        const token *q = &tv[i];
        if (q->start >= skip_to &&
            ((stop_at && q->start >= stop_at) || i == opening || i == heading_first ||
             (q->flags & F_UPPER) || !starts_nothing(q)))
          break;
        i++;
      }
      if (i >= n)
        break;
    }
    const token *t = &c->t[i];
    if (t->start < c->skip_to) {
      i++; /* the left context: done in the last chunk */
      continue;
    }
    if (c->ex->toks.nmarks)
      take_marks(c, t->start);
    if (c->stop_at && t->start >= c->stop_at) {
      /* Nothing from here on was looked at: the next chunk starts a few
       * tokens before, at one that lexes the same from its start. The
       * tokens are in step there, phrases included: both chunks cut them
       * greedily from a common token. */
      size_t from = i > RESUME_CONTEXT ? i - RESUME_CONTEXT : 1;
      while (from < i && !may_start_chunk(&c->t[from]))
        from++;
      c->resume = c->t[from];
      c->resume_shift = from;
      c->skip_to = t->start;
      c->resumed = 1;
      return;
    }
    /* Most tokens start nothing: step over them quickly. */
    if ((t->flags & F_UPPER) && (t->type == T_GAP || t->type == T_WORD) &&
        i + 1 < c->n && c->t[i + 1].start == t->end &&
        (c->t[i + 1].type == T_NUM || is_punct(&c->t[i + 1], '('))) {
      size_t e = handle_own_symbol(c, i); /* "WHA72.1", "GC(69)/RES/9" */
      if (e > i + 1) {
        i = e;
        continue;
      }
    }
    if (starts_nothing(t) && i != c->opening && i != c->heading_first) {
      i++;
      continue;
    }
    if (i == c->heading_first && c->heading_next > i) {
      i = c->heading_next; /* "Resolution 665 (1990)": the document itself */
      continue;
    }
    update_place(c, i);
    if (t->type == T_BREAK || (t->type == T_PUNCT && (t->flags & F_SENTEND)) ||
        is_punct(t, ';')) {
      end_sentence(c);
      i++;
      continue;
    }
    switch (t->type) {
    case T_NUM:
    case T_SLASH:
      /* "1576 (L)号决议": Chinese numbers without 第 */
      i = c->lv->postfix ? parse_postfix(c, i) : continue_list(c, i);
      continue;
    case T_SYMBOL:
      i = handle_symbol(c, i);
      continue;
    case T_PHRASE:
      if (phrase_has(c, t, PH_TREATY_SERIES)) {
        i = handle_treaty_series(c, i, 1);
        continue;
      }
      if (phrase_has(c, t, PH_COMMENT) && !c->lv->postfix) {
        i = parse_comment(c, i);
        continue;
      }
      if (i + 1 < c->n && is_word(&c->t[i + 1], W_RES | W_DEC) &&
          is_body_phrase(c, t)) {
        i++; /* "General Assembly resolution …": the word takes the body */
        continue;
      }
      if (i != c->opening && (opening_line_at(c, i) || heading_line_at(c, i))) {
        /* "The Human Rights Council," opening a text after another's (a
         * compilation): the issuer from here on */
        c->own_body = resolve_body(c, t);
        c->own_weak = 0;
      }
      handle_name(c, i);
      i++;
      continue;
    case T_WORD:
      if ((t->cls & (W_RES | W_DEC)) && !c->lv->postfix) {
        long first;
        i = parse_resolutions(c, i, &first);
        continue;
      }
      if ((t->cls & W_RES) && c->lv->postfix) {
        i = parse_postfix_anaphora(c, i);
        continue;
      }
      if ((t->cls & W_NPREFIX) && c->lv->postfix) {
        i = parse_postfix(c, i);
        continue;
      }
      if ((t->cls & (W_ART | W_PARA | W_CHAP | W_SUBPARA)) && !c->lv->postfix) {
        i = parse_provision(c, i);
        continue;
      }
      if (t->cls & W_IBID) {
        i = handle_treaty_series(c, i, 0);
        continue;
      }
      i++;
      continue;
    default:
      i++;
      continue;
    }
  }
  if (!c->failed && c->ex->toks.nmarks)
    take_marks(c, SIZE_MAX); /* marks after the chunk's last token */
}

static int cmp_unresolved(const void *a, const void *b) {
  const cg_unresolved *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp(x->reason, y->reason);
}

static int cmp_cit(const void *a, const void *b) {
  const cit_tmp *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int)x->kind - (int)y->kind;
}

cg_status cg_extract(cg_extractor *ex, const char *text, size_t len,
                     const cg_options *opts, const cg_result **out,
                     cg_diag *diag) {
  if (diag)
    memset(diag, 0, sizeof *diag);
  if (!ex || !out || (!text && len)) {
    diag_set(diag, NULL, 0, 0, "invalid argument");
    return CG_ERR_ARG;
  }
  *out = NULL;
  if (!text)
    text = ""; /* an empty document */
  if (len > 0xFFFFFFF0u) {
    diag_set(diag, NULL, 0, 0, "document larger than 4 GiB");
    return CG_ERR_INPUT;
  }
  const cg_catalog *cat = ex->cat;
  ex->strs.mem.len = 0;
  ex->tmp.n = 0;
  ex->unres.n = 0;
  ex->rejected[0] = '\0';
  ex->want_unres = opts && opts->unresolved;
  memset(ex->named, 0, cat->insts.n + 1);
  memset(ex->named_at, 0, (cat->insts.n + 1) * sizeof *ex->named_at);
  ex->namings = 0;

  front_matter fm;
  size_t body_from = read_front_matter(text, len, &fm);

  int lang = -1;
  if (opts && opts->lang && opts->lang[0]) {
    lang = catalog_lang_index(cat, opts->lang);
    if (lang < 0) {
      diag_set(diag, NULL, 0, 0, "no vocabulary for language '%s'",
               opts->lang);
      return CG_ERR_ARG;
    }
  } else {
    /* A hint for a text that shows no language, or two at once: its front
     * matter's, else the one the caller read in its file name. */
    int hint = -1;
    if (fm.lang[0]) {
      char low[8];
      size_t k = 0;
      for (; fm.lang[k] && k < 7; k++)
        low[k] = (char)(fm.lang[k] | 0x20);
      low[k] = '\0';
      hint = catalog_lang_index(cat, low);
    }
    if (hint < 0 && opts && opts->lang_hint && opts->lang_hint[0])
      hint = catalog_lang_index(cat, opts->lang_hint);
    lang = lex_detect_language(cat, text + body_from, len - body_from, hint);
    if (lang < 0)
      lang = catalog_lang_index(cat, "en");
    if (lang < 0)
      lang = 0;
  }
  if (!cat->langs.n) {
    diag_set(diag, NULL, 0, 0, "the catalogue has no vocabulary");
    return CG_ERR_ARG;
  }
  const lang_vocab *lv = &cat->langs.v[lang];

  ctx c;
  memset(&c, 0, sizeof c);
  c.ex = ex;
  c.text = text;
  c.len = len;
  c.lv = lv;
  c.own_body = c.heading_body = -1;
  c.own_feminine = -1;
  c.parent_inst = -1;
  c.list_kind = -1;
  c.list_body = -1;
  c.opening = SIZE_MAX;
  c.heading_first = SIZE_MAX;
  c.sent_body = c.sent_inst = -1;
  c.sent_res = c.prev_res = NO_STR;
  c.pf_owner = -1;
  c.place = c.main_place = CG_PLACE_TEXT;
  char date[11] = "";
  if (strlen(fm.date) == 10 && strspn(fm.date, "0123456789-") == 10 &&
      fm.date[4] == '-' && fm.date[7] == '-')
    memcpy(date, fm.date, 11);

  /* Chunk by chunk, each ending at a paragraph break: memory stays bounded
   * by the chunk size, not by the document's. */
  lex_state lx;
  lex_begin(&lx, cat, lv, text, body_from, len, &ex->toks);
  if ((lv->naffixes[0] || lv->naffixes[1]) && !ex->memo)
    ex->memo = calloc(1, sizeof *ex->memo); /* without it, words are looked up each time */
  lx.memo = ex->memo;
  size_t hard = ex->chunk_hard ? ex->chunk_hard : CHUNK_TOKENS_MAX;
  size_t soft = ex->chunk_soft ? ex->chunk_soft : CHUNK_TOKENS;
  for (int first = 1; first || lx.pos < len; first = 0) {
    size_t chunk_from = lx.pos;
    if (lex_chunk(&lx, soft, hard)) {
      diag_set(diag, NULL, 0, 0, "out of memory");
      return CG_ERR_NOMEM;
    }
    c.t = ex->toks.v;
    c.n = ex->toks.n;
    c.stop_at = lx.forced && lx.pos < len ? stop_byte(c.t, c.n) : 0;
    if (ex->toks.plurals)
      shared_generic_lists(&c);
    if (c.lv->script == SCRIPT_HAN)
      glued_generic_lists(&c);
    collapse_phrases(&c);
    if (c.lv->teens)
      join_teens(&c);
    if (first) {
      read_header(&c, &fm, date);
      c.parent_inst = parent_instrument(&c);
      memcpy(c.doc_date, date, sizeof c.doc_date);
      if (c.own_body < 0) {
        c.own_body = body_of_symbol(cat, c.self[0] ? c.self
                                         : opts && opts->self ? opts->self : "");
        c.own_weak = c.own_body >= 0;
      }
      if (c.own_body < 0)
        c.own_body = c.heading_body; /* no symbol says whose it is */
      c.place = c.main_place = CG_PLACE_TEXT;
    } else {
      c.opening = c.heading_first = SIZE_MAX;
    }
    extract_chunk(&c);
    if (c.failed)
      break;
    if (c.resumed)
      lex_resume(&lx, &c.resume);
    else
      c.skip_to = 0;
    if (ex->progress && !first)
      ex->progress(ex->progress_ctx, chunk_from);
  }
  end_sentence(&c);
  if (!c.self[0] && c.masthead_sym && c.own_sym[0]) {
    /* "United Nations  A/78/842–S/2024/384" on the first line: the
     * document's symbol, whatever document it is */
    char sym[CG_IDENTIFIER_MAX];
    squeeze(c.own_sym, sym, sizeof sym);
    if (cg_identifier_valid(sym) && strlen(sym) < sizeof c.self) {
      str_copy(c.self, sizeof c.self, sym);
      c.self_source = "heading";
    }
  }
  if (!c.self[0] && opts && opts->self && opts->self[0]) {
    str_copy(c.self, sizeof c.self, opts->self);
    c.self_source = opts->self_source ? opts->self_source : "";
  }
  if (c.failed) {
    diag_set(diag, NULL, 0, 0, "out of memory");
    return CG_ERR_NOMEM;
  }

  /* Whatever the text made of its heading, only an identifier is one. */
  if (c.self[0] && !cg_identifier_valid(c.self))
    c.self[0] = '\0';

  /* A document never cites itself, nor the declaration or programme it
   * adopts (its own annex: A/RES/80/9 and the political declaration it
   * adopts). */
  size_t kept = 0, selflen = strlen(c.self);
  size_t annex[8], nannex = 0; /* A/RES/79/1 adopts three */
  size_t lo = 0, hi = selflen ? ex->nadopted : 0;
  while (lo < hi) { /* the first instrument adopted by c.self or after */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(cat->insts.v[ex->adopted[mid]].adopted_by, c.self) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t a = lo; selflen && a < ex->nadopted && nannex < 8 &&
                      strcmp(cat->insts.v[ex->adopted[a]].adopted_by, c.self) == 0;
       a++)
    annex[nannex++] = ex->adopted[a];
  for (size_t k = 0; k < ex->tmp.n; k++) {
    cit_tmp *ct = &ex->tmp.v[k];
    if (ct->target != NO_STR &&
        !cg_identifier_valid(strings_get(&ex->strs, ct->target)))
      ct->target = NO_STR; /* found, but no identifier: unresolved */
    if (selflen && ct->target != NO_STR) {
      const char *tg = strings_get(&ex->strs, ct->target);
      if (strcmp(tg, c.self) == 0 ||
          (strncmp(tg, c.self, selflen) == 0 && tg[selflen] == '#'))
        continue;
      int own = 0;
      for (size_t a = 0; a < nannex && !own; a++) {
        const char *id = cat->insts.v[annex[a]].id;
        size_t il = strlen(id);
        own = strncmp(tg, id, il) == 0 && (tg[il] == '\0' || tg[il] == '#');
      }
      if (own)
        continue;
    }
    ex->tmp.v[kept++] = *ct;
  }
  ex->tmp.n = kept;
  if (ex->tmp.n > 1)
    qsort(ex->tmp.v, ex->tmp.n, sizeof *ex->tmp.v, cmp_cit);

  size_t o_self = str_add(&c, c.self);
  size_t o_body =
      str_add(&c, c.own_body >= 0 ? cat->bodies.v[c.own_body].id : "");
  size_t o_lang = str_add(&c, lv->code);
  size_t o_date = str_add(&c, date);
  size_t o_title = str_add(&c, fm.title);
  size_t o_source = str_add(&c, c.self[0] && c.self_source ? c.self_source : "");
  /* The source's names are copied: the result may outlive the source. */
  const input_text *src = opts && opts->source ? &opts->source->t : NULL;
  size_t o_format = str_add(&c, src ? input_format_name(src->format) : "text");
  size_t o_encoding = str_add(&c, src ? src->encoding : "utf-8");
  if (c.failed ||
      (ex->tmp.n > ex->cits_cap &&
       vec_grow((void **)&ex->cits, &ex->cits_cap, ex->tmp.n, sizeof *ex->cits))) {
    diag_set(diag, NULL, 0, 0, "out of memory");
    return CG_ERR_NOMEM;
  }
  const cg_strings *st = &ex->strs;
  for (size_t k = 0; k < ex->tmp.n; k++) {
    const cit_tmp *ct = &ex->tmp.v[k];
    cg_citation *cc = &ex->cits[k];
    cc->start = ct->start;
    cc->end = ct->end;
    cc->target = ct->target == NO_STR ? NULL : strings_get(st, ct->target);
    cc->number = strings_get(st, ct->number);
    cc->body = strings_get(st, ct->body);
    cc->date = strings_get(st, ct->date);
    cc->kind = ct->kind;
    cc->place = ct->place;
    cc->paragraph = ct->paragraph;
    cc->footnote = ct->footnote;
  }
  ex->res.cits = ex->cits;
  ex->res.count = ex->tmp.n;
  if (ex->unres.n > 1)
    qsort(ex->unres.v, ex->unres.n, sizeof *ex->unres.v, cmp_unresolved);
  ex->res.unres = ex->unres.v;
  ex->res.nunres = ex->unres.n;
  ex->res.doc.self = strings_get(st, o_self);
  ex->res.doc.body = strings_get(st, o_body);
  ex->res.doc.lang = strings_get(st, o_lang);
  ex->res.doc.date = strings_get(st, o_date);
  ex->res.doc.title = strings_get(st, o_title);
  ex->res.doc.self_source = strings_get(st, o_source);
  ex->res.doc.format = strings_get(st, o_format);
  ex->res.doc.encoding = strings_get(st, o_encoding);
  ex->res.doc.pages = src ? src->npages : 0;
  for (size_t k = 0; k < ex->tmp.n; k++)
    ex->cits[k].page = src && src->npages ? input_page_at(src, ex->cits[k].start) : 0;
  ex->res.doc.invalid_utf8 = ex->toks.invalid_utf8;
  ex->res.doc.first_invalid = ex->toks.first_invalid;
  ex->res.rejected_symbol = ex->rejected;
  *out = &ex->res;
  return CG_OK;
}
