/* ct-library-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-library-item.h"

struct _CtLibraryItem
{
  GObject        parent_instance;

  CtLibraryKind  kind;
  gchar         *title;
  gchar         *subtitle;
  gchar         *tooltip;
  CtLibraryTooltipFunc tooltip_func; /* writes the tooltip when first asked */
  gpointer       tooltip_data;
  GDestroyNotify tooltip_destroy;
  gint64         id;
  GListStore    *children;
};

G_DEFINE_FINAL_TYPE (CtLibraryItem, ct_library_item, G_TYPE_OBJECT)

static void
ct_library_item_finalize (GObject *object)
{
  CtLibraryItem *self = CT_LIBRARY_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->tooltip, g_free);
  if (self->tooltip_destroy != NULL)
    self->tooltip_destroy (self->tooltip_data);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ct_library_item_parent_class)->finalize (object);
}

static void
ct_library_item_class_init (CtLibraryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ct_library_item_finalize;
}

static void
ct_library_item_init (CtLibraryItem *self)
{
  (void) self;
}

CtLibraryItem *
ct_library_item_new (CtLibraryKind  kind,
                     const gchar   *title,
                     gint64         id)
{
  CtLibraryItem *self = g_object_new (CT_TYPE_LIBRARY_ITEM, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->id = id;
  if (kind != CT_LIBRARY_REPORT)
    self->children = g_list_store_new (CT_TYPE_LIBRARY_ITEM);
  return self;
}

CtLibraryKind
ct_library_item_get_kind (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), CT_LIBRARY_REPORT);
  return self->kind;
}

const gchar *
ct_library_item_get_title (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), NULL);
  return self->title;
}

const gchar *
ct_library_item_get_subtitle (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), NULL);
  return self->subtitle;
}

void
ct_library_item_set_subtitle (CtLibraryItem *self,
                              const gchar   *subtitle)
{
  g_return_if_fail (CT_IS_LIBRARY_ITEM (self));
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

gint64
ct_library_item_get_id (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), 0);
  return self->id;
}

GListStore *
ct_library_item_get_children (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), NULL);
  return self->children;
}

void
ct_library_item_collect_reports (CtLibraryItem *self,
                                 GArray        *ids)
{
  guint n;

  g_return_if_fail (CT_IS_LIBRARY_ITEM (self));

  if (self->kind == CT_LIBRARY_REPORT)
    {
      g_array_append_val (ids, self->id);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->children));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtLibraryItem) child = g_list_model_get_item (G_LIST_MODEL (self->children), i);

      ct_library_item_collect_reports (child, ids);
    }
}

static void
drop_tooltip_func (CtLibraryItem *self)
{
  if (self->tooltip_destroy != NULL)
    self->tooltip_destroy (self->tooltip_data);
  self->tooltip_func = NULL;
  self->tooltip_data = NULL;
  self->tooltip_destroy = NULL;
}

const gchar *
ct_library_item_get_tooltip (CtLibraryItem *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_ITEM (self), NULL);

  if (self->tooltip_func != NULL)
    {
      self->tooltip = self->tooltip_func (self->tooltip_data);
      drop_tooltip_func (self);
    }
  return self->tooltip;
}

void
ct_library_item_set_tooltip_func (CtLibraryItem        *self,
                                  CtLibraryTooltipFunc  func,
                                  gpointer              data,
                                  GDestroyNotify        destroy)
{
  g_return_if_fail (CT_IS_LIBRARY_ITEM (self));
  drop_tooltip_func (self);
  g_clear_pointer (&self->tooltip, g_free);
  self->tooltip_func = func;
  self->tooltip_data = data;
  self->tooltip_destroy = destroy;
}
