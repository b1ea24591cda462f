/* ct-window.h: the main window
 *
 * The library of reports on the left, the comparison of the chosen reports
 * in the middle, the sentence behind the chosen figure below it. The
 * window owns the CtStore of ct_store_default_path() ($CHITIEU_DB). A
 * user's library starts empty with a welcome page; only a window made with
 * "demo" set (`chitieu --demo`, `make run`) fills an empty library with
 * the fictional demo reports, in a worker thread.
 *
 * State is held in properties (busy, exporting, comparable-only,
 * comparing, comparison) so views bind to it and tests wait on notify; the getters
 * below let tests drive the window without a mouse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-application.h"
#include "ct-compare-view.h"
#include "ct-library-sidebar.h"
#include "ct-source-view.h"
#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_WINDOW (ct_window_get_type ())

G_DECLARE_FINAL_TYPE (CtWindow, ct_window, CT, WINDOW, AdwApplicationWindow)

CtWindow         *ct_window_new              (CtApplication *application);
/* A window on the demo library: an empty one gets the samples. */
CtWindow         *ct_window_new_demo         (CtApplication *application);

CtStore          *ct_window_get_store        (CtWindow      *self);
CtLibrarySidebar *ct_window_get_sidebar      (CtWindow      *self);
CtCompareView    *ct_window_get_compare_view (CtWindow      *self);
CtSourceView     *ct_window_get_source_view  (CtWindow      *self);
/* TRUE while the demo samples are being imported. */
gboolean          ct_window_get_busy         (CtWindow      *self);
/* Lists the reports again and recomputes the comparison (after imports
 * made elsewhere); emits ::library-changed. */
void              ct_window_reload           (CtWindow      *self);
/* Opens the import dialog for these files (folders are searched for
 * reports); returns it, or NULL when there is nothing to import. */
GtkWindow        *ct_window_import_files     (CtWindow      *self,
                                              GFile        **files,
                                              guint          n_files);
/* Shows an observation in the source view and, when it is in the table,
 * makes its cell current. */
gboolean          ct_window_show_observation (CtWindow      *self,
                                              gint64         observation_id);
/* The observation of the current cell, or 0. */
gint64            ct_window_get_current_observation (CtWindow *self);
/* Writes the current comparison and its evidence to @file (.xlsx) in a
 * worker thread; a toast says when it is saved or why it was not. */
void              ct_window_export_workbook  (CtWindow      *self,
                                              GFile         *file);
/* TRUE while a workbook is being written. */
gboolean          ct_window_get_exporting    (CtWindow      *self);
/* Only the indicators at least two chosen reports have (win.shared-only). */
gboolean          ct_window_get_comparable_only (CtWindow   *self);
void              ct_window_set_comparable_only (CtWindow   *self,
                                                 gboolean    comparable_only);
/* TRUE from a request for a comparison (the library listed, reports
 * chosen, a correction) until its table is shown: a worker computes it. */
gboolean          ct_window_get_comparing    (CtWindow      *self);
/* The comparison the table shows, or NULL. */
CtComparison     *ct_window_get_comparison   (CtWindow      *self);
/* Switches the window to the library at location (a file, or a
 * postgresql:// address or libpq "service=…" string). When it cannot be
 * opened, a toast says why and the window keeps its library; returns
 * whether it switched. The undo history belongs to the old library and
 * is dropped. */
gboolean          ct_window_open_library     (CtWindow      *self,
                                              const gchar   *location);
/* Shows a message in the window's toast overlay. */
void              ct_window_toast            (CtWindow      *self,
                                              const gchar   *message);

G_END_DECLS
