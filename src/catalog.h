/* catalog.h — the loaded reference catalogues, as lookup structures.
 *
 * Per language: a word table (folded word -> classes, month, word id) and a
 * phrase trie over word ids for the names of bodies and instruments. */
#ifndef CG_CATALOG_H
#define CG_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph.h"
#include "util.h"

/* Word classes (bit set). */
enum {
  W_RES = 1u << 0,
  W_DEC = 1u << 1,
  W_ART = 1u << 2,
  W_PARA = 1u << 3,
  W_SUBPARA = 1u << 4,
  W_CHAP = 1u << 5,
  W_POSS = 1u << 6,
  W_JOIN = 1u << 7,
  W_OF = 1u << 8,
  W_DET = 1u << 9,
  W_DATEI = 1u << 10,
  W_VOL = 1u << 11,
  W_NUMWORD = 1u << 12,
  W_IBID = 1u << 13,
  W_ABBR = 1u << 14,
  W_MONTH = 1u << 15,
  W_PHRASE = 1u << 16, /* starts some phrase of the trie */
  W_PLURAL = 1u << 17, /* plural form of a citation word */
  W_ORDINAL = 1u << 18, /* an ordinal suffix glued to numbers ("er", "o") */
  W_ANAPH = 1u << 19,   /* "said", "ladite", "dicha": the one just cited */
  W_IN = 1u << 20,      /* "in", "en", "dans": "the Council, in its resolution" */
  W_SELF = 1u << 21,    /* "this", "present": the citing document itself */
  W_NPREFIX = 1u << 22, /* before numbers: 第 */
  W_NSUFFIX = 1u << 23, /* after numbers: 号 */
  W_SESSION = 1u << 24, /* a session mark in "1696 (د-16)" */
  W_ORDNUM = 1u << 25,  /* an ordinal number word: "الثالثة" (third) */
  W_POINTL = 1u << 26,  /* a subparagraph letter of another alphabet */
  W_THEREOF = 1u << 27, /* "thereof": of the resolution just cited */
  W_DATEM = 1u << 28,   /* follows a date's number: "года", 年, 月, 日 */
  W_PART = 1u << 29,    /* "Part", "Parts" in "A/50/1 (Part I)" */
  W_SECT = 1u << 30     /* "Sect." in "A/75/6 (Sect. 3)" */
};
/* The last bit, outside the enumeration (an int): "the Optional Protocol
 * thereto", "s'y rapportant". */
#define W_THERETO 0x80000000u

/* Classes that make a word matter on its own: they start citations or
 * parts of them. Other vocabulary words (articles, prepositions, joiners)
 * only matter next to such words. */
#define W_STRONG                                                               \
  (W_RES | W_DEC | W_ART | W_PARA | W_SUBPARA | W_CHAP | W_VOL | W_NUMWORD |   \
   W_IBID | W_MONTH | W_PHRASE | W_SELF | W_NPREFIX | W_ORDNUM | W_POINTL)

/* Number shapes (bit set), used by bodies' `numbering`. */
enum {
  SHAPE_SESSION = 1u << 0, /* 61/144, S-30/1 */
  SHAPE_YEAR = 1u << 1,    /* 2013/41 */
  SHAPE_SC = 1u << 2,      /* 2331 (2016) */
  SHAPE_ROMAN = 1u << 3,   /* 918 (X) */
  SHAPE_MARKED = 1u << 4,  /* 1/CP.21, 2/CMA.1: the session mark names the body */
  SHAPE_RSESSION = 1u << 5, /* XIV/5: a roman session, then the number */
  SHAPE_PREFIXED = 1u << 6, /* BC-12/25: the prefix names the body */
  SHAPE_OWN = 1u << 7,     /* WHA72.1, GC(67)/RES/10: the number is the symbol */
  SHAPE_COMMENT = 1u << 8, /* general comment No. 36 */
  SHAPE_DOTTED = 1u << 9   /* "World Health Assembly resolution 78.16": the
                              body's own symbol without its mark, WHA78.16 */
};

