/* ct-catalog-qualifier.h: what narrows a figure's concept
 *
 * "Diện tích lúa" in one report is the spring crop, in another every crop of
 * the year; an income figure may be the ethnic-minority area's only; a
 * disbursement may be last year's. The label and its context (the clause,
 * the paragraph before it) say which: season, age group, population, budget
 * or capital scope, a reference year other than the report's, and whether
 * the figure is a share of a total rather than an achievement. The
 * comparison joins two figures in one row only when these agree; the phrases
 * are resources/data/qualifiers.tsv.
 *
 * Plain GLib, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-catalog.h"
#include "ct-observation.h"

G_BEGIN_DECLS

/* What the figure is, beside what it measures. */
typedef enum
{
  CT_FIGURE_KIND_LEVEL,       /* a figure on its own */
  CT_FIGURE_KIND_ACHIEVEMENT, /* measured against a plan */
  CT_FIGURE_KIND_SHARE,       /* a part of a whole ("chiếm tỷ lệ"): no plan, no verdict */
  CT_FIGURE_KIND_COUNT,       /* a count where the indicator is a percentage ("X/Y trẻ") */
} CtFigureKind;

/* Which span the plan covers. */
typedef enum
{
  CT_PLAN_SPAN_NONE,   /* no plan */
  CT_PLAN_SPAN_PERIOD, /* the report's own period */
  CT_PLAN_SPAN_YEAR,   /* the whole year, in a report of part of it */
  CT_PLAN_SPAN_OTHER,  /* a plan of several years */
} CtPlanSpan;

typedef enum
{
  CT_QUALIFIER_SEASON,
  CT_QUALIFIER_AGE,
  CT_QUALIFIER_POPULATION,
  CT_QUALIFIER_BUDGET,
  CT_QUALIFIER_CAPITAL,
  CT_N_QUALIFIER_DIMENSIONS
} CtQualifierDimension;

typedef struct
{
  /* Values as shown in a row name ("vụ xuân"), NULL when not said. Borrowed
   * from the table: they live as long as the program. */
  const gchar  *values[CT_N_QUALIFIER_DIMENSIONS];
  gint          reference_year; /* 0: the report's own */
  CtFigureKind  kind;
  CtPlanSpan    plan_span;
} CtQualifiers;

typedef struct
{
  const gchar *label;
  const gchar *clause;        /* the clause the figure was read from, or NULL */
  const gchar *paragraph;     /* its paragraph up to the clause, or NULL */
  gint         report_year;
  guint        report_months; /* months of the year the report covers; 0 unknown */
  const gchar *unit;          /* the figure's unit */
  const gchar *row_unit;      /* the indicator's unit, or NULL */
  gdouble      value;
  gdouble      plan;
  gdouble      rate;
  CtBasis      basis;
} CtQualifierContext;

typedef struct _CtQualifierTable CtQualifierTable;

/* The program's table, loaded once; NULL with a message when the compiled-in
 * data is broken. */
CtQualifierTable *ct_qualifier_table_get_default (GError **error);
/* From TSV text with the columns of qualifiers.tsv. An unknown dimension,
 * a missing column or a pattern that does not compile is an error naming
 * the line. */
CtQualifierTable *ct_qualifier_table_new_from_data (const gchar  *tsv,
                                                    gsize         len,
                                                    GError      **error);
void              ct_qualifier_table_free      (CtQualifierTable *self);

/* How many months of the year a report period covers ("6 tháng đầu năm"
 * → 6); 0 when the period is unknown. */
guint             ct_qualifier_table_period_months (CtQualifierTable *self,
                                                    const gchar      *period);

void              ct_qualifiers_derive         (CtQualifierTable          *self,
                                                const CtQualifierContext  *context,
                                                CtQualifiers              *out);

/* What a figure's words say, read once: everything ct_qualifiers_derive()
 * takes from the label, the clause and the paragraph, before the numbers,
 * the units and the report's year are known. Reading them costs regular
 * expressions over the report's text; the library keeps them packed beside
 * each figure, so a comparison need not read the text again. */
