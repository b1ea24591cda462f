/* ct-compare-item.h: one row of the comparison view's list model
 *
 * Either an indicator row (row >= 0, an index into the comparison) or the
 * header of a sector (row == -1): GtkColumnView in GTK 4.8 has no sections,
 * so the sector headings are rows of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

#define CT_TYPE_COMPARE_ITEM (ct_compare_item_get_type ())

G_DECLARE_FINAL_TYPE (CtCompareItem, ct_compare_item, CT, COMPARE_ITEM, GObject)

CtCompareItem      *ct_compare_item_new          (CtComparison  *comparison,
                                                  gint           row,
                                                  const gchar   *sector,
                                                  guint          sector_index,
                                                  guint          order);
CtComparison       *ct_compare_item_get_comparison (CtCompareItem *self);
/* -1 for a sector header */
gint                ct_compare_item_get_row      (CtCompareItem *self);
gboolean            ct_compare_item_is_header    (CtCompareItem *self);
/* The sector heading (translated "Other figures" for unclassified rows). */
const gchar        *ct_compare_item_get_sector   (CtCompareItem *self);
guint               ct_compare_item_get_sector_index (CtCompareItem *self);
/* Position in the unsorted list: the catalogue order. */
guint               ct_compare_item_get_order    (CtCompareItem *self);
/* The folded indicator name and code, for searching. */
const gchar        *ct_compare_item_get_search_key (CtCompareItem *self);
/* The name without tones, letters kept ("luân" stays "luân"). */
const gchar   *ct_compare_item_get_search_key_tones (CtCompareItem *self);

G_END_DECLS
