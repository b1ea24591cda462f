/* ct-library-sidebar.h: the reports of the library, by province › locality › period
 *
 * A tree of the stored reports with counts. Selecting rows chooses the
 * columns of the comparison: a report is one column, a locality or a
 * province every report under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_LIBRARY_SIDEBAR (ct_library_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (CtLibrarySidebar, ct_library_sidebar, CT, LIBRARY_SIDEBAR, GtkWidget)

GtkWidget  *ct_library_sidebar_new             (void);
/* reports: CtReportInfo, as ct_store_list_reports() sorts them. Keeps the
 * selection of reports still present. */
void        ct_library_sidebar_set_reports     (CtLibrarySidebar *self,
                                                GPtrArray        *reports);
guint       ct_library_sidebar_get_n_reports   (CtLibrarySidebar *self);
/* The tree as shown (GtkTreeListRow of CtLibraryItem). */
GListModel *ct_library_sidebar_get_model       (CtLibrarySidebar *self);
/* Report ids (gint64) of the selected rows, in library order, each once. */
GArray     *ct_library_sidebar_get_selected_reports (CtLibrarySidebar *self);
/* Selects exactly the rows of these reports. */
void        ct_library_sidebar_select_reports  (CtLibrarySidebar *self,
                                                const gint64     *ids,
                                                guint             n_ids);
void        ct_library_sidebar_unselect_all    (CtLibrarySidebar *self);

G_END_DECLS
