/* lex.h — one pass over a document's bytes, producing tokens.
 *
 * The scanner folds each word and looks it up in the language's word table;
 * runs of words the vocabulary does not know collapse into one T_GAP token,
 * so the token array stays small. Markdown emphasis, links, HTML tags and
 * footnote markers produce no tokens at all. */
#ifndef CG_LEX_H
#define CG_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

enum {
  T_WORD,     /* a vocabulary word (cls, wid) or a single letter */
  T_GAP,      /* one or more words the vocabulary does not know */
  T_NUM,      /* digits: val */
  T_SLASH,    /* val/val2, "61/144"; F_SPECIAL for "S-30/1", "ES-10/14" */
  T_SYMBOL,   /* a document symbol, "A/79/5" */
  T_PUNCT,    /* val = the ASCII punctuation it stands for */
  T_BREAK,    /* a paragraph break (blank line, horizontal rule) */
  T_FOOTNOTE, /* start of a footnote's text: val = its number */
  T_PHRASE    /* made by the extractor: a catalogue name, see phrase_* */
};

enum {
  F_CAP = 1u << 0,       /* first letter upper case */
  F_LINESTART = 1u << 1, /* first token on its line */
  F_SPACE = 1u << 2,     /* preceded by white space */
  F_SENTEND = 1u << 3,   /* a full stop that ends a sentence */
  F_ROMAN = 1u << 4,     /* an upper-case roman numeral; roman = value */
  F_SPECIAL = 1u << 5,   /* special-session number "S-30/1" */
  F_UPPER = 1u << 6,     /* all letters upper case */
  F_POSS = 1u << 7       /* carries a possessive suffix: "قراره" (its
                            resolution) */
};

typedef struct {
  uint32_t start, end;
  uint8_t type, flags;
  uint16_t roman;
  uint32_t cls, wid;
  uint32_t val, val2;
  uint32_t alt; /* another reading's word id, or 0: "لاتفاقية" is a word of
                   some title and also ل + "اتفاقية", which starts others */
} token;

typedef struct {
  token *v;
  size_t n, cap;
  size_t invalid_utf8, first_invalid;
  size_t plurals;        /* words of the chunk that are a generic name's plural */
  uint32_t plural_at[64]; /* where the first of them are (indices into v) */
  size_t nmarks;          /* footnote marks of the chunk ("[^3]"), no tokens */
  uint32_t mark_num[64], mark_at[64]; /* their numbers and byte offsets */
} token_list;

#define MAX_FOLD 128 /* longer words are never vocabulary words */

/* What the lexer found for a folded word of a language with clitics
 * (Arabic), kept so that a word met again is not looked up again with
 * each of its affixes: the vocabulary word (or NULL), another reading
 * that starts a title, whether a possessive suffix was taken off, and
 * whether the vocabulary filters let the word through at all. */
#define WORD_MEMO_KEY 24 /* longer words are looked up each time */
typedef struct {
  uint64_t h; /* the word's hash, 0 when the slot is empty */
  const void *lv;
  const word_info *wi, *alt;
  uint8_t len, poss, maybe, have; /* have: MEMO_LOOKUP, MEMO_MAYBE */
  char key[WORD_MEMO_KEY];
} word_memo_entry;

enum { MEMO_LOOKUP = 1, MEMO_MAYBE = 2 };

#define WORD_MEMO_SLOTS 16384 /* a power of two */
typedef struct {
  word_memo_entry e[WORD_MEMO_SLOTS];
} word_memo;

/* The scanner's state between chunks. */
typedef struct {
  const cg_catalog *cat;
  const lang_vocab *lv;
  const char *s;
  size_t len;
  token_list *out;
  size_t pos;       /* next byte to scan */
  int line_content; /* something other than space/markup on this line */
  int line_first;   /* the next token is the first of its line */
  int space;        /* white space since the last token */
  int blank_run;    /* a T_BREAK was already emitted for this blank run */
  unsigned calm;    /* unknown lower-case words since the last other token */
  size_t skim_none; /* the skim finds too little prose to skip before here */
  int forced;       /* the last chunk ended at hard_max, not at a break */
  word_memo *memo;  /* the caller's, kept from document to document, or
                       NULL: set after lex_begin */
} lex_state;

/* Starts scanning text[from..len) with vocabulary lv into out. Offsets in
 * tokens are absolute. */
void lex_begin(lex_state *lx, const cg_catalog *cat, const lang_vocab *lv,
               const char *text, size_t from, size_t len, token_list *out);

/* Scans the next chunk into out (replacing its tokens): it ends after a
 * paragraph break once soft_max tokens are reached, or at hard_max tokens
 * (lx->forced says which), so memory stays bounded whatever the document.
 * Returns 0, or -1 when out of memory. Done when lx->pos == len. */
int lex_chunk(lex_state *lx, size_t soft_max, size_t hard_max);

/* Makes the next chunk start at token t of the last one (lexed again, as
 * it was: its position and its line and space flags), so that a chunk cut
 * where no break came can end before a citation rather than inside it. */
void lex_resume(lex_state *lx, const token *t);

/* Whether the scanner may use the processor's vector instructions where it
 * has them (the default); off, it takes the one-character-at-a-time
 * ways, which give the same tokens (for tests). Not thread-safe: set it
 * before scanning. */
void lex_use_vectors(int on);

/* Index of the most likely language (into cat->langs) from the first bytes
 * of text: a script most letters are written in, else the language whose
 * frequent words are most often found. `hint` (an index, or -1) is taken
 * when the text shows no language, or shows it as often as the leader.
 * Returns -1 when no frequent word of any language is found and there is
 * no hint. */
int lex_detect_language(const cg_catalog *cat, const char *text, size_t len,
                        int hint);

#endif
