/* test_extract.c — the grammar and the resolver through the public API:
 * short texts and the targets shared/spec/IDENTIFIERS.md gives them. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "result.h"
#include "suites.h"

static cg_extractor *ex;
static const cg_result *res;
static const char *text;

static void extract_setup(void) {
  ex = cg_extractor_new(test_catalog());
  ck_assert_ptr_nonnull(ex);
}

static void extract_teardown(void) {
  cg_extractor_free(ex);
  ex = NULL;
  res = NULL;
}

/* Extracts s in language `lang` (NULL: detected); expects success. */
static size_t run(const char *s, const char *lang) {
  cg_options o = {.lang = lang};
  cg_diag d;
  text = s;
  res = NULL;
  cg_status st = cg_extract(ex, s, strlen(s), &o, &res, &d);
  ck_assert_msg(st == CG_OK, "cg_extract: %d %s", st, d.message);
  ck_assert_ptr_nonnull(res);
  return cg_result_count(res);
}

static const cg_citation *cit(size_t i) {
  ck_assert_msg(i < cg_result_count(res), "citation %zu of %zu", i,
                cg_result_count(res));
  return cg_result_citation(res, i);
}

/* The citations with this target. */
static size_t count_target(const char *target) {
  size_t n = 0;
  for (size_t i = 0; i < cg_result_count(res); i++) {
    const cg_citation *c = cg_result_citation(res, i);
    n += c->target && strcmp(c->target, target) == 0;
  }
  return n;
}

/* The first citation with this target; fails the test when there is none. */
static const cg_citation *with_target(const char *target) {
  for (size_t i = 0; i < cg_result_count(res); i++) {
    const cg_citation *c = cg_result_citation(res, i);
    if (c->target && strcmp(c->target, target) == 0)
      return c;
  }
  ck_abort_msg("no citation of %s in \"%s\"", target, text);
  return NULL;
}

/* Asserts that the citation spans exactly `surface` (its nth occurrence). */
static void spans(const cg_citation *c, const char *surface, int nth) {
  size_t at = offset_of(text, surface, nth);
  ck_assert_msg(c->start == at && c->end == at + strlen(surface),
                "span [%zu,%zu) \"%.*s\", want \"%s\" at %zu", c->start,
                c->end, (int)(c->end - c->start), text + c->start, surface, at);
}

/* ------------------------------------------------------------ resolutions */

START_TEST(ga_list_shares_body_and_dates) {
  ck_assert_uint_eq(run("Recordando las resoluciones de la Asamblea General "
                        "61/144, de 19 de diciembre de 2006, y 74/176,",
                        NULL),
                    2);
  ck_assert_str_eq(cg_result_document(res)->lang, "es");
  const cg_citation *c = cit(0);
  ck_assert_str_eq(c->target, "A/RES/61/144");
  ck_assert_str_eq(c->number, "61/144");
  ck_assert_str_eq(c->body, "GA");
  ck_assert_str_eq(c->date, "2006-12-19");
  ck_assert_int_eq(c->kind, CG_KIND_RESOLUTION);
  ck_assert_int_eq(c->place, CG_PLACE_TEXT);
  spans(c, "resoluciones de la Asamblea General 61/144", 0);
  c = cit(1);
  ck_assert_str_eq(c->target, "A/RES/74/176");
  ck_assert_str_eq(c->body, "GA");
  ck_assert_str_eq(c->date, "");
  spans(c, "74/176", 0);
}
END_TEST

START_TEST(body_after_the_list_and_date_for_all) {
  run("Recalling resolutions 61/144 and 74/176 of the General Assembly of "
      "19 December 2019,",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 2);
  ck_assert_str_eq(cit(0)->target, "A/RES/61/144");
  ck_assert_str_eq(cit(1)->target, "A/RES/74/176");
  ck_assert_str_eq(cit(0)->date, "2019-12-19");
  ck_assert_str_eq(cit(1)->date, "2019-12-19");
}
END_TEST