/* What a phrase names. */
enum {
  PH_BODY_FULL,
  PH_BODY_SHORT,
  PH_INST_FULL,
  PH_INST_SHORT,
  PH_INST_GENERIC,
  PH_TREATY_SERIES,
  PH_ADOPTED_BY,
  PH_INST_ABBREV, /* an abbreviation ("CWC"): names the instrument only when
                     written with the catalogue's capitals */
  PH_AMBIGUOUS,   /* a name the catalogue gives several instruments: it
                     names none of them */
  PH_COMMENT,     /* "general comment", "observación general", 一般性意见 */
  PH_ENTITLED,    /* "entitled", "intitulé": a quoted title follows */
  PH_QUALIFIER,   /* an adjective that, right after a generic name, makes
                     it the head of another title: "la Charte
                     internationale …", "la Convention interaméricaine" */
  PH_OPERATIVE,   /* "the operative part" of a resolution, between one of
                     its paragraphs and it: "paragraphe 2 du dispositif de
                     la résolution …" */
  PH_INST_TOGETHER /* a name of several instruments at once, each of them
                      cited: "the International Covenants on Human Rights" */
};
#define PH_LAST PH_INST_TOGETHER
_Static_assert(PH_LAST < 32, "a trie node's types are bits of 32");

typedef struct {
  uint8_t type;
  uint16_t index; /* body or instrument index */
  uint32_t form;  /* PH_INST_ABBREV: the exact form, an offset into the
                     catalogue's strings plus one; PH_BODY_FULL: one plus
                     the instrument whose title the body's name holds
                     ("Conference of the Parties to the Basel Convention");
                     0 otherwise */
} phrase_val;

enum { ORD_TEEN = 255 };

typedef struct {
  uint32_t cls;
  uint32_t wid;   /* 1-based word id in this language; 0 = none */
  uint8_t month;  /* 1..12 for month names */
  uint8_t ordnum; /* value of an ordinal number word; ORD_TEEN: a word that
                     adds ten to the ordinal before it (ordinal_teens) */
  uint8_t plural; /* 1: a generic name's plural (plural_generics) */
} word_info;

/* A word of a table: what a probe reads, side by side. */
typedef struct {
  char head[8];     /* the key's first 8 bytes (all of a short word's) */
  size_t key_off;   /* the whole key, in the catalogue's string arena */
  uint32_t key_len;
  word_info info;
} word_entry;

typedef struct {
  /* open addressing, power-of-two capacity */
  uint64_t *slots;  /* 0 = empty, else the key's hash above bit 32 and its
                       1-based index into ents below: a probe looks at the
                       key itself only when the hashes agree */
  size_t cap;
  VEC(word_entry) ents;
} word_table;

typedef struct {
  uint32_t vals_start, vals_count;
  uint32_t types; /* bit PH_* set when a value of that type is among them */
} trie_node;

typedef struct {
  uint64_t key;   /* (node << 32 | wid) + 1; 0 = empty */
  uint32_t child; /* beside its key: a probe that finds it reads one line */
} trie_edge;

typedef struct {
  VEC(trie_node) nodes;       /* node 0 is the root */
  VEC(phrase_val) vals;
  trie_edge *edges; /* open addressing, power-of-two capacity */
  size_t edge_cap, edge_count;
  uint32_t *root_child; /* by word id: the root's child, or 0 (made once
                           every file is read; the first step of every
                           match, so one load instead of a probe) */
  size_t nroot;
} phrase_trie;

#define BLOOM_BITS 65536
#define NAME_FIRST_BITS 16384

enum { SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_ARABIC, SCRIPT_HAN, SCRIPT_COUNT };

