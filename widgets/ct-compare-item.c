/* ct-compare-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-compare-item.h"
#include "ct-text.h"

struct _CtCompareItem
{
  GObject       parent_instance;

  CtComparison *comparison;
  gint          row;
  gchar        *sector;
  guint         sector_index;
  guint         order;
  gchar        *search_key;        /* no marks: for a query typed in plain letters */
  gchar        *search_key_tones;  /* without tones, letters kept: for a Vietnamese query */
};

G_DEFINE_FINAL_TYPE (CtCompareItem, ct_compare_item, G_TYPE_OBJECT)

static void
ct_compare_item_finalize (GObject *object)
{
  CtCompareItem *self = CT_COMPARE_ITEM (object);

  g_clear_pointer (&self->comparison, ct_comparison_unref);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->search_key_tones, g_free);

  G_OBJECT_CLASS (ct_compare_item_parent_class)->finalize (object);
}

static void
ct_compare_item_class_init (CtCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_compare_item_finalize;
}

static void
ct_compare_item_init (CtCompareItem *self)
{
  self->row = -1;
}

CtCompareItem *
ct_compare_item_new (CtComparison *comparison,
                     gint          row,
                     const gchar  *sector,
                     guint         sector_index,
                     guint         order)
{
  CtCompareItem *self = g_object_new (CT_TYPE_COMPARE_ITEM, NULL);

  self->comparison = ct_comparison_ref (comparison);
  self->row = row;
  self->sector = g_strdup (sector);
  self->sector_index = sector_index;
  self->order = order;

  if (row >= 0)
    {
      const CtCompareRow *r = ct_comparison_get_row (comparison, (guint) row);
      g_autofree gchar *joined = g_strjoin (" ", r->name,
                                            r->code != NULL ? r->code : "",
                                            r->name_en != NULL ? r->name_en : "",
                                            NULL);

      self->search_key = ct_text_fold (joined, -1);
      /* A query with Vietnamese letters is for the Vietnamese name, not
       * the code or the English name. */
      self->search_key_tones = ct_text_fold_tones (r->name, -1);
    }
  else
    {
      self->search_key = ct_text_fold (sector, -1);
      self->search_key_tones = ct_text_fold_tones (sector, -1);
    }
  return self;
}

CtComparison *
ct_compare_item_get_comparison (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), NULL);
  return self->comparison;
}

gint
ct_compare_item_get_row (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), -1);
  return self->row;
}

gboolean
ct_compare_item_is_header (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), FALSE);
  return self->row < 0;
}

const gchar *
ct_compare_item_get_sector (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), NULL);
  return self->sector;
}

guint
ct_compare_item_get_sector_index (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), 0);
  return self->sector_index;
}

guint
ct_compare_item_get_order (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), 0);
  return self->order;
}

const gchar *
ct_compare_item_get_search_key_tones (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), NULL);
  return self->search_key_tones;
}

const gchar *
ct_compare_item_get_search_key (CtCompareItem *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_ITEM (self), NULL);
  return self->search_key;
}
