/* ct-extract-private.h: what the extractor's files share
 *
 * The extractor reads a passage (one paragraph, or several lines of one
 * paragraph broken by a page) in three steps: ct-extract-scan.c finds the
 * figures and drops what is no measurement (dates, legal numbers, ranks);
 * ct-extract.c gives each figure a role from the words around it (a rate, a
 * plan, a year-on-year figure, a value) and groups them into observations;
 * ct-extract-label.c names what was measured and ct-extract-audit.c checks
 * that the figures agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-document.h"
#include "ct-extract-number.h"
#include "ct-observation.h"
#include "ct-catalog-unit.h"

G_BEGIN_DECLS

/* Keyword categories: the first column of keywords.tsv. */
typedef enum
{
  CT_KW_RATE_VERB,
  CT_KW_BASIS,
  CT_KW_YOY,
  CT_KW_CHANGE,
  CT_KW_SHARE,
  CT_KW_STATUS,
  CT_KW_QUALIFIER,
  CT_KW_TARGET_QUALIFIER,
  CT_KW_TARGET,
  CT_KW_TARGET_LEAD,
  CT_KW_ACHIEVED,
  CT_KW_TASK_VERB,
  CT_KW_PAST,
  CT_KW_ENUMERATION,
  CT_KW_TABLE_COLUMN,
  CT_KW_GENERIC_LABEL,
  CT_KW_TARGET_HEADING,
  CT_KW_RESULTS_HEADING,
  CT_KW_NOT_MEASURE,
  CT_KW_SECONDARY,
  CT_KW_LABEL_DROP,
  CT_KW_LABEL_CUT,
  CT_KW_PLACE,
  CT_KW_ANIMAL,
  CT_KW_LOWER_BETTER,
  CT_KW_LABEL_TAIL,
  CT_KW_WORK_OBJECT,
  CT_KW_RESULT_WORD,
  CT_KW_RESPECTIVELY,
  CT_KW_SUBJECT_AFTER,
  CT_KW_ANNEX_HEADING,
  CT_KW_BASIS_TAIL,
  CT_KW_LEAD_IN,
  CT_KW_OTHER_BASE,
  CT_KW_GROWTH_SUBJECT,
  CT_N_KW
} CtKwCategory;

typedef struct
{
  gchar *phrase; /* lower case */
  gsize  len;
  gchar *value;  /* the third column; "-" when the category needs none */
  gboolean year_slot; /* written "… {year}": the phrase goes on with a year,
                       * which matches are checked to hold */
} CtKeyword;

typedef struct _CtKeywords CtKeywords;

CtKeywords      *ct_keywords_new_default   (GError            **error);
CtKeywords      *ct_keywords_new_from_data (const gchar        *data,
                                            gsize               len,
                                            GError            **error);
void             ct_keywords_free          (CtKeywords         *self);
/* The longest phrase of @cat that ends at @pos of @lower (spaces before
 * @pos skipped), starting on a word boundary at or after @from. */
const CtKeyword *ct_keywords_match_before  (const CtKeywords   *self,
                                            CtKwCategory        cat,
                                            const gchar        *lower,
                                            gsize               from,
                                            gsize               pos,
                                            gsize              *start);
/* The longest phrase of @cat that starts at @pos (spaces skipped) and ends
 * on a word boundary before @to. */
const CtKeyword *ct_keywords_match_at      (const CtKeywords   *self,
                                            CtKwCategory        cat,
                                            const gchar        *lower,
                                            gsize               pos,
                                            gsize               to,
                                            gsize              *end);
/* Whether a phrase of @cat occurs anywhere in [@from, @to) as whole words. */
gboolean         ct_keywords_find          (const CtKeywords   *self,
                                            CtKwCategory        cat,
                                            const gchar        *lower,
                                            gsize               from,
                                            gsize               to);

/* A lower-cased copy of @text with the same byte offsets: characters whose
 * lower case has another UTF-8 length are kept as they are. */
gchar           *ct_extract_lower          (const gchar        *text,
                                            gsize               len);
gboolean         ct_extract_is_word_char   (const gchar        *text,
                                            gsize               len,
                                            gsize               pos);
