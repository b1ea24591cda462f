/* ct-compare-stats.h: a row of a comparison across its localities
 *
 * What the localities of a row add up to, how each stands among the
 * others, and one cell said in words for the clipboard. The table, print
 * and the workbook can all call these, so they agree.
 *
 * Totals follow the catalogue's "across localities" column: figures that
 * add up (areas, output, revenue, counts) get their sum, and the rate of
 * the sums when every plan adds up too; the others (rates, per-capita
 * figures, yields) get a plain mean that says it is one, since a mean of
 * rates is not the rate of the whole. Either only across different
 * localities of one year and period: a district's years, or a half year
 * beside a whole one, do not add up.
 *
 * Plain GLib, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

typedef enum
{
  CT_ROW_TOTAL_NONE, /* fewer than two figures, or columns that do not combine */
  CT_ROW_TOTAL_SUM,  /* the figures add up */
  CT_ROW_TOTAL_MEAN, /* they do not: their plain (unweighted) mean */
} CtRowTotalKind;

typedef struct
{
  CtRowTotalKind kind;
  guint          n_figures;  /* figures counted */
  gdouble        value;      /* the sum or the mean, in the row's unit */
  gdouble        plan;       /* SUM: the plans' sum when every figure has one; else NAN */
  gdouble        rate;       /* value / plan × 100 when plan is set; else NAN */
  CtVerdict      verdict;    /* of rate, judged as a cell's */
  gdouble        mean_rate;  /* the plain mean of the figures' own rates; NAN without */
  guint          n_rates;
  const gchar   *level;      /* the columns' common level ("xã"), NULL when mixed */
} CtRowTotal;

/* The row's indicator is looked up in the program's catalogue by code.
 * shown: n_columns flags, the columns to take (NULL: all). */
void      ct_comparison_row_total    (CtComparison   *comparison,
                                      guint           row,
                                      const gboolean *shown,
                                      CtRowTotal     *total);
/* "Tổng 5 xã: 1.234,5 ha" or "Trung bình cộng các tỷ lệ, 3 xã: 45,2%";
 * NULL for CT_ROW_TOTAL_NONE. */
gchar    *ct_row_total_format_value  (const CtRowTotal   *total,
                                      const CtCompareRow *row);
/* "Tỷ lệ của tổng: 96,2% · chưa đạt", or "Trung bình cộng các tỷ lệ đạt:
 * 87%" when the plans do not add up; NULL without rates. */
gchar    *ct_row_total_format_rate   (const CtRowTotal   *total);

/* Where the column's figure stands in its row: 1 for the best achievement
 * rate (the highest; the lowest where lower is better), ties sharing a
 * rank. 0 when the cell has no rate or fewer than two shown cells have one;
 * n_ranked (may be NULL) gets how many were ranked. */
guint     ct_comparison_rank         (CtComparison   *comparison,
                                      guint           row,
                                      guint           column,
                                      const gboolean *shown,
                                      guint          *n_ranked);

/* One cell as a sentence for the clipboard: the indicator, the report, the
 * value with its unit, the plan, the rate and verdict, the rank:
 * "Diện tích lúa — Hạ Lang · cả năm 2024: 95 ha; KH 100; 95% · gần đạt;
 * hạng 2/3". */
gchar    *ct_comparison_describe_cell (CtComparison   *comparison,
                                       guint           row,
                                       guint           column,
                                       const gboolean *shown);

G_END_DECLS