typedef struct
{
  const gchar *values[CT_N_QUALIFIER_DIMENSIONS]; /* borrowed from the table */
  guint16      label_years[2];  /* the first two different years the label names */
  guint16      clause_years[2]; /* … and the clause's opening */
  gboolean     share;           /* "chiếm …" */
  gboolean     plan_other;      /* a plan of several years said */
  gboolean     plan_period;     /* a plan of the period said */
  gboolean     plan_year;       /* a plan of the year said */
} CtQualifierWords;

void              ct_qualifier_words_read      (CtQualifierTable          *self,
                                                const gchar               *label,
                                                const gchar               *clause,
                                                const gchar               *paragraph,
                                                CtQualifierWords          *out);
/* Where the line of an offset starts, remembered so that figures read in
 * text order scan the text once, however long its paragraphs: zero it
 * before the first. */
typedef struct
{
  gsize at;
  gsize line_start;
} CtLineCursor;

/* The words of the figure at [start, end) of a report's text (len bytes,
 * or a head of it reaching 256 bytes past end): its clause runs on to the
 * next ";", ". " or line, its paragraph is read from its start up to 600
 * bytes. cursor: NULL, or the one used for this text's earlier figures. */
void              ct_qualifier_words_from_text (CtQualifierTable          *self,
                                                const gchar               *label,
                                                const gchar               *text,
                                                gsize                      len,
                                                gsize                      start,
                                                gsize                      end,
                                                CtLineCursor              *cursor,
                                                CtQualifierWords          *out);
/* The qualifiers of a figure from its words and its context's numbers
 * (context's label, clause and paragraph are not read). */
void              ct_qualifiers_from_words     (const CtQualifierWords    *words,
                                                const CtQualifierContext  *context,
                                                CtQualifiers              *out);
/* Words as one non-negative integer for the library, -1 when this table's
 * values do not fit; unpacking fails on a number another table packed
 * (ct_qualifier_table_get_version() tells which). */
gint64            ct_qualifier_words_pack      (CtQualifierTable          *self,
                                                const CtQualifierWords    *words);
gboolean          ct_qualifier_words_unpack    (CtQualifierTable          *self,
                                                gint64                     packed,
                                                CtQualifierWords          *out);
gboolean          ct_qualifier_words_equal     (const CtQualifierWords    *a,
                                                const CtQualifierWords    *b);
/* Changes with the table's text and with the way words are read: packed
 * words of another version are read again from the text. */
gint64            ct_qualifier_table_get_version (CtQualifierTable        *self);
/* For tests: try every pattern on every text, even one without the words
 * the pattern looks for (ct-catalog-need.h), which is otherwise skipped. */
void              ct_qualifier_table_set_try_all (CtQualifierTable        *self,
                                                  gboolean                 try_all);

/* The dimension's name in qualifiers.tsv and JSON ("season" …). */
const gchar      *ct_qualifier_dimension_to_string (CtQualifierDimension dimension);
const gchar      *ct_figure_kind_to_string     (CtFigureKind kind);
const gchar      *ct_plan_span_to_string       (CtPlanSpan   span);

/* The qualifiers that split indicator's rows (NULL indicator: an
 * unclassified label): the values of the other dimensions cleared, and the
 * kind kept only when it is a share or a count. */
void              ct_qualifiers_for_row        (const CtQualifiers *qualifiers,
                                                const CtIndicator  *indicator,
                                                CtQualifiers       *out);

/* What splits indicator's rows (NULL indicator: an unclassified label), as
 * shown after its name: "vụ xuân · vùng đồng bào DTTS"; NULL when the figure
 * is the plain concept. A value equal to the concept's own is no split. */
gchar            *ct_qualifiers_describe       (const CtQualifiers *qualifiers,
                                                const CtIndicator  *indicator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtQualifierTable, ct_qualifier_table_free)

G_END_DECLS