gboolean         ct_extract_word_before    (const gchar        *text,
                                            gsize               pos);

typedef enum
{
  CT_FIG_QUANTITY, /* a number with or without a unit */
  CT_FIG_FRACTION, /* X/Y: value and plan, or part of a whole */
} CtFigKind;

typedef enum
{
  CT_FIG_PERMILLE = 1 << 0, /* "28,67%o": per mille, not percent */
  CT_FIG_RATIO    = 1 << 1, /* a per-unit figure: "1,5 triệu đồng/tấn" */
  CT_FIG_RANGE    = 1 << 2, /* "43-45%": value is the low end */
  CT_FIG_NOUNIT   = 1 << 3, /* the unit was not written */
} CtFigFlags;

typedef struct
{
  CtFigKind     kind;
  guint         flags;     /* CtFigFlags */
  guint         nflags;    /* CtNumberFlags of its numbers, or-ed */
  gsize         start;     /* byte span in the passage, unit included */
  gsize         end;
  gdouble       value;     /* X of X/Y, low end of a range */
  gdouble       high;      /* high end of a range, else NAN */
  gdouble       denom;     /* Y of X/Y, else NAN */
  const CtUnit *unit;      /* NULL when none is written */
  gchar        *unit_text; /* as written, spaces normalised */
  guint         depth;     /* parenthesis depth at the figure */
} CtFigure;

/* Finds the figures of a passage; non-measurements are left out. */
GArray  *ct_extract_scan          (const CtUnitTable *units,
                                   const CtKeywords  *keywords,
                                   const gchar       *text,
                                   const gchar       *lower,
                                   gsize              len);
void     ct_figure_clear          (CtFigure          *fig);
gboolean ct_figure_is_percent     (const CtFigure    *fig);

/* The label of what a figure measures, from the clause before it. */
gchar   *ct_extract_label         (const CtKeywords  *keywords,
                                   const gchar       *text,
                                   const gchar       *lower,
                                   gsize              from,
                                   gsize              to);
/* Words (runs of anything but spaces and newlines) in text[from, to). */
guint    ct_extract_count_words   (const gchar       *text,
                                   gsize              from,
                                   gsize              to);
/* The last touches on a finished label (which it takes): no function word
 * left dangling at its end ("… giao đất cho Ban Quản lý các"), a capital
 * first letter. */
gchar   *ct_extract_label_polish  (const CtKeywords  *keywords,
                                   gchar             *label);
/* Places listed in [@from, @to) ("Xã Hương Xuân, Hương Phú", "(Hương Lộc,
 * Thượng Nhật)"), with the word that names their level ("Xã"); NULL when
 * there are fewer than @min_names names. */
GPtrArray *ct_extract_places      (const CtKeywords  *keywords,
                                   const gchar       *text,
                                   const gchar       *lower,
                                   gsize              from,
                                   gsize              to,
                                   guint              min_names);

/* Column roles of an annex table (label, unit, plan, value, rate, yoy),
 * read from its header row; NULL when the table has no such header. */
typedef struct _CtTableColumns CtTableColumns;

CtTableColumns *ct_extract_table_columns (const CtKeywords   *keywords,
                                          const CtDocument   *doc,
                                          guint               table);
void            ct_table_columns_free    (CtTableColumns     *cols);
/* Whether @row is the header or above it (no figures to read there). */
gboolean        ct_table_columns_is_head (const CtTableColumns *cols,
                                          guint               row);
/* The observation of one data row, or NULL when the row holds no value
 * with a plan, rate or year-on-year figure. In a table of @target the row
 * gives a target: its plan (or its only figure) as the value. */
CtObservation  *ct_extract_table_row     (const CtKeywords   *keywords,
                                          const CtUnitTable  *units,
                                          const CtDocument   *doc,
                                          const CtTableColumns *cols,
                                          guint               block,
                                          gboolean            target);

/* Computes rate_computed and sets the flags of the consistency audit. */
void     ct_extract_audit         (const CtKeywords  *keywords,
                                   CtObservation     *obs,
                                   const CtUnit      *unit,
                                   guint              number_flags);

G_END_DECLS