typedef struct {
  char code[8];
  word_table words;
  phrase_trie trie;
  size_t max_phrase; /* longest phrase, in words */
  uint64_t lenmask[256]; /* by first folded byte: bit n set if a word of n
                            bytes starts with it (a cheap filter) */
  uint64_t bloom[BLOOM_BITS / 64]; /* one bit per word hash: a second filter */
  uint64_t name_first[NAME_FIRST_BITS / 64]; /* one bit per word hash of
                                the first word of every name (not of the
                                words that follow names: "adopted by",
                                qualifiers): the scanner's skim of prose
                                stops where one may begin, whatever its case
                                ("principles relating to the status of …") */
  int has_vocab;     /* a lang/<code>.yaml was loaded */
  int script;        /* SCRIPT_* of the language's letters */
  int caseless;      /* the script has no capitals */
  int teens;         /* ordinal_teens has words ("الرابعة عشرة") */
  int segment;       /* no spaces: cut runs of letters into known words */
  int postfix;       /* citation words follow their numbers */
  int no_articles;   /* the language has no articles ("the", "la") */
  int lower_titles;  /* titles go on in lower case ("sur la diversité culturelle") */
  char paragraph_marks[8]; /* the punctuation after an operative
                              paragraph's number at a line's start ("2."):
                              "." unless the vocabulary says more (Arabic
                              "٢ -"); "." is glued to the number, others
                              may stand after a space */
  char topics[4][16]; /* folded words that join a title to its subject
                         ("on", "sobre", "sur"): a known name followed by
                         one and capitalized words its names do not hold is
                         part of a longer title ("the Universal Declaration
                         on Cultural Diversity") */
  size_t ntopics;
  char including[4][16]; /* folded words after which an article is the
                            instrument's named just before them, in a
                            language that writes the instrument first:
                            "《原子能机构规约》的规定，包括第十二条" */
  size_t nincluding;
  char topic_intro[4][16]; /* words that open a topic between numbers and
                              their citation word, in a language that
                              writes the word last: "第78/209号关于…的决议" */
  size_t ntopic_intro;
  char indefinite[8][16]; /* indefinite articles, folded ("a", "un"): a
                             name after one is no citation ("develop a new
                             urban agenda") */
  char new_words[8][16]; /* "new", folded: a name written in lower case
                            after one is no citation ("consider possible new
                            guidelines for the long-term sustainability of
                            outer space activities") */
  size_t nnew_words;
  char range_words[4][16]; /* folded: the word between the two numbers of a
                              range ("المواد 6 إلى 8", articles 6 to 8) where
                              it is not a short word the grammar takes anyway
                              ("to", "à", "a") */
  size_t nrange_words;
  char year_words[4][16]; /* folded: the word for "year" between a generic
                             name and its year ("الاتفاقية لعام 1988", the
                             1988 Convention) */
  size_t nyear_words;
  char draft_words[8][16]; /* folded: "draft" and its forms; a generic
                              name right after one is a draft's ("مشروع
                              الاتفاقية", the draft convention) */
  size_t ndraft_words;
  char title_links[12][24]; /* folded: the words that tie a title to another
                               instrument's name inside it ("Protocol
                               amending the Marrakesh Agreement …") */
  size_t ntitle_links;
  char also_joiners[4][24]; /* folded, spaces kept out: "as well as",
                               "ainsi que": a list of numbers goes on after
                               one ("resolutions 52/5 …, as well as 55/15") */
  size_t nalso_joiners;
  char document_words[4][24]; /* folded: the words for "document" after a
                                 symbol ("CBD/COP/15/17号文件") */
  size_t ndocument_words;
  char annex_words[4][24]; /* folded: "annex" and its forms; "resolution
                              79/323, annex, para. 43" is a paragraph of the
                              instrument the resolution adopts */
  size_t nannex_words;
  char section_words[8][16]; /* folded: "section" and its forms; "section
                                XIII, paragraph 21, of resolution 76/246 A"
                                is a paragraph of a section, numbered anew
                                in each one */
  size_t nsection_words;
  size_t nindefinite;
  char possessor[4][48]; /* folded, without spaces: the owner of the
                            instruments a generic word means by itself
                            ("United Nations"), which "its Charter" names
                            only when these words come before it */
  size_t npossessor;
  char not_genitive[8][16]; /* folded word endings no genitive has (Russian
                               "-ые"): after an article's number such a word
                               does not own it ("статьей 52 региональные
                               организации") */
  size_t nnot_genitive;
  char genitive_endings[8][16]; /* folded endings of a genitive, for a
                                   capitalized word after an article's
                                   number: "статья 5 Конституции", "статьи 12
                                   Уголовного кодекса" are another text's */
  size_t ngenitive_endings;
  char decision_marks[8][32]; /* folded "local=LATIN" (folding leaves the local letters, then the Latin mark): a body's session mark as
                                 the language writes it ("م أ=cp": "1/م أ-21"
                                 is 1/CP.21) */
  size_t ndecision_marks;
  char part_letters[26][16]; /* folded words that stand for the letters A, B,
                               C, … of a resolution's parts (Arabic ألف:
                               "217 ألف (د-3)" is 217 A (III)) */
  size_t npart_letters;
  char session_marks[2][4][16]; /* folded words written before "-10/24" for
                                   the emergency special ([0], Arabic دإط:
                                   ES-10/24) and special ([1]: S-) sessions */
  size_t nsession_marks[2];
  char not_qualifier[16][24]; /* folded words that, after a generic name,
                                 leave it the one named whatever their
                                 article (Arabic الذي, "which") */
  size_t nnot_qualifier;
  uint32_t detect_letters[24]; /* letters of this language and few others
                                  ("ñ", "ç"): a tie of detection words goes
                                  to the language whose letters the text
                                  has most */
  size_t ndetect_letters;
  uint32_t plural_generic[8][2]; /* word ids: a generic name's plural and
                                    its singular ("conventions",
                                    "convention"), for lists of names that
                                    share it */
  size_t nplural_generic;
  uint64_t plural_mask; /* bit wid % 64 of each plural: a quick test */
  /* The shape of an adjective after a generic name in a caseless script
   * (Arabic): the same article, one of these beginnings or endings, and
   * the same gender (both or neither end with a feminine ending). */
  char adj_prefix[8][16], adj_suffix[8][16], feminine[4][16];
  size_t nadj_prefix, nadj_suffix, nfeminine;
  char masc_poss[4][16]; /* possessive suffixes of a masculine possessor
                            (Arabic ه: "قراره", his resolution, is not the
                            Assembly's, الجمعية being feminine) */
  size_t nmasc_poss;
  size_t max_word;   /* longest vocabulary word, in bytes */
  char affixes[2][16][16]; /* folded clitic prefixes [0] and pronoun
                              suffixes [1], longest first */
  uint8_t affix_len[2][16];
  size_t naffixes[2];
  char restore[16][16]; /* per prefix: what it stands for when tried again
                           ("لل" is ل + ال: "للجنة" is ل + "اللجنة"), or "" */
  uint8_t restore_len[16];
  uint64_t first_lens[4096]; /* by a hash of a word's first character: bit
                                n set when a word of n bytes (< 64) starts
                                with it */
  uint16_t prefix_at[256]; /* by affix_bucket of a folded word: bit p set
                              when prefix p may begin it */
  uint16_t suffix_at[256]; /* by affix_bucket of a folded word's last two
                              bytes: bit s set when suffix s may end it */
  uint64_t han_first[(0xA000 - 0x3400) / 64]; /* by code point - 0x3400:
                              a word starts with this ideograph */
  uint64_t han_pairs[1024]; /* by pair_bucket of a word's first two code
                               points (words of two or more) */
  uint64_t han_alone[(0xA000 - 0x3400) / 64]; /* by code point - 0x3400:
                              this ideograph alone is a word */
} lang_vocab;

