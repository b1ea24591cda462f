/* ct-window-private.h: what the window's own files share
 *
 * ct-window.c builds the window and keeps its state (library, comparison,
 * source, properties); ct-window-actions.c holds the win.* actions and the
 * work they start (import, export, corrections, printing). Nothing outside
 * app/ includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store-undo.h"
#include "ct-window.h"

G_BEGIN_DECLS

struct _CtWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *main_stack;
  AdwStatusPage     *empty_page;
  CtLibrarySidebar  *sidebar;
  CtCompareView     *compare_view;
  CtSourceView      *source_view;
  GtkBox            *chart_box;
  GtkWidget         *chart;
  GtkWidget         *comparing_box;     /* "Comparing N reports…" over the table */
  GtkWidget         *comparing_spinner;
  GtkWidget         *comparing_label;

  CtStore           *store;
  GPtrArray         *reports;      /* CtReportInfo */
  CtUndoStack       *undo;
  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;
  GArray            *pending_removal; /* gint64 report ids hidden, removed when the toast goes */
  AdwToast          *removal_toast;
  guint              watch_id;     /* polls the library for others' changes */
  gint64             data_version; /* the library's, when last listed */
  struct _CtCompareWorker *compare_worker; /* computes the table's comparison */
  guint              loading_source;  /* timeout showing comparing_box */
  gint64             sort_report;     /* a saved sort waiting for its table: */
  gboolean           sort_descending; /* the report's column, the order */

  /* properties */
  gboolean           demo;         /* an empty library is filled with the samples */
  gboolean           busy;         /* the samples are being imported */
  gboolean           exporting;    /* a workbook is being written */
  gboolean           comparable_only;
  gboolean           comparing;    /* a comparison is being computed */
  gboolean           state_restored; /* the saved comparison was applied (or there was none) */
};

void     _ct_window_actions_init       (CtWindow *self);
void     _ct_window_update_actions     (CtWindow *self);
/* Asks for the table's comparison again, computed by a worker; the newest
 * request wins. */
void     _ct_window_refresh_comparison (CtWindow *self);
gboolean _ct_window_show_source        (CtWindow *self,
                                        gint64    observation_id);
void     _ct_window_set_exporting      (CtWindow *self,
                                        gboolean  exporting);
/* TRUE while @report_id is removed but can still be brought back. */
gboolean _ct_window_is_pending_removal (CtWindow *self,
                                        gint64    report_id);
/* Shows a sentence found by full-text search (ct-search-dialog). */
gboolean _ct_window_show_hit           (CtWindow          *self,
                                        const CtSearchHit *hit);
/* ct-window-state.c: the comparison saved beside the library, applied
 * once the library is listed and saved when the window closes. */
void     _ct_window_restore_state      (CtWindow  *self);
gboolean _ct_window_save_state         (CtWindow  *self,
                                        GError   **error);
/* Applies the saved sort once its comparison is in the table. */
void     _ct_window_restore_sort       (CtWindow  *self);
/* Removes for good the reports whose removal can no longer be undone. */
void     _ct_window_finish_removal     (CtWindow *self);

G_END_DECLS
