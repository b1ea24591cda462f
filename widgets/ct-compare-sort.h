/* ct-compare-sort.h: how the comparison table orders and picks its rows
 *
 * A report column sorts its rows by what can be compared across units:
 * the achievement rate (45% of a plan in ha beside 80% of one in tỷ đồng),
 * or the verdict, worst first. Cells with nothing to say go last in either
 * direction. The verdict filter keeps a row when one of the shown reports
 * judges it so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

typedef enum
{
  CT_COMPARE_SORT_RATE,    /* the achievement rate (stated, else computed) */
  CT_COMPARE_SORT_VERDICT, /* not met, behind, nearly met, on track, met; then by rate */
} CtCompareSortKey;

/* x before y (GTK_ORDERING_SMALLER) in the ascending order of key; an
 * empty cell, or one without a rate (or verdict), is after every other
 * whether descending or not: GtkColumnView inverts the whole result for a
 * descending column, so this inverts those cases back beforehand. */
GtkOrdering  ct_compare_sort_cells     (const CtCompareCell *x,
                                        const CtCompareCell *y,
                                        CtCompareSortKey     key,
                                        gboolean             descending);

/* Whether one of the columns flagged in shown (NULL: all) judges the row
 * verdict; CT_VERDICT_NONE keeps every row. */
gboolean     ct_compare_row_has_verdict (CtComparison   *comparison,
                                         guint           row,
                                         CtVerdict       verdict,
                                         const gboolean *shown);

/* The verdicts the filter offers, in its menu's order, CT_VERDICT_NONE
 * ("every verdict") first; and their names, capitalised for a menu. */
extern const CtVerdict ct_compare_filter_verdicts[6];
GStrv        ct_compare_filter_names   (void);

G_END_DECLS
