/* ct-library-item.h: one row of the library sidebar's tree
 *
 * A province, a locality or a report; groups hold their children in a
 * GListStore the GtkTreeListModel expands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CT_LIBRARY_PROVINCE,
  CT_LIBRARY_LOCALITY,
  CT_LIBRARY_REPORT,
} CtLibraryKind;

#define CT_TYPE_LIBRARY_ITEM (ct_library_item_get_type ())

G_DECLARE_FINAL_TYPE (CtLibraryItem, ct_library_item, CT, LIBRARY_ITEM, GObject)

CtLibraryItem *ct_library_item_new          (CtLibraryKind  kind,
                                             const gchar   *title,
                                             gint64         id);
CtLibraryKind  ct_library_item_get_kind     (CtLibraryItem *self);
const gchar   *ct_library_item_get_title    (CtLibraryItem *self);
const gchar   *ct_library_item_get_subtitle (CtLibraryItem *self);
void           ct_library_item_set_subtitle (CtLibraryItem *self,
                                             const gchar   *subtitle);
/* More about the row, shown on hover: a locality's units across the 2025
 * reform. NULL when there is nothing to add. */
const gchar   *ct_library_item_get_tooltip  (CtLibraryItem *self);
/* A tooltip written only when first asked for (a locality's, which needs
 * the country's gazetteer): func(data) returns it, newly allocated, or
 * NULL; destroy frees data then, or with the item. */
typedef gchar *(*CtLibraryTooltipFunc) (gpointer data);
void           ct_library_item_set_tooltip_func (CtLibraryItem        *self,
                                                 CtLibraryTooltipFunc  func,
                                                 gpointer              data,
                                                 GDestroyNotify        destroy);
/* The report id for reports, the locality id for localities, else 0. */
gint64         ct_library_item_get_id       (CtLibraryItem *self);
/* Children (CtLibraryItem) of a group; NULL for a report. */
GListStore    *ct_library_item_get_children (CtLibraryItem *self);
/* Appends the ids of every report at or under this item. */
void           ct_library_item_collect_reports (CtLibraryItem *self,
                                                GArray        *ids);

G_END_DECLS
