/* ct-window.h: the main window
 *
 * The library of reports on the left, the comparison of the chosen reports
 * in the middle, the sentence behind the chosen figure below it. The
 * window owns the CtStore of ct_store_default_path() ($CHITIEU_DB), and
 * fills an empty library with the demo samples in a worker thread.
 *
 * The getters below let tests drive the window without a mouse.
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
/* Shows a message in the window's toast overlay. */
void              ct_window_toast            (CtWindow      *self,
                                              const gchar   *message);

G_END_DECLS