/* The bit of han_pairs for two code points. */
static inline unsigned pair_bucket(uint32_t a, uint32_t b) {
  return (unsigned)(((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 16);
}

/* The bucket of prefix_at for a folded word of at least two bytes: a hash
 * of its first two (for a two-byte letter, its code point's low byte). */
static inline unsigned affix_bucket(const char *w) {
  return (((unsigned)(unsigned char)w[0] << 6) ^ (unsigned char)w[1]) & 255;
}

typedef struct {
  char id[24];
  char prefix[32];
  unsigned numbering;
  unsigned default_for; /* shapes for which an unnamed body is this one */
  char name[120];       /* the first English full name */
  int no_decisions;     /* adopts no numbered decisions */
  unsigned first_session; /* session numbers ("61/144") begin at this
                             session (the Assembly's at 31), or 0 */
  unsigned sessions_from;     /* the year of its first session, or 0 */
  unsigned sessions_per_year; /* at most so many sessions a year: "80/226"
                                 of 2025 is no session of a commission that
                                 first met in 1992 */
  int instrument; /* index of its treaty, or -1 */
  char marks[4][12];    /* session marks or prefixes that name it: "CP", "BC",
                           "WHA" (marked, prefixed and own shapes) */
  size_t nmarks;
  char forms[2][48];    /* identifier templates for resolutions [0] and
                           decisions [1]: "UNEP/EA.{1}/RES.{2}", or "" */
  char symbols[2][32];  /* other first parts of its documents' symbols:
                           "UNEP/CBD/COP" (the Conference's before 2018) */
  size_t nsymbols;
} body_def;

/* The body whose `marks` include mark[0..n) for a shape, or -1 (none, or
 * more than one). */
int catalog_body_by_mark(const cg_catalog *cat, unsigned shape,
                         const char *mark, size_t n);

typedef struct {
  char id[32];
  unsigned long ts_volume, ts_number;
  int implied;
  int paragraphs; /* numbered paragraphs, no articles (the 2030 Agenda) */
  unsigned articles; /* how many articles it has, or 0 (not given): "article
                        18 of the Treaty" is not the NPT's, which has 11 */
  char title[256]; /* the first English full name, for labels and exports */
  char short_title[128]; /* the first English short title, or "" */
  char date[11];   /* date of adoption YYYY-MM-DD, or "" */
  char adopted_by[64]; /* identifier of the adopting resolution, or "" */
} inst_def;

struct cg_catalog {
  cg_strings strings;
  VEC(body_def) bodies;
  VEC(inst_def) insts;
  VEC(lang_vocab) langs;
  word_table detect; /* folded word -> bit mask over detect_code in info.cls */
  char detect_code[32][8];
  size_t ndetect;
  size_t detect_max; /* longest detection word, in bytes */
  uint64_t detect_lenmask[256]; /* by first folded byte: bit n set if a
                                   detection word of n bytes starts so */
  /* The detection words of at most 8 bytes by their bytes as a number
   * (zero-padded; 0 = empty slot), open addressing, beside their classes:
   * language detection looks up every short word of a file's start. */
  uint64_t *detect8_keys;
  uint32_t *detect8_cls;
  size_t detect8_cap;
  char roots[256][16]; /* first components of document symbols */
  size_t nroots;       /* 0: symbols.yaml absent, any root accepted */
  void *image_map;     /* read in place from a compiled image (catimage.h):
                          every array lies in this mapping */
  size_t image_len;
};

/* Whether a[0..n) equals b[0..n), by overlapping loads that read no byte
 * outside them: no loop for words up to 16 bytes, and no call. */
static inline int same_bytes(const char *a, const char *b, size_t n) {
  if (n >= 8) {
    uint64_t x, y;
    for (size_t j = 0; j + 8 < n; j += 8) {
      memcpy(&x, a + j, 8);
      memcpy(&y, b + j, 8);
      if (x != y)
        return 0;
    }
    memcpy(&x, a + n - 8, 8);
    memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    memcpy(&x0, a, 4);
    memcpy(&y0, b, 4);
    memcpy(&x1, a + n - 4, 4);
    memcpy(&y1, b + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  return !n || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/* Looks up a folded word of n bytes whose word_hash is h. Returns NULL
 * when absent. Inline: the scanner calls it for most words it reads. */
static inline __attribute__((always_inline)) const word_info *
wordtab_find(const cg_catalog *cat, const word_table *t, const char *w,
             size_t n, uint64_t h) {
  if (!t->cap)
    return NULL;
  size_t mask = t->cap - 1;
  uint64_t tag = h & 0xFFFFFFFF00000000ULL;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    uint64_t slot = t->slots[i];
    if (!slot)
      return NULL;
    if ((slot & 0xFFFFFFFF00000000ULL) != tag)
      continue;
    const word_entry *e = &t->ents.v[(uint32_t)slot - 1];
    if (e->key_len != n)
      continue;
    if (same_bytes(n <= 8 ? e->head : strings_get(&cat->strings, e->key_off), w, n))
      return &e->info;
  }
}

/* The slot of detect8 for a key (detect8_cap is a power of two). */
static inline size_t detect8_slot(const cg_catalog *cat, uint64_t key) {
  size_t mask = cat->detect8_cap - 1;
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
  while (cat->detect8_keys[i] && cat->detect8_keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

/* Child of `node` by word id, or 0 (the root is never a child). */
uint32_t trie_child(const phrase_trie *t, uint32_t node, uint32_t wid);

/* The same, through root_child for the root once the catalogue is read. */
static inline uint32_t trie_step(const phrase_trie *t, uint32_t node, uint32_t wid) {
  if (node == 0 && wid < t->nroot)
    return t->root_child[wid];
  return trie_child(t, node, wid);
}

int catalog_lang_index(const cg_catalog *cat, const char *code);

/* Whether s[0..n) is a known first component of a document symbol. */
int catalog_symbol_root(const cg_catalog *cat, const char *s, size_t n);

/* The names of the *.yaml files in `dir` (hidden ones left out), sorted, in
 * a new array: the caller frees each name and the array. A missing
 * directory is an error (CG_ERR_IO, in diag) only when `required`. */
/* The keys the loader reads in each kind of mapping, NULL-terminated
 * (`refs --check` names the others). */
extern const char *const catalog_keys_instrument[], *const catalog_keys_instruments_root[],
    *const catalog_keys_body[], *const catalog_keys_bodies_root[], *const catalog_keys_lang[],
    *const catalog_keys_lang_phrases[], *const catalog_keys_lang_inflect[];

cg_status catalog_list_yaml(const char *dir, int required, char ***out,
                            size_t *count, cg_diag *diag);

/* One file of a catalogue: what it holds (0 instruments, 1 bodies,
 * 2 a vocabulary, the arg-th in name order, 3 document symbols) and where. */
typedef struct {
  int kind;
  size_t arg;
  char *path;
} catalog_source;

/* The files of the catalogue in `dir`, in the order they are loaded, in a
 * new array (catalog_sources_free). Errors as cg_catalog_load reports them. */
cg_status catalog_sources(const char *dir, catalog_source **out, size_t *count,
                          cg_diag *diag);
void catalog_sources_free(catalog_source *v, size_t n);

/* Loads those files into a new catalogue (cg_catalog_load's second half). */
cg_status catalog_load_sources(const catalog_source *src, size_t nsrc,
                               cg_catalog **out, cg_diag *diag);

/* Looks a Treaty Series volume/number up; returns the instrument index or -1. */
int catalog_find_treaty_series(const cg_catalog *cat, unsigned long volume,
                               unsigned long number);

#endif
