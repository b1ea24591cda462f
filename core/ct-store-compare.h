/* ct-store-compare.h: the comparison matrix (indicators × reports, localities or years)
 *
 * A CtComparison is an immutable snapshot built by one query: columns are
 * reports (or localities for one year and period, or the years of one
 * locality), rows are indicators grouped by sector in catalogue order, then
 * the unclassified labels (sector NULL) when asked for. Every cell is filled:
 * an empty cell has observation_id 0 and NAN numbers.
 *
 * Plain GLib, no GTK: the comparison view, the chart and the xlsx exporter all
 * read this same model. It is reference counted and safe to share between
 * threads once built (nothing in it changes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-catalog-qualifier.h"
#include "ct-figure.h"
#include "ct-observation.h"
#include "ct-store.h"

G_BEGIN_DECLS

typedef enum
{
  CT_COMPARE_BY_REPORT,   /* one column per report (query.report_ids, or all
                           * reports matching year/period/locality) */
  CT_COMPARE_BY_LOCALITY, /* one column per locality, for query.year and
                           * query.period (its report of that year/period) */
  CT_COMPARE_BY_YEAR,     /* one column per report of query.locality_id,
                           * oldest first: one locality over the years */
} CtCompareAxis;

typedef struct
{
  CtCompareAxis  axis;
  GArray        *report_ids;   /* gint64; BY_REPORT only; NULL = every report
                                * matching the filters below */
  gint           year;         /* 0 = any */
  gchar         *period;       /* NULL = any */
  gint64         locality_id;  /* BY_YEAR: required; otherwise 0 = any */
  gchar         *indicator;    /* NULL = all rows; else a code, a name or an
                                * alias (exact, folded), or failing that every
                                * indicator whose folded name contains it */
  gboolean       include_unclassified; /* add rows for labels that match no
                                        * indicator (one row per folded label) */
} CtCompareQuery;

CtCompareQuery *ct_compare_query_new   (CtCompareAxis          axis);
CtCompareQuery *ct_compare_query_copy  (const CtCompareQuery  *query);
void            ct_compare_query_free  (CtCompareQuery        *query);

typedef struct
{
  gint64  report_id;    /* the report shown in this column */
  gint64  locality_id;
  gchar  *title;        /* for a header: "Nam Đông · 6 tháng đầu năm 2023" */
  gchar  *locality;
  gchar  *level;
  gchar  *province;     /* may be NULL */
  gint    year;
  gchar  *period;
  gchar  *source_name;
} CtCompareColumn;

/* A row is one concept: an indicator (or an unclassified label) with the
 * qualifiers that split it (season, age group, population, budget scope,
 * another year, a share of a total); its name shows them: "Diện tích lúa ·
 * vụ xuân". Figures join a row only when all of these agree. */
typedef struct
{
  gchar    *code;             /* NULL for an unclassified label */
  gchar    *name;             /* Vietnamese name with its qualifiers, or the
                               * label as written */
  gchar    *name_en;          /* NULL when unclassified */
  gchar    *sector;           /* NULL when unclassified */
  gchar    *unit;             /* the row's unit: the indicator's, or the most
                               * common unit of the label */
  gboolean  higher_is_better;
  CtDirection direction;      /* unknown for an unclassified label */
  CtMeasure   measure;
  CtQualifiers qualifiers;    /* those that split it (ct_qualifiers_for_row()) */
  gchar    *qualifier_text;   /* what the name adds, NULL for the plain concept */
  guint     n_values;         /* cells with an observation */
} CtCompareRow;

typedef struct
{
  gint64   observation_id; /* 0: empty cell */
  gchar   *label;          /* as written in the report */
  gdouble  value;          /* as written (or corrected), in unit */
  gdouble  value_high;
  gchar   *qualifier;
  gchar   *unit;
  gdouble  value_normalized; /* in the row's unit; NAN when not convertible */
  gdouble  plan;
  gdouble  plan_normalized;
  CtBasis  basis;
  gdouble  rate;           /* stated % of plan */
  gdouble  rate_computed;  /* value / plan × 100 */
  gdouble  yoy;
  gchar   *status;
  guint    flags;          /* CtFlags */
  guint    corrected;      /* CtCorrectionField bits */
  guint    n_more;         /* further observations of this row in this column
                            * (the cell shows the first achievement with a
                            * rate, plan or yoy; then the first) */
  CtQualifiers qualifiers; /* kind, plan span, reference year … */
  CtVerdict verdict;       /* by ct_figure_judge(): every view shows this one */
  CtVerdict reported;      /* the report's own word as a verdict */
} CtCompareCell;

typedef struct _CtComparison CtComparison;

/* Runs the query. CT_ERROR_NOT_FOUND when query->indicator matches nothing,
 * CT_ERROR_INVALID_ARGUMENT for BY_YEAR without a locality. */
CtComparison *ct_store_compare (CtStore               *self,
                                const CtCompareQuery  *query,
                                GError               **error);

/* A boxed type, so a window can hold its comparison as a property. */
#define CT_TYPE_COMPARISON (ct_comparison_get_type ())
GType                  ct_comparison_get_type     (void) G_GNUC_CONST;
CtComparison          *ct_comparison_ref          (CtComparison *self);
void                   ct_comparison_unref        (CtComparison *self);
const CtCompareQuery  *ct_comparison_get_query    (CtComparison *self);
guint                  ct_comparison_get_n_rows   (CtComparison *self);
guint                  ct_comparison_get_n_columns (CtComparison *self);
const CtCompareRow    *ct_comparison_get_row      (CtComparison *self,
                                                   guint         row);
const CtCompareColumn *ct_comparison_get_column   (CtComparison *self,
                                                   guint         column);
const CtCompareCell   *ct_comparison_get_cell     (CtComparison *self,
                                                   guint         row,
                                                   guint         column);
/* Row index of an indicator code, or -1. */
gint                   ct_comparison_find_row     (CtComparison *self,
                                                   const gchar  *code);

/* The rate to chart: the stated rate, else the computed one, else NAN. */
gdouble                ct_compare_cell_get_rate   (const CtCompareCell *cell);

/* The cell's texts and tint, by ct-figure.h: what the window, the source
 * view, the command line, the chart, print and the workbook show. */
gchar                 *ct_compare_cell_format_value (const CtCompareCell *cell);
gchar                 *ct_compare_cell_format_plan  (const CtCompareCell *cell);
/* "60,1% · not met"; NULL when the cell says nothing about its plan. */
gchar                 *ct_compare_cell_format_rate  (const CtCompareCell *cell);
CtRateBand             ct_compare_cell_get_band     (const CtCompareCell *cell);

/* Builds a comparison from parts (for tests and for views that filter):
 * takes ownership of nothing; copies rows, columns and cells.
 * cells is row-major, n_rows × n_columns. */
CtComparison *ct_comparison_new (const CtCompareQuery   *query,
                                 const CtCompareRow     *rows,
                                 guint                   n_rows,
                                 const CtCompareColumn  *columns,
                                 guint                   n_columns,
                                 const CtCompareCell    *cells);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCompareQuery, ct_compare_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtComparison, ct_comparison_unref)

G_END_DECLS
