/* ct-compare-view-private.h: what the comparison view's files share
 *
 * ct-compare-view.c holds the table (model, slots, scrolling, the current
 * cell); ct-compare-view-actions.c what the reader does to it (the sort and
 * verdict controls, the Columns menu, copying a cell, the context menu), as
 * one unit with it; ct-compare-totals.c the totals column and the ranks,
 * which only read the view's state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-compare-sort.h"
#include "ct-compare-view.h"

/* Every row of both views has the same height, so the two lists that share
 * one vertical adjustment stay aligned row for row. */
#define ROW_HEIGHT         70
#define HEADER_ROW_HEIGHT  30
#define INDICATOR_WIDTH    300
#define INDICATOR_MIN_WIDTH 200
#define REPORT_WIDTH       190
#define TOTALS_WIDTH       170
/* A report column shows its figure, plan and rate on three lines in this
 * width at least, and grows up to the other to fill the table. */
#define REPORT_MIN_WIDTH   140
#define REPORT_MAX_WIDTH   360
/* Report columns are virtual: the GtkColumnView holds at most this many
 * slot columns (enough for a wide screen), and scrolling sideways moves
 * which comparison columns they show. GtkColumnView in GTK 4.8 makes a cell
 * for every column of every row it keeps (up to some 200 rows), so 700 real
 * columns would be 140,000 widgets. */
#define MAX_SLOTS          14

struct _CtCompareView
{
  GtkWidget           parent_instance;

  GtkWidget          *search_entry;
  GtkWidget          *summary_label;
  GtkWidget          *reform_label;       /* columns straddle 1 July 2025 */
  GtkWidget          *left_scroller;
  GtkWidget          *right_scroller;
  GtkWidget          *hscrollbar;
  GtkAdjustment      *columns_adjustment; /* first comparison column shown */
  guint               offset;
  guint               n_slots;
  GPtrArray          *slots;              /* ColumnData *, one per slot column */
  GtkColumnView      *left_view;
  GtkColumnView      *right_view;

  CtComparison       *comparison;
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkMultiSorter     *sorter;

  gchar             **search_words;  /* folded */
  gboolean            search_tones;  /* the query has Vietnamese letters: keep them */
  gboolean            shared_only;
  CtVerdict           verdict_filter; /* NONE: every row */
  GHashTable         *matched_sectors;
  GtkWidget          *sort_dropdown;
  GtkWidget          *verdict_dropdown;
  GtkColumnViewColumn *totals_column;

  /* The sort, as GtkColumnView 4.8 does not tell it: found by asking its
   * sorter to compare two stand-ins (see probe_sort()). */
  CtCompareSortKey    sort_key;
  gint                sort_column;     /* comparison column, -1: catalogue order */
  gboolean            sort_descending;
  gboolean            probing;
  gint                probe_slot;
  gdouble             restore_value;   /* vertical position to keep, NAN: none */
  gboolean           *shown;           /* n_columns flags: the columns not hidden */
  GArray             *visible;         /* guint: the shown columns, in order */
  GHashTable         *hidden_reports;  /* gint64 *: report ids hidden, kept across comparisons */
  guint               report_width;
  guint               indicator_width;
  GtkColumnViewColumn *indicator_column;
  guint               width_source;
  GtkWidget          *context_menu;
  GtkWidget          *reports_button;
  GtkWidget          *reports_list;

  GHashTable         *bound_cells;   /* GtkWidget * set: report cells on screen */
  guint               sync_source;
  guint               scroll_source;  /* idle bringing scroll_position into view */
  guint               scroll_position;
  guint               scroll_frames;   /* idle copying one vertical position to the other */
  gboolean            sync_from_left;
  gint                current_row;   /* comparison row, -1 for none */
  gint                current_column;
};


/* What a slot column's factory and sorter know: shared, reference counted. */
typedef struct
{
  CtCompareView *view;
  guint          column;      /* the slot */
  guint          sort_column; /* the comparison column in the slot when its
                               * header was clicked: scrolling sideways keeps
                               * sorting by it */
} ColumnData;

/* ct-compare-view.c */
void      _ct_compare_view_refilter        (CtCompareView *self);
void      _ct_compare_view_resort          (CtCompareView *self);
/* The comparison cell a drawn report cell shows; FALSE for a blank one. */
gboolean  _ct_compare_view_cell_position   (CtCompareView *self,
                                            GtkWidget     *cell,
                                            guint         *row,
                                            guint         *column);

/* ct-compare-view-actions.c */
void      _ct_compare_view_add_tools       (CtCompareView *self,
                                            GtkWidget     *top);
void      _ct_compare_view_add_context_menu (CtCompareView *self);
void      _ct_compare_view_class_add_tools (GtkWidgetClass *widget_class);
/* The reports menu lists the new comparison's columns. */
void      _ct_compare_view_update_report_menu (CtCompareView *self);
void      _ct_compare_view_copy_cell_or_rows (CtCompareView *self);

/* ct-compare-totals.c */
void      _ct_compare_view_add_totals_column (CtCompareView *self);
void      _ct_compare_view_update_totals   (CtCompareView *self);
/* "hạng 2/5" for a cell of the table, or NULL. */
gchar    *_ct_compare_view_rank_text       (CtCompareView *self,
                                            guint          row,
                                            guint          column);