START_TEST(its_resolution_in_a_security_council_text) {
  run("The Security Council,\n\nRecalling its resolution 1373 (2001) and "
      "its resolutions 2178 (2014) and 2396 (2017),\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->body, "SC");
  ck_assert_uint_eq(cg_result_count(res), 3);
  const cg_citation *c = cit(0);
  ck_assert_str_eq(c->target, "S/RES/1373(2001)");
  ck_assert_str_eq(c->number, "1373(2001)");
  ck_assert_str_eq(c->body, "SC");
  ck_assert_int_eq(c->place, CG_PLACE_PREAMBLE);
  spans(c, "resolution 1373 (2001)", 0);
  ck_assert_str_eq(cit(1)->target, "S/RES/2178(2014)");
  ck_assert_str_eq(cit(2)->target, "S/RES/2396(2017)");
}
END_TEST

START_TEST(its_resolution_takes_the_document_body) {
  /* The same words give the body of whoever speaks. */
  run("The General Assembly,\n\nRecalling its resolution 79/6,\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->body, "GA");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "A/RES/79/6");
  run("The Conference of the Parties to the United Nations Convention "
      "against Transnational Organized Crime,\n\nRecalling its resolution "
      "5/2 and its decision 4/4,\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->body, "CTOC-COP");
  ck_assert_str_eq(with_target("CTOC/COP/RES/5/2")->body, "CTOC-COP");
  const cg_citation *c = with_target("CTOC/COP/DEC/4/4");
  ck_assert_int_eq(c->kind, CG_KIND_DECISION);
  ck_assert_str_eq(c->number, "4/4");
  run("La Conferencia de las Partes en la Convención de las Naciones Unidas "
      "contra la Delincuencia Organizada Transnacional,\n\nRecordando su "
      "resolución 9/1,\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->body, "CTOC-COP");
  with_target("CTOC/COP/RES/9/1");
}
END_TEST

START_TEST(unknown_body_is_reported_not_guessed) {
  ck_assert_uint_eq(run("Recalling its resolution 5/2,", NULL), 1);
  const cg_citation *c = cit(0);
  ck_assert_ptr_null(c->target);
  ck_assert_str_eq(c->body, "unknown");
  ck_assert_str_eq(c->number, "5/2");
  ck_assert_int_eq(c->kind, CG_KIND_RESOLUTION);
  spans(c, "resolution 5/2", 0);
  ck_assert_str_eq(cg_result_document(res)->body, "");
  ck_assert_str_eq(cg_result_document(res)->self, "");
}
END_TEST

START_TEST(lettered_parts) {
  run("The General Assembly,\n\nRecalling its resolutions 31/6 A of 26 "
      "October 1976 and 36/87 A and B,\n",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 3);
  const cg_citation *c = with_target("A/RES/31/6A");
  ck_assert_str_eq(c->number, "31/6A");
  ck_assert_str_eq(c->date, "1976-10-26");
  spans(c, "resolutions 31/6 A", 0);
  c = with_target("A/RES/36/87A");
  spans(c, "36/87 A and B", 0);
  c = with_target("A/RES/36/87B");
  ck_assert_str_eq(c->number, "36/87B");
  spans(c, "36/87 A and B", 0);
  /* Letters must follow each other: "A and C" is not a list of parts. */
  run("The General Assembly,\n\nRecalling its resolution 50/70 A, B and C,\n",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 3);
  with_target("A/RES/50/70C");
}
END_TEST

START_TEST(roman_session_numbers) {
  run("Recalling resolution 918 (X) and resolution 2200 A (XXI), and "
      "resolution 3201 (S-VI),",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 3);
  const cg_citation *c = cit(0);
  ck_assert_str_eq(c->target, "A/RES/918(X)");
  ck_assert_str_eq(c->number, "918(X)");
  ck_assert_str_eq(c->body, "GA"); /* the usual body of roman numbers */
  spans(c, "resolution 918 (X)", 0);
  c = cit(1);
  ck_assert_str_eq(c->target, "A/RES/2200A(XXI)");
  ck_assert_str_eq(c->number, "2200A(XXI)");
  spans(c, "resolution 2200 A (XXI)", 0);
  ck_assert_str_eq(cit(2)->target, "A/RES/3201(S-VI)");
}
END_TEST

START_TEST(security_council_numbers) {
  run("Recalling resolution 2331 (2016) and S/RES/2388 (2017).", NULL);
  ck_assert_uint_eq(cg_result_count(res), 2);
  const cg_citation *c = cit(0);
  ck_assert_str_eq(c->target, "S/RES/2331(2016)");
  ck_assert_str_eq(c->body, "SC");
  c = cit(1);
  ck_assert_str_eq(c->target, "S/RES/2388(2017)");
  ck_assert_int_eq(c->kind, CG_KIND_RESOLUTION);
  ck_assert_str_eq(c->body, "SC");
  ck_assert_str_eq(c->number, "2388(2017)");
  spans(c, "S/RES/2388 (2017)", 0);
}
END_TEST

START_TEST(number_split_by_a_line_break) {
  run("Recalling its resolution 665\n(1990) of 25 August 1990,", NULL);
  ck_assert_uint_eq(cg_result_count(res), 1);
  const cg_citation *c = cit(0);
  ck_assert_str_eq(c->target, "S/RES/665(1990)");
  ck_assert_str_eq(c->date, "1990-08-25");
  spans(c, "resolution 665\n(1990)", 0);
}
END_TEST

START_TEST(elided_of_and_points_of_paragraphs) {
  /* French "d'" (de, elided) before the owner, in a sentence that named
   * another instrument first */
  run("L'Assemblée générale,\n\nTenant compte de la Déclaration de Rio sur l'environnement "
      "et le développement, et du chapitre 17 d'Action 21,",
      "fr");
  with_target("AGENDA21#chp_17");
  ck_assert_uint_eq(count_target("RIO-DECL#chp_17"), 0);
  /* a Chinese point of an instrument's paragraph, a footnote mark between */
  run("大会，\n\n回顾《2005年世界首脑会议成果》[^1]第134(e)段，\n\n[^1]: 第60/1号决议。", "zh");
  with_target("WSO2005#para_134__point_e");
  ck_assert_uint_eq(count_target("WSO2005#para_134"), 0);
  /* after an unknown title of the same word, "the Charter" stays undetermined;
   * a provision's owner is the Charter again once the text has named it in
   * full since, the word alone is not */
  run("The General Assembly,\n\nRecalling the Charter of the United Nations,\n\n"
      "Recalling the Charter of the Kanak people, proclaimed in April 2014,\n\n"
      "Noting that the partners in the Charter met,\n\n"
      "1. Reaffirms, in accordance with the Charter of the United Nations, the principle;\n\n"
      "2. Calls for information under Article 73 e of the Charter, and notes that the Charter "
      "partners met;",
      NULL);
  with_target("UNCHARTER#art_73__point_e");
  ck_assert_uint_eq(count_target("UNCHARTER"), 3); /* the two full titles and the owner */
  /* an article after an opening quotation mark is the title's own word;
   * before a name in lower case it speaks of one to come */
  run("The General Assembly,\n\nRecalling policy brief 9, entitled \u201CA New Agenda for "
      "Peace\u201D,\n\n1. Decides to develop a new agenda for peace;",
      NULL);
  ck_assert_uint_eq(count_target("NEW-AGENDA-PEACE"), 1);
  /* a Chinese title that begins with its treaty's, that one in the nested
   * marks: the protocol, not the one named before */
  run("大会，\n\n回顾《〈儿童权利公约〉关于儿童卷入武装冲突问题的任择议定书》、"
      "《〈消除对妇女一切形式歧视公约〉任择议定书》和《〈联合国气候变化框架公约〉京都议定书》，",
      "zh");
  with_target("CRC/OPAC");
  with_target("CEDAW/OP");
  with_target("UNFCCC/KYOTO");
  ck_assert_uint_eq(count_target("CRC/OPAC"), 1);
  /* a point's letter alone after the word for subparagraph, deep in prose */
  run("L'Assemblée générale,\n\nRappelant la Charte des Nations Unies,\n\n1. Demande que des "
      "renseignements soient communiqués en vertu de l'alinéa b de l'Article 73 de la Charte ;",
      "fr");
  with_target("UNCHARTER#art_73__point_b");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73"), 0);
  /* one "its" before a list, far from the body it points at: a number the
   * issuer cannot have makes the others that body's too */
  run("Генеральная Ассамблея,\n\nссылаясь на решение 18/120 Совета по правам человека от 30 "
      "сентября 2011 года и его резолюции 24/14 от 27 сентября 2013 года и 58/3,",
      "ru");
  with_target("A/HRC/RES/24/14");
  with_target("A/HRC/RES/58/3");
  ck_assert_uint_eq(count_target("A/RES/58/3"), 0);
  /* Russian "Устав" is the Charter's word and the Statute's: after an unknown
   * "Устав …" named again in another case, the Charter named since does not
   * take its articles */
  run("Совет Безопасности,\n\nссылаясь на Устав Организации Объединенных Наций,\n\n"
      "принимая во внимание пункт 4 статьи 16 Устава Международного трибунала для судебного "
      "преследования лиц,\n\nссылаясь на главу VIII Устава Организации Объединенных Наций,\n\n"
      "1. постановляет сотрудничать в соответствии с Уставом Международного трибунала и "
      "статьей 29 Устава;",
      "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_29"), 0);
  /* a Chinese topic between the numbers and their word; a report's chapter
   * after its publication's brackets; a committee glued to the words before */
  run("大会，\n\n还回顾其2005年12月16日第60/153号和2023年12月19日第78/209号关于联合国西南亚和"
      "阿拉伯区域人权培训和文献中心的决议，\n\n7. 重申伙伴关系指导委员会根据2015年12月22日"
      "第70/202号决议发挥的作用；",
      "zh");
  with_target("A/RES/60/153");
  with_target("A/RES/78/209");
  with_target("A/RES/70/202");
  /* two points of one article, each with its word */
  run("大会，\n\n回顾《消除一切形式种族歧视国际公约》第四条(子)项和(丑)项，", "zh");
  with_target("ICERD#art_4__point_a");
  with_target("ICERD#art_4__point_b");
}
END_TEST

START_TEST(lists_of_provisions_addenda_and_mastheads) {
  /* a number's point, then more numbers, each with its own */
  run("The Security Council,\n\nDecides, notwithstanding paragraphs 3 (a), 3 (b) and 4 of "
      "resolution 661 (1990), to permit;",
      NULL);
  with_target("S/RES/661(1990)#para_3__point_a");
  with_target("S/RES/661(1990)#para_3__point_b");
  with_target("S/RES/661(1990)#para_4");
  ck_assert_uint_eq(count_target("S/RES/661(1990)#para_3"), 0);
  run("安全理事会，\n\n授权所有国家，尽管有第661(1990)号决议第3(a)、3(b)和4段的规定，", "zh");
  with_target("S/RES/661(1990)#para_3__point_a");
  with_target("S/RES/661(1990)#para_3__point_b");
  with_target("S/RES/661(1990)#para_4");
  ck_assert_uint_eq(count_target("S/RES/661(1990)#para_3"), 0);
  /* two provisions, each with its word, one owner after both; the
   * document's own when "above" marks it */
  run("Le Conseil de sécurité,\n\nRappelant le paragraphe 3 et le paragraphe 4 de la "
      "résolution 661 (1990),",
      "fr");
  with_target("S/RES/661(1990)#para_3");
  with_target("S/RES/661(1990)#para_4");
  ck_assert_uint_eq(count_target("S/RES/661(1990)"), 1); /* looked ahead once, cited once */
  run("The Security Council,\n\nRecalling paragraph 3 above and paragraph 4 of resolution "
      "661 (1990),",
      NULL);
  ck_assert_uint_eq(count_target("S/RES/661(1990)#para_3"), 0);
  with_target("S/RES/661(1990)#para_4");
  /* addenda by their numbers alone; a footnote's number after a comma is none */
  run("The Security Council,\n\nHaving considered the reports (S/1994/89 and Add.1 and 2) "
      "and document S/13026 and Corr.1, 6 and the letter,",
      NULL);
  with_target("S/1994/89/Add.2");
  with_target("S/13026/Corr.1");
  ck_assert_uint_eq(count_target("S/13026/Corr.6"), 0);
  /* an old-style number with the Arabic mark of an emergency special session */
  run("إن مجلس الأمن،\n\nإذ يشير إلى قراري الجمعية العامة 2253 (دإط-5) و 2254 (دإط-5)،", "ar");
  with_target("A/RES/2253(ES-V)");
  with_target("A/RES/2254(ES-V)");
  /* a Treaty Series volume with its year */
  run("Recalling the Convention.[^1]\n\n[^1]: United Nations, Treaty Series, vol. 75 (1950), "
      "No. 972.",
      NULL);
  with_target("GENEVA-III");
  /* the masthead's date, in English in every language's masthead: an
   * instrument adopted later is not the one the text speaks of */
  run("6 February 2015\nВ рамках Новой программы развития городов можно будет "
      "разработать набор параметров.\n",
      "ru");
  ck_assert_str_eq(cg_result_document(res)->date, "2015-02-06");
  ck_assert_uint_eq(count_target("NUA"), 0);
  /* under the distribution line; the day of adoption, when a line gives
   * it, before the day of distribution; a date line in the text, none */
  run("United Nations A/RES/80/100\nGeneral Assembly Distr.: General\n8 December 2025\n\n"
      "Resolution adopted by the General Assembly on 5 December 2025\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->date, "2025-12-05");
  run("Security Council Distr.: General\n19 February 2015\n\nOriginal: English\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->date, "2015-02-19");
  run("Attempted assassination of the ambassador.\n7 June 2014\nThe New Urban Agenda.\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->date, "");
  /* short names a Chinese text defines in its title marks, with a qualifier
   * glued to the generic name; an annex's article is not the Convention's */
  run("大会，\n\n回顾《联合国海洋法公约》(《公约》)和《促进公海渔船遵守国际养护和管理措施的"
      "协定》(《遵守协定》)以及《负责任渔业行为守则》(《守则》)，\n\n"
      "注意到《生物多样性公约》缔约方大会的决定，\n\n"
      "1. 吁请《遵守协定》第十条第1款所述国家成为该协定缔约方，根据《公约》第303条第1款和"
      "《公约》附件二第3条，《守则》第5条。",
      "zh");
  with_target("FAOCOMPLIANCE#art_10__para_1");
  with_target("UNCLOS#art_303__para_1");
  with_target("FAO-CCRF#art_5");
  ck_assert_uint_eq(count_target("UNCLOS#art_3"), 0);
  /* a defined generic name in a sentence that named another of its kind,
   * then an unknown title: not resolved */
  run("The General Assembly,\n\nRecalling the Agreement for the Implementation of the "
      "Provisions of the United Nations Convention on the Law of the Sea of 10 December 1982 "
      "relating to the Conservation and Management of Straddling Fish Stocks and Highly "
      "Migratory Fish Stocks (the Agreement),\n\n114. Acknowledges the follow-up by Parties to "
      "the Port State Measures Agreement of the \"Bali Strategy\" to strengthen the "
      "effectiveness of that Agreement;",
      NULL);
  ck_assert_uint_eq(count_target("UNCLOS/FISH"), 2);
  /* a body's session mark as Arabic writes it: decision 1/CP.21 */
  run("إن الجمعية العامة،\n\nإذ تشير إلى المقرر 1/م أ-21،", "ar");
  with_target("FCCC/DEC/1/CP.21");
  /* an Arabic point letter without its brackets ("Article 73 e") */
  run("إن الجمعية العامة،\n\nإذ تشير إلى المادة 73 هـ من ميثاق الأمم المتحدة والمادتين 73 و 74 من الميثاق،",
      "ar");
  with_target("UNCHARTER#art_73__point_e");
  with_target("UNCHARTER#art_74");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_f"), 0);
  /* a body's own symbol without its mark */
  run("The General Assembly,\n\nTaking note of World Health Assembly resolution 78.16 of 27 May "
      "2025 and of its resolution 70.1,",
      NULL);
  with_target("WHA78.16");
  ck_assert_uint_eq(count_target("A/RES/70.1"), 0);
  run("大会，\n\n注意到世界卫生大会第78.16号决议，", "zh");
  with_target("WHA78.16");
  /* a title that goes on after a place: not the Charter */
  run("El Comité aprobó la Carta de las Naciones Unidas en Ginebra sobre Vivienda "
      "Sostenible.",
      "es");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
}
END_TEST

START_TEST(other_bodies_and_shapes) {
  run("Recalling Economic and Social Council resolution 2013/41 and decision "
      "2013/234 of the Economic and Social Council, Human Rights Council "
      "resolution S-30/1, Commission on Narcotic Drugs resolution 62/1 and "
      "General Assembly resolution ES-10/14 and decision 64/540 of the "
      "General Assembly.",
      NULL);
  with_target("E/RES/2013/41");
  ck_assert_int_eq(with_target("E/DEC/2013/234")->kind, CG_KIND_DECISION);
  ck_assert_str_eq(with_target("A/HRC/RES/S-30/1")->body, "HRC");
  ck_assert_str_eq(with_target("CND/RES/62/1")->body, "CND");
  ck_assert_str_eq(with_target("A/RES/ES-10/14")->number, "ES-10/14");
  with_target("A/DEC/64/540");
  ck_assert_uint_eq(cg_result_count(res), 6);
  /* the non-breaking hyphen U+2011 and the hyphen U+2010 of PDF text */
  run("The General Assembly,\n\nRecalling its resolutions S\xE2\x80\x91" "29/1 and "
      "ES\xE2\x80\x90" "10/27 and Human Rights Council resolution S\xE2\x80\x91" "30/1,",
      NULL);
  ck_assert_str_eq(with_target("A/RES/S-29/1")->number, "S-29/1");
  ck_assert_str_eq(with_target("A/RES/ES-10/27")->number, "ES-10/27");
  with_target("A/HRC/RES/S-30/1");
  ck_assert_uint_eq(cg_result_count(res), 3);
}
END_TEST

/* ------------------------------------------------------------ symbols */

START_TEST(document_symbols) {
  run("See A/79/5 and A/34/542-S/13578, and the report A/80/L.9.", NULL);
  ck_assert_uint_eq(cg_result_count(res), 4);
  const cg_citation *c = with_target("A/79/5");
  ck_assert_int_eq(c->kind, CG_KIND_SYMBOL);
  ck_assert_str_eq(c->body, "");
  ck_assert_str_eq(c->number, "");
  spans(with_target("A/34/542"), "A/34/542", 0);
  spans(with_target("S/13578"), "S/13578", 0);
  spans(with_target("A/80/L.9"), "A/80/L.9", 0);
  /* A resolution's symbol takes the resolution's identifier. */
  run("as in A/RES/70/1.", NULL);
  ck_assert_uint_eq(cg_result_count(res), 1);
  c = cit(0);
  ck_assert_str_eq(c->target, "A/RES/70/1");
  ck_assert_int_eq(c->kind, CG_KIND_RESOLUTION);
  ck_assert_str_eq(c->body, "GA");
  ck_assert_str_eq(c->number, "1");
}
END_TEST

/* ------------------------------------------------------------ provisions */

START_TEST(article_and_paragraph_of_the_protocol) {
  run("Recalling the Protocol to Prevent, Suppress and Punish Trafficking in "
      "Persons, Especially Women and Children, and in particular article 6, "
      "paragraph 1, of the Protocol,",
      NULL);
  const cg_citation *c = with_target("UNTOC/TIP#art_6__para_1");
  ck_assert_int_eq(c->kind, CG_KIND_PROVISION);
  ck_assert_str_eq(c->body, "");
  spans(c, "article 6, paragraph 1, of the Protocol", 0);
  c = cit(0);
  ck_assert_str_eq(c->target, "UNTOC/TIP");
  ck_assert_int_eq(c->kind, CG_KIND_TREATY);
  spans(c, "Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
           "Especially Women and Children", 0);
  ck_assert_uint_eq(count_target("UNTOC/TIP"), 2); /* full name, then short */
}
END_TEST

START_TEST(generic_name_needs_the_full_name_first) {
  /* "the Protocol" alone names nothing: several protocols exist. */
  run("Recalling article 6 of the Protocol,", NULL);
  ck_assert_uint_eq(count_target("UNTOC/TIP#art_6"), 0);
  for (size_t i = 0; i < cg_result_count(res); i++)
    ck_assert_ptr_nonnull(cit(i)->target);
  /* …and the extractor forgets the previous document's names. */
  run("Recalling the Protocol to Prevent, Suppress and Punish Trafficking in "
      "Persons, Especially Women and Children,",
      NULL);
  ck_assert_uint_eq(count_target("UNTOC/TIP"), 1);
  run("Recalling article 6 of the Protocol,", NULL);
  ck_assert_uint_eq(count_target("UNTOC/TIP#art_6"), 0);
}
END_TEST

START_TEST(anaphor_with_a_lower_case_generic_points_back) {
  /* "dicha carta" is the said letter: a lower-case generic word after an
   * anaphor means an instrument the text has named, never the one the
   * word means by itself. */
  run("El Representante Permanente.\n\nEn dicha carta se indica que la "
      "carta no es v\xc3\xa1lida.",
      "es");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  run("In the said charter, the club.", "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  /* Written as a title, the word keeps its own meaning. */
  run("Recordando la Carta,", "es");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  /* After the instrument was named too: "dicha carta" is a letter still,
   * "тех же правилам" the same rules, whatever the text named before. */
  run("Recordando la Carta de las Naciones Unidas,\n\nTengo el honor de "
      "referirme a mi carta de fecha 3 de marzo. Como se indica en dicha "
      "carta, el Gobierno rechaza las afirmaciones. En la mencionada carta, "
      "el representante dijo.",
      "es");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  run("\xd0\x91\xd0\xb0\xd0\xbd\xd0\xb3\xd0\xba\xd0\xbe\xd0\xba\xd1\x81"
      "\xd0\xba\xd0\xb8\xd0\xb5 \xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8"
      "\xd0\xbb\xd0\xb0. \xd0\xa1\xd0\xbb\xd1\x83\xd0\xb6\xd0\xb1\xd1\x8b "
      "\xd1\x80\xd0\xb0\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0\xd1\x8e\xd1\x82 "
      "\xd0\xbf\xd0\xbe \xd1\x82\xd0\xb5\xd1\x85 \xd0\xb6\xd0\xb5 "
      "\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd0\xbb\xd0\xb0\xd0\xbc.",
      "ru");
  ck_assert_uint_eq(count_target("BANGKOK-RULES"), 1);
  /* Owning a provision, it is the treaty named before: "l'article IV du
   * même traité". */
  run("Rappelant le Trait\xc3\xa9 sur la non-prolif\xc3\xa9ration des armes "
      "nucl\xc3\xa9" "aires,\n\ncomme le pr\xc3\xa9voit l'article IV du "
      "m\xc3\xaa" "me trait\xc3\xa9.",
      "fr");
  ck_assert_uint_eq(count_target("NPT#art_4"), 1);
}
END_TEST

START_TEST(lower_case_generic_word_is_no_unknown_title) {
  /* "the framework provided by the Convention": a word that heads an
   * unknown title elsewhere ("Strategic Framework of Action") is a common
   * noun in lower case, and leaves the sentence's "Convention" its own. */
  run("Recalling the United Nations Convention on the Law of the Sea (the "
      "Convention),\n\nNotes the Indian Ocean Rim Association Strategic "
      "Framework of Action on Marine Debris;\n\nRecognizes the forum on "
      "oceans, consistent with the framework provided by the Convention and "
      "chapter 17 of Agenda 21,",
      "en");
  ck_assert_uint_eq(count_target("UNCLOS"), 3); /* its title, "(the Convention)" */
  size_t n = cg_result_count(res);
  ck_assert_str_eq(cit(n - 3)->target, "UNCLOS");
  spans(cit(n - 3), "Convention", 2);
}
END_TEST

START_TEST(generic_word_that_heads_another_title) {
  /* "on" and title words after a generic word: another, unknown title,
   * which the word may mean from then on. */
  run("Recalling the Charter of the United Nations,\nwelcoming the "
      "International Charter on Space and Major Disasters,\nurges States "
      "to join the Charter as partners,",
      "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  /* without capitals: an adjective after the word, then title words */
  run("مؤهلة لأن تكون مستخدما مصرحا له بمقتضى الميثاق الدولي بشأن الفضاء والكوارث "
      "الكبرى.\nوينسق برنامج سبايدر مع الشركاء في الميثاق من أجل أن تستفيد البلدان.",
      "ar");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  run("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,\n"
      "Calls upon both Parties to the Treaty on Measures for the Further "
      "Reduction and Limitations of Strategic Offensive Arms,",
      "en");
  ck_assert_uint_eq(count_target("NPT"), 1);
  /* A title cut by a page break. */
  run("Recalling the United Nations Framework Convention on Climate Change "
      "and the Convention on Biological\n\nDiversity,",
      "en");
  ck_assert_uint_eq(count_target("UNFCCC"), 1);
  /* One capital is not a title: "the Treaty on Monday" is still the one. */
  run("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,\n"
      "the States parties to the Treaty on Monday agreed,",
      "en");
  ck_assert_uint_eq(count_target("NPT"), 2);
}
END_TEST

START_TEST(qualifier_after_a_generic_word_heads_another_title) {
  /* An adjective of the language's qualifier list after a generic word:
   * another title there; with a capital going on, from then on too. */
  run("Le Bureau est partenaire de la Charte internationale Espace et "
      "catastrophes majeures.\n\nLes partenaires de la Charte se "
      "r\xc3\xa9unissent.",
      "fr");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  run("Los Estados partes en la Convenci\xc3\xb3n de las Naciones Unidas "
      "contra la Corrupci\xc3\xb3n y en la Convenci\xc3\xb3n interamericana "
      "contra la corrupci\xc3\xb3n. La Convenci\xc3\xb3n dispone.",
      "es");
  ck_assert_uint_eq(count_target("UNCAC"), 2);
  /* A national strategy is not the one the text named, and the word
   * keeps its meaning after it. */
  run("Rappelant la Strat\xc3\xa9gie de Maurice pour la poursuite de la mise "
      "en \xc5\x93uvre du Programme d'action pour le d\xc3\xa9veloppement "
      "durable des petits \xc3\x89tats insulaires en d\xc3\xa9veloppement. Le "
      "Comit\xc3\xa9 salue l'adoption de la Strat\xc3\xa9gie nationale pour "
      "l'\xc3\xa9galit\xc3\xa9 des sexes. La Strat\xc3\xa9gie demeure.",
      "fr");
  ck_assert_uint_eq(count_target("MAURITIUS-STRATEGY"), 2);
}
END_TEST

START_TEST(instrument_to_come_is_not_cited) {
  /* After an indefinite article, a name speaks of one to come. */
  run("Habitat III was recognized as a unique opportunity to develop a new "
      "urban agenda. Recalling the New Urban Agenda,",
      "en");
  ck_assert_uint_eq(count_target("NUA"), 1);
  run("Habitat III a \xc3\xa9t\xc3\xa9 reconnu comme les moteurs d'un nouveau "
      "programme pour les villes.",
      "fr");
  ck_assert_uint_eq(count_target("NUA"), 0);
  /* Dated in the catalogue more than a year after the text: not that one;
   * a few weeks after (opened for signature after its text was adopted),
   * still that one. */
  run("---\ndate: 2015-02-06\n---\nThe New Urban Agenda will be adopted in "
      "Quito. Recalling the Paris Agreement,",
      "en");
  ck_assert_uint_eq(count_target("NUA"), 0);
  ck_assert_uint_eq(count_target("PARIS"), 1);
  run("---\ndate: 1968-06-19\n---\nNoting the Treaty on the Non-Proliferation "
      "of Nuclear Weapons,",
      "en");
  ck_assert_uint_eq(count_target("NPT"), 1);
}
END_TEST

START_TEST(russian_names_in_every_case) {
  /* The catalogue writes names in the nominative (and a few other cases);
   * the language's case endings give the rest. */
  run("\xd0\x9a\xd0\xb0\xd0\xba \xd0\xb8 \xd0\xb2 \xd0\x9f\xd1\x80\xd0\xbe\xd1\x82\xd0\xbe\xd0\xba\xd0\xbe\xd0\xbb\xd0\xb5 "
      "\xd0\xbe \xd1\x82\xd0\xbe\xd1\x80\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbb\xd0\xb5 \xd0\xbb\xd1\x8e\xd0\xb4\xd1\x8c\xd0\xbc\xd0\xb8, "
      "\xd0\xbe\xd1\x85\xd0\xb2\xd0\xb0\xd1\x87\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5 \xd0\xa7\xd0\xb8\xd0\xba\xd0\xb0\xd0\xb3\xd1\x81\xd0\xba\xd0\xbe\xd0\xb9 "
      "\xd0\xba\xd0\xbe\xd0\xbd\xd0\xb2\xd0\xb5\xd0\xbd\xd1\x86\xd0\xb8\xd0\xb5\xd0\xb9.",
      "ru"); /* "Как и в Протоколе о торговле людьми, охваченные Чикагской конвенцией." */
  ck_assert_uint_eq(count_target("UNTOC/TIP"), 1);
  ck_assert_uint_eq(count_target("CHICAGO"), 1);
  /* A longer title in the accusative is that title, not the one inside
   * it: "Программу действий по дальнейшему осуществлению Повестки дня на
   * XXI век". */
  run("\xd0\xa1\xd1\x81\xd1\x8b\xd0\xbb\xd0\xb0\xd1\x8f\xd1\x81\xd1\x8c \xd0\xbd\xd0\xb0 "
      "\xd0\x9f\xd1\x80\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd1\x83 \xd0\xb4\xd0\xb5\xd0\xb9\xd1\x81\xd1\x82\xd0\xb2\xd0\xb8\xd0\xb9 "
      "\xd0\xbf\xd0\xbe \xd0\xb4\xd0\xb0\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb5\xd0\xb9\xd1\x88\xd0\xb5\xd0\xbc\xd1\x83 "
      "\xd0\xbe\xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8e "
      "\xd0\x9f\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xba\xd0\xb8 \xd0\xb4\xd0\xbd\xd1\x8f \xd0\xbd\xd0\xb0 XXI "
      "\xd0\xb2\xd0\xb5\xd0\xba.",
      "ru");
  ck_assert_uint_eq(count_target("AGENDA21-PROGRAMME"), 1);
  ck_assert_uint_eq(count_target("AGENDA21"), 0);
}
END_TEST

START_TEST(title_quoted_inside_a_longer_title) {
  /* "回顾《进一步执行〈21世纪议程〉方案》和《〈联合国气候变化框架公约〉京都议定书》，
   * 以及《21世纪议程》。": a title in 〈 〉 inside a longer one in 《 》 is
   * part of that title. */
  run("\xe5\x9b\x9e\xe9\xa1\xbe\xe3\x80\x8a\xe8\xbf\x9b\xe4\xb8\x80\xe6\xad\xa5\xe6\x89\xa7\xe8\xa1\x8c\xe3\x80\x88\x32\x31\xe4\xb8\x96\xe7\xba\xaa\xe8\xae\xae\xe7\xa8\x8b\xe3\x80\x89\xe6\x96\xb9\xe6\xa1\x88\xe3\x80\x8b\xe5\x92\x8c\xe3\x80\x8a\xe3\x80\x88\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe6\xb0\x94\xe5\x80\x99\xe5\x8f\x98\xe5\x8c\x96\xe6\xa1\x86\xe6\x9e\xb6\xe5\x85\xac\xe7\xba\xa6\xe3\x80\x89\xe4\xba\xac\xe9\x83\xbd\xe8\xae\xae\xe5\xae\x9a\xe4\xb9\xa6\xe3\x80\x8b\xef\xbc\x8c\xe4\xbb\xa5\xe5\x8f\x8a\xe3\x80\x8a\x32\x31\xe4\xb8\x96\xe7\xba\xaa\xe8\xae\xae\xe7\xa8\x8b\xe3\x80\x8b\xe3\x80\x82", "zh");
  ck_assert_uint_eq(count_target("AGENDA21"), 1);
  ck_assert_uint_eq(count_target("UNFCCC"), 0);
  ck_assert_uint_eq(count_target("UNFCCC/KYOTO"), 1);
}
END_TEST

START_TEST(chinese_long_titles_and_glued_generics) {
  /* A title of more than 21 ideographs is found whole:
   * "根据专门讨论裁军问题的大会第一届特别会议最后文件相关段落。" */
  run("\xe6\xa0\xb9\xe6\x8d\xae\xe4\xb8\x93\xe9\x97\xa8\xe8\xae\xa8\xe8\xae\xba\xe8\xa3\x81\xe5\x86\x9b\xe9\x97\xae\xe9\xa2\x98\xe7\x9a\x84\xe5\xa4\xa7\xe4\xbc\x9a\xe7\xac\xac\xe4\xb8\x80\xe5\xb1\x8a\xe7\x89\xb9\xe5\x88\xab\xe4\xbc\x9a\xe8\xae\xae\xe6\x9c\x80\xe5\x90\x8e\xe6\x96\x87\xe4\xbb\xb6\xe7\x9b\xb8\xe5\x85\xb3\xe6\xae\xb5\xe8\x90\xbd\xe3\x80\x82", "zh");
  ck_assert_uint_eq(count_target("SSOD1"), 1);
  /* A generic word glued to a known word of another title is that title's:
   * "回顾《关于执行1982年12月10日联合国海洋法公约第十一部分的协定》和《联合国女性囚犯待遇和女性罪犯非拘禁措施规则》。2014年1月23日《停止敌对行动协定》，请秘书长按照现有各项规则。" */
  run("\xe5\x9b\x9e\xe9\xa1\xbe\xe3\x80\x8a\xe5\x85\xb3\xe4\xba\x8e\xe6\x89\xa7\xe8\xa1\x8c\x31\x39\x38\x32\xe5\xb9\xb4\x31\x32\xe6\x9c\x88\x31\x30\xe6\x97\xa5\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe6\xb5\xb7\xe6\xb4\x8b\xe6\xb3\x95\xe5\x85\xac\xe7\xba\xa6\xe7\xac\xac\xe5\x8d\x81\xe4\xb8\x80\xe9\x83\xa8\xe5\x88\x86\xe7\x9a\x84\xe5\x8d\x8f\xe5\xae\x9a\xe3\x80\x8b\xe5\x92\x8c\xe3\x80\x8a\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe5\xa5\xb3\xe6\x80\xa7\xe5\x9b\x9a\xe7\x8a\xaf\xe5\xbe\x85\xe9\x81\x87\xe5\x92\x8c\xe5\xa5\xb3\xe6\x80\xa7\xe7\xbd\xaa\xe7\x8a\xaf\xe9\x9d\x9e\xe6\x8b\x98\xe7\xa6\x81\xe6\x8e\xaa\xe6\x96\xbd\xe8\xa7\x84\xe5\x88\x99\xe3\x80\x8b\xe3\x80\x82\x32\x30\x31\x34\xe5\xb9\xb4\x31\xe6\x9c\x88\x32\x33\xe6\x97\xa5\xe3\x80\x8a\xe5\x81\x9c\xe6\xad\xa2\xe6\x95\x8c\xe5\xaf\xb9\xe8\xa1\x8c\xe5\x8a\xa8\xe5\x8d\x8f\xe5\xae\x9a\xe3\x80\x8b\xef\xbc\x8c\xe8\xaf\xb7\xe7\xa7\x98\xe4\xb9\xa6\xe9\x95\xbf\xe6\x8c\x89\xe7\x85\xa7\xe7\x8e\xb0\xe6\x9c\x89\xe5\x90\x84\xe9\xa1\xb9\xe8\xa7\x84\xe5\x88\x99\xe3\x80\x82", "zh");
  ck_assert_uint_eq(count_target("UNCLOS/PARTXI"), 1);
  ck_assert_uint_eq(count_target("BANGKOK-RULES"), 1);
  /* Paragraphs after an instrument numbered by paragraphs are its own:
   * "与会者提到世界土著人民大会成果文件第20、21和40段，以及《联合国宪章》第十九条。" */
  run("\xe4\xb8\x8e\xe4\xbc\x9a\xe8\x80\x85\xe6\x8f\x90\xe5\x88\xb0\xe4\xb8\x96\xe7\x95\x8c\xe5\x9c\x9f\xe8\x91\x97\xe4\xba\xba\xe6\xb0\x91\xe5\xa4\xa7\xe4\xbc\x9a\xe6\x88\x90\xe6\x9e\x9c\xe6\x96\x87\xe4\xbb\xb6\xe7\xac\xac\x32\x30\xe3\x80\x81\x32\x31\xe5\x92\x8c\x34\x30\xe6\xae\xb5\xef\xbc\x8c\xe4\xbb\xa5\xe5\x8f\x8a\xe3\x80\x8a\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe5\xae\xaa\xe7\xab\xa0\xe3\x80\x8b\xe7\xac\xac\xe5\x8d\x81\xe4\xb9\x9d\xe6\x9d\xa1\xe3\x80\x82", "zh");
  ck_assert_ptr_nonnull(with_target("WCIP#para_20"));
  ck_assert_ptr_nonnull(with_target("WCIP#para_21"));
  ck_assert_ptr_nonnull(with_target("WCIP#para_40"));
  ck_assert_ptr_nonnull(with_target("UNCHARTER#art_19"));
}
END_TEST

START_TEST(arabic_adjective_after_a_generic_word) {
  /* "… بروتوكول كيوتو …، ويسمح اتفاق الضمانات الشاملة إلى جانب البروتوكول الإضافي …":
   * an adjective with the generic word's article, shape and gender makes
   * it another one (the Additional Protocol). */
  run("\xd9\x88\xd8\xa5\xd8\xb0\x20\xd8\xaa\xd8\xb4\xd9\x8a\xd8\xb1\x20\xd8\xa5\xd9\x84\xd9\x89\x20\xd8\xa8\xd8\xb1\xd9\x88\xd8\xaa\xd9\x88\xd9\x83\xd9\x88\xd9\x84\x20\xd9\x83\xd9\x8a\xd9\x88\xd8\xaa\xd9\x88\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x84\xd8\xad\xd9\x82\x20\xd8\xa8\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\xd9\x8a\xd8\xa9\x20\xd8\xa7\xd9\x84\xd8\xa3\xd9\x85\xd9\x85\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xad\xd8\xaf\xd8\xa9\x20\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb7\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xa9\x20\xd8\xa8\xd8\xb4\xd8\xa3\xd9\x86\x20\xd8\xaa\xd8\xba\xd9\x8a\xd8\xb1\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x86\xd8\xa7\xd8\xae\xd8\x8c\x20\xd9\x88\xd9\x8a\xd8\xb3\xd9\x85\xd8\xad\x20\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\x20\xd8\xa7\xd9\x84\xd8\xb6\xd9\x85\xd8\xa7\xd9\x86\xd8\xa7\xd8\xaa\x20\xd8\xa7\xd9\x84\xd8\xb4\xd8\xa7\xd9\x85\xd9\x84\xd8\xa9\x20\xd8\xa5\xd9\x84\xd9\x89\x20\xd8\xac\xd8\xa7\xd9\x86\xd8\xa8\x20\xd8\xa7\xd9\x84\xd8\xa8\xd8\xb1\xd9\x88\xd8\xaa\xd9\x88\xd9\x83\xd9\x88\xd9\x84\x20\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb6\xd8\xa7\xd9\x81\xd9\x8a\x20\xd8\xa8\xd8\xaa\xd8\xb7\xd8\xa8\xd9\x8a\xd9\x82\x20\xd8\xa7\xd9\x84\xd8\xb6\xd9\x85\xd8\xa7\xd9\x86\xd8\xa7\xd8\xaa\x2e", "ar");
  ck_assert_uint_eq(count_target("UNFCCC/KYOTO"), 1);
  /* "… المادة الثالثة من المعاهدة المتعلق بالتحقق، وتؤكد الأطراف في المعاهدة الحاجة
   * إلى ذلك.": a word of another gender, or a noun, does not. */
  run("\xd9\x88\xd8\xaa\xd8\xa4\xd9\x83\xd8\xaf\x20\xd8\xa7\xd9\x84\xd8\xaf\xd9\x88\xd9\x84\x20\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb7\xd8\xb1\xd8\xa7\xd9\x81\x20\xd9\x81\xd9\x8a\x20\xd9\x85\xd8\xb9\xd8\xa7\xd9\x87\xd8\xaf\xd8\xa9\x20\xd8\xb9\xd8\xaf\xd9\x85\x20\xd8\xa7\xd9\x86\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1\x20\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd9\x84\xd8\xad\xd8\xa9\x20\xd8\xa7\xd9\x84\xd9\x86\xd9\x88\xd9\x88\xd9\x8a\xd8\xa9\x20\xd8\xa3\xd9\x86\x20\xd8\xa7\xd9\x84\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb2\xd8\xa7\xd9\x85\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xb1\xd8\xaa\xd8\xa8\x20\xd8\xa8\xd9\x85\xd9\x88\xd8\xac\xd8\xa8\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xaf\xd8\xa9\x20\xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x84\xd8\xab\xd8\xa9\x20\xd9\x85\xd9\x86\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xb9\xd8\xa7\xd9\x87\xd8\xaf\xd8\xa9\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xaa\xd8\xb9\xd9\x84\xd9\x82\x20\xd8\xa8\xd8\xa7\xd9\x84\xd8\xaa\xd8\xad\xd9\x82\xd9\x82\xd8\x8c\x20\xd9\x88\xd8\xaa\xd8\xa4\xd9\x83\xd8\xaf\x20\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb7\xd8\xb1\xd8\xa7\xd9\x81\x20\xd9\x81\xd9\x8a\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xb9\xd8\xa7\xd9\x87\xd8\xaf\xd8\xa9\x20\xd8\xa7\xd9\x84\xd8\xad\xd8\xa7\xd8\xac\xd8\xa9\x20\xd8\xa5\xd9\x84\xd9\x89\x20\xd8\xb0\xd9\x84\xd9\x83\x2e", "ar");
  ck_assert_uint_eq(count_target("NPT"), 3);
  ck_assert_ptr_nonnull(with_target("NPT#art_3"));
}
END_TEST

START_TEST(document_symbol_gives_the_body) {
  /* A document's own symbol says whose it is: "of the Council" in
   * E/2015/9 is the Economic and Social Council's. */
  run("---\nsymbol: E/2015/9\n---\nConform\xc3\xa9ment \xc3\xa0 la "
      "r\xc3\xa9solution 1147 (XLI) du Conseil, en 2015.",
      "fr");
  ck_assert_ptr_nonnull(with_target("E/RES/1147(XLI)"));
  /* A treaty body's document: "the Convention" is its treaty, and articles
   * a code's abbreviation follows are that code's. */
  run("---\nsymbol: CAC/COSP/IRG/I/3/1/Add.17\n---\nLuxembourg has "
      "implemented article 19 of the Convention through articles 240, 243 "
      "and 245 CP.",
      "en");
  ck_assert_ptr_nonnull(with_target("UNCAC#art_19"));
  ck_assert_uint_eq(count_target("UNCAC#art_240"), 0);
  ck_assert_uint_eq(count_target("UNCAC#art_245"), 0);
  /* The same in Arabic, where "the Convention" alone is the body's treaty
   * too: "وتنفذ لكسمبرغ المادة 19 من الاتفاقية، ولا تقوم بتسليم ذلك الشخص
   * (المادة 5-1 من قانون الإجراءات الجنائية)." */
  run("---\nsymbol: CAC/COSP/IRG/I/3/1/Add.17\n---\n\xd9\x88\xd8\xaa\xd9\x86\xd9\x81\xd8\xb0\x20\xd9\x84\xd9\x83\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1\xd8\xba\x20\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xaf\xd8\xa9\x20\x31\x39\x20\xd9\x85\xd9\x86\x20\xd8\xa7\xd9\x84\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\xd9\x8a\xd8\xa9\xd8\x8c\x20\xd9\x88\xd9\x84\xd8\xa7\x20\xd8\xaa\xd9\x82\xd9\x88\xd9\x85\x20\xd8\xa8\xd8\xaa\xd8\xb3\xd9\x84\xd9\x8a\xd9\x85\x20\xd8\xb0\xd9\x84\xd9\x83\x20\xd8\xa7\xd9\x84\xd8\xb4\xd8\xae\xd8\xb5\x20\x28\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xaf\xd8\xa9\x20\x35\x2d\x31\x20\xd9\x85\xd9\x86\x20\xd9\x82\xd8\xa7\xd9\x86\xd9\x88\xd9\x86\x20\xd8\xa7\xd9\x84\xd8\xa5\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1\xd8\xa7\xd8\xaa\x20\xd8\xa7\xd9\x84\xd8\xac\xd9\x86\xd8\xa7\xd8\xa6\xd9\x8a\xd8\xa9\x29\x2e", "ar");
  ck_assert_ptr_nonnull(with_target("UNCAC#art_19"));
  ck_assert_uint_eq(count_target("UNCAC#art_5"), 0);
  /* "卢森堡可确立其对根据《公约》确立的犯罪的管辖权（《刑事诉讼法》第5-1 条）。" */
  run("---\nsymbol: CAC/COSP/IRG/I/3/1/Add.17\n---\n\xe5\x8d\xa2\xe6\xa3\xae\xe5\xa0\xa1\xe5\x8f\xaf\xe7\xa1\xae\xe7\xab\x8b\xe5\x85\xb6\xe5\xaf\xb9\xe6\xa0\xb9\xe6\x8d\xae\xe3\x80\x8a\xe5\x85\xac\xe7\xba\xa6\xe3\x80\x8b\xe7\xa1\xae\xe7\xab\x8b\xe7\x9a\x84\xe7\x8a\xaf\xe7\xbd\xaa\xe7\x9a\x84\xe7\xae\xa1\xe8\xbe\x96\xe6\x9d\x83\xef\xbc\x88\xe3\x80\x8a\xe5\x88\x91\xe4\xba\x8b\xe8\xaf\x89\xe8\xae\xbc\xe6\xb3\x95\xe3\x80\x8b\xe7\xac\xac\x35\x2d\x31\x20\xe6\x9d\xa1\xef\xbc\x89\xe3\x80\x82", "zh");
  ck_assert_uint_eq(count_target("UNCAC#art_1"), 0);
  ck_assert_uint_eq(count_target("UNCAC#art_5"), 0);
}
END_TEST

START_TEST(article_beyond_the_instrument) {
  /* The NPT has 11 articles: "article 18 of the Treaty" in a text on the
   * Central Asian zone names another treaty's. */
  run("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,\n"
      "In accordance with article 18 of the Treaty, Kyrgyzstan transmitted "
      "certified copies. Article III of the Treaty applies.",
      "en");
  ck_assert_uint_eq(count_target("NPT#art_18"), 0);
  ck_assert_ptr_nonnull(with_target("NPT#art_3"));
}
END_TEST

START_TEST(capital_before_a_generic_word_is_the_word_before) {
  /* A gap takes the flags of its first word: a capital that begins it is
   * not the word before the generic one. */
  run("\xd0\x94\xd0\xbe\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80 \xd0\xbe "
      "\xd0\xbd\xd0\xb5\xd1\x80\xd0\xb0\xd1\x81\xd0\xbf\xd1\x80\xd0\xbe"
      "\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb5\xd0\xbd\xd0\xb8"
      "\xd0\xb8 \xd1\x8f\xd0\xb4\xd0\xb5\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb3"
      "\xd0\xbe \xd0\xbe\xd1\x80\xd1\x83\xd0\xb6\xd0\xb8\xd1\x8f.\n\n"
      "\xd0\x9f\xd0\xbe\xd1\x8d\xd1\x82\xd0\xbe\xd0\xbc\xd1\x83 "
      "\xd0\xb3\xd0\xbe\xd1\x81\xd1\x83\xd0\xb4\xd0\xb0\xd1\x80\xd1\x81"
      "\xd1\x82\xd0\xb2\xd0\xb0\xd0\xbc -- \xd1\x83\xd1\x87\xd0\xb0\xd1\x81"
      "\xd1\x82\xd0\xbd\xd0\xb8\xd0\xba\xd0\xb0\xd0\xbc "
      "\xd0\x94\xd0\xbe\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd0\xb0 "
      "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb4"
      "\xd1\x83\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f.",
      "ru");
  ck_assert_uint_eq(count_target("NPT"), 2);
}
END_TEST

START_TEST(name_inside_a_longer_title) {
  run("States parties to the Inter-American Convention against Corruption met.",
      "en");
  ck_assert_uint_eq(count_target("UNCAC"), 0);
  run("States parties to the United Nations Convention against Corruption met.",
      "en");
  ck_assert_uint_eq(count_target("UNCAC"), 1);
  /* Inside a web address or a symbol: no citation; emphasis is no part. */
  run("See www.un.org/depts/los/fish_stocks_agreement_states_parties.htm, "
      "document UNEP/CBD/COP/10/27 and the _Fish Stocks Agreement_.",
      "en");
  ck_assert_uint_eq(count_target("UNCLOS/FISH"), 1);
  ck_assert_uint_eq(count_target("CBD"), 0);
  /* 《日内瓦可持续住房联合国宪章》: the quoted title is longer than the name. */
  run("\xe5\xa7\x94\xe5\x91\x98\xe4\xbc\x9a\xe6\xa0\xb8\xe5\x87\x86"
      "\xe4\xba\x86\xe3\x80\x8a\xe6\x97\xa5\xe5\x86\x85\xe7\x93\xa6"
      "\xe5\x8f\xaf\xe6\x8c\x81\xe7\xbb\xad\xe4\xbd\x8f\xe6\x88\xbf"
      "\xe8\x81\x94\xe5\x90\x88\xe5\x9b\xbd\xe5\xae\xaa\xe7\xab\xa0"
      "\xe3\x80\x8b\xe3\x80\x82",
      "zh");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  /* 《联合国宪章》 is the Charter. */
  run("\xe9\x81\xb5\xe5\xae\x88\xe3\x80\x8a\xe8\x81\x94\xe5\x90\x88"
      "\xe5\x9b\xbd\xe5\xae\xaa\xe7\xab\xa0\xe3\x80\x8b\xe3\x80\x82",
      "zh");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
}
END_TEST

START_TEST(lower_case_name_in_long_prose) {
  /* The scanner's skim of lower-case prose stops at the first word of a
   * name the catalogue writes in lower case. */
  run("Recalling its resolution 62/67, the annex to which contains the text "
      "of the articles on diplomatic protection, commending the articles to "
      "the attention of Governments,",
      "en");
  ck_assert_uint_eq(count_target("DIPPROT"), 1);
  /* Not at the same word when no name goes on from it. */
  run("Recalling its resolution 62/67, the annex to which contains the text "
      "of the articles adopted on second reading by the commission,",
      "en");
  ck_assert_uint_eq(count_target("DIPPROT"), 0);
  /* Nor does it skip a name the catalogue writes with capitals that a text
   * writes in lower case, in any language. */
  run("The Assembly, having considered these matters carefully and at length, "
      "recalls the political declaration of the third high-level meeting of "
      "the General Assembly on the prevention and control of "
      "non-communicable diseases,",
      "en");
  ck_assert_uint_eq(count_target("NCD-2018"), 1);
  run("The Assembly, having considered these matters carefully and at length, "
      "welcomes the principles relating to the status of national "
      "institutions for the promotion and protection of human rights,",
      "en");
  ck_assert_uint_eq(count_target("PARIS-PRINCIPLES"), 1);
  run("La Asamblea, que ha examinado estas cuestiones con cuidado y en "
      "detalle, destaca que el nuevo programa urbano contribuye,",
      "es");
  ck_assert_uint_eq(count_target("NUA"), 1);
  /* Inside words joined by an apostrophe (' or U+2019) or a hyphen, which
   * the skim steps over, a name begins after the joint as after a space. */
  run("Le Conseil, ayant examiné ces questions avec soin et en détail, "
      "rappelle que l'application de l'accord de paris contribue,",
      "fr");
  ck_assert_uint_eq(count_target("PARIS"), 1);
  run("Le Conseil, ayant examiné ces questions avec soin et en détail, "
      "rappelle que l\u2019application de l\u2019accord de paris contribue,",
      "fr");
  ck_assert_uint_eq(count_target("PARIS"), 1);
  run("The Assembly, having considered these matters carefully and at length, "
      "welcomes the long-standing principles relating to the status of "
      "national institutions for the promotion and protection of human rights,",
      "en");
  ck_assert_uint_eq(count_target("PARIS-PRINCIPLES"), 1);
}
END_TEST

START_TEST(name_with_commas_is_one_name) {
  /* "Agreement on Port State Measures to Prevent, Deter and Eliminate
   * Illegal, Unreported and Unregulated Fishing" is one title, not three:
   * its last words alone are no citation. */
  run("Concerned that illegal, unreported and unregulated fishing remains a "
      "threat, and recalling the Agreement on Port State Measures to "
      "Prevent, Deter and Eliminate Illegal, Unreported and Unregulated "
      "Fishing,",
      "en");
  ck_assert_uint_eq(count_target("PSMA"), 1);
  spans(with_target("PSMA"),
        "Agreement on Port State Measures to Prevent, Deter and Eliminate "
        "Illegal, Unreported and Unregulated Fishing",
        0);
}
END_TEST

START_TEST(assembly_session_numbers_begin_at_31) {
  /* The Assembly numbers "61/144" from its thirty-first session: in its
   * own resolution, a bare "decision 16/22" is some other body's. */
  run("---\nsymbol: A/RES/80/140\n---\n\nThe General Assembly,\n\n"
      "Recalling its resolution 61/144,\n"
      "Notes decision 16/22, adopted at the sixteenth meeting of the "
      "Conference of the Parties,\n",
      NULL);
  ck_assert_uint_eq(count_target("A/RES/61/144"), 1);
  ck_assert_uint_eq(count_target("A/DEC/16/22"), 0);
}
END_TEST

START_TEST(provision_numbers_with_suffixes) {
  /* A letter without brackets, a decimal paragraph, a range: the owner
   * after them is still the provision's. */
  run("Recalling the Declaration on the Granting of Independence to Colonial "
      "Countries and Peoples,\nRecalling Article 73 b of the Charter of the "
      "United Nations, article 4.15 of the Paris Agreement and articles 19 to "
      "22 of the International Covenant on Civil and Political Rights,",
      "en");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_b"), 1);
  ck_assert_uint_eq(count_target("PARIS#art_4__para_15"), 1);
  ck_assert_uint_eq(count_target("ICCPR#art_19"), 1);
  ck_assert_uint_eq(count_target("ICCPR#art_22"), 1);
  ck_assert_uint_eq(count_target("DECOLONIZATION#art_73"), 0);
  /* "paragraph 4.2" is no numbering of ours: nothing rather than a guess. */
  run("Recalling the Declaration on the Granting of Independence to Colonial "
      "Countries and Peoples,\nRecalling paragraph 4.2 of the London "
      "Protocol,",
      "en");
  for (size_t i = 0; i < cg_result_count(res); i++)
    ck_assert_int_ne(cit(i)->kind, CG_KIND_PROVISION);
}
END_TEST

START_TEST(possessive_generic_is_the_possessors) {
  /* "sa Charte" after another organization is that organization's charter;
   * after the United Nations it is the Charter, in each language. */
  run("La Ligue agit en application de ses résolutions, de sa Charte et du "
      "Traité de défense commune.", "fr");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  run("Réaffirmant les buts et principes des Nations Unies, énoncés dans sa "
      "Charte,", "fr");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  run("Reaffirming the purposes and principles of the United Nations, as set "
      "forth in its Charter; the League and its Charter.", "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  run("联合国及其宪章。阿盟及其《宪章》。", "zh");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  run("Организация Объединенных Наций и ее Устав. Лига и ее Устав.", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  /* Named in full before, "its Charter" is that one whatever the clause. */
  run("Guided by the Charter of the United Nations,\n\nThe Organization and "
      "its Charter remain.", "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 2);
}
END_TEST

START_TEST(russian_subject_after_provision_is_no_owner) {
  /* "главой VIII региональные организации": the next word is the
   * sentence's subject (a nominative ending), so the article waits for the
   * sentence's instrument; a genitive gap still owns it. */
  run("В соответствии с главой VIII региональные организации действуют в "
      "соответствии с Уставом.", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#chp_8"), 1);
  run("В соответствии со статьей 18 проекта кодекса и Уставом.", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_18"), 0);
  /* after a comma a word is no genitive owning the articles */
  run("подтверждая, что международное право, как оно отражено в Конвенции "
      "Организации Объединенных Наций по морскому праву, в частности в ее "
      "статьях 100, 101 и 105, устанавливает правовую основу,", "ru");
  ck_assert_uint_eq(count_target("UNCLOS#art_100"), 1);
  ck_assert_uint_eq(count_target("UNCLOS#art_105"), 1);
}
END_TEST

START_TEST(russian_general_comment_cases_and_committee_abbreviations) {
  /* The instrumental case, and the committees' Russian abbreviations after
   * the number ("КЛДЖ", "КЭСКП"). */
  run("В соответствии с общей рекомендацией № 29 КЛДЖ по статье 16 "
      "Конвенции и замечанием общего порядка № 14 КЭСКП.", "ru");
  ck_assert_uint_eq(count_target("CEDAW/C/GC/29"), 1);
  ck_assert_uint_eq(count_target("E/C.12/GC/14"), 1);
}
END_TEST

START_TEST(own_treaty_single_protocol) {
  /* In the CEDAW Committee's own document (its symbol gives the body),
   * "the Optional Protocol" is the one protocol of its treaty; in the
   * Committee on the Rights of the Child's, which has three, none. */
  run("---\nsymbol: CEDAW/C/ECU/CO/8-9\n---\n9. The Committee recommends that the Convention, "
      "the Optional Protocol and the Committee's general recommendations be "
      "disseminated.", "en");
  ck_assert_uint_eq(count_target("CEDAW/OP"), 1);
  run("---\nsymbol: CRC/C/ECU/CO/5-6\n---\n9. The Committee recommends that the Convention and "
      "the Optional Protocol be disseminated.", "en");
  for (size_t i = 0; i < cg_result_count(res); i++)
    ck_assert(!cit(i)->target || !strstr(cit(i)->target, "/OP"));
}
END_TEST

START_TEST(heading_line_names_the_issuer) {
  /* A body's name alone on a heading line says whose "its resolution" is;
   * the last such line wins (the masthead's "General Assembly" above
   * "Human Rights Council"), and a symbol beats it. */
  run("General Assembly\nSeventieth session\n\nRecalling its resolution "
      "60/288 of 8 September 2006,", "en");
  ck_assert_uint_eq(count_target("A/RES/60/288"), 1);
  run("General Assembly\nHuman Rights Council\nThirty-fifth session\n\n"
      "Recalling its resolution 5/1 of 18 June 2007,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  run("---\nsymbol: A/HRC/35/L.1\n---\nGeneral Assembly\n\nRecalling its "
      "resolution 5/1,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  /* "its resolutions 5/1" after the Assembly's 60/251: no Assembly's
   * numbers (its sessions' begin at 31), so the issuer's. */
  run("Human Rights Council\n\nRecalling General Assembly resolution 60/251 "
      "of 15 March 2006, and its resolutions 5/1 and 5/2 of 18 June 2007,", "en");
  ck_assert_uint_eq(count_target("A/RES/60/251"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/2"), 1);
  /* In a sentence it is no heading. */
  run("Welcomes the work of the\nGeneral Assembly\nin this field.\n\n"
      "Recalling its resolution 60/288,", "en");
  ck_assert_uint_eq(count_target("A/RES/60/288"), 0);
}
END_TEST

START_TEST(session_not_yet_held_is_not_the_bodys) {
  /* The Commission on Crime Prevention first met in 1992, once a year:
   * "its resolution 80/226 of 18 December 2025", in an Assembly text that
   * names the Commission, is the Assembly's; the Human Rights Council held
   * its sixtieth session in 2025, so "its resolution 62/141" in a text of
   * 2025 is not its own. */
  run("Resolution adopted by the General Assembly on 18 December 2025\n\n"
      "The General Assembly,\n\nNoting the follow-up process by the "
      "Commission on Crime Prevention and Criminal Justice, and welcoming the "
      "adoption of its resolution 80/226 of 18 December 2025,", "en");
  ck_assert_uint_eq(count_target("A/RES/80/226"), 1);
  ck_assert_uint_eq(count_target("CCPCJ/RES/80/226"), 0);
  run("Resolution adopted by the General Assembly on 15 December 2025\n\n"
      "The General Assembly,\n\nRequests reports to the General Assembly and "
      "the Human Rights Council, consistent with paragraph 58 of its "
      "resolution 62/141,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/62/141"), 0);
  /* the adoption line gives the document's date */
  ck_assert_str_eq(cg_result_document(res)->date, "2025-12-15");
  /* A session it had held is still its own. */
  run("Resolution adopted by the General Assembly on 15 December 2025\n\n"
      "The General Assembly,\n\nRecalling Human Rights Council resolution "
      "58/10,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/58/10"), 1);
}
END_TEST

START_TEST(title_with_article_inside) {
  /* "la Déclaration et le Programme d'action de Vienne" is the 1993
   * Declaration, not the Vienna Programme of Action for landlocked
   * countries its last words name; the year inside a title. */
  run("Réaffirmant la Déclaration et le Programme d'action de Vienne, ainsi que "
      "la Convention de 1951 relative au statut des réfugiés et le Protocole de "
      "1967 relatif au statut des réfugiés,", "fr");
  ck_assert_uint_eq(count_target("VDPA"), 1);
  ck_assert_uint_eq(count_target("VIENNA-POA"), 0);
  ck_assert_uint_eq(count_target("REFUGEES"), 1);
  ck_assert_uint_eq(count_target("REFUGEES/1967"), 1);
  run("Recordando la Declaración y el Programa de Acción de Viena,", "es");
  ck_assert_uint_eq(count_target("VDPA"), 1);
  ck_assert_uint_eq(count_target("VIENNA-POA"), 0);
}
END_TEST

START_TEST(chinese_possessive_across_date) {
  /* "其1946年6月21日第11(II)号决议" in the Council's text: "its", past the
   * date's marks, makes the old-style number the Council's, not the
   * Assembly's that such numbers are by default. */
  run("经济及社会理事会\n\n回顾其1946年6月21日第11(II)号决议，", "zh");
  ck_assert_uint_eq(count_target("E/RES/11(II)"), 1);
  ck_assert_uint_eq(count_target("A/RES/11(II)"), 0);
}
END_TEST

START_TEST(conference_of_the_parties_of_the_sentences_treaty) {
  /* "the Conference of the Parties", which several treaties have, is the
   * one serving the treaty the sentence names; in every language. */
  run("Recalling the Convention on Biological Diversity and decisions 15/10 "
      "and 16/4 of the Conference of the Parties,", "en");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/15/10"), 1);
  ck_assert_uint_eq(count_target("CBD/COP/DEC/16/4"), 1);
  /* a decision after its body's document: "CBD/COP/15/17, decision 15/4";
   * not after a document of a body that numbers none so ("A/51/312, annex
   * II, decision II/10") */
  run("United Nations Environment Programme, document CBD/COP/15/17, decision "
      "15/4, annex. See A/51/312, annex II, decision II/10.", "en");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/15/4"), 1);
  ck_assert_uint_eq(count_target("A/DEC/II/10"), 0);
  ck_assert_uint_eq(count_target("CBD/COP/DEC/II/10"), 0);
  run("欢迎《生物多样性公约》缔约方大会第15/4号决定通过了框架。", "zh");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/15/4"), 1);
  /* 。 ends the sentence that named two protocols, whatever follows it */
  run("缔约方继续执行《卡塔赫纳生物安全议定书》和《名古屋议定书》。《生物多样性公约》"
      "缔约方大会第15/4号决定通过了框架。", "zh");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/15/4"), 1);
  /* With no treaty named, still no body. */
  run("Recalling decision 15/4 of the Conference of the Parties,", "en");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/15/4"), 0);
}
END_TEST

START_TEST(chinese_lettered_subparagraphs) {
  /* Latin letters and the earthly branches (子 丑 寅 卯 辰 …: a, b, c, d,
   * e, …) after 款 or an article: "第2条第1款(a)项", "第七十三条(辰)款". */
  run("强调《巴黎协定》第2条第1款(a)项所述的目标。", "zh");
  ck_assert_uint_eq(count_target("PARIS#art_2__para_1__point_a"), 1);
  run("按照《宪章》第七十三条(辰)款递送的情报。", "zh");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  run("《公民权利和政治权利国际公约》第十四条第三款(卯)项。", "zh");
  ck_assert_uint_eq(count_target("ICCPR#art_14__para_3__point_d"), 1);
  /* the letter before the article's word: "第8(j)条" */
  run("回顾《生物多样性公约》第8(j)条和第10(c)条，", "zh");
  ck_assert_uint_eq(count_target("CBD#art_8__point_j"), 1);
  ck_assert_uint_eq(count_target("CBD#art_10__point_c"), 1);
}
END_TEST

START_TEST(arabic_part_letters_by_name) {
  /* "217 ألف (د-3)": Arabic names the part's letter (ألف, A). */
  run("وإذ تشير إلى القرار 217 ألف (د-3) والقرار 2200 ألف (د-21) والقرار "
      "1514 (د-15).", "ar");
  ck_assert_uint_eq(count_target("A/RES/217A(III)"), 1);
  ck_assert_uint_eq(count_target("A/RES/2200A(XXI)"), 1);
  ck_assert_uint_eq(count_target("A/RES/1514(XV)"), 1);
  /* As text from PDF files writes them: "(د)21-", no space between. */
  run("وإذ تشير إلى القرار 2200 ألف (د)21- والقرار 1514 (د)15-.", "ar");
  ck_assert_uint_eq(count_target("A/RES/2200A(XXI)"), 1);
  ck_assert_uint_eq(count_target("A/RES/1514(XV)"), 1);
  /* The dual: "قرارا مجلس الأمن 1267 (1999) و 1989 (2011)". */
  run("قرارا مجلس الأمن 1267 (1999) و 1989 (2011)", "ar");
  ck_assert_uint_eq(count_target("S/RES/1267(1999)"), 1);
  ck_assert_uint_eq(count_target("S/RES/1989(2011)"), 1);
  /* A subparagraph letter, then a paragraph's number: no session. */
  run("وإذ تشير إلى القرار 1514 (د)\n16 - تقرر", "ar");
  ck_assert_uint_eq(count_target("A/RES/1514(XVI)"), 0);
}
END_TEST

/* Arabic as text taken from PDF files comes: direction marks around each
 * run, and the lam-alef ligature written backwards ("األمم" for "الأمم",
 * "االتفاقية" for "الاتفاقية"). The marks end words; the pairs are put
 * back for reading. A word with lam, hamza and lam that is right as it
 * stands ("للألفية", of the Millennium) is read as it stands. */
START_TEST(arabic_from_pdf_marks_and_reversed_lam_alef) {
  run("\u202b\u0648\u0641\u0642\u0627\u202c \u202b\u0644\u0644\u0645\u0627\u062f\u0629\u202c "
      "\u202a51\u202c \u202b\u0645\u0646\u202c \u202b\u0645\u064a\u062b\u0627\u0642\u202c "
      "\u202b\u0627\u0623\u0644\u0645\u0645\u202c \u202b\u0627\u0644\u0645\u062a\u062d\u062f\u0629\u202c.",
      "ar"); /* وفقا للمادة 51 من ميثاق األمم المتحدة */
  ck_assert_uint_eq(count_target("UNCHARTER#art_51"), 1);
  run("\u0648\u0625\u0630 \u062a\u0634\u064a\u0631 \u0625\u0644\u0649 "
      "\u0627\u0644\u0627\u062a\u0641\u0627\u0642\u064a\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629 "
      "\u0644\u0644\u0642\u0636\u0627\u0621 \u0639\u0644\u0649 \u062c\u0645\u064a\u0639 "
      "\u0623\u0634\u0643\u0627\u0644 \u0627\u0644\u062a\u0645\u064a\u064a\u0632 "
      "\u0627\u0644\u0639\u0646\u0635\u0631\u064a",
      "ar"); /* الاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري, as it should be */
  size_t right = count_target("ICERD");
  ck_assert_uint_eq(right, 1);
  run("\u0648\u0625\u0630 \u062a\u0634\u064a\u0631 \u0625\u0644\u0649 "
      "\u0627\u0627\u0644\u062a\u0641\u0627\u0642\u064a\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629 "
      "\u0644\u0644\u0642\u0636\u0627\u0621 \u0639\u0644\u0649 \u062c\u0645\u064a\u0639 "
      "\u0623\u0634\u0643\u0627\u0644 \u0627\u0644\u062a\u0645\u064a\u064a\u0632 "
      "\u0627\u0644\u0639\u0646\u0635\u0631\u064a",
      "ar"); /* the same with االتفاقية */
  ck_assert_uint_eq(count_target("ICERD"), 1);
  run("\u0648\u0625\u0639\u0644\u0627\u0646 \u0627\u0644\u0623\u0645\u0645 "
      "\u0627\u0644\u0645\u062a\u062d\u062f\u0629 \u0644\u0644\u0623\u0644\u0641\u064a\u0629",
      "ar"); /* وإعلان الأمم المتحدة للألفية */
  ck_assert_uint_eq(count_target("MILLENNIUM"), 1);
}
END_TEST

/* A Security Council resolution is known by number and year: "S/RES/2231"
 * alone is reported, not cited as a symbol of its own. Text from PDF files
 * with right-to-left runs can write "1696 ()2006": the year is read. */
START_TEST(security_council_year_moved_or_missing) {
  run("Recalling S/RES/2231 and resolution 1737 (2006),", "en");
  ck_assert_uint_eq(count_target("S/RES/2231"), 0);
  ck_assert_uint_eq(count_target("S/RES/1737(2006)"), 1);
  run("\u0648\u0625\u0630 \u064a\u0634\u064a\u0631 \u0625\u0644\u0649 "
      "\u0642\u0631\u0627\u0631\u0627\u062a\u0647 \u202a1696\u202c \u202b(\u202c\u202a)2006\u202c",
      "ar"); /* وإذ يشير إلى قراراته 1696 ()2006 in a Security Council text */
  ck_assert_uint_eq(count_target("S/RES/1696(2006)"), 1);
  run("resolution 1696 () 2006", "en"); /* a space: no year */
  ck_assert_uint_eq(count_target("S/RES/1696(2006)"), 0);
}
END_TEST

/* "paragraph 2 of the operative part of resolution …" in each language
 * (the part between a paragraph and its resolution), and Russian
 * subparagraph letters typed in Cyrillic look-alikes: "пункте 2(е)". */
START_TEST(operative_part_and_look_alike_letters) {
  static const char *const texts[][2] = {
      {"The Council recalls paragraph 2 (e) of the operative part of resolution 1373 (2001).", "en"},
      {"Il rappelle le paragraphe 2 e) du dispositif de la résolution 1373 (2001).", "fr"},
      {"Recuerda el párrafo 2 e) de la parte dispositiva de la resolución 1373 (2001).", "es"},
      {"Совет напоминает о пункте 2(е) постановляющей части резолюции 1373 (2001).", "ru"},
      {"يشير إلى الفقرة 2 (هـ) من منطوق القرار 1373 (2001).", "ar"}};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    run(texts[i][0], texts[i][1]);
    ck_assert_msg(count_target("S/RES/1373(2001)#para_2__point_e") == 1, "%s", texts[i][0]);
  }
  run("Совет напоминает об обязанностях, изложенных в пункте 2(е) резолюции 1373 (2001), "
      "и о пункте 3 (с) резолюции 1540 (2004) с поправками.", "ru");
  ck_assert_uint_eq(count_target("S/RES/1373(2001)#para_2__point_e"), 1);
  ck_assert_uint_eq(count_target("S/RES/1540(2004)#para_3__point_c"), 1);
  ck_assert_uint_eq(count_target("S/RES/1540(2004)#para_3"), 0);
}
END_TEST

/* In a text that names several conventions, "the Convention" of a sentence
 * that named one convention and a protocol to it is that convention. */
START_TEST(generic_name_of_the_one_the_sentence_named) {
  static const char *const texts[][2] = {
      {"The General Assembly,\n\nRecalling the Convention on the Rights of Persons with "
       "Disabilities,\n\n1. Urges all States to become parties to the Convention against "
       "Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and the Optional "
       "Protocol thereto, and States parties to make the declarations provided for in article 22 "
       "of the Convention;\n", "en"},
      {"L'Assemblée générale,\n\nRappelant la Convention relative aux droits des personnes "
       "handicapées,\n\n1. Exhorte tous les États à devenir parties à la Convention contre la "
       "torture et autres peines ou traitements cruels, inhumains ou dégradants et au Protocole "
       "facultatif s'y rapportant, et les États parties à faire la déclaration prévue à l'article "
       "22 de la Convention;\n", "fr"}};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    run(texts[i][0], texts[i][1]);
    ck_assert_msg(count_target("CAT#art_22") == 1, "%s", texts[i][1]);
    ck_assert_msg(count_target("CRPD#art_22") == 0, "%s", texts[i][1]);
  }
  /* another's possessive, or its subject after it, points elsewhere */
  run("The General Assembly,\n\nRecalling the Convention against Torture and Other Cruel, "
      "Inhuman or Degrading Treatment or Punishment and the Optional Protocol thereto, the "
      "Convention on the Rights of the Child and its Optional Protocol on the involvement of "
      "children in armed conflict,\n", "en");
  ck_assert_uint_eq(count_target("CAT/OP"), 1);
  /* a title the catalogue lacks in the sentence: which one, it cannot tell */
  /* a name we cannot tell of another kind leaves the treaty as it is: "the
   * Final Declaration adopted by the Conference on … the Comprehensive
   * Nuclear-Test-Ban Treaty …, convened pursuant to article XIV of the Treaty" */
  run("The General Assembly,\n\nRecalling the Treaty on the Non-Proliferation of Nuclear "
      "Weapons,\n\nRecalling further the Final Declaration adopted by the fourteenth Conference "
      "on Facilitating the Entry into Force of the Comprehensive Nuclear-Test-Ban Treaty, "
      "convened pursuant to article XIV of the Treaty,\n", "en");
  ck_assert_uint_eq(count_target("CTBT#art_14"), 1);
  ck_assert_uint_eq(count_target("NPT#art_14"), 0);
  /* an article numbered by a word, at the end of a long run of lower-case
   * prose: "sont effectivement interdits par l'article premier de la
   * Convention" */
  run("L'Assemblée générale,\n\nRappelant la Convention sur les armes à sous-munitions, et que "
      "l'emploi et la fabrication sont effectivement interdits par l'article premier de la "
      "Convention,\n", "fr");
  ck_assert_uint_eq(count_target("CCM#art_1"), 1);
  /* "第十七和第十八条修正案" (the amendments to articles 17 and 18) names no
   * title the catalogue lacks: the Convention is still the sentence's */
  run("大会，\n\n敦促《禁止酷刑公约》及其《任择议定书》缔约国将其接受第十七和第十八条修正案的情况"
      "通知秘书长，并按照《公约》第十九条提交报告；\n", "zh");
  ck_assert_uint_eq(count_target("CAT#art_19"), 1);
  run("La Asamblea General,\n\nRecordando el Tratado sobre la No Proliferación de las Armas "
      "Nucleares,\n\nRecordando además la Declaración Final aprobada por la 14ª Conferencia sobre "
      "Medidas para Facilitar la Entrada en Vigor del Tratado de Prohibición Completa de los "
      "Ensayos Nucleares, convocada de conformidad con el artículo XIV del Tratado,\n", "es");
  ck_assert_uint_eq(count_target("CTBT#art_14"), 1);
  /* Arabic ordinals past ten in two words ("الرابعة عشرة", the fourteenth),
   * never the first word's alone; "الجزء الحادي عشر" of a title stays the
   * title's */
  run("إن الجمعية العامة،\n\nإذ تشير إلى معاهدة الحظر الشامل للتجارب النووية، والذي عقد عملا "
      "بالمادة الرابعة عشرة من المعاهدة، والمادة الحادية عشرة من المعاهدة،\n\nوإذ تشير إلى "
      "الاتفاق المتعلق بتنفيذ الجزء الحادي عشر من اتفاقية الأمم المتحدة لقانون البحار المؤرخة "
      "10 كانون الأول/ديسمبر 1982،\n", "ar");
  ck_assert_uint_eq(count_target("CTBT#art_14"), 1);
  ck_assert_uint_eq(count_target("CTBT#art_11"), 1);
  ck_assert_uint_eq(count_target("CTBT#art_4"), 0);
  ck_assert_uint_eq(count_target("CTBT#art_1"), 0);
  ck_assert_uint_eq(count_target("UNCLOS/PARTXI"), 1);
  /* a name inside a title the catalogue does not know is not cited: "the
   * Protocol amending the Marrakesh Agreement …", "le Protocole portant
   * amendement de l'Accord de Marrakech …" */
  run("The General Assembly,\n\nWelcoming the Agreement on Trade Facilitation annexed to the "
      "Protocol amending the Marrakesh Agreement Establishing the World Trade Organization,\n", "en");
  ck_assert_uint_eq(count_target("WTO"), 0);
  ck_assert_uint_eq(count_target("WTO-TFA"), 1);
  run("L'Assemblée générale,\n\nRappelant le Protocole portant amendement de l'Accord de "
      "Marrakech instituant l'Organisation mondiale du commerce,\n", "fr");
  ck_assert_uint_eq(count_target("WTO"), 0);
  /* a year after a name's first word that another name writes ("de 1995"
   * in a title of 1995) */
  run("L'Assemblée générale,\n\nRappelant la Convention et l'Accord de 1995 aux fins de "
      "l'application des dispositions de la Convention des Nations Unies sur le droit de la mer du "
      "10 décembre 1982 relatives à la conservation et à la gestion des stocks de poissons dont "
      "les déplacements s'effectuent tant à l'intérieur qu'au-delà de zones économiques exclusives "
      "(stocks chevauchants) et des stocks de poissons grands migrateurs,\n", "fr");
  ck_assert_uint_eq(count_target("UNCLOS/FISH"), 1);
  /* one of the same kind: which one, it cannot tell */
  run("The General Assembly,\n\nRecalling the Treaty on the Non-Proliferation of Nuclear "
      "Weapons,\n\nRecalling further the Treaty of Imaginary Friendship and the Comprehensive "
      "Nuclear-Test-Ban Treaty, and article XIV of the Treaty,\n", "en");
  ck_assert_uint_eq(count_target("CTBT#art_14"), 0);
  run("The General Assembly,\n\nRecalling the Convention on the Rights of Persons with "
      "Disabilities,\n\n1. Urges all States to become parties to the Convention against "
      "Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment, the Convention on "
      "Foreign Imaginary Matters and the Optional Protocol thereto, and to apply article 22 of "
      "the Convention;\n", "en");
  ck_assert_uint_eq(count_target("CAT#art_22"), 0);
}
END_TEST

/* A list of names sharing one generic name in the plural, before or after
 * them: each name is the instrument it names with the generic name in the
 * singular; a list with a name that names none stays unread. */
START_TEST(names_sharing_a_plural_generic_name) {
  static const char *const texts[][2] = {
      {"Recognizes the implementation of the Basel, Rotterdam and Stockholm conventions;", "en"},
      {"Considère l'application des conventions de Bâle, de Rotterdam et de Stockholm;", "fr"},
      {"Reconoce la aplicación de los Convenios de Basilea, Estocolmo y Rotterdam;", "es"},
      {"признает осуществление Базельской, Роттердамской и Стокгольмской конвенций;", "ru"},
      {"يقر بتنفيذ اتفاقيات بازل وروتردام واستكهولم؛", "ar"}};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    run(texts[i][0], texts[i][1]);
    ck_assert_msg(count_target("BASEL") == 1 && count_target("ROTTERDAM") == 1 &&
                      count_target("POPS") == 1,
                  "%s", texts[i][0]);
  }
  run("Recognizes the implementation of the Basel, Rotterdam and Paris conventions;", "en");
  ck_assert_uint_eq(count_target("BASEL"), 0);
  ck_assert_uint_eq(count_target("ROTTERDAM"), 0);
  /* Footnote marks kept as bare numbers after the commas, as text made
   * from a PDF has them: "Tlatelolco,5 Rarotonga,6 Bangkok". */
  static const char *const marked[][2] = {
      {"Stressing the importance of the treaties of Tlatelolco,5 Rarotonga,6 Bangkok "
       "and Pelindaba,", "en"},
      {"Reiterating the contribution of the treaties of Tlatelolco, Rarotonga, 3 Bangkok "
       "and Pelindaba,", "en"},
      {"Soulignant l'importance des traités de Tlatelolco,5 de Rarotonga,6 de Bangkok et "
       "de Pelindaba,", "fr"},
      {"Destacando la importancia de los tratados de Tlatelolco,5 Rarotonga,6 Bangkok y "
       "Pelindaba,", "es"}};
  for (size_t i = 0; i < sizeof marked / sizeof *marked; i++) {
    run(marked[i][0], marked[i][1]);
    ck_assert_msg(count_target("TLATELOLCO") == 1 && count_target("RAROTONGA") == 1 &&
                      count_target("BANGKOK") == 1 && count_target("PELINDABA") == 1,
                  "%s", marked[i][0]);
  }
  run("Welcoming the Basel,3 Rotterdam and Stockholm conventions,", "en");
  ck_assert_uint_eq(count_target("POPS"), 1);
  ck_assert_uint_eq(count_target("BASEL"), 1);
  /* Chinese writes the generic name once, glued to the last name, and the
   * names before it without it, after words of its own */
  run("大会，\n\n确认为执行巴塞尔、鹿特丹和斯德哥尔摩公约所作的努力；\n", "zh");
  ck_assert_uint_eq(count_target("BASEL"), 1);
  ck_assert_uint_eq(count_target("ROTTERDAM"), 1);
  ck_assert_uint_eq(count_target("POPS"), 1);
  run("大会，\n\n确认巴塞尔、鹿特丹和斯德哥尔摩公约缔约方大会的工作；\n", "zh");
  ck_assert_uint_eq(count_target("BASEL"), 1);
  ck_assert_uint_eq(count_target("ROTTERDAM"), 1);
  run("大会，\n\n确认巴塞尔、巴黎和斯德哥尔摩公约；\n", "zh");
  ck_assert_uint_eq(count_target("BASEL"), 0);
}
END_TEST

/* An article after "including" is the instrument's named a few words
 * before it, in Chinese as in English; "new" before a name in lower case
 * speaks of one to come. */
START_TEST(article_after_including_and_names_to_come) {
  run("条约不结盟缔约国集团强调，必须严格遵守《原子能机构规约》的规定，包括第十二条，"
      "其中简要说明了该机构的任务。", "zh");
  ck_assert_uint_eq(count_target("IAEASTATUTE#art_12"), 1);
  run("The Group stresses the need to comply with the IAEA statute, including article XII, "
      "which sets out the role of the Agency.", "en");
  ck_assert_uint_eq(count_target("IAEASTATUTE#art_12"), 1);
  run("遵循《联合国宪章》的宗旨和原则，特别是其中第五十五和第五十六条，", "zh");
  ck_assert_uint_eq(count_target("UNCHARTER#art_55"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER#art_56"), 1);
  /* no instrument just before: the article stays unresolved (the group's
   * name, a body serving the NPT, cites the NPT alone) */
  run("条约不结盟缔约国集团强调，必须严格遵守有关规定，包括第十二条。", "zh");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_uint_eq(count_target("NPT"), 1);
  run("Welcoming the Guidelines for the Long-term Sustainability of Outer Space Activities, "
      "and to consider possible new guidelines for the long-term sustainability of outer "
      "space activities,", "en");
  ck_assert_uint_eq(count_target("LTS-GUIDELINES"), 1);
  run("Recalling the Doha Programme of Action for the Least Developed Countries and "
      "looking forward to the new Doha Programme of Action,", "en");
  ck_assert_uint_eq(count_target("DOHA-POA"), 2);
}
END_TEST

/* "the Optional Protocol thereto" is the protocol of the instrument just
 * named, even after another protocol named in full; in every language. */
START_TEST(protocol_thereto_after_another_protocol) {
  static const char *const texts[][2] = {
      {"Welcoming the Optional Protocol to the Convention on the Rights of the Child on "
       "the involvement of children in armed conflict,\n\nRecalling the Convention on the "
       "Rights of Persons with Disabilities and the Optional Protocol thereto,", "en"},
      {"Se félicitant du Protocole facultatif à la Convention relative aux droits de "
       "l'enfant, concernant l'implication d'enfants dans les conflits armés,\n\nRappelant "
       "la Convention relative aux droits des personnes handicapées et le Protocole "
       "facultatif s'y rapportant,", "fr"},
      {"Acogiendo con beneplácito el Protocolo Facultativo de la Convención sobre los "
       "Derechos del Niño relativo a la participación de niños en los conflictos armados,"
       "\n\nRecordando la Convención sobre los Derechos de las Personas con Discapacidad y "
       "su Protocolo Facultativo,", "es"},
      {"欢迎《儿童权利公约关于儿童卷入武装冲突问题的任择议定书》，\n\n回顾《残疾人权利公约》"
       "及其《任择议定书》，", "zh"}};
  for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
    run(texts[k][0], texts[k][1]);
    ck_assert_msg(count_target("CRC/OPAC") == 1 && count_target("CRPD/OP") == 1, "%s",
                  texts[k][0]);
  }
}
END_TEST

/* A paragraph of a resolution its possessive names ("пункта 3 ее
 * резолюции 78/7"), and a part letter glued to its number ("217A (III)"). */
START_TEST(paragraph_of_its_resolution_and_glued_part_letter) {
  run("Генеральная Ассамблея,\n\n1. просит Генерального секретаря представить доклад во "
      "исполнение пункта 3 ее резолюции 78/7;", "ru");
  ck_assert_uint_eq(count_target("A/RES/78/7#para_3"), 1);
  run("Recalling General Assembly resolution 217A (III) and resolution 2200A (XXI),", "en");
  ck_assert_uint_eq(count_target("A/RES/217A(III)"), 1);
  ck_assert_uint_eq(count_target("A/RES/2200A(XXI)"), 1);
  run("大会，\n\n还回顾其1948年12月10日第217A(III)号决议，", "zh");
  ck_assert_uint_eq(count_target("A/RES/217A(III)"), 1);
}
END_TEST

/* The CEDAW Committee's shorter Arabic name ("لجنة القضاء على التمييز ضد
 * المرأة", as CERD's is written) tells whose general recommendation. */
START_TEST(arabic_committee_by_its_shorter_name) {
  run("إن مجلس حقوق الإنسان،\n\nوإذ يشير إلى التوصية العامة رقم 35 (2017) للجنة القضاء على "
      "التمييز ضد المرأة بشأن العنف الجنساني ضد المرأة،", "ar");
  ck_assert_uint_eq(count_target("CEDAW/C/GC/35"), 1);
  run("إن مجلس حقوق الإنسان،\n\nوإذ يشير إلى التوصية العامة رقم 35 (2017) للجنة المعنية "
      "بالقضاء على التمييز ضد المرأة،", "ar");
  ck_assert_uint_eq(count_target("CEDAW/C/GC/35"), 1);
}
END_TEST

/* A blank line before a line that begins in lower case is a page's end
 * inside a paragraph (text made from a PDF): the sentence goes on. */
START_TEST(sentence_going_on_after_a_blank_line) {
  run("Recalling General Assembly resolutions 47/19 of 24 November 1992, 48/16 of 3 November "
      "1993\n\nand 49/9 on the question,", "en");
  ck_assert_uint_eq(count_target("A/RES/49/9"), 1);
  run("Calls upon all States parties to work for the full implementation of article VI of"
      "\n\nthe Treaty on the Non-Proliferation of Nuclear Weapons,", "en");
  ck_assert_uint_eq(count_target("NPT#art_6"), 1);
  run("ссылаясь на резолюции Генеральной Ассамблеи 47/19, 48/16\n\nи 49/9,", "ru");
  ck_assert_uint_eq(count_target("A/RES/49/9"), 1);
  /* after a full stop, a new paragraph */
  run("Recalling General Assembly resolutions 47/19 of 24 November 1992 and 48/16 of 3 "
      "November 1993.\n\nand 49/9 on the question,", "en");
  ck_assert_uint_eq(count_target("A/RES/49/9"), 0);
  /* nor under a short line: a heading ("Резолюция 2196 (2015)" over
   * "принятая Советом Безопасности") */
  run("Recalling General Assembly resolutions 47/19, 48/16\n\nand 49/9 on the question,", "en");
  ck_assert_uint_eq(count_target("A/RES/49/9"), 0);
}
END_TEST

START_TEST(chapter_of_a_symbol_is_no_provision) {
  /* "(A/CONF.189/12, chapter I)": the chapter of the report the symbol
   * names, not of the Declaration the sentence names; in each language. */
  static const char *const texts[][2] = {
      {"Recalling the Durban Declaration and Programme of Action "
       "(A/CONF.189/12, chapter I),", "en"},
      {"وإذ تشير إلى إعلان وبرنامج عمل ديربان (A/CONF.189/12، الفصل الأول)،", "ar"},
      {"回顾《德班宣言和行动纲领》(A/CONF.189/12，第一章)，", "zh"},
  };
  for (size_t k = 0; k < 3; k++) {
    run(texts[k][0], texts[k][1]);
    ck_assert_uint_eq(count_target("DDPA"), 1);
    ck_assert_uint_eq(count_target("A/CONF.189/12"), 1);
    ck_assert_uint_eq(count_target("DDPA#chp_1"), 0);
  }
}
END_TEST

START_TEST(statute_of_the_court) {
  /* "the Statute of the Court" is the statute of the court the text
   * named, the International Court of Justice's or the International
   * Criminal Court's; when it named neither, none. */
  run("The Swiss Confederation became a party to the Statute of the "
      "International Court of Justice. Under Article 4, paragraph 3, of the "
      "Statute of the Court, it may vote.", "en");
  ck_assert_uint_eq(count_target("ICJSTATUTE#art_4__para_3"), 1);
  run("Recalling the Rome Statute of the International Criminal Court, and "
      "article 112 of the Statute of the Court,", "en");
  ck_assert_uint_eq(count_target("ROME#art_112"), 1);
  run("Under Article 4 of the Statute of the Court, it may vote.", "en");
  ck_assert_uint_eq(count_target("ICJSTATUTE#art_4"), 0);
  ck_assert_uint_eq(count_target("ROME#art_4"), 0);
}
END_TEST

START_TEST(short_body_by_the_numbers_shape) {
  /* "Council resolution 58/17" after a sentence naming the Assembly, the
   * Commission and the Human Rights Council: the one Council named that
   * numbers its resolutions so; "Conference of the Parties resolution 12/2"
   * after the Organized Crime Convention's: that one, not the CBD's. */
  run("Recalling the resolutions adopted by the General Assembly, the Commission "
      "on Human Rights and the Human Rights Council, including Assembly "
      "resolution 79/181 of 17 December 2024 and Council resolution 58/17 of 3 "
      "April 2025,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/58/17"), 1);
  run("Recalling resolution 11/2 of the Conference of the Parties to the United "
      "Nations Convention against Transnational Organized Crime, as well as "
      "Conference of the Parties resolution 12/2 of 18 October 2024,", "en");
  ck_assert_uint_eq(count_target("CBD/COP/RES/12/2"), 0);
  ck_assert_uint_eq(count_target("CTOC/COP/RES/12/2"), 1);
}
END_TEST

START_TEST(symbol_and_its_corrigendum) {
  /* "A/HRC/55/56 and Corr.1": the corrigendum is a document of its own;
   * "S/7930/Add.64 and Add.65" the next addendum; in every language. */
  run("Taking note of the report (A/HRC/55/56 and Corr.1), of S/10896 and Corr.1 "
      "and Add.1, and of documents S/7930/Add.64 and Add.65,", "en");
  ck_assert_uint_eq(count_target("A/HRC/55/56"), 1);
  ck_assert_uint_eq(count_target("A/HRC/55/56/Corr.1"), 1);
  ck_assert_uint_eq(count_target("S/10896/Corr.1"), 1);
  ck_assert_uint_eq(count_target("S/10896/Add.1"), 1);
  ck_assert_uint_eq(count_target("S/7930/Add.65"), 1);
  run("See documents S/4417 and Add.1/Rev.1 and Add.2.", "en");
  ck_assert_uint_eq(count_target("S/4417/Add.1/Rev.1"), 1);
  ck_assert_uint_eq(count_target("S/4417/Add.1"), 0);
  ck_assert_uint_eq(count_target("S/4417/Add.2"), 1);
  run("وإذ يحيط علما بالتقرير (A/HRC/55/56 و Corr.1).", "ar");
  ck_assert_uint_eq(count_target("A/HRC/55/56/Corr.1"), 1);
  run("注意到报告(A/78/5和Corr.1)。", "zh");
  ck_assert_uint_eq(count_target("A/78/5/Corr.1"), 1);
}
END_TEST

START_TEST(list_goes_on_after_a_comma_with_dates) {
  /* Items with their own dates and subjects between them: "its resolutions
   * 1997/30 of 21 July 1997 on …, 2005/20 of 22 July 2005 on … and
   * 2009/26"; an undated number after a comma is no item. */
  run("The Economic and Social Council,\n\nRecalling its resolutions 1997/30 of "
      "21 July 1997 on the administration of juvenile justice, 2005/20 of 22 "
      "July 2005 on guidelines on justice in matters involving child victims "
      "and 2009/26 of 30 July 2009 on support,", "en");
  ck_assert_uint_eq(count_target("E/RES/1997/30"), 1);
  ck_assert_uint_eq(count_target("E/RES/2005/20"), 1);
  ck_assert_uint_eq(count_target("E/RES/2009/26"), 1);
  run("Recalling resolution 60/1 on the outcome, 2005/20 people attended,", "en");
  ck_assert_uint_eq(count_target("A/RES/2005/20"), 0);
  /* A comma lost between two Security Council numbers with their years;
   * a number without its year after one is no item. */
  run("las resoluciones del Consejo de Seguridad 822 (1993), 853 (1993) 874 (1993) "
      "y 884 (1993).", "es");
  ck_assert_uint_eq(count_target("S/RES/874(1993)"), 1);
  ck_assert_uint_eq(count_target("S/RES/884(1993)"), 1);
  run("Recalling its resolution 1325 (2000) 17 States voted,", "en");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_uint_eq(count_target("E/RES/2005/20"), 0);
}
END_TEST

START_TEST(old_style_emergency_special_session) {
  /* "2253 (ES-V)": the Assembly's fifth emergency special session; the
   * list goes on after it. */
  run("by General Assembly resolutions 2253 (ES-V) and 2254 (ES-V) of 4 and 14 "
      "July 1967, 32/5 of 28 October 1977 and 33/113 of 18 December 1978;", "en");
  ck_assert_uint_eq(count_target("A/RES/2253(ES-V)"), 1);
  ck_assert_uint_eq(count_target("A/RES/2254(ES-V)"), 1);
  ck_assert_uint_eq(count_target("A/RES/32/5"), 1);
  ck_assert_uint_eq(count_target("A/RES/33/113"), 1);
}
END_TEST

START_TEST(arabic_double_clitics) {
  /* و + ب, و + ل before a title without its article */
  run("وإذ تشير إلى العهد الدولي، وباتفاقية منع جريمة الإبادة الجماعية والمعاقبة "
      "عليها، وبنظام روما الأساسي للمحكمة الجنائية الدولية، ولاتفاقية حقوق الطفل.", "ar");
  ck_assert_uint_eq(count_target("GENOCIDE"), 1);
  ck_assert_uint_eq(count_target("ROME"), 1);
  ck_assert_uint_eq(count_target("CRC"), 1);
}
END_TEST

START_TEST(arabic_protocol_annexed_to_it) {
  /* "والبروتوكول الاختياري الملحق بها": the Optional Protocol annexed to
   * the Convention just named; the committee as "لجنة حقوق الأشخاص ذوي الإعاقة" */
  run("وإذ تشير إلى اتفاقية حقوق الأشخاص ذوي الإعاقة والبروتوكول الاختياري الملحق بها، "
      "وإذ يرحب بالتعليق العام رقم 8 (2022) للجنة حقوق الأشخاص ذوي الإعاقة.", "ar");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
  ck_assert_uint_eq(count_target("CRPD/C/GC/8"), 1);
}
END_TEST

START_TEST(arabic_thereof) {
  /* "ولا سيما المادة الثانية منه": article 2 of the Charter just named. */
  run("خرقا لميثاق الأمم المتحدة، ولا سيما المادة الثانية منه.", "ar");
  ck_assert_uint_eq(count_target("UNCHARTER#art_2"), 1);
  run("خرقا لميثاق الأمم المتحدة، ولا سيما المادة 2 منه.", "ar");
  ck_assert_uint_eq(count_target("UNCHARTER#art_2"), 1);
}
END_TEST

START_TEST(arabic_emergency_special_session) {
  /* "دإط-10/24": Arabic marks an emergency special session so. */
  run("وإذ تشير إلى قرار الجمعية العامة دإط-10/24 والقرارين دإط-10/19 و دإط-10/20.",
      "ar");
  ck_assert_uint_eq(count_target("A/RES/ES-10/24"), 1);
  ck_assert_uint_eq(count_target("A/RES/ES-10/19"), 1);
  ck_assert_uint_eq(count_target("A/RES/ES-10/20"), 1);
}
END_TEST

START_TEST(treaty_body_own_convention_after_unknown_title) {
  /* In the Committee's own document, "the Convention" is its treaty even
   * after a title the catalogue lacks made the word ambiguous, and after
   * other conventions named in full; not in the sentence of such a title. */
  run("---\nsymbol: CRC/C/IRL/CO/5-6\n---\n3. The Committee welcomes the "
      "ratification of the Convention on the Rights of Persons with "
      "Disabilities and of the Council of Europe Convention on the Protection "
      "of Children against Sexual Exploitation and Sexual Abuse.\n\n5. The "
      "Committee recommends that the provisions of article 4 of the "
      "Convention are given effect. It recalls the Optional Protocol to the "
      "Convention on the involvement of children in armed conflict.\n\n6. It "
      "welcomes the Lanzarote Convention on the Protection of Children and "
      "article 5 of the Convention.", "en");
  ck_assert_uint_eq(count_target("CRC#art_4"), 1);
  ck_assert_uint_eq(count_target("CRPD#art_4"), 0);
  ck_assert_uint_eq(count_target("CRC/OPAC"), 1);
  ck_assert_uint_eq(count_target("CRC#art_5"), 0);
  /* a sentence naming the treaty's protocol, not another convention */
  run("---\nsymbol: CEDAW/C/COL/CO/9\n---\n7. El Comité alienta al Estado parte a "
      "que ratifique el Protocolo Facultativo de la Convención sobre la "
      "Eliminación de Todas las Formas de Discriminación contra la Mujer y a que "
      "acepte la enmienda al artículo 20, párrafo 1, de la Convención.", "es");
  ck_assert_uint_eq(count_target("CEDAW#art_20__para_1"), 1);
}
END_TEST

START_TEST(said_resolution_of_the_sentence_before) {
  /* "… la résolution 1612 (2005). Au paragraphe 8 de ladite résolution":
   * the one resolution the sentence before cited; not after two, not
   * without an anaphor, not far back. */
  run("Le mécanisme a été établi conformément au paragraphe 3 de la résolution "
      "1612 (2005). Au paragraphe 8 de ladite résolution, le Conseil a décidé.",
      "fr");
  ck_assert_uint_eq(count_target("S/RES/1612(2005)#para_8"), 1);
  run("Казахстан приветствует резолюцию 2310 (2016) Совета Безопасности от 23 "
      "сентября 2016 года. В пункте 4 этой резолюции Совет призвал.", "ru");
  ck_assert_uint_eq(count_target("S/RES/2310(2016)#para_4"), 1);
  run("The Council adopted resolutions 1612 (2005) and 1882 (2009). Paragraph 8 "
      "of the said resolution is clear.", "en");
  ck_assert_uint_eq(count_target("S/RES/1882(2009)#para_8"), 0);
  ck_assert_uint_eq(count_target("S/RES/1612(2005)#para_8"), 0);
  run("The Council adopted resolution 1612 (2005). Paragraph 8 of the "
      "resolution is clear.", "en");
  ck_assert_uint_eq(count_target("S/RES/1612(2005)#para_8"), 0);
  /* and a body's name after the article's owner begins the next clause */
  run("в соответствии со статьей 26 Устава Совет несет ответственность.", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_26"), 1);
}
END_TEST

START_TEST(chinese_angle_quotes_inside_a_title) {
  /* 〈 〉 quote a title inside a catalogued one: the whole title, whose
   * words they do not cut. */
  run("欢迎《〈联合国海洋法公约〉下国家管辖范围以外区域海洋生物多样性的养护和可持续"
      "利用协定》获得通过。", "zh");
  ck_assert_uint_eq(count_target("UNCLOS/BBNJ"), 1);
  ck_assert_uint_eq(count_target("UNCLOS"), 0);
}
END_TEST

START_TEST(joint_masthead_is_the_documents_own) {
  /* "Nations Unies A/78/842–S/2024/384": a joint report's two symbols on
   * the first line are its own, neither a citation; the first is self. */
  run("Nations Unies A/78/842–S/2024/384\n\nAssemblée générale\n\nLe rapport "
      "précédent (A/77/895-S/2023/363) et la résolution 1612 (2005).", "fr");
  ck_assert_uint_eq(count_target("A/78/842"), 0);
  ck_assert_uint_eq(count_target("S/2024/384"), 0);
  ck_assert_uint_eq(count_target("A/77/895"), 1);
  ck_assert_uint_eq(count_target("S/2023/363"), 1);
  ck_assert_str_eq(cg_result_document(res)->self, "A/78/842");
}
END_TEST

START_TEST(masthead_symbol_on_a_line_of_its_own) {
  /* "United Nations" / "General Assembly" / "A/HRC/WG.6/48/SVN/1" /
   * "Distr.: General": a report's symbol alone under the masthead's words
   * is its own; further down, a symbol alone on a line is not. */
  run("United Nations\n\nGeneral Assembly\n\nA/HRC/WG.6/48/SVN/1\nDistr.: General\n"
      "30 October 2024\n\nHuman Rights Council\n\nNational report submitted "
      "pursuant to Human Rights Council resolutions 5/1 and 16/21", "en");
  ck_assert_str_eq(cg_result_document(res)->self, "A/HRC/WG.6/48/SVN/1");
  ck_assert_uint_eq(count_target("A/HRC/WG.6/48/SVN/1"), 0);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  run("The report of the Secretary-General on the question notes that the "
      "Council met.\n\nA/79/414\n\nThe Assembly took note of it.", "en");
  ck_assert_str_eq(cg_result_document(res)->self, "");
}
END_TEST

START_TEST(generic_name_with_its_year) {
  /* "the 1961 Convention": of the instruments the text named, the one of
   * that year; "the 1967 Protocol thereto" the named one's of that year;
   * a year of none the text named ("the Plan of Action of 2010", "the
   * Protocol of 1997" of MARPOL) is none. */
  run("Recalling the 1954 Convention relating to the Status of Stateless "
      "Persons and the 1961 Convention on the Reduction of Statelessness, notes "
      "that 99 States are parties to the 1954 Convention and 82 to the 1961 "
      "Convention, and reaffirms the 1951 Convention relating to the Status of "
      "Refugees and the 1967 Protocol thereto,", "en");
  ck_assert_uint_eq(count_target("STATELESS-1954"), 2);
  ck_assert_uint_eq(count_target("STATELESS-1961"), 2);
  ck_assert_uint_eq(count_target("REFUGEES/1967"), 1);
  run("Recordando la Convención de las Naciones Unidas contra el Tráfico "
      "Ilícito de Estupefacientes y Sustancias Sicotrópicas de 1988, y el "
      "artículo 12 de la Convención de 1988,", "es");
  ck_assert_uint_eq(count_target("DRUGS-1988#art_12"), 1);
  run("Recalling the International Convention for the Prevention of Pollution "
      "from Ships, as amended by the Protocol of 1997, and the Plan of Action "
      "of 2010,", "en");
  ck_assert_uint_eq(count_target("UNFCCC/KYOTO"), 0);
  ck_assert_uint_eq(count_target("GPA-TIP"), 0);
  run("Recalling the Convention on the Rights of the Child and the 1999 "
      "Convention,", "en");
  ck_assert_uint_eq(count_target("CRC"), 1);
}
END_TEST

START_TEST(general_comment_committee_after_its_subject) {
  /* The committee named after the comment's subject; "No." again in a
   * list; no committee when the body named there numbers no comments. */
  run("Taking note of general recommendation No. 39 (2022) on the rights of "
      "Indigenous women and girls of the Committee on the Elimination of "
      "Discrimination against Women,", "en");
  ck_assert_uint_eq(count_target("CEDAW/C/GC/39"), 1);
  run("Recalling the general comments of the Committee on Economic, Social and "
      "Cultural Rights, including general comment No. 14 (2000) and No. 15 "
      "(2002),", "en");
  ck_assert_uint_eq(count_target("E/C.12/GC/14"), 1);
  ck_assert_uint_eq(count_target("E/C.12/GC/15"), 1);
  run("In its general comment No. 4 (2017), the Committee against Torture "
      "clarified the scope of article 3.", "en");
  ck_assert_uint_eq(count_target("CAT/C/GC/4"), 1);
  run("Recalling general recommendation No. 30 on women in conflict "
      "prevention, in the context of the work of the Security Council,", "en");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_ptr_null(cit(0)->target);
}
END_TEST

START_TEST(compilation_of_texts_of_several_bodies) {
  /* Each text's opening line or heading says whose "its resolution" is
   * from there on: "The Human Rights Council,", "إن مجلس حقوق الإنسان،",
   * "Committee on … — Concluding observations". */
  run("General Assembly\n\nThe General Assembly,\n\nRecalling its resolution "
      "70/1,\n\nHuman Rights Council — Resolution adopted on 12 October 2023\n"
      "The Human Rights Council,\n\nRecalling its resolutions 5/1 and 5/2,\n\n"
      "Committee on the Elimination of Discrimination against Women — "
      "Concluding observations\n\n12. The Committee recalls its general "
      "recommendation No. 35 (2017) and article 2 (f) of the Convention.", "en");
  ck_assert_uint_eq(count_target("A/RES/70/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/2"), 1);
  ck_assert_uint_eq(count_target("CEDAW/C/GC/35"), 1);
  ck_assert_uint_eq(count_target("CEDAW#art_2__point_f"), 1);
  run("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\nإن مجلس حقوق الإنسان،\n\n"
      "إذ يشير إلى قراريه 5/1 و 5/2،", "ar");
  ck_assert_uint_eq(count_target("A/RES/70/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/5/1"), 1);
  /* a sentence a line break cut is no opening line */
  run("General Assembly\n\nThe General Assembly,\n\nWelcomes the work done by\n"
      "the Human Rights Council,\nwhich it established.\n\nRecalls its "
      "resolution 70/1,", "en");
  ck_assert_uint_eq(count_target("A/RES/70/1"), 1);
}
END_TEST

START_TEST(its_resolutions_are_the_issuers_past_another_body) {
  /* "its" is the issuer's for the whole list, unless the sentence's body
   * stands right before it ("the Human Rights Council, in its resolution"). */
  run("Le Conseil des droits de l'homme,\n\nRappelant la résolution 60/251 de "
      "l'Assemblée générale, en date du 15 mars 2006, et ses résolutions 5/1 et "
      "5/2 du 18 juin 2007,\nRappelant également ses résolutions 12/16 du 2 "
      "octobre 2009 et 44/12 du 16 juillet 2020, ainsi que sa décision 49/116,", "fr");
  ck_assert_uint_eq(count_target("A/HRC/RES/44/12"), 1);
  ck_assert_uint_eq(count_target("A/HRC/DEC/49/116"), 1);
  ck_assert_uint_eq(count_target("A/RES/44/12"), 0);
  run("The General Assembly,\n\nTaking note with appreciation of the decision of "
      "the Human Rights Council, in its resolution 60/13, to hold a panel,", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/60/13"), 1);
  /* bare numbers the sentence's body cannot have (the Commission on
   * Narcotic Drugs had not reached its 70th session) are the issuer's */
  run("Resolution adopted by the General Assembly on 18 December 2025\n\nThe "
      "General Assembly,\n\nEncourages the Commission on Narcotic Drugs to "
      "contribute to the review of the Goals as set forth in resolutions 70/299, "
      "72/305 of 23 July 2018 and 78/225;", "en");
  ck_assert_uint_eq(count_target("A/RES/70/299"), 1);
  ck_assert_uint_eq(count_target("A/RES/72/305"), 1);
  ck_assert_uint_eq(count_target("A/RES/78/225"), 1);
  ck_assert_uint_eq(count_target("CND/RES/70/299"), 0);
}
END_TEST

START_TEST(subparagraph_letter_without_brackets) {
  /* "l'alinéa e de l'Article 73": the letter of a subparagraph word written
   * without brackets, in each language, one or a list; "a" as a word of
   * the sentence is not a letter of ours. */
  run("Conformément à l'alinéa e de l'Article 73 de la Charte et aux alinéas "
      "a et c du paragraphe 2 de l'article 4 de la Charte,", "fr");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER#art_4__para_2__point_a"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER#art_4__para_2__point_c"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER#art_73"), 0);
  run("Under subparagraph e of Article 73 of the Charter of the United "
      "Nations,", "en");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  run("Conforme al inciso e del Artículo 73 de la Carta de las Naciones "
      "Unidas,", "es");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  /* Russian: the letter (Latin, or the Cyrillic one typed for it) before
   * the instrument's genitive; a Cyrillic word that is no letter there
   * ("а также", and also) is none. */
  run("Информация, передаваемая согласно статье 73 е Устава, обычно", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  run("Информация, передаваемая согласно статье 73 e Устава, обычно", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_73__point_e"), 1);
  run("в статье 12 а также в статье 14 Устава", "ru");
  ck_assert_uint_eq(count_target("UNCHARTER#art_12__point_a"), 0);
  run("Se refiere el apartado a los artículos 5 y 6 de la Carta de las "
      "Naciones Unidas,", "es");
  for (size_t i = 0; i < cg_result_count(res); i++)
    ck_assert(!cit(i)->target || !strstr(cit(i)->target, "point"));
}
END_TEST

START_TEST(resolution_symbol_takes_the_identifier) {
  /* UNEP writes "UNEP/EA.5/Res.14": the same resolution as "resolution 5/14
   * of the United Nations Environment Assembly", one identifier. */
  run("Recalling UNEP/EA.5/Res.14 and resolution 5/14 of the United Nations "
      "Environment Assembly,",
      "en");
  ck_assert_uint_eq(count_target("UNEP/EA.5/RES.14"), 2);
}
END_TEST

START_TEST(thereof_after_an_instrument) {
  /* Chapters and articles "thereof" are the instrument's just named, not
   * the resolution's cited before it; paragraphs stay the resolution's. */
  run("Recalling its resolution 428 (1978), and acting under the Charter of "
      "the United Nations, including Chapter VII thereof,\nRecalling "
      "resolution 687 (1991) and paragraph 2 thereof,",
      "en");
  ck_assert_uint_eq(count_target("UNCHARTER#chp_7"), 1);
  ck_assert_uint_eq(count_target("S/RES/428(1978)#chp_7"), 0);
  ck_assert_uint_eq(count_target("S/RES/687(1991)#para_2"), 1);
  /* Far from the resolution, "thereof" is the report's. */
  run("Having received the report of the Secretary-General submitted in "
      "accordance with resolution 672 (1990) of 12 October 1990 on ways and "
      "means of ensuring the safety and protection of the civilians, and "
      "taking note in particular of paragraphs 20 to 26 thereof,",
      "en");
  ck_assert_uint_eq(count_target("S/RES/672(1990)#para_20"), 0);
  ck_assert_uint_eq(count_target("S/RES/672(1990)"), 1);
}
END_TEST

START_TEST(generic_name_defined_in_brackets) {
  /* "(the Convention)" after a title defines the word for the text, even
   * when another convention is named more often. */
  run("Recalling the United Nations Convention on the Law of the Sea (the "
      "Convention),\n\nRecalling the Convention on International Trade in "
      "Endangered Species of Wild Fauna and Flora and the Convention on "
      "International Trade in Endangered Species of Wild Fauna and Flora,\n\n"
      "Noting that, in accordance with article 77 of the Convention, States "
      "shall cooperate,\n\nNoting the work of the Convention on International "
      "Trade in Endangered Species of Wild Fauna and Flora and of the "
      "secretariat of that Convention,",
      "en");
  ck_assert_uint_eq(count_target("UNCLOS#art_77"), 1);
  ck_assert_uint_eq(count_target("CITES#art_77"), 0);
  /* …but the sentence's own instrument of that name comes first. */
  ck_assert_uint_eq(count_target("UNCLOS"), 3);
  ck_assert_uint_eq(count_target("CITES"), 4);
  /* Another title that begins with the word is not the defined one. */
  run("Recalling the United Nations Convention on the Law of the Sea (the "
      "Convention),\n\nWelcoming the work under the Convention on the "
      "Conservation and Management of Fishery Resources in the South-East "
      "Atlantic Ocean,",
      "en");
  ck_assert_uint_eq(count_target("UNCLOS"), 2);
}
END_TEST

START_TEST(list_keeps_its_body_past_a_body_named_inside) {
  run("---\nsymbol: A/RES/80/229\n---\n\nThe General Assembly,\n\n"
      "Recalling its resolutions 60/251 of 15 March 2006, by which it "
      "established the Human Rights Council, and 65/281 of 17 June 2011,\n",
      NULL);
  ck_assert_uint_eq(count_target("A/RES/65/281"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/65/281"), 0);
}
END_TEST

START_TEST(articles_and_chapters_of_the_charter) {
  run("Acting under Article 25 of the Charter and Chapter VII of the "
      "Charter,",
      NULL);
  const cg_citation *c = with_target("UNCHARTER#art_25");
  spans(c, "Article 25 of the Charter", 0);
  c = with_target("UNCHARTER#chp_7");
  spans(c, "Chapter VII of the Charter", 0);
  ck_assert_uint_eq(count_target("UNCHARTER"), 2);
  /* "Chapter 2019" is no chapter of an instrument. */
  run("In chapter 2019 of the Charter", NULL);
  ck_assert_uint_eq(count_target("UNCHARTER#chp_2019"), 0);
}
END_TEST

START_TEST(paragraph_of_a_resolution) {
  run("Recalling paragraph 26 of resolution 1874 (2009),", NULL);
  ck_assert_uint_eq(cg_result_count(res), 2);
  const cg_citation *c = with_target("S/RES/1874(2009)#para_26");
  ck_assert_int_eq(c->kind, CG_KIND_PROVISION);
  spans(c, "paragraph 26 of resolution 1874 (2009)", 0);
  spans(with_target("S/RES/1874(2009)"), "resolution 1874 (2009)", 0);
  /* "the said resolution": the one just cited. */
  run("Recalling resolution 1874 (2009), and paragraph 3 of the said "
      "resolution,",
      NULL);
  with_target("S/RES/1874(2009)#para_3");
  /* A paragraph with no owner is the document's own: no citation. */
  ck_assert_uint_eq(run("as set out in paragraph 4 above,", NULL), 0);
}
END_TEST

START_TEST(one_article_several_paragraphs) {
  run("Recalling the International Covenant on Civil and Political Rights, "
      "in particular article 5, paragraphs 1 and 2,",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 3);
  const cg_citation *a = with_target("ICCPR#art_5__para_1");
  const cg_citation *b = with_target("ICCPR#art_5__para_2");
  spans(a, "article 5, paragraphs 1 and 2", 0);
  ck_assert_uint_eq(a->start, b->start);
  ck_assert_uint_eq(a->end, b->end);
  with_target("ICCPR");
  /* A list of articles gives one target each. */
  run("Recalling the United Nations Convention against Transnational "
      "Organized Crime, articles 3 and 5 of the Convention,",
      NULL);
  with_target("UNTOC#art_3");
  with_target("UNTOC#art_5");
}
END_TEST

START_TEST(paragraph_of_the_2030_agenda) {
  run("Recalling paragraph 84 of the 2030 Agenda for Sustainable "
      "Development,",
      NULL);
  const cg_citation *c = with_target("AGENDA2030#para_84");
  ck_assert_int_eq(c->kind, CG_KIND_PROVISION);
  /* Treaties number articles: "paragraph 4 of the Charter" is lost. */
  run("under paragraph 4 of the Charter,", NULL);
  ck_assert_uint_eq(count_target("UNCHARTER#para_4"), 0);
}
END_TEST

/* ------------------------------------------------------------ footnotes */

START_TEST(treaty_series_footnote) {
  run("Recalling the Convention.<sup>1</sup>\n\n<sup>1</sup> United Nations, "
      "Treaty Series, vol. 2225, No. 39574.\n",
      NULL);
  const cg_citation *c = with_target("UNTOC");
  ck_assert_int_eq(c->kind, CG_KIND_TREATY_SERIES);
  ck_assert_int_eq(c->place, CG_PLACE_FOOTNOTE);
  ck_assert_uint_eq(c->footnote, 1);
  ck_assert_str_eq(c->number, "vol. 2225, No. 39574");
  spans(c, "Treaty Series, vol. 2225, No. 39574", 0);
  /* Not in the catalogue: the registration number. */
  run("[^4]: United Nations, Treaty Series, vol. 9999, No. 12345.\n", NULL);
  ck_assert_uint_eq(cg_result_count(res), 1);
  c = cit(0);
  ck_assert_str_eq(c->target, "UNTS/12345");
  ck_assert_uint_eq(c->footnote, 4);
  /* Spanish. */
  run("<sup>2</sup> Naciones Unidas, Treaty Series, vol. 999, núm. 14668.\n",
      "es");
  ck_assert_str_eq(with_target("ICCPR")->number, "vol. 999, No. 14668");
  /* French with the degree sign for the ordinal indicator, Chinese with
   * the words after their numbers. */
  run("<sup>2</sup> Nations Unies, Recueil des Traités, vol. 999, n° 14668.\n", "fr");
  ck_assert_str_eq(with_target("ICCPR")->number, "vol. 999, No. 14668");
  run("<sup>2</sup> 联合国，《条约汇编》，第999卷，第14668号。\n", "zh");
  ck_assert_str_eq(with_target("ICCPR")->number, "vol. 999, No. 14668");
  run("<sup>2</sup> 联合国，《条约汇编》，第2卷，第12345号。\n", "zh");
  ck_assert_uint_eq(count_target("UNTS/12345"), 1);
}
END_TEST

START_TEST(heading_date_in_every_language) {
  /* The line under a resolution's title says when it was adopted: the
   * document's date, in each language's words and order. */
  static const struct {
    const char *lang, *text;
  } h[] = {
      {"en", "Resolution adopted by the General Assembly on 4 December 2025\n\n"
             "80/68. Measures\n\nThe General Assembly,\n"},
      {"fr", "Résolution adoptée par l\u2019Assemblée générale le 4 décembre 2025\n\n"
             "80/68. Mesures\n\nL\u2019Assemblée générale,\n"},
      {"es", "Resolución aprobada por la Asamblea General el 4 de diciembre de 2025\n\n"
             "80/68. Medidas\n\nLa Asamblea General,\n"},
      {"ru", "Резолюция, принятая Генеральной Ассамблеей 4 декабря 2025 года\n\n"
             "80/68. Меры\n\nГенеральная Ассамблея,\n"},
      {"ar", "قرار اتخذته الجمعية العامة في 4 كانون الأول/ديسمبر 2025\n\n"
             "80/68 - التدابير\n\nإن الجمعية العامة،\n"},
      {"zh", "2025年12月4日大会决议\n\n80/68. 措施\n\n大会，\n"},
      {"en", "Resolution 2196 (2015)\n\nAdopted by the Security Council at its "
             "7366th meeting,\non 4 December 2025\n\nThe Security Council,\n"},
      {"fr", "Résolution 2196 (2015)\n\nAdoptée par le Conseil de sécurité à sa "
             "7366e séance, le 4 décembre 2025\n\nLe Conseil de sécurité,\n"},
      {"es", "Resolución 2196 (2015)\n\nAprobada por el Consejo de Seguridad en su "
             "7366ª sesión, celebrada el 4 de diciembre de 2025\n\nEl Consejo de Seguridad,\n"},
      {"ru", "Резолюция 2196 (2015)\n\nпринятая Советом Безопасности на его 7366-м "
             "заседании 4 декабря 2025 года\n\nСовет Безопасности,\n"},
      {"ar", "القرار 2196 (2015)\n\nالذي اتخذه مجلس الأمن في جلسته 7366، المعقودة في "
             "4 كانون الأول/ديسمبر 2025\n\nإن مجلس الأمن،\n"},
      {"zh", "第2196(2015)号决议\n\n2025年12月4日安全理事会第7366次会议通过\n\n安全理事会，\n"},
  };
  for (size_t k = 0; k < sizeof h / sizeof *h; k++) {
    run(h[k].text, h[k].lang);
    ck_assert_msg(strcmp(cg_result_document(res)->date, "2025-12-04") == 0,
                  "%s heading %zu: date '%s'", h[k].lang, k, cg_result_document(res)->date);
  }
  /* Not a line of prose that a line break cut. */
  run("Whereas the Commission, acting under resolution 15 (1946)\n"
      "adopted by the Council on 19 December 1946, is not empowered,\n",
      "en");
  ck_assert_str_eq(cg_result_document(res)->date, "");
}
END_TEST

START_TEST(title_line_under_the_adopted_line_names_the_document) {
  /* Without a masthead, "Resolution adopted by the Human Rights Council on
   * …" names the body and the title line "30/15." the number, in each
   * language's words and marks. */
  static const struct {
    const char *lang, *text;
  } h[] = {
      {"en", "Resolution adopted by the Human Rights Council on 1 October 2015\n\n"
             "30/15. Human rights\n\nThe Human Rights Council,\n"},
      {"fr", "Résolution adoptée par le Conseil des droits de l\u2019homme le 1er octobre 2015\n\n"
             "30/15. Droits de l\u2019homme\n\nLe Conseil des droits de l\u2019homme,\n"},
      {"es", "Resolución aprobada por el Consejo de Derechos Humanos el 1 de octubre de 2015\n\n"
             "30/15. Los derechos humanos\n\nEl Consejo de Derechos Humanos,\n"},
      {"ru", "Резолюция, принятая Советом по правам человека 1 октября 2015 года\n\n"
             "30/15. Права человека\n\nСовет по правам человека,\n"},
      {"ar", "قرار اعتمده مجلس حقوق الإنسان في 1 تشرين الأول/أكتوبر 2015\n\n"
             "30/15 - حقوق الإنسان\n\nإن مجلس حقوق الإنسان،\n"},
      {"zh", "人权理事会2015年10月1日通过的决议\n\n30/15. 人权\n\n人权理事会，\n"},
  };
  for (size_t k = 0; k < sizeof h / sizeof *h; k++) {
    run(h[k].text, h[k].lang);
    ck_assert_msg(strcmp(cg_result_document(res)->self, "A/HRC/RES/30/15") == 0,
                  "%s: self '%s'", h[k].lang, cg_result_document(res)->self);
    ck_assert_str_eq(cg_result_document(res)->date, "2015-10-01");
  }
  run("Resolution adopted by the General Assembly on 4 December 2025\n\n"
      "80/68. Measures\n\nThe General Assembly,\n\nRecalling its resolution 49/60,\n",
      "en");
  ck_assert_str_eq(cg_result_document(res)->self, "A/RES/80/68");
}
END_TEST

START_TEST(places_operative_and_footnote) {
  run("The Security Council,\n\nRecalling resolution 1373 (2001),\n\n"
      "1. Decides that resolution 2178 (2014) applies;<sup>2</sup>\n\n"
      "2. Recalls resolution 2396 (2017).\n\n"
      "<sup>2</sup> See resolution 2001 (2011).\n",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 4);
  const cg_citation *c = with_target("S/RES/1373(2001)");
  ck_assert_int_eq(c->place, CG_PLACE_PREAMBLE);
  ck_assert_uint_eq(c->paragraph, 0);
  c = with_target("S/RES/2178(2014)");
  ck_assert_int_eq(c->place, CG_PLACE_OPERATIVE);
  ck_assert_uint_eq(c->paragraph, 1);
  c = with_target("S/RES/2396(2017)");
  ck_assert_int_eq(c->place, CG_PLACE_OPERATIVE);
  ck_assert_uint_eq(c->paragraph, 2);
  c = with_target("S/RES/2001(2011)");
  ck_assert_int_eq(c->place, CG_PLACE_FOOTNOTE);
  ck_assert_uint_eq(c->footnote, 2);
  ck_assert_uint_eq(c->paragraph, 0);
  /* Arabic: the opening line after its particle, and operative paragraphs
   * numbered "٢ -" (Arabic-Indic digits or not, a dash after them). */
  run("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 49/60،\n\n"
      "١ - تطلب تنفيذ القرار 60/288؛\n\n"
      "2- تقرر أن القرار 70/1 ينطبق.\n",
      "ar");
  c = with_target("A/RES/49/60");
  ck_assert_int_eq(c->place, CG_PLACE_PREAMBLE);
  c = with_target("A/RES/60/288");
  ck_assert_int_eq(c->place, CG_PLACE_OPERATIVE);
  ck_assert_uint_eq(c->paragraph, 1);
  c = with_target("A/RES/70/1");
  ck_assert_int_eq(c->place, CG_PLACE_OPERATIVE);
  ck_assert_uint_eq(c->paragraph, 2);
  /* A dash is no paragraph mark in a language that does not list it. */
  run("The General Assembly,\n\nRecalling its resolution 49/60,\n\n"
      "3 - Requests the implementation of resolution 60/288;\n",
      "en");
  ck_assert_int_eq(with_target("A/RES/60/288")->place, CG_PLACE_PREAMBLE);
}
END_TEST

/* ------------------------------------------------------------ identity */

START_TEST(front_matter_sets_self_and_no_self_citation) {
  const char *s = "---\n"
                  "symbol: A/RES/80/10\n"
                  "date: 2025-10-01\n"
                  "title: \"Test resolution\"\n"
                  "---\n\n"
                  "The General Assembly,\n\n"
                  "Recalling its resolution 80/10, A/RES/80/10 and paragraph "
                  "3 of resolution 80/10, and its resolution 79/1,\n";
  ck_assert_uint_eq(run(s, NULL), 1);
  const cg_document *d = cg_result_document(res);
  ck_assert_str_eq(d->self, "A/RES/80/10");
  ck_assert_str_eq(d->body, "GA");
  ck_assert_str_eq(d->date, "2025-10-01");
  ck_assert_str_eq(d->title, "Test resolution");
  ck_assert_str_eq(d->lang, "en");
  ck_assert_str_eq(cit(0)->target, "A/RES/79/1");
  spans(cit(0), "resolution 79/1", 0);
}
END_TEST

START_TEST(front_matter_symbol_with_spaces) {
  const char *s = "---\r\nsymbol: S/RES/2331 (2016)\r\n---\r\n"
                  "Recalling resolution 2331 (2016) and resolution 2388 "
                  "(2017),";
  ck_assert_uint_eq(run(s, NULL), 1);
  ck_assert_str_eq(cg_result_document(res)->self, "S/RES/2331(2016)");
  ck_assert_str_eq(cg_result_document(res)->body, "SC");
  ck_assert_str_eq(cit(0)->target, "S/RES/2388(2017)");
}
END_TEST

START_TEST(heading_names_the_document) {
  /* "Resolution 2203 (2015)" heads a Security Council resolution. */
  run("Resolution 2203 (2015)\n\nAdopted by the Security Council at its "
      "7384th meeting\n\nRecalling resolution 2121 (2013),\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->self, "S/RES/2203(2015)");
  ck_assert_uint_eq(count_target("S/RES/2203(2015)"), 0);
  with_target("S/RES/2121(2013)");
}
END_TEST

/* ------------------------------------------------------------ look-alikes */

START_TEST(look_alikes_give_no_citation) {
  const char *none[] = {
      "the report for 2024/25 shows",
      "as was noted in 19721 by the secretariat",
      "a vote of 61/144 in favour",
      "the OAS resolution MRE/RES.1/91 on democracy",
      "resolution 0/0 and resolution 250/3",
  };
  for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
    size_t n = run(none[i], "en");
    ck_assert_msg(n == 0, "\"%s\" gave %zu citation(s), the first %s", none[i],
                  n, n ? (cit(0)->target ? cit(0)->target : "(null)") : "");
  }
}
END_TEST

/* ------------------------------------------------------------ languages */

START_TEST(french_forms) {
  run("Rappelant la résolution 1325 (2000) du Conseil de sécurité, en date "
      "du 31 octobre 2000, et la résolution 2013/41 du Conseil économique et "
      "social,",
      "fr");
  ck_assert_uint_eq(cg_result_count(res), 2);
  const cg_citation *c = with_target("S/RES/1325(2000)");
  ck_assert_str_eq(c->date, "2000-10-31");
  spans(c, "résolution 1325 (2000)", 0);
  with_target("E/RES/2013/41");
  run("Rappelant l'article 5 de la Convention des Nations Unies contre la "
      "criminalité transnationale organisée et l'article 3, paragraphe 1, "
      "alinéa a), de la Convention,",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->lang, "fr");
  spans(with_target("UNTOC#art_5"),
        "article 5 de la Convention des Nations Unies contre la criminalité "
        "transnationale organisée",
        0);
  spans(with_target("UNTOC#art_3__para_1__point_a"),
        "article 3, paragraphe 1, alinéa a), de la Convention", 0);
  /* "sa résolution" in a text of the Council; "1er" dates. */
  run("Le Conseil de sécurité,\n\nRappelant sa résolution 2178 (2014) du "
      "1er août 2014,\n",
      NULL);
  ck_assert_str_eq(with_target("S/RES/2178(2014)")->date, "2014-08-01");
}
END_TEST

START_TEST(spanish_forms) {
  run("Recordando la resolución 1325 (2000) del Consejo de Seguridad, de 31 "
      "de octubre de 2000, y el artículo 32 de la Convención de las Naciones "
      "Unidas contra la Delincuencia Organizada Transnacional,",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->lang, "es");
  ck_assert_str_eq(with_target("S/RES/1325(2000)")->date, "2000-10-31");
  spans(with_target("UNTOC#art_32"),
        "artículo 32 de la Convención de las Naciones Unidas contra la "
        "Delincuencia Organizada Transnacional",
        0);
  run("Recordando el Protocolo para Prevenir, Reprimir y Sancionar la Trata "
      "de Personas, Especialmente Mujeres y Niños, y el artículo 3, apartado "
      "a), del Protocolo,",
      NULL);
  spans(with_target("UNTOC/TIP#art_3__point_a"),
        "artículo 3, apartado a), del Protocolo", 0);
  run("Recordando la resolución 61/144 de la Asamblea General, de 19 de "
      "diciembre de 2006,",
      NULL);
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "A/RES/61/144");
  ck_assert_str_eq(cit(0)->date, "2006-12-19");
  /* Capitals and missing accents do not matter. */
  run("RECORDANDO LA RESOLUCION 61/144 DE LA ASAMBLEA GENERAL", "es");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "A/RES/61/144");
}
END_TEST

START_TEST(forced_language) {
  /* Forced French: "of the Charter of the United Nations" is not French. */
  const char *s = "Recalling article 5 of the Charter of the United Nations";
  ck_assert_uint_eq(run(s, "fr"), 0);
  ck_assert_str_eq(cg_result_document(res)->lang, "fr");
  ck_assert_uint_eq(run(s, "en"), 2);
  with_target("UNCHARTER#art_5");
  /* Folded words may be shared: "resolution" is French "résolution". */
  ck_assert_uint_eq(run("General Assembly resolution 61/144", "fr"), 1);
  ck_assert_ptr_null(cit(0)->target); /* "General Assembly" is not French */
  /* Front matter's language counts when the text tells nothing. */
  run("---\nlanguage: FR\n---\n61/144\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->lang, "fr");
}
END_TEST

/* ------------------------------------------------------------ API edges */

START_TEST(unknown_forced_language_is_arg_error) {
  cg_options o = {.lang = "zz"};
  cg_diag d;
  const cg_result *r = (const cg_result *)&o;
  ck_assert_int_eq(cg_extract(ex, "resolution 918 (X)", 18, &o, &r, &d),
                   CG_ERR_ARG);
  ck_assert_ptr_null(r);
  ck_assert_ptr_nonnull(strstr(d.message, "zz"));
  /* The extractor is still usable. */
  ck_assert_uint_eq(run("resolution 918 (X)", NULL), 1);
}
END_TEST

START_TEST(bad_arguments) {
  cg_diag d;
  const cg_result *r;
  ck_assert_int_eq(cg_extract(NULL, "x", 1, NULL, &r, &d), CG_ERR_ARG);
  ck_assert_int_eq(cg_extract(ex, "x", 1, NULL, NULL, &d), CG_ERR_ARG);
  ck_assert_int_eq(cg_extract(ex, NULL, 5, NULL, &r, &d), CG_ERR_ARG);
  ck_assert_uint_gt(strlen(d.message), 0);
  ck_assert_ptr_null(cg_extractor_new(NULL));
  cg_extractor_free(NULL);
  /* Options may be NULL, diag too. */
  ck_assert_int_eq(cg_extract(ex, "resolution 918 (X)", 18, NULL, &r, NULL),
                   CG_OK);
  ck_assert_uint_eq(cg_result_count(r), 1);
  ck_assert_ptr_null(cg_result_citation(r, 1));
}
END_TEST

START_TEST(empty_input) {
  const cg_result *r = NULL;
  cg_diag d;
  ck_assert_int_eq(cg_extract(ex, "", 0, NULL, &r, &d), CG_OK);
  ck_assert_uint_eq(cg_result_count(r), 0);
  ck_assert_ptr_null(cg_result_citation(r, 0));
  const cg_document *doc = cg_result_document(r);
  ck_assert_str_eq(doc->self, "");
  ck_assert_str_eq(doc->body, "");
  ck_assert_str_eq(doc->date, "");
  ck_assert_str_eq(doc->title, "");
  ck_assert_str_eq(doc->lang, "en");
  ck_assert_uint_eq(doc->invalid_utf8, 0);
  /* NULL text with no bytes is an empty document too. */
  ck_assert_int_eq(cg_extract(ex, NULL, 0, NULL, &r, &d), CG_OK);
  ck_assert_uint_eq(cg_result_count(r), 0);
  ck_assert_uint_eq(run("   \n\n\t", NULL), 0);
  cg_options o = {.lang = "es"};
  ck_assert_int_eq(cg_extract(ex, "", 0, &o, &r, &d), CG_OK);
  ck_assert_str_eq(cg_result_document(r)->lang, "es");
}
END_TEST

START_TEST(invalid_utf8_is_counted_not_fatal) {
  const char s[] = "Recalling \xff resolution 918 (X) \xc3( and resolution "
                   "2200 A (XXI)";
  cg_diag d;
  const cg_result *r;
  ck_assert_int_eq(cg_extract(ex, s, sizeof s - 1, NULL, &r, &d), CG_OK);
  ck_assert_uint_eq(cg_result_document(r)->invalid_utf8, 2);
  ck_assert_uint_eq(cg_result_document(r)->first_invalid, 10);
  ck_assert_uint_eq(cg_result_count(r), 2);
  ck_assert_str_eq(cg_result_citation(r, 0)->target, "A/RES/918(X)");
  ck_assert_uint_eq(cg_result_citation(r, 0)->start, 12);
  ck_assert_str_eq(cg_result_citation(r, 1)->target, "A/RES/2200A(XXI)");
}
END_TEST

START_TEST(odd_bytes_and_spaces_keep_offsets) {
  /* NUL, no-break space, CRLF and a multi-byte word before the citation. */
  const char s[] = "Résumé\0 \xc2\xa0résolution\xc2\xa0" "918\xc2\xa0(X)\r\n";
  cg_options o = {.lang = "fr"};
  cg_diag d;
  const cg_result *r;
  ck_assert_int_eq(cg_extract(ex, s, sizeof s - 1, &o, &r, &d), CG_OK);
  ck_assert_uint_eq(cg_result_count(r), 1);
  const cg_citation *c = cg_result_citation(r, 0);
  ck_assert_str_eq(c->target, "A/RES/918(X)");
  ck_assert_uint_eq(c->start, 12); /* "Résumé" is 8 bytes, NUL, space, NBSP */
  ck_assert_uint_eq(c->end, sizeof s - 3);
  ck_assert_int_eq(memcmp(s + c->start, "r\xc3\xa9solution", 11), 0);
  ck_assert_int_eq(s[c->end - 1], ')');
}
END_TEST

START_TEST(offsets_point_at_the_bytes) {
  const char *s = "Rappelant les résolutions 61/144 et 74/176 de l’Assemblée "
                  "générale, ainsi que la résolution 1325 (2000) et "
                  "S/RES/2331 (2016) et l’article 25 de la Charte des "
                  "Nations Unies.";
  run(s, "fr");
  ck_assert_uint_ge(cg_result_count(res), 4);
  for (size_t i = 0; i < cg_result_count(res); i++) {
    const cg_citation *c = cit(i);
    ck_assert_uint_lt(c->start, c->end);
    ck_assert_uint_le(c->end, strlen(s));
    if (i)
      ck_assert_uint_le(cit(i - 1)->start, c->start); /* text order */
  }
  spans(with_target("S/RES/1325(2000)"), "résolution 1325 (2000)", 0);
  spans(with_target("S/RES/2331(2016)"), "S/RES/2331 (2016)", 0);
  spans(with_target("UNCHARTER#art_25"),
        "article 25 de la Charte des Nations Unies", 0);
  spans(with_target("UNCHARTER"), "Charte des Nations Unies", 0);
}
END_TEST

START_TEST(results_are_reproducible) {
  const char *s = "The Security Council,\n\nRecalling its resolutions 1373 "
                  "(2001) and 2178 (2014), and Article 25 of the Charter,\n";
  size_t n = run(s, NULL);
  ck_assert_uint_ge(n, 3);
  char first[1024] = "";
  for (size_t i = 0; i < n; i++) {
    strcat(first, cit(i)->target ? cit(i)->target : "-");
    strcat(first, " ");
  }
  run("Something else entirely: A/79/5.", NULL);
  ck_assert_uint_eq(run(s, NULL), n);
  char second[1024] = "";
  for (size_t i = 0; i < n; i++) {
    strcat(second, cit(i)->target ? cit(i)->target : "-");
    strcat(second, " ");
  }
  ck_assert_str_eq(first, second);
}
END_TEST

START_TEST(kind_and_place_names) {
  ck_assert_str_eq(cg_kind_name(CG_KIND_RESOLUTION), "resolution");
  ck_assert_str_eq(cg_kind_name(CG_KIND_DECISION), "decision");
  ck_assert_str_eq(cg_kind_name(CG_KIND_SYMBOL), "symbol");
  ck_assert_str_eq(cg_kind_name(CG_KIND_TREATY), "treaty");
  ck_assert_str_eq(cg_kind_name(CG_KIND_PROVISION), "provision");
  ck_assert_str_eq(cg_kind_name(CG_KIND_TREATY_SERIES), "treaty_series");
  ck_assert_str_eq(cg_kind_name((cg_kind)42), "unknown");
  ck_assert_str_eq(cg_place_name(CG_PLACE_TEXT), "text");
  ck_assert_str_eq(cg_place_name(CG_PLACE_PREAMBLE), "preamble");
  ck_assert_str_eq(cg_place_name(CG_PLACE_OPERATIVE), "operative");
  ck_assert_str_eq(cg_place_name(CG_PLACE_FOOTNOTE), "footnote");
  ck_assert_str_eq(cg_place_name((cg_place)42), "text");
}
END_TEST

/* French elision: "de l'Assemblée générale" is not read as the body, because
 * the apostrophe token stops the skip of "de l" before the body's name.
 * Expected per IDENTIFIERS.md: A/RES/61/144 and A/RES/74/176. */
START_TEST(bug_french_elided_article_before_body) {
  run("Rappelant les résolutions de l'Assemblée générale 61/144 et 74/176,",
      "fr");
  ck_assert_uint_eq(count_target("A/RES/61/144"), 1); /* actual: nothing */
  ck_assert_uint_eq(count_target("A/RES/74/176"), 1);
  run("Rappelant la résolution 61/144 de l'Assemblée générale, en date du "
      "19 décembre 2006,",
      "fr");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->body, "GA"); /* actual: "unknown", target NULL */
  ck_assert_str_eq(cit(0)->date, "2006-12-19");
}
END_TEST

/* A document of more than CHUNK_TOKENS_MAX tokens without a blank line,
 * cut in prose, makes the scanner read before its token array (run under
 * valgrind to see it; see lex known bugs). */
/* See bug_treaty_series_zero_matches_unnumbered_instrument (catalog). */
START_TEST(bug_treaty_series_volume_zero) {
  run("United Nations, Treaty Series, vol. 0, No. 0.", "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0); /* actual: 1 */
}
END_TEST

START_TEST(bug_long_paragraph_chunk_boundary) {
  size_t units = 65536, unit = strlen("1 the of the ");
  const char *tail = "of the of the of the of the of the\n";
  size_t n = units * unit + strlen(tail);
  char *big = malloc(n + 1);
  ck_assert_ptr_nonnull(big);
  for (size_t i = 0; i < units; i++)
    memcpy(big + i * unit, "1 the of the ", unit);
  memcpy(big + units * unit, tail, strlen(tail) + 1);
  cg_diag d;
  const cg_result *r;
  cg_status st = cg_extract(ex, big, n, NULL, &r, &d);
  free(big);
  ck_assert_int_eq(st, CG_OK);
  ck_assert_uint_eq(cg_result_count(r), 0);
}
END_TEST


/* A run of more than CHUNK_TOKENS_MAX tokens without a break was cut
 * inside the citation standing there: 'resolution 1 (1946), ' 50,000 times
 * gave 49,999 citations. */
START_TEST(citation_lost_at_chunk_boundary) {
  const char *unit = "resolution 1 (1946), ";
  size_t units = 50000, ul = strlen(unit), n = units * ul;
  char *big = malloc(n + 1);
  ck_assert_ptr_nonnull(big);
  for (size_t i = 0; i < units; i++)
    memcpy(big + i * ul, unit, ul);
  big[n] = '\0';
  const cg_result *r;
  cg_diag d;
  ck_assert_int_eq(cg_extract(ex, big, n, NULL, &r, &d), CG_OK);
  ck_assert_uint_eq(cg_result_count(r), units);
  for (size_t i = 0; i < units; i++) {
    ck_assert_uint_eq(cg_result_citation(r, i)->start, i * ul);
    ck_assert_str_eq(cg_result_citation(r, i)->target, "S/RES/1(1946)");
  }
  free(big);
}
END_TEST

/* The end of an unknown title was looked for up to 160 bytes past the
 * generic name, past the end of a text that did not end with a NUL (found
 * by tests/fuzz/fuzz_export.c; make asan sees the read). */
START_TEST(title_end_read_past_the_text) {
  static const char *const ends[] = {"Recalling the Convention",
                                     "Recalling the Convention on the Safety",
                                     "of hte United lNE Charter of the"};
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
    size_t n = strlen(ends[i]);
    char *exact = malloc(n); /* no NUL after it */
    ck_assert_ptr_nonnull(exact);
    memcpy(exact, ends[i], n);
    const cg_result *r;
    ck_assert_int_eq(cg_extract(ex, exact, n, NULL, &r, NULL), CG_OK);
    free(exact);
  }
}
END_TEST

/* Two results hold the same citations and the same document identity. */
static void same_results(const cg_result *a, const cg_result *b,
                         const char *what) {
  const cg_document *da = cg_result_document(a), *db = cg_result_document(b);
  ck_assert_msg(!strcmp(da->self, db->self) && !strcmp(da->body, db->body),
                "%s: document %s/%s, chunked %s/%s", what, da->self, da->body,
                db->self, db->body);
  ck_assert_msg(cg_result_count(a) == cg_result_count(b),
                "%s: %zu citations, %zu in small chunks", what,
                cg_result_count(a), cg_result_count(b));
  for (size_t i = 0; i < cg_result_count(a); i++) {
    const cg_citation *x = cg_result_citation(a, i), *y = cg_result_citation(b, i);
    ck_assert_msg(x->start == y->start && x->end == y->end &&
                      !x->target == !y->target &&
                      (!x->target || !strcmp(x->target, y->target)) &&
                      x->kind == y->kind && x->place == y->place &&
                      x->paragraph == y->paragraph && !strcmp(x->body, y->body),
                  "%s: citation %zu at %zu (%s) differs in small chunks: at "
                  "%zu (%s)",
                  what, i, x->start, x->target ? x->target : "null", y->start,
                  y->target ? y->target : "null");
  }
}

/* Cuts where no break comes fall anywhere: with every chunk cut at 600
 * tokens, paragraph break or not, every document of the test corpora gives
 * what it gives in one piece. */
START_TEST(chunk_size_changes_nothing) {
  static const char *const dirs[] = {"tests/golden", "tests/heldout",
                                     "tests/multilingual", "tests/blind",
                                     "tests/blind2", "tests/golden3",
                                     "examples"};
  cg_extractor *small = cg_extractor_new(test_catalog());
  ck_assert_ptr_nonnull(small);
  extractor_set_chunk(small, 600, 600);
  size_t files = 0;
  for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++) {
    DIR *d = opendir(dirs[k]);
    if (!d)
      continue;
    struct dirent *e;
    while ((e = readdir(d))) {
      size_t nl = strlen(e->d_name);
      if (e->d_name[0] == '.' || nl < 4 ||
          (strcmp(e->d_name + nl - 3, ".md") && strcmp(e->d_name + nl - 4, ".txt")))
        continue;
      char path[1024];
      snprintf(path, sizeof path, "%s/%s", dirs[k], e->d_name);
      FILE *f = fopen(path, "rb");
      ck_assert_ptr_nonnull(f);
      char *buf = malloc(1 << 22);
      ck_assert_ptr_nonnull(buf);
      size_t len = fread(buf, 1, (1 << 22) - 1, f);
      fclose(f);
      const cg_result *a, *b;
      ck_assert_int_eq(cg_extract(ex, buf, len, NULL, &a, NULL), CG_OK);
      ck_assert_int_eq(cg_extract(small, buf, len, NULL, &b, NULL), CG_OK);
      same_results(a, b, path);
      files++;
      free(buf);
    }
    closedir(d);
  }
  cg_extractor_free(small);
  ck_assert_uint_ge(files, 100);
}
END_TEST

/* The same with long sentences of lists, provisions and names, cut at
 * every size from 200 tokens (a citation may span an eighth of a chunk). */
START_TEST(chunk_size_changes_nothing_in_long_sentences) {
  static const char *const units[] = {
      "recalling General Assembly resolutions 61/144, 62/1 and 63/5 and "
      "article 5, paragraph 2, of the United Nations Convention against "
      "Transnational Organized Crime, ",
      "Security Council resolution 2331 (2016); S/2015/52, A/RES/70/1 (Parts "
      "I and II) and the Charter of the United Nations, Article 25; ",
      "résolution 918 (X) de l'Assemblée générale et résolutions 2200 A (XXI) "
      "et 31/6 A; "};
  cg_extractor *small = cg_extractor_new(test_catalog());
  ck_assert_ptr_nonnull(small);
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t ul = strlen(units[u]), reps = 400, n = ul * reps;
    char *buf = malloc(n + 1);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < reps; i++)
      memcpy(buf + i * ul, units[u], ul);
    buf[n] = '\0';
    const cg_result *a, *b;
    cg_options o = {.lang = u == 2 ? "fr" : "en"};
    ck_assert_int_eq(cg_extract(ex, buf, n, &o, &a, NULL), CG_OK);
    ck_assert_uint_ge(cg_result_count(a), reps);
    for (size_t hard = 200; hard <= 1200; hard += 97) {
      extractor_set_chunk(small, hard / 2, hard);
      ck_assert_int_eq(cg_extract(small, buf, n, &o, &b, NULL), CG_OK);
      char what[64];
      snprintf(what, sizeof what, "unit %zu, chunks of %zu", u, hard);
      same_results(a, b, what);
    }
    free(buf);
  }
  cg_extractor_free(small);
}
END_TEST

/* Front matter was read line by line: \" and '' stayed as written. */
START_TEST(front_matter_not_yaml) {
  run("---\nsymbol: \"A/RES/80/10\"\ntitle: \"A \\\"quoted\\\" title\"\n---\n\nText.\n",
      NULL);
  ck_assert_str_eq(cg_result_document(res)->title, "A \"quoted\" title");
  ck_assert_str_eq(cg_result_document(res)->self, "A/RES/80/10");
  run("---\nsymbol: 'A/RES/80/11'\ntitle: 'It''s'\ndate: 2025-10-01 # adopted\n"
      "---\n\nText.\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->title, "It's");
  ck_assert_str_eq(cg_result_document(res)->date, "2025-10-01");
  run("---\ntitle: >-\n  Folded\n  title\nsymbol: A/RES/80/12\n---\n\nText.\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->title, "Folded title");
  /* Not YAML (a colon in a plain scalar): read line by line as before. */
  run("---\nsymbol: A/RES/80/13\ntitle: Resolution: a title\n---\n\nText.\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->self, "A/RES/80/13");
  ck_assert_str_eq(cg_result_document(res)->title, "Resolution: a title");
  /* A long title is cut at a character, not inside one. */
  char t[1200];
  size_t o = (size_t)snprintf(t, sizeof t, "---\ntitle: ");
  for (int i = 0; i < 300; i++)
    o += (size_t)snprintf(t + o, sizeof t - o, "\xc3\xa9");
  snprintf(t + o, sizeof t - o, "\n---\n\nText.\n");
  run(t, NULL);
  const char *title = cg_result_document(res)->title;
  ck_assert_uint_gt(strlen(title), 400);
  ck_assert_uint_eq(strlen(title) % 2, 0);
}
END_TEST

/* A front-matter symbol that is not an identifier reached the graph, and
 * SVG links through it: it is ignored, and said. */
START_TEST(front_matter_symbol_not_an_identifier) {
  static const char *const bad[] = {
      "A/RES/5/5\"\tonload=\"alert(1)", "A/RES/5/5\"/><script>x</script>",
      "A/RES/5/5 <b>", "A/RES/\xc3\xa9", "A&B", "file:x"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char t[512];
    snprintf(t, sizeof t, "---\nsymbol: '%s'\n---\n\nRecalling its resolution 61/144,\n",
             bad[i]);
    run(t, NULL);
    ck_assert_str_eq(cg_result_document(res)->self, "");
    ck_assert_str_eq(res->rejected_symbol, bad[i]);
    for (size_t k = 0; k < cg_result_count(res); k++)
      ck_assert(!cit(k)->target || cg_identifier_valid(cit(k)->target));
  }
  run("---\nsymbol: S/RES/2331 (2016)\n---\n\nText.\n", NULL);
  ck_assert_str_eq(cg_result_document(res)->self, "S/RES/2331(2016)");
  ck_assert_str_eq(res->rejected_symbol, "");
}
END_TEST

/* Lists whose items each carry their own date, in every language. */
static void expect_dated(const char *s, const char *lang, size_t n,
                         const char *const *targets, const char *const *dates) {
  ck_assert_uint_eq(run(s, lang), n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_str_eq(cit(i)->target, targets[i]);
    ck_assert_str_eq(cit(i)->date, dates[i]);
  }
}

static const char *const dated_targets[] = {"S/RES/1267(1999)", "S/RES/1373(2001)",
                                            "S/RES/1989(2011)"};
static const char *const dated_dates[] = {"1999-10-15", "2001-09-28", "2011-06-17"};

START_TEST(list_items_each_dated_russian) {
  expect_dated("ссылаясь на свои резолюции 1267 (1999) от 15 октября 1999 года, "
               "1373 (2001) от 28 сентября 2001 года и 1989 (2011) от 17 июня "
               "2011 года,",
               "ru", 3, dated_targets, dated_dates);
}
END_TEST

START_TEST(list_items_each_dated_chinese) {
  expect_dated("回顾其1999年10月15日第1267(1999)号、2001年9月28日第1373(2001)号"
               "和2011年6月17日第1989(2011)号决议，",
               "zh", 3, dated_targets, dated_dates);
}
END_TEST

START_TEST(list_items_each_dated_arabic) {
  expect_dated("إذ يشير إلى قراراته 1267 (1999) المؤرخ 15 تشرين الأول/أكتوبر 1999، "
               "و 1373 (2001) المؤرخ 28 أيلول/سبتمبر 2001، و 1989 (2011) المؤرخ "
               "17 حزيران/يونيه 2011،",
               "ar", 3, dated_targets, dated_dates);
}
END_TEST

START_TEST(list_items_dated_without_year) {
  static const char *const t[] = {"S/RES/186(1964)", "S/RES/187(1964)",
                                  "S/RES/192(1964)"};
  static const char *const d[] = {"1964-03-04", "1964-03-13", "1964-06-20"};
  expect_dated("Recalling its resolutions 186 (1964) of 4 March, 187 (1964) of "
               "13, March, 192(1964) of 20 June 1964,",
               "en", 3, t, d);
  expect_dated("Rappelant ses résolutions 186 (1964) du 4 mars, 187 (1964) du "
               "13 mars et 192 (1964) du 20 juin 1964,",
               "fr", 3, t, d);
  expect_dated("Recordando sus resoluciones 186 (1964), de 4 de marzo, 187 (1964), "
               "de 13 de marzo, y 192 (1964), de 20 de junio de 1964,",
               "es", 3, t, d);
}
END_TEST

START_TEST(bug_chinese_generic_after_a_date_is_not_named) {
  /* "2001年12月5日宣言": the declaration of that day, not one named before */
  run("回顾《世界人权宣言》。重申2001年12月5日宣言。", "zh");
  ck_assert_uint_eq(count_target("UDHR"), 1);
}
END_TEST


START_TEST(symbol_with_part_or_volume_qualifier) {
  run("See NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32\n(Part I)/Corr.2, "
      "A/CONF.1/2 (Parts I and II) and A/70/5 (Vol. II).",
      "en");
  ck_assert_uint_eq(cg_result_count(res), 4);
  ck_assert_str_eq(cit(0)->target, "NPT/CONF.1995/32");
  spans(cit(0), "NPT/CONF.1995/32 (Part I)", 0);
  ck_assert_str_eq(cit(1)->target, "NPT/CONF.1995/32/Corr.2");
  spans(cit(1), "NPT/CONF.1995/32\n(Part I)/Corr.2", 0);
  ck_assert_str_eq(cit(2)->target, "A/CONF.1/2");
  spans(cit(2), "A/CONF.1/2 (Parts I and II)", 0);
  ck_assert_str_eq(cit(3)->target, "A/70/5");
  spans(cit(3), "A/70/5 (Vol. II)", 0);
}
END_TEST

START_TEST(symbol_qualifier_in_other_languages) {
  run("Véase el documento A/73/12 (Parte II) y A/73/12 (Part I)/Corr.1.", "es");
  ck_assert_uint_eq(cg_result_count(res), 2);
  ck_assert_str_eq(cit(0)->target, "A/73/12");
  spans(cit(0), "A/73/12 (Parte II)", 0);
  ck_assert_str_eq(cit(1)->target, "A/73/12/Corr.1");
}
END_TEST


START_TEST(bodies_whose_numbers_carry_their_mark) {
  run("Recalling decisions 1/CP.21 and 2/CMA.1, decision 1/CMP.1, decision "
      "BC-12/25, resolution WHA72.1, the IAEA resolution GC(69)/RES/15 of the "
      "General Conference and resolution 5/14 of the United Nations "
      "Environment Assembly.",
      "en");
  static const char *const want[] = {
      "FCCC/DEC/1/CP.21", "FCCC/DEC/2/CMA.1", "FCCC/DEC/1/CMP.1",
      "BC/DEC/BC-12/25",  "WHA72.1",          "GC(69)/RES/15",
      "UNEP/EA.5/RES.14"};
  ck_assert_uint_eq(cg_result_count(res), 7);
  for (size_t i = 0; i < 7; i++)
    ck_assert_str_eq(cit(i)->target, want[i]);
}
END_TEST

START_TEST(roman_session_needs_its_body) {
  run("Recalling decision XIV/5 of the Conference of the Parties to the "
      "Convention on Biological Diversity, and decision XIV/6.", "en");
  ck_assert_str_eq(cit(0)->target, "CBD/COP/DEC/XIV/5");
  ck_assert_str_eq(cit(1)->target, "CBD/COP/DEC/XIV/6"); /* same sentence */
  run("Recalling decision XIV/5.", "en");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_ptr_null(cit(0)->target);
}
END_TEST

START_TEST(general_comments_of_treaty_bodies) {
  run("Recalling general comment No. 36 (2018) of the Human Rights Committee "
      "and general recommendation No. 38 (2020) of the Committee on the "
      "Elimination of Discrimination against Women, and general "
      "recommendations Nos. 19 and 35 of that Committee.",
      "en");
  ck_assert_uint_eq(cg_result_count(res), 4);
  ck_assert_str_eq(cit(0)->target, "CCPR/C/GC/36");
  ck_assert_int_eq(cit(0)->kind, CG_KIND_GENERAL_COMMENT);
  ck_assert_str_eq(cit(1)->target, "CEDAW/C/GC/38");
  ck_assert_str_eq(cit(2)->target, "CEDAW/C/GC/19");
  ck_assert_str_eq(cit(3)->target, "CEDAW/C/GC/35");
  run("وإذ يشير إلى التعليق العام رقم 36 (2018) للجنة المعنية بحقوق الإنسان "
      "والتوصية العامة رقم 38 (2020) للجنة المعنية بالقضاء على التمييز ضد "
      "المرأة،",
      "ar");
  ck_assert_str_eq(cit(0)->target, "CCPR/C/GC/36");
  ck_assert_str_eq(cit(1)->target, "CEDAW/C/GC/38");
  run("回顾人权事务委员会第36(2018)号一般性意见和消除对妇女歧视委员会第38(2020)号一般性建议，",
      "zh");
  ck_assert_str_eq(cit(0)->target, "CCPR/C/GC/36");
  ck_assert_str_eq(cit(1)->target, "CEDAW/C/GC/38");
  run("ссылаясь на замечание общего порядка № 36 (2018) Комитета по правам "
      "человека,", "ru");
  ck_assert_str_eq(cit(0)->target, "CCPR/C/GC/36");
}
END_TEST

START_TEST(general_comment_of_no_named_committee_is_unknown) {
  run("Recalling its general recommendation No. 38 (2020) on trafficking", "en");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_ptr_null(cit(0)->target);
  ck_assert_str_eq(cit(0)->body, "unknown");
}
END_TEST

START_TEST(arabic_li_before_the_article) {
  /* "للجمعية العامة" is ل + "الجمعية العامة" */
  run("إذ تشير إلى قرار للجمعية العامة 61/144", "ar");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "A/RES/61/144");
}
END_TEST


START_TEST(optional_protocol_thereto_in_every_language) {
  run("Recalling the Convention on the Rights of Persons with Disabilities and "
      "the Optional Protocol thereto, and the International Covenant on Civil "
      "and Political Rights and the Optional Protocols thereto,", "en");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
  ck_assert_uint_eq(count_target("ICCPR/OP1") + count_target("ICCPR/OP2"), 0);
  run("Rappelant la Convention relative aux droits des personnes handicapées "
      "et le Protocole facultatif s'y rapportant,", "fr");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
  run("Recordando la Convención sobre los Derechos de las Personas con "
      "Discapacidad y su Protocolo Facultativo,", "es");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
  run("ссылаясь на Конвенцию о правах инвалидов и Факультативный протокол к ней,", "ru");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
  run("回顾《残疾人权利公约》及其《任择议定书》，", "zh");
  ck_assert_uint_eq(count_target("CRPD/OP"), 1);
}
END_TEST

START_TEST(titles_with_brackets_and_numbers) {
  run("Recalling ILO Convention No. 169 and the Migrant Workers "
      "(Supplementary Provisions) Convention, 1975 (No. 143),", "en");
  ck_assert_uint_eq(count_target("ILO-C169"), 1);
  ck_assert_uint_eq(count_target("ILO-C143"), 1);
  /* the protocol named by its year before it: the protocol, not the
   * convention its name holds */
  run("ratification of the Optional Protocol and the 2014 Protocol to the ILO "
      "Forced Labour Convention.", "en");
  ck_assert_uint_eq(count_target("ILO-P029"), 1);
  ck_assert_uint_eq(count_target("ILO-C029"), 0);
  run("ссылаясь на Протокол 2014 года к Конвенции о принудительном труде,", "ru");
  ck_assert_uint_eq(count_target("ILO-P029"), 1);
  ck_assert_uint_eq(count_target("ILO-C029"), 0);
}
END_TEST

START_TEST(known_name_going_on_into_a_longer_title) {
  /* A known name, a topic word and capitalized words its names do not
   * hold: a longer title the catalogue does not know, no citation of the
   * shorter one (the released version cited the UDHR, the Charter and the
   * Paris Agreement here). */
  run("Recalling the Universal Declaration on Cultural Diversity,", "en");
  ck_assert_uint_eq(count_target("UDHR"), 0);
  run("The Committee approved the Geneva United Nations Charter on Sustainable "
      "Housing to improve housing.", "en");
  ck_assert_uint_eq(count_target("UNCHARTER"), 0);
  run("Recalling the Paris Agreement, and noting the Agreement on Trade-Related "
      "Aspects of Intellectual Property Rights,", "en");
  ck_assert_uint_eq(count_target("PARIS"), 1);
  run("Recordando la Declaración Universal sobre la Diversidad Cultural,", "es");
  ck_assert_uint_eq(count_target("UDHR"), 0);
  /* Words of its own names go on with it; lower-case words, another
   * citation and a possessive prove nothing. */
  run("in full conformity with the Chicago Convention on International Civil Aviation,", "en");
  ck_assert_uint_eq(count_target("CHICAGO"), 1);
  run("de conformidad con el artículo 3 del Convenio de Chicago sobre Aviación Civil "
      "Internacional.", "es");
  ck_assert_uint_eq(count_target("CHICAGO#art_3"), 1);
  run("Recalling the Universal Declaration on Human Rights and the provisions of "
      "the Charter on the use of force,", "en");
  ck_assert_uint_eq(count_target("UDHR"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER"), 1);
  run("Welcoming consultations between the parties to the Bangkok Treaty on the "
      "Protocol to that Treaty,", "en");
  ck_assert_uint_eq(count_target("BANGKOK"), 2);
}
END_TEST

START_TEST(short_name_going_on_into_a_lower_case_title) {
  /* French, Russian and Arabic titles go on in lower case: a short name, a
   * topic word and two words its names do not hold are a longer title. */
  run("Rappelant la Déclaration universelle sur la diversité culturelle, adoptée "
      "en 2001, et la Déclaration universelle des droits de l'homme,", "fr");
  ck_assert_uint_eq(count_target("UDHR"), 1);
  run("ссылаясь на Всеобщую декларацию о культурном разнообразии и на Всеобщую "
      "декларацию прав человека,", "ru");
  ck_assert_uint_eq(count_target("UDHR"), 1);
  run("وإذ تشير إلى الإعلان العالمي بشأن التنوع الثقافي، وإلى الإعلان العالمي "
      "لحقوق الإنسان،", "ar");
  ck_assert_uint_eq(count_target("UDHR"), 1);
  /* One word proves nothing ("sur ce point" is no title); nor, in English,
   * where titles are capitalized, does lower-case prose after the name. */
  run("conformément à la Déclaration universelle sur ce point,", "fr");
  ck_assert_uint_eq(count_target("UDHR"), 1);
  run("considering the impact of the Rome Statute on victims and affected "
      "communities,", "en");
  ck_assert_uint_eq(count_target("ROME"), 1);
  run("Centres régionaux de la Convention de Stockholm pour le renforcement des "
      "capacités", "fr");
  ck_assert_uint_eq(count_target("POPS"), 1);
}
END_TEST

START_TEST(body_named_by_its_treaty_names_the_treaty) {
  run("Welcoming the outcome of the Conference of the Parties to the Basel "
      "Convention. The Convention remains essential.", "en");
  ck_assert_uint_eq(count_target("BASEL"), 2);
  /* Chinese writes the treaty first: "巴塞尔公约缔约方大会", with or without
   * its title marks; "《公约》第16条" is then its article. */
  run("环境署与巴塞尔公约缔约方大会之间的备忘录。执行主任履行《公约》第16条所列的职能。", "zh");
  ck_assert_uint_eq(count_target("BASEL"), 2);
  ck_assert_uint_eq(count_target("BASEL#art_16"), 1);
  run("欢迎《联合国气候变化框架公约》缔约方会议的成果。", "zh");
  ck_assert_uint_eq(count_target("UNFCCC"), 1);
}
END_TEST

START_TEST(arabic_wa_before_the_article_keeps_it) {
  /* "والاتفاقية" is و + "الاتفاقية", not و + ال + "اتفاقية": a title that
   * begins with the article still matches after "and" */
  run("والاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري", "ar");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "ICERD");
  run("والإعلان العالمي لحقوق الإنسان", "ar");
  ck_assert_uint_eq(cg_result_count(res), 1);
  ck_assert_str_eq(cit(0)->target, "UDHR");
}
END_TEST


/* Extracts with the unresolved candidates; returns how many. */
static size_t run_unresolved(const char *s, const char *lang) {
  cg_options o = {.lang = lang, .unresolved = 1};
  cg_diag d;
  text = s;
  res = NULL;
  ck_assert_int_eq(cg_extract(ex, s, strlen(s), &o, &res, &d), CG_OK);
  return cg_result_unresolved_count(res);
}

static int has_unresolved(const char *surface, const char *reason) {
  for (size_t i = 0; i < cg_result_unresolved_count(res); i++) {
    const cg_unresolved *u = cg_result_unresolved(res, i);
    if (strlen(surface) == u->end - u->start &&
        memcmp(text + u->start, surface, u->end - u->start) == 0 &&
        strcmp(u->reason, reason) == 0)
      return 1;
  }
  return 0;
}

START_TEST(unresolved_candidates_say_why) {
  run_unresolved("Recalling resolution 5/2 of the Governing Council, the Vienna "
                 "Convention, the Convention on the Safety of Navigation, and "
                 "the Protocol.\n\n"
                 "[^1]: United Nations, Treaty Series, vol. 1, No. 999999.\n",
                 "en");
  ck_assert(has_unresolved("resolution 5/2", "body not determined"));
  ck_assert(has_unresolved("Vienna Convention", "name shared by several instruments"));
  ck_assert(has_unresolved("Convention on the Safety of Navigation",
                           "title not in the catalogue"));
  ck_assert(has_unresolved("Protocol", "no instrument of that name named before"));
  ck_assert(has_unresolved("Treaty Series, vol. 1, No. 999999",
                           "Treaty Series number not in the catalogue"));
  /* without the option, none */
  run("Recalling resolution 5/2 of the Governing Council.", "en");
  ck_assert_uint_eq(cg_result_unresolved_count(res), 0);
}
END_TEST


START_TEST(arabic_word_of_one_title_starts_another_after_li) {
  /* "لاتفاقية" is a word of "البروتوكول الاختياري لاتفاقية …" and also
   * ل + "اتفاقية", the first word of "اتفاقية بازل" */
  run("وتضمنت الأنشطة المخصصة لاتفاقية بازل تيسير أنشطة الشراكة", "ar");
  ck_assert_uint_eq(count_target("BASEL"), 1);
}
END_TEST

START_TEST(generic_name_and_provisions_of_the_sentence) {
  /* "the Treaty" is the one its sentence named, among the treaties the text
   * named; an article with no owner of its own is not the sentence's
   * instrument when its clause names another next */
  run("The General Assembly,\n\n"
      "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,\n\n"
      "Welcoming the entry into force of the Treaty on the Prohibition of Nuclear "
      "Weapons and the third Meeting of States Parties to the Treaty,\n\n"
      "1. Calls upon African States parties to the Treaty on the Non-Proliferation "
      "of Nuclear Weapons to conclude safeguards agreements pursuant to the "
      "Treaty, thereby satisfying the requirements of article 9 (b) and annex II "
      "to the Treaty of Pelindaba;\n",
      "en");
  ck_assert_uint_eq(count_target("TPNW"), 2);
  ck_assert_uint_eq(count_target("NPT"), 3);
  ck_assert_uint_eq(count_target("PELINDABA"), 1);
  ck_assert_uint_eq(count_target("NPT#art_9__point_b"), 0);
}
END_TEST

START_TEST(documents_of_a_treaty_body_without_numbered_acts) {
  /* ISBA/21/C/2: "the Convention" in a document of the International Seabed
   * Authority is UNCLOS, named or not */
  const char *isba = "11. The date of deposit of the instrument of ratification of "
                     "the Convention was 7 June 1996.\n";
  cg_options o = {.lang = "en", .self = "ISBA/21/C/2", .self_source = "file name"};
  cg_diag d;
  text = isba;
  ck_assert_int_eq(cg_extract(ex, isba, strlen(isba), &o, &res, &d), CG_OK);
  ck_assert_uint_eq(count_target("UNCLOS"), 1);
  /* the resolution of a commission in its report, cited after the
   * report's symbol and parts, is not the Assembly's */
  run("The General Assembly,\n\nRecalling the agreed conclusions,[^1]\n\n"
      "[^1]: Official Records of the Economic and Social Council, 2015, Supplement "
      "No. 7 (E/2015/27), chap. I, sect. C, resolution 59/1, annex.\n",
      "en");
  ck_assert_uint_eq(count_target("A/RES/59/1"), 0);
  /* a decision after the symbol of its body's document and its parts, the
   * symbol of an earlier series ("UNEP/CBD/COP", a body's `symbols`) */
  run("The General Assembly,\n\nRecalling the Convention on Biological Diversity,[^1]\n\n"
      "[^1]: United Nations Environment Programme, document UNEP/CBD/COP/7/21, annex, "
      "decision VII/5, annex I; CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15.\n",
      "en");
  ck_assert_uint_eq(count_target("CBD/COP/DEC/VII/5"), 1);
  ck_assert_uint_eq(count_target("CAC/COSP/RES/9/2#para_15"), 1);
}
END_TEST

START_TEST(name_of_two_instruments_cites_both) {
  /* "the International Covenants on Human Rights" (a `together` name of
   * ICCPR and ICESCR in the catalogue): both, in every language */
  static const struct {
    const char *lang, *text;
  } cases[] = {
      {"en", "Reaffirming the International Covenants on Human Rights,"},
      {"fr", "Réaffirmant les Pactes internationaux relatifs aux droits de l'homme,"},
      {"es", "Reafirmando los Pactos Internacionales de Derechos Humanos,"},
      {"ru", "подтверждая Международные пакты о правах человека,"},
      {"ar", "وإذ تؤكد من جديد العهدين الدوليين الخاصين بحقوق الإنسان،"},
      {"zh", "重申国际人权盟约，"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    run(cases[i].text, cases[i].lang);
    ck_assert_msg(count_target("ICCPR") == 1 && count_target("ICESCR") == 1,
                  "%s: \"%s\"", cases[i].lang, cases[i].text);
  }
  /* each Covenant by its own title is itself alone */
  run("Recalling the International Covenant on Civil and Political Rights,", "en");
  ck_assert_uint_eq(count_target("ICCPR"), 1);
  ck_assert_uint_eq(count_target("ICESCR"), 0);
}
END_TEST

START_TEST(paragraphs_after_a_resolution_number) {
  /* "Resolution 63/120, para. 20": the resolution and its paragraph; a
   * section's paragraphs name the resolution alone; "annex, para. N" is a
   * paragraph of the instrument the resolution adopts; paragraphs followed
   * by "of resolution …" are the other one's */
  run("The General Assembly,\n\n1. Recalls its resolution 63/120, paragraph 20, "
      "and resolution 61/105, paragraphs 113 and 119 to 124 of resolution 64/72;\n\n"
      "2. Notes that resolution 79/323, annex, para. 43 (l), and resolutions "
      "52/214, sect. C, para. 3, and 58/101 B, sect. V, paras. 61–76, apply;\n",
      "en");
  ck_assert_uint_eq(count_target("A/RES/63/120#para_20"), 1);
  ck_assert_uint_eq(count_target("A/RES/61/105"), 1);
  ck_assert_uint_eq(count_target("A/RES/61/105#para_113"), 0);
  ck_assert_uint_eq(count_target("SEVILLA#para_43__point_l"), 1);
  ck_assert_uint_eq(count_target("A/RES/52/214"), 1);
  ck_assert_uint_eq(count_target("A/RES/52/214#para_3"), 0);
  ck_assert_uint_eq(count_target("A/RES/58/101B"), 1);
  ck_assert_uint_eq(count_target("A/RES/58/101B#para_61"), 0);
  run("L'Assemblée générale,\n\n1. Rappelle sa résolution 63/120, par. 20 ;\n", "fr");
  ck_assert_uint_eq(count_target("A/RES/63/120#para_20"), 1);
  run("إن الجمعية العامة،\n\n1 - تشير إلى قرارها 63/120، الفقرة 20؛\n", "ar");
  ck_assert_uint_eq(count_target("A/RES/63/120#para_20"), 1);
  /* a footnote's "resolution R, annex" alone: the instrument it adopts */
  run("The General Assembly,\n\nRecalling the Declaration,[^1]\n\n[^1]: Resolution 61/295, annex.\n", "en");
  ck_assert_uint_eq(count_target("UNDRIP"), 1);
  run("大会，\n\n回顾该宣言[^1]，\n\n[^1]: 第61/295号决议，附件。\n", "zh");
  ck_assert_uint_eq(count_target("UNDRIP"), 1);
}
END_TEST

START_TEST(body_above_and_article_after_a_joiner) {
  /* a body's name on the line above a list yields to the body the list
   * names after it; a name that writes an article after "and" ("et le",
   * "y el", "and the") is still the catalogue's name */
  static const struct {
    const char *lang, *text;
  } above[] = {
      {"en", "Governing Council of UN-Habitat\nResolutions 1267 (1999) and 1989 (2011) of the "
             "Security Council\n"},
      {"fr", "Conseil d'administration d'ONU-Habitat\nRésolutions 1267 (1999) et 1989 (2011) du "
             "Conseil de sécurité\n"},
      {"ru", "Совет управляющих ООН-Хабитат\nРезолюции 1267 (1999) и 1989 (2011) Совета "
             "Безопасности\n"},
  };
  for (size_t i = 0; i < sizeof above / sizeof above[0]; i++) {
    run(above[i].text, above[i].lang);
    ck_assert_msg(count_target("S/RES/1267(1999)") == 1 && count_target("S/RES/1989(2011)") == 1,
                  "%s: \"%s\"", above[i].lang, above[i].text);
  }
  static const struct {
    const char *lang, *text;
  } joined[] = {
      {"en", "Recalling the Copenhagen Declaration and the Programme of Action of the World "
             "Summit for Social Development,"},
      {"fr", "Rappelant la Déclaration politique et le Plan d'action sur la coopération "
             "internationale en vue d'une stratégie intégrée et équilibrée de lutte contre le "
             "problème mondial de la drogue,"},
      {"es", "Recordando la Declaración Política y el Plan de Acción sobre Cooperación "
             "Internacional en favor de una Estrategia Integral y Equilibrada para Contrarrestar "
             "el Problema Mundial de las Drogas,"},
  };
  /* a body's name that ends with a generic name of the treaty it serves
   * cites that treaty, not the one the text named last */
  run("1. The Comprehensive Nuclear-Test-Ban Treaty is essential.\n\n"
      "2. The Group of Non-Aligned States Parties to the Treaty recalls the "
      "commitment of all States parties.\n",
      "en");
  ck_assert_uint_eq(count_target("CTBT"), 1);
  ck_assert_uint_eq(count_target("NPT"), 1);
  run("6. El Grupo de Estados No Alineados Partes en el Tratado destaca la importancia "
      "de la adhesión universal al Tratado de Prohibición Completa de los Ensayos "
      "Nucleares.\n",
      "es");
  ck_assert_uint_eq(count_target("CTBT"), 1);
  ck_assert_uint_eq(count_target("NPT"), 1);
  const char *want[] = {"COPENHAGEN", "DRUGS-PD2009", "DRUGS-PD2009"};
  for (size_t i = 0; i < sizeof joined / sizeof joined[0]; i++) {
    run(joined[i].text, joined[i].lang);
    ck_assert_msg(count_target(want[i]) == 1 && cg_result_count(res) == 1, "%s: \"%s\"", joined[i].lang,
                  joined[i].text);
  }
}
END_TEST

START_TEST(resolution_in_a_report_in_every_language) {
  /* "Supplement No. 7 (E/2015/27), chap. I, sect. C, resolution 59/1": the
   * Commission's resolution in its report, never the Assembly's, however
   * the language abbreviates chapter and section or writes their codes */
  static const struct {
    const char *lang, *text;
  } cases[] = {
      {"es", "La Asamblea General,\n\nRecordando las conclusiones[^1],\n\n[^1]: Documentos "
             "Oficiales del Consejo Económico y Social, 2015, Suplemento núm. 7 (E/2015/27), cap. "
             "I, secc. C, resolución 59/1, anexo.\n"},
      {"fr", "L'Assemblée générale,\n\nRappelant les conclusions[^1],\n\n[^1]: Documents "
             "officiels du Conseil économique et social, 2015, Supplément no 7 (E/2015/27), chap. "
             "I, sect. C, résolution 59/1, annexe.\n"},
      {"ru", "Генеральная Ассамблея,\n\nссылаясь на выводы[^1],\n\n[^1]: Официальные отчеты "
             "Экономического и Социального Совета, 2015 год, Дополнение № 7 (E/2015/27), гл. I, "
             "разд. C, резолюция 59/1, приложение.\n"},
      {"ar", "إن الجمعية العامة،\n\nإذ تشير إلى الاستنتاجات[^1]،\n\n[^1]: الوثائق الرسمية "
             "للمجلس الاقتصادي والاجتماعي، 2015، الملحق رقم 7 (E/2015/27)، الفصل الأول، الفرع "
             "جيم، القرار 59/1، المرفق.\n"},
      {"zh", "大会，\n\n回顾商定结论[^1]，\n\n[^1]: 《经济及社会理事会正式记录，2015年，补编第7"
             "号》(E/2015/27)，第一章，C节，第59/1号决议，附件。\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    run(cases[i].text, cases[i].lang);
    ck_assert_msg(count_target("A/RES/59/1") == 0 && count_target("E/2015/27") == 1, "%s: \"%s\"",
                  cases[i].lang, cases[i].text);
  }
}
END_TEST

START_TEST(lettered_parts_and_titles_in_lists) {
  /* Arabic names the letters of parts past H ("46/36 لام" is 46/36 L); a
   * Chinese list may put a title between its numbers and their word; French
   * writes article 1 "l'article premier" */
  run("إن الجمعية العامة،\n\nإذ تشير إلى قراراتها 46/36 لام المؤرخ 9 كانون الأول/ديسمبر 1991 "
      "و 49/75 جيم المؤرخ 15 كانون الأول/ديسمبر 1994،\n",
      "ar");
  ck_assert_uint_eq(count_target("A/RES/46/36L"), 1);
  ck_assert_uint_eq(count_target("A/RES/49/75C"), 1);
  run("大会，\n\n又回顾其1991年12月9日第46/36 L号和2022年12月7日第77/69号题为“军备透明”的决议，\n",
      "zh");
  ck_assert_uint_eq(count_target("A/RES/46/36L"), 1);
  ck_assert_uint_eq(count_target("A/RES/77/69"), 1);
  run("L'Assemblée générale,\n\n1. Rappelle l'article premier de la Charte des Nations Unies ;\n",
      "fr");
  ck_assert_uint_eq(count_target("UNCHARTER#art_1"), 1);
}
END_TEST

START_TEST(lists_ranges_and_footnote_forms) {
  /* a list of paragraphs with ranges inside; a range of resolutions or
   * decisions; a possessive whose clause names its subject after the
   * comma; a body a few words after the list; "art. 18" after a title; a
   * code's article number; a short name the text gives an instrument */
  run("The General Assembly,\n\n1. Recalls paragraphs 113, 117 and 119 to 121 of resolution "
      "64/72, resolutions 78/1 to 78/3 and decisions 9/CP.19 to 11/CP.19;\n\n2. Notes that "
      "through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted a "
      "draft;\n\n3. Notes decision 16/35 adopted at the sixteenth meeting of the Conference "
      "of the Parties to the Convention on Biological Diversity;\n",
      "en");
  static const char *want[] = {"A/RES/64/72#para_113", "A/RES/64/72#para_117",
                               "A/RES/64/72#para_119", "A/RES/64/72#para_120",
                               "A/RES/64/72#para_121", "A/RES/78/1", "A/RES/78/2", "A/RES/78/3",
                               "FCCC/DEC/9/CP.19", "FCCC/DEC/10/CP.19", "FCCC/DEC/11/CP.19",
                               "A/HRC/RES/54/18", "CBD/COP/DEC/16/35"};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++)
    ck_assert_msg(count_target(want[i]) == 1, "%s", want[i]);
  ck_assert_uint_eq(count_target("A/RES/54/18"), 0);
  ck_assert_uint_eq(count_target("A/RES/64/72#para_118"), 0);
  /* the body "adopted by" after a list, and after two lists each with its
   * word ("la résolution 10/1 et de la résolution 10/3, adoptées par …") */
  run("The General Assembly,\n\nTaking note of resolution 10/1 of 16 October 2020 and resolution "
      "10/3 of 16 October 2020, adopted by the Human Rights Council,\n", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/10/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/10/3"), 1);
  run("L'Assemblée générale,\n\nPrenant note de la résolution 10/1 et de la résolution 10/3, "
      "adoptées par la Conférence des Parties à la Convention des Nations Unies contre la "
      "criminalité transnationale organisée,\n", "fr");
  ck_assert_uint_eq(count_target("CTOC/COP/RES/10/1"), 1);
  ck_assert_uint_eq(count_target("CTOC/COP/RES/10/3"), 1);
  run("إن الجمعية العامة،\n\nوإذ تحيط علما بالقرار 10/1 المؤرخ 16 تشرين الأول/أكتوبر 2020 والقرار "
      "10/3، اللذين اعتمدهما مجلس حقوق الإنسان،\n", "ar");
  ck_assert_uint_eq(count_target("A/HRC/RES/10/1"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/10/3"), 1);
  /* (without the comma, the nearest only) */
  run("The General Assembly,\n\nTaking note of resolution 10/1 and resolution 10/3 adopted by the "
      "Human Rights Council,\n", "en");
  ck_assert_uint_eq(count_target("A/HRC/RES/10/1"), 0);
  ck_assert_uint_eq(count_target("A/HRC/RES/10/3"), 1);
  /* ranges of points in every language's order */
  static const char *const prange[][2] = {
      {"The General Assembly,\n\nthe measures set out in paragraph 3(a)–(f) of resolution 51/210;\n", "en"},
      {"L'Assemblée générale,\n\nles mesures énoncées aux alinéas a) à f) du paragraphe 3 de la "
       "résolution 51/210 ;\n", "fr"},
      {"Генеральная Ассамблея,\n\nмер, изложенных в пунктах 3(a)–(f) резолюции 51/210;\n", "ru"},
      {"大会，\n\n特别考虑执行大会第51/210号决议第3(a)至(f)段所列措施；\n", "zh"}};
  for (size_t i = 0; i < sizeof prange / sizeof *prange; i++) {
    run(prange[i][0], prange[i][1]);
    ck_assert_msg(count_target("A/RES/51/210#para_3__point_a") == 1 &&
                      count_target("A/RES/51/210#para_3__point_c") == 1 &&
                      count_target("A/RES/51/210#para_3__point_f") == 1 &&
                      count_target("A/RES/51/210#para_3") == 0,
                  "%s", prange[i][1]);
  }
  /* the Charter's Chinese: 〇 in a numeral, 项 its paragraph and 款 the point;
   * a report's chapter after its footnote mark is no instrument's */
  run("大会，\n\n意识到《联合国宪章》第一〇二条规定的义务，回顾《宪章》第十三条第一项(子)款；\n", "zh");
  ck_assert_uint_eq(count_target("UNCHARTER#art_102"), 1);
  ck_assert_uint_eq(count_target("UNCHARTER#art_13__para_1__point_a"), 1);
  run("大会，\n\n回顾《联合国宪章》，注意到委员会报告[^1]第四章；\n\n[^1]: A/74/26。\n", "zh");
  ck_assert_uint_eq(count_target("UNCHARTER#chp_4"), 0);
  /* ranges of resolutions as Arabic and Chinese write them */
  run("إن الجمعية العامة،\n\nإذ تشير إلى قراراتها من 78/1 إلى 78/3،\n", "ar");
  ck_assert_uint_eq(count_target("A/RES/78/2"), 1);
  run("大会，\n\n回顾其第78/1至78/3号决议，\n", "zh");
  ck_assert_uint_eq(count_target("A/RES/78/1") + count_target("A/RES/78/2") +
                        count_target("A/RES/78/3"),
                    3);
  run("The General Assembly,\n\nRecalling the freedom of religion,[^1] and the Optional "
      "Protocols to the Convention on the Rights of the Child,[^2]\n\n[^1]: Universal "
      "Declaration of Human Rights, art. 18.\n\n[^2]: United Nations, Treaty Series, vols. "
      "2171 and 2173, No. 27531; see also UNEP/CBD/BS/COP-MOP/5/17 and ICCD/COP(16)/23.\n",
      "en");
  ck_assert_uint_eq(count_target("UDHR#art_18"), 1);
  ck_assert_uint_eq(count_target("CRC/OPSC"), 1);
  ck_assert_uint_eq(count_target("CRC/OPAC"), 1);
  ck_assert_uint_eq(count_target("UNEP/CBD/BS/COP-MOP/5/17"), 1);
  ck_assert_uint_eq(count_target("ICCD/COP(16)/23"), 1);
  /* a second reference after the first, the series not named again */
  static const char *const more[][2] = {
      {"The General Assembly,\n\nRecalling the Convention on the Rights of the Child,[^1]\n\n"
       "[^1]: Ibid., vol. 2131, No. 20378; and vols. 2171, 2173 and 2983, No. 27531.\n", "en"},
      {"L'Assemblée générale,\n\nRappelant la Convention relative aux droits de l'enfant,[^1]\n\n"
       "[^1]: Ibid., vol. 2131, no 20378, et vol. 2171, 2173 et 2983, no 27531.\n", "fr"},
      {"大会，\n\n回顾《儿童权利公约》，[^1]\n\n[^1]: 同上，第2131卷，第20378号；以及第2171、2173"
       "和2983卷，第27531号。\n", "zh"}};
  for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
    run(more[i][0], more[i][1]);
    ck_assert_msg(count_target("CEDAW/OP") == 1 && count_target("CRC/OPSC") == 1 &&
                      count_target("CRC/OPAC") == 1 && count_target("CRC/OPIC") == 1,
                  "%s", more[i][1]);
  }
  run("Le Luxembourg applique la Convention des Nations Unies contre la corruption. Il se "
      "déclare compétent conformément à la Convention (art. 5-1 du Code d'instruction "
      "criminelle).\n",
      "fr");
  ck_assert_uint_eq(count_target("UNCAC#art_5"), 0);
  run("The General Assembly,\n\nRecalling the Agreement to Promote Compliance with "
      "International Conservation and Management Measures by Fishing Vessels on the High Seas "
      "(the Compliance Agreement),\n\n1. Calls upon States referred to in article X, "
      "paragraph 1, of the Compliance Agreement to become Parties;\n",
      "en");
  ck_assert_uint_eq(count_target("FAOCOMPLIANCE#art_10__para_1"), 1);
}
END_TEST

START_TEST(translations_of_2025_passages) {
  /* forms the six-language probes of 2025 resolutions found, each a rule
   * for its language's texts */
  /* a month written twice inside an Arabic title; a year after its first
   * word */
  run("إن الجمعية العامة،\n\nوإذ تضع في اعتبارها اتفاق عام 1995 لتنفيذ ما تتضمنه اتفاقية الأمم "
      "المتحدة لقانون البحار المؤرخة 10 كانون الأول/ديسمبر 1982 من أحكام بشأن حفظ وإدارة الأرصدة "
      "السمكية المتداخلة المناطق والأرصدة السمكية الكثيرة الارتحال،\n",
      "ar");
  ck_assert_uint_eq(count_target("UNCLOS/FISH"), 1);
  /* a short name defined after the generic word, and the word alone */
  run("L'Assemblée générale,\n\nRappelant l'Accord relatif à l'application de la partie XI de la "
      "Convention des Nations Unies sur le droit de la mer du 10 décembre 1982 (« l'Accord relatif "
      "à la partie XI »),\n\n1. Rappelle l'article 2 de l'Accord relatif à la partie XI ;\n",
      "fr");
  ck_assert_uint_eq(count_target("UNCLOS/PARTXI#art_2"), 1);
  /* a masculine possessive after the Assembly's name is the Council's */
  run("إن الجمعية العامة،\n\n6 - تحيط علما بأن مجلس حقوق الإنسان قدم إلى الجمعية العامة، "
      "بموجب قراره 54/18، مشروع العهد؛\n",
      "ar");
  ck_assert_uint_eq(count_target("A/HRC/RES/54/18"), 1);
  ck_assert_uint_eq(count_target("A/RES/54/18"), 0);
  /* a body inside a Chinese relative clause is not the issuer */
  run("大会，\n\n5. 强调大会2006年3月15日设立人权理事会的第60/251号决议的相关规定；\n", "zh");
  ck_assert_uint_eq(count_target("A/RES/60/251"), 1);
  ck_assert_uint_eq(count_target("A/HRC/RES/60/251"), 0);
  /* a point named before its article in Russian; paragraphs of the next
   * article */
  run("Генеральная Ассамблея,\n\n1. ссылается на Парижское соглашение и на пункт (b) статьи 2 "
      "и пункты 2 и 4 статьи 6, пункт 12 статьи 7 этого Соглашения;\n",
      "ru");
  ck_assert_uint_eq(count_target("PARIS#art_2__point_b"), 1);
  ck_assert_uint_eq(count_target("PARIS#art_7__para_12"), 1);
  ck_assert_uint_eq(count_target("PARIS#art_6__para_12"), 0);
  /* the word for resolution before a long body name, in lower-case prose */
  run("L'Assemblée générale,\n\nPrie d'inclure des informations sur l'application des "
      "résolutions de la Commission de la condition de la femme 49/7 et 56/4,\n",
      "fr");
  ck_assert_uint_eq(count_target("E/CN.6/RES/49/7"), 1);
  /* a symbol's part marker in English inside an Arabic text; a range of
   * parts glued to the range word */
  run("إن الجمعية العامة،\n\nوقد نظرت في الوثيقة A/80/6 (Sect. 3)/Add.1،\n", "ar");
  ck_assert_uint_eq(count_target("A/80/6/Add.1"), 1);
  ck_assert_uint_eq(count_target("A/80/6"), 0);
  run("大会，\n\n回顾其第40/257 A至C号决议，\n", "zh");
  ck_assert_uint_eq(count_target("A/RES/40/257B"), 1);
  /* a protocol's own text: "the Convention" is the one its title line
   * supplements, its own articles are no other instrument's */
  run("Protocol against the Illicit Trafficking in Cultural Property, supplementing the United "
      "Nations Convention against Transnational Organized Crime\n\nThe States Parties to this "
      "Protocol,\n\nArticle 5\n\n1. The offences established in accordance with article 4 "
      "shall be extraditable offences under article 16 of the Convention.\n",
      "en");
  ck_assert_uint_eq(count_target("UNTOC#art_16"), 1);
  ck_assert_uint_eq(count_target("UNTOC#art_4"), 0);
  /* "This Protocol" is the text itself: "the Convention" after it in the
   * sentence is still the parent */
  run("Protocol against the Illicit Trafficking in Cultural Property, supplementing the United "
      "Nations Convention against Transnational Organized Crime\n\nArticle 1\n\n1. This "
      "Protocol supplements the Convention and shall be interpreted together with the "
      "Convention, in accordance with article 37, paragraph 4, of the Convention.\n",
      "en");
  ck_assert_uint_eq(count_target("UNTOC#art_37__para_4"), 1);
}
END_TEST

START_TEST(instruments_cited_by_the_2025_resolutions) {
  /* Instruments that General Assembly resolutions of 2025 cite by their full
   * titles, each in two languages or more (refs/instruments: sea-and-space,
   * environment, disarmament, human-rights, declarations, conferences and
   * trade-food-culture). */
  static const struct {
    const char *lang, *text, *target;
  } cases[] = {
      {"en",
       "Recalling the Agreement on Trade-Related Aspects of Intellectual "
       "Property Rights,",
       "TRIPS"},
      {"fr",
       "Rappelant l'Accord sur les aspects des droits de propriété "
       "intellectuelle qui touchent au commerce,",
       "TRIPS"},
      {"ru", "отмечая статью 31 Соглашения ТРИПС,", "TRIPS#art_31"},
      {"en",
       "Calls upon States to become Parties to the 2001 Convention on the "
       "Protection of the Underwater Cultural Heritage;",
       "UCH"},
      {"es",
       "Exhorta a los Estados a que se hagan partes en la Convención sobre "
       "la Protección del Patrimonio Cultural Subacuático;",
       "UCH"},
      {"zh", "吁请各国加入《保护水下文化遗产公约》。", "UCH"},
      {"en",
       "Invites States to become Parties to the International Convention on "
       "Standards of Training, Certification and Watchkeeping for "
       "Seafarers, 1978, as amended;",
       "STCW"},
      {"fr",
       "Invite les États à devenir parties à la Convention internationale de "
       "1978 sur les normes de formation des gens de mer, de délivrance des "
       "brevets et de veille;",
       "STCW"},
      {"en",
       "Recalling the entry into force of the Central African Convention for "
       "the Control of Small Arms and Light Weapons, Their Ammunition and "
       "All Parts and Components That Can Be Used for Their Manufacture, "
       "Repair and Assembly,",
       "KINSHASA"},
      {"fr", "conformément à l'article 34 de la Convention de Kinshasa,",
       "KINSHASA#art_34"},
      {"en",
       "Calls upon States to consider acceding to the Tampere Convention on "
       "the Provision of Telecommunication Resources for Disaster "
       "Mitigation and Relief Operations;",
       "TAMPERE"},
      {"es", "Exhorta a los Estados a que ratifiquen el Convenio de Tampere;",
       "TAMPERE"},
      {"en",
       "bearing in mind the United Nations Principles and Guidelines on "
       "Access to Legal Aid in Criminal Justice Systems,",
       "LEGALAID-PRINCIPLES"},
      {"ru",
       "учитывая Принципы и руководящие положения Организации Объединенных "
       "Наций, касающиеся доступа к юридической помощи в системах "
       "уголовного правосудия,",
       "LEGALAID-PRINCIPLES"},
      {"en",
       "the usefulness of the Set of Multilaterally Agreed Equitable "
       "Principles and Rules for the Control of Restrictive Business "
       "Practices,",
       "RBP-SET"},
      {"fr",
       "Rappelant l'Ensemble de principes et de règles équitables convenus au "
       "niveau multilatéral pour le contrôle des pratiques commerciales "
       "restrictives,",
       "RBP-SET"},
      {"en",
       "Recognizing the Voluntary Guidelines on the Responsible Governance of "
       "Tenure of Land, Fisheries and Forests in the Context of National "
       "Food Security,",
       "VGGT"},
      {"es",
       "Recordando las Directrices voluntarias sobre la gobernanza "
       "responsable de la tenencia de la tierra, la pesca y los bosques en "
       "el contexto de la seguridad alimentaria nacional,",
       "VGGT"},
      {"en",
       "taking into consideration the Principles for Responsible Investment "
       "in Agriculture and Food Systems,",
       "CFS-RAI"},
      {"fr",
       "Rappelant les Principes pour un investissement responsable dans "
       "l'agriculture et les systèmes alimentaires,",
       "CFS-RAI"},
      {"en",
       "Recalls the adoption of the Guidelines for the Long-term "
       "Sustainability of Outer Space Activities,",
       "LTS-GUIDELINES"},
      {"zh", "欢迎《外层空间活动长期可持续性准则》。", "LTS-GUIDELINES"},
      {"en",
       "Recalling the Universal Declaration on Cultural Diversity of the "
       "United Nations Educational, Scientific and Cultural Organization,",
       "CULTURAL-DIVERSITY-DECL"},
      {"fr",
       "Rappelant la Déclaration universelle de l'UNESCO sur la diversité "
       "culturelle,",
       "CULTURAL-DIVERSITY-DECL"},
      {"ar", "وإذ تشير إلى الإعلان العالمي بشأن التنوع الثقافي،",
       "CULTURAL-DIVERSITY-DECL"},
      {"en",
       "Recalling the Rome Declaration on Nutrition, adopted at the Second "
       "International Conference on Nutrition,",
       "ROME-NUTRITION-DECL"},
      {"ru", "ссылаясь на Римскую декларацию по вопросам питания,",
       "ROME-NUTRITION-DECL"},
      {"en",
       "Reaffirms its resolution 79/233, by which it adopted the Programme "
       "of Action for Landlocked Developing Countries for the Decade "
       "2024–2034;",
       "AWAZA-POA"},
      {"fr",
       "Réaffirme le Programme d'action en faveur des pays en développement "
       "sans littoral pour la décennie 2024-2034;",
       "AWAZA-POA"},
      {"en",
       "to urgently implement the International Plan of Action for the "
       "Conservation and Management of Sharks,",
       "IPOA-SHARKS"},
      {"fr",
       "le Plan d'action international pour la conservation et la gestion "
       "des requins,",
       "IPOA-SHARKS"},
      {"en",
       "the International Plan of Action for Reducing Incidental Catch of "
       "Seabirds in Longline Fisheries,",
       "IPOA-SEABIRDS"},
      {"fr",
       "le Plan d'action international visant à réduire les captures "
       "accidentelles d'oiseaux de mer par les palangriers,",
       "IPOA-SEABIRDS"},
      {"en",
       "the International Plan of Action for the Management of Fishing "
       "Capacity,",
       "IPOA-CAPACITY"},
      {"es",
       "el Plan de Acción Internacional para la Ordenación de la Capacidad "
       "Pesquera,",
       "IPOA-CAPACITY"},
      {"en",
       "Recalling the International Plan of Action to Prevent, Deter and "
       "Eliminate Illegal, Unreported and Unregulated Fishing,",
       "IPOA-IUU"},
      {"es",
       "Recordando el Plan de Acción Internacional para Prevenir, Desalentar "
       "y Eliminar la Pesca Ilegal, No Declarada y No Reglamentada,",
       "IPOA-IUU"},
      {"en",
       "Noting that the Agreement on the Conservation of Albatrosses and "
       "Petrels adopted resolution 8.5,",
       "CMS/ACAP"},
      {"fr", "Notant l'Accord sur la conservation des albatros et des pétrels,",
       "CMS/ACAP"},
      {"en",
       "meetings related to the Convention for the Protection of the World "
       "Cultural and Natural Heritage;",
       "WHC"},
      {"en", "the provisions of the IAEA statute, including article XII,",
       "IAEASTATUTE#art_12"},
      {"es", "las disposiciones del Estatuto del OIEA,", "IAEASTATUTE"},
      {"fr", "les dispositions du Statut de l'AIEA,", "IAEASTATUTE"},
      {"ru", "положений устава МАГАТЭ,", "IAEASTATUTE"},
      {"en",
       "in accordance with article XII of the Declaration of Principles on "
       "Interim Self-Government Arrangements of 13 September 1993,",
       "OSLO-DOP#art_12"},
      {"fr",
       "Rappelant la Déclaration de principes sur des arrangements intérimaires "
       "d'autonomie du 13 septembre 1993,",
       "OSLO-DOP"},
      {"en",
       "Recalling the New York Declaration on the Peaceful Settlement of the "
       "Question of Palestine and the Implementation of the Two-State Solution,",
       "NY-DECL-PALESTINE-2025"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    run(cases[i].text, cases[i].lang);
    ck_assert_msg(count_target(cases[i].target) == 1,
                  "%s: %zu citations of %s in \"%s\"", cases[i].lang,
                  count_target(cases[i].target), cases[i].target,
                  cases[i].text);
  }
  /* A longer title than the Universal Declaration's short name: the UNESCO
   * Declaration, not the UDHR; the WTO Doha Declaration stays itself. */
  run("Recalling the Universal Declaration on Cultural Diversity,", "en");
  ck_assert_uint_eq(count_target("UDHR"), 0);
  run("reaffirming the Doha Declaration on the TRIPS Agreement and Public "
      "Health,",
      "en");
  ck_assert_uint_eq(count_target("DOHA-TRIPS"), 1);
  ck_assert_uint_eq(count_target("TRIPS"), 0);
}
END_TEST

Suite *extract_suite(void) {
  Suite *s = suite_create("extract");
  TCase *tc = tcase_create("resolutions");
  tcase_add_checked_fixture(tc, extract_setup, extract_teardown);
  tcase_add_test(tc, ga_list_shares_body_and_dates);
  tcase_add_test(tc, body_after_the_list_and_date_for_all);
  tcase_add_test(tc, its_resolution_in_a_security_council_text);
  tcase_add_test(tc, its_resolution_takes_the_document_body);
  tcase_add_test(tc, unknown_body_is_reported_not_guessed);
  tcase_add_test(tc, lettered_parts);
  tcase_add_test(tc, roman_session_numbers);
  tcase_add_test(tc, security_council_numbers);
  tcase_add_test(tc, number_split_by_a_line_break);
  tcase_add_test(tc, other_bodies_and_shapes);
  tcase_add_test(tc, document_symbols);
  suite_add_tcase(s, tc);

  tc = tcase_create("provisions");
  tcase_add_checked_fixture(tc, extract_setup, extract_teardown);
  tcase_add_test(tc, article_and_paragraph_of_the_protocol);
  tcase_add_test(tc, generic_name_needs_the_full_name_first);
  tcase_add_test(tc, anaphor_with_a_lower_case_generic_points_back);
  tcase_add_test(tc, lower_case_generic_word_is_no_unknown_title);
  tcase_add_test(tc, generic_word_that_heads_another_title);
  tcase_add_test(tc, qualifier_after_a_generic_word_heads_another_title);
  tcase_add_test(tc, instrument_to_come_is_not_cited);
  tcase_add_test(tc, russian_names_in_every_case);
  tcase_add_test(tc, title_quoted_inside_a_longer_title);
  tcase_add_test(tc, chinese_long_titles_and_glued_generics);
  tcase_add_test(tc, arabic_adjective_after_a_generic_word);
  tcase_add_test(tc, document_symbol_gives_the_body);
  tcase_add_test(tc, article_beyond_the_instrument);
  tcase_add_test(tc, capital_before_a_generic_word_is_the_word_before);
  tcase_add_test(tc, name_inside_a_longer_title);
  tcase_add_test(tc, lower_case_name_in_long_prose);
  tcase_add_test(tc, name_with_commas_is_one_name);
  tcase_add_test(tc, assembly_session_numbers_begin_at_31);
  tcase_add_test(tc, provision_numbers_with_suffixes);
  tcase_add_test(tc, subparagraph_letter_without_brackets);
  tcase_add_test(tc, its_resolutions_are_the_issuers_past_another_body);
  tcase_add_test(tc, compilation_of_texts_of_several_bodies);
  tcase_add_test(tc, general_comment_committee_after_its_subject);
  tcase_add_test(tc, generic_name_with_its_year);
  tcase_add_test(tc, joint_masthead_is_the_documents_own);
  tcase_add_test(tc, masthead_symbol_on_a_line_of_its_own);
  tcase_add_test(tc, chinese_angle_quotes_inside_a_title);
  tcase_add_test(tc, said_resolution_of_the_sentence_before);
  tcase_add_test(tc, treaty_body_own_convention_after_unknown_title);
  tcase_add_test(tc, arabic_emergency_special_session);
  tcase_add_test(tc, arabic_thereof);
  tcase_add_test(tc, arabic_protocol_annexed_to_it);
  tcase_add_test(tc, arabic_double_clitics);
  tcase_add_test(tc, old_style_emergency_special_session);
  tcase_add_test(tc, list_goes_on_after_a_comma_with_dates);
  tcase_add_test(tc, symbol_and_its_corrigendum);
  tcase_add_test(tc, short_body_by_the_numbers_shape);
  tcase_add_test(tc, statute_of_the_court);
  tcase_add_test(tc, arabic_from_pdf_marks_and_reversed_lam_alef);
  tcase_add_test(tc, security_council_year_moved_or_missing);
  tcase_add_test(tc, operative_part_and_look_alike_letters);
  tcase_add_test(tc, names_sharing_a_plural_generic_name);
  tcase_add_test(tc, generic_name_of_the_one_the_sentence_named);
  tcase_add_test(tc, chapter_of_a_symbol_is_no_provision);
  tcase_add_test(tc, arabic_part_letters_by_name);
  tcase_add_test(tc, chinese_lettered_subparagraphs);
  tcase_add_test(tc, conference_of_the_parties_of_the_sentences_treaty);
  tcase_add_test(tc, chinese_possessive_across_date);
  tcase_add_test(tc, title_with_article_inside);
  tcase_add_test(tc, session_not_yet_held_is_not_the_bodys);
  tcase_add_test(tc, heading_line_names_the_issuer);
  tcase_add_test(tc, own_treaty_single_protocol);
  tcase_add_test(tc, russian_general_comment_cases_and_committee_abbreviations);
  tcase_add_test(tc, russian_subject_after_provision_is_no_owner);
  tcase_add_test(tc, possessive_generic_is_the_possessors);
  tcase_add_test(tc, resolution_symbol_takes_the_identifier);
  tcase_add_test(tc, thereof_after_an_instrument);
  tcase_add_test(tc, generic_name_defined_in_brackets);
  tcase_add_test(tc, list_keeps_its_body_past_a_body_named_inside);
  tcase_add_test(tc, articles_and_chapters_of_the_charter);
  tcase_add_test(tc, paragraph_of_a_resolution);
  tcase_add_test(tc, one_article_several_paragraphs);
  tcase_add_test(tc, paragraph_of_the_2030_agenda);
  tcase_add_test(tc, treaty_series_footnote);
  tcase_add_test(tc, places_operative_and_footnote);
  tcase_add_test(tc, heading_date_in_every_language);
  tcase_add_test(tc, title_line_under_the_adopted_line_names_the_document);
  suite_add_tcase(s, tc);

  tc = tcase_create("document");
  tcase_add_checked_fixture(tc, extract_setup, extract_teardown);
  tcase_add_test(tc, front_matter_sets_self_and_no_self_citation);
  tcase_add_test(tc, front_matter_symbol_with_spaces);
  tcase_add_test(tc, heading_names_the_document);
  tcase_add_test(tc, look_alikes_give_no_citation);
  tcase_add_test(tc, french_forms);
  tcase_add_test(tc, spanish_forms);
  tcase_add_test(tc, forced_language);
  suite_add_tcase(s, tc);

  tc = tcase_create("api");
  tcase_add_checked_fixture(tc, extract_setup, extract_teardown);
  tcase_add_test(tc, unknown_forced_language_is_arg_error);
  tcase_add_test(tc, bad_arguments);
  tcase_add_test(tc, empty_input);
  tcase_add_test(tc, invalid_utf8_is_counted_not_fatal);
  tcase_add_test(tc, odd_bytes_and_spaces_keep_offsets);
  tcase_add_test(tc, offsets_point_at_the_bytes);
  tcase_add_test(tc, results_are_reproducible);
  tcase_add_test(tc, kind_and_place_names);
  suite_add_tcase(s, tc);

  tc = tcase_create("known_bugs");
  tcase_add_checked_fixture(tc, extract_setup, extract_teardown);
  tcase_add_test(tc, bug_french_elided_article_before_body);
  tcase_add_test(tc, bug_treaty_series_volume_zero);
  tcase_add_test(tc, bug_long_paragraph_chunk_boundary);
  tcase_add_test(tc, citation_lost_at_chunk_boundary);
  tcase_add_test(tc, title_end_read_past_the_text);
  tcase_add_test(tc, chunk_size_changes_nothing);
  tcase_add_test(tc, chunk_size_changes_nothing_in_long_sentences);
  tcase_add_test(tc, front_matter_not_yaml);
  tcase_add_test(tc, front_matter_symbol_not_an_identifier);
  tcase_add_test(tc, list_items_each_dated_russian);
  tcase_add_test(tc, arabic_word_of_one_title_starts_another_after_li);
  tcase_add_test(tc, unresolved_candidates_say_why);
  tcase_add_test(tc, optional_protocol_thereto_in_every_language);
  tcase_add_test(tc, titles_with_brackets_and_numbers);
  tcase_add_test(tc, body_named_by_its_treaty_names_the_treaty);
  tcase_add_test(tc, known_name_going_on_into_a_longer_title);
  tcase_add_test(tc, sentence_going_on_after_a_blank_line);
  tcase_add_test(tc, arabic_committee_by_its_shorter_name);
  tcase_add_test(tc, protocol_thereto_after_another_protocol);
  tcase_add_test(tc, paragraph_of_its_resolution_and_glued_part_letter);
  tcase_add_test(tc, article_after_including_and_names_to_come);
  tcase_add_test(tc, short_name_going_on_into_a_lower_case_title);
  tcase_add_test(tc, bodies_whose_numbers_carry_their_mark);
  tcase_add_test(tc, roman_session_needs_its_body);
  tcase_add_test(tc, general_comments_of_treaty_bodies);
  tcase_add_test(tc, general_comment_of_no_named_committee_is_unknown);
  tcase_add_test(tc, arabic_li_before_the_article);
  tcase_add_test(tc, arabic_wa_before_the_article_keeps_it);
  tcase_add_test(tc, symbol_with_part_or_volume_qualifier);
  tcase_add_test(tc, symbol_qualifier_in_other_languages);
  tcase_add_test(tc, list_items_each_dated_chinese);
  tcase_add_test(tc, list_items_each_dated_arabic);
  tcase_add_test(tc, list_items_dated_without_year);
  tcase_add_test(tc, bug_chinese_generic_after_a_date_is_not_named);
  tcase_add_test(tc, instruments_cited_by_the_2025_resolutions);
  tcase_add_test(tc, name_of_two_instruments_cites_both);
  tcase_add_test(tc, generic_name_and_provisions_of_the_sentence);
  tcase_add_test(tc, documents_of_a_treaty_body_without_numbered_acts);
  tcase_add_test(tc, paragraphs_after_a_resolution_number);
  tcase_add_test(tc, body_above_and_article_after_a_joiner);
  tcase_add_test(tc, resolution_in_a_report_in_every_language);
  tcase_add_test(tc, lettered_parts_and_titles_in_lists);
  tcase_add_test(tc, lists_ranges_and_footnote_forms);
  tcase_add_test(tc, translations_of_2025_passages);
  tcase_add_test(tc, lists_of_provisions_addenda_and_mastheads);
  tcase_add_test(tc, elided_of_and_points_of_paragraphs);
  suite_add_tcase(s, tc);
  return s;
}
