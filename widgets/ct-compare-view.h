/* ct-compare-view.h: indicators × reports, side by side
 *
 * Two GtkColumnViews over one sorted, filtered list of CtCompareItem rows:
 * the indicator column on the left stays put while the report columns on
 * the right scroll sideways; both share the vertical adjustment and the
 * selection, so they move as one table.
 *
 * The current cell is (row, column) in the comparison's own indexes: Up and
 * Down move the row (the list's own keys), Left and Right the column, a
 * click picks both. Ctrl+C copies the selected rows (all rows when none is
 * selected) as tab-separated values for a spreadsheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

#define CT_TYPE_COMPARE_VIEW (ct_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (CtCompareView, ct_compare_view, CT, COMPARE_VIEW, GtkWidget)


GtkWidget    *ct_compare_view_new            (void);
void          ct_compare_view_set_comparison (CtCompareView *self,
                                              CtComparison  *comparison);
CtComparison *ct_compare_view_get_comparison (CtCompareView *self);

/* Rows whose indicator name, code or English name contains every folded
 * word of text (accents and đ ignored); a sector stays with its rows. */
void          ct_compare_view_set_search     (CtCompareView *self,
                                              const gchar   *text);
/* Only the indicators that can be compared: those at least two report
 * columns have a figure for. Rows no report has are never shown. */
void          ct_compare_view_set_shared_only (CtCompareView *self,
                                               gboolean       shared_only);
gboolean      ct_compare_view_get_shared_only (CtCompareView *self);
void          ct_compare_view_focus_search   (CtCompareView *self);
/* "N indicators · N reports": the rows shown (after the search and
 * "comparable only") and the reports compared. */
const gchar  *ct_compare_view_get_summary    (CtCompareView *self);
/* The rows as shown (CtCompareItem, sector headers included), after
 * filtering and sorting. */
GListModel   *ct_compare_view_get_model      (CtCompareView *self);
/* Sorts by a report column (comparison index), or back to catalogue order
 * with column -1. */
void          ct_compare_view_sort_by_column (CtCompareView *self,
                                              gint           column,
                                              GtkSortType    order);

/* The comparison column in the first report slot (the view shows at most
 * 14 report columns at a time and scrolls through the rest). */
guint         ct_compare_view_get_first_column (CtCompareView *self);
/* Actions "compare.next-column" / "compare.previous-column" (Right / Left
 * in the table) and "compare.copy" (Ctrl+C) are installed on the view. */
gboolean      ct_compare_view_get_current_cell (CtCompareView *self,
                                                guint         *row,
                                                guint         *column);
/* Makes (row, column) current, selects and shows its row, and emits
 * ::cell-selected. FALSE when the row is filtered out or out of range. */
gboolean      ct_compare_view_select_cell    (CtCompareView *self,
                                              guint          row,
                                              guint          column);
/* The selected rows, or every shown row when none is selected, as TSV with
 * a header line; numbers in Vietnamese format. */
gchar        *ct_compare_view_get_tsv        (CtCompareView *self);
/* Copies ct_compare_view_get_tsv() to the clipboard. */
void          ct_compare_view_copy           (CtCompareView *self);

G_END_DECLS
