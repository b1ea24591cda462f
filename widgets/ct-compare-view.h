/* ct-compare-view.h: indicators × reports, side by side
 *
 * Two GtkColumnViews over one sorted, filtered list of CtCompareItem rows:
 * the indicator column on the left stays put while the report columns on
 * the right scroll sideways; both share the vertical adjustment and the
 * selection, so they move as one table.
 *
 * The current cell is (row, column) in the comparison's own indexes: Up and
 * Down move the row (the list's own keys), Left and Right the column, a
 * click picks both. Ctrl+C copies the current cell in words, or the
 * selected rows (all rows when none is selected) as tab-separated values
 * for a spreadsheet; the context menu offers both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-compare-sort.h"
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
const gchar  *ct_compare_view_get_search     (CtCompareView *self);
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
 * with column -1: by the achievement rate, or the verdict (see
 * ct_compare_view_set_sort_key()), never by raw figures in different
 * units. The current row, or else the place in the table, stays in sight. */
void          ct_compare_view_sort_by_column (CtCompareView *self,
                                              gint           column,
                                              GtkSortType    order);
/* The column sorted by and its order; FALSE in catalogue order. */
gboolean      ct_compare_view_get_sort       (CtCompareView *self,
                                              guint         *column,
                                              GtkSortType   *order);
void          ct_compare_view_set_sort_key   (CtCompareView    *self,
                                              CtCompareSortKey  key);
CtCompareSortKey ct_compare_view_get_sort_key (CtCompareView   *self);
/* Only the rows some shown report judges verdict (CT_VERDICT_NONE: all). */
void          ct_compare_view_set_verdict_filter (CtCompareView *self,
                                                  CtVerdict      verdict);
CtVerdict     ct_compare_view_get_verdict_filter (CtCompareView *self);

/* Hides or shows a report's column (by report id, so it stays hidden in
 * the next comparison that has it). Totals, ranks, the verdict filter,
 * "comparable only" and copying count the shown columns only. */
void          ct_compare_view_set_report_hidden (CtCompareView *self,
                                                 gint64         report_id,
                                                 gboolean       hidden);
gboolean      ct_compare_view_get_report_hidden (CtCompareView *self,
                                                 gint64         report_id);
/* How many report columns fit side by side now, and their width. */
guint         ct_compare_view_get_columns_on_screen (CtCompareView *self);
guint         ct_compare_view_get_report_width (CtCompareView *self);
/* A new array of the hidden report ids (gint64). */
GArray       *ct_compare_view_get_hidden_reports (CtCompareView *self);

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
/* Copies ct_compare_view_get_tsv() to the clipboard (Ctrl+Shift+C, and
 * Ctrl+C with several rows selected). */
void          ct_compare_view_copy           (CtCompareView *self);
/* The current cell in words, with its plan, rate and rank (Ctrl+C with
 * one row, and the context menu); NULL without a current cell. */
gchar        *ct_compare_view_get_cell_text  (CtCompareView *self);

/* What a click on a drawn report cell does (the table's own gesture calls
 * it, and tests): makes it current, emitting ::cell-selected when it is
 * another cell, of the same row or not; n_press 2 activates it. */
void          _ct_compare_view_press_cell    (CtCompareView *self,
                                              GtkWidget     *cell,
                                              gint           n_press);

G_END_DECLS
