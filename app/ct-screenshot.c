/* ct-screenshot.c
 *
 * Renders through GSK, the way GTK itself paints (TOOLCHAIN.md, way A), so a
 * screenshot needs no X tools and shows exactly the window's content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-screenshot.h"

GdkTexture *
ct_screenshot_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    {
      g_object_unref (snapshot);
      return NULL;
    }

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct
{
  gchar *path;
  gulong handler;
  GdkFrameClock *clock;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  if (d->handler != 0)
    g_signal_handler_disconnect (d->clock, d->handler);
  g_clear_object (&d->clock);
  g_free (d->path);
  g_free (d);
}

static gboolean
save_now (gpointer user_data)
{
  GTask *task = user_data;
  GtkWidget *widget = g_task_get_source_object (task);
  SaveData *d = g_task_get_task_data (task);
  g_autoptr(GdkTexture) texture = ct_screenshot_render (widget);

  if (texture == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The window has not been drawn yet."));
  else if (!gdk_texture_save_to_png (texture, d->path))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not write the screenshot to “%s”."), d->path);
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  GTask *task = user_data;
  SaveData *d = g_task_get_task_data (task);

  (void) clock;
  g_signal_handler_disconnect (d->clock, d->handler);
  d->handler = 0;
  /* Leave the paint cycle before rendering again. */
  g_idle_add (save_now, task);
}

static void
on_map (GtkWidget *widget,
        gpointer   user_data)
{
  GTask *task = user_data;
  SaveData *d = g_task_get_task_data (task);

  g_signal_handlers_disconnect_by_func (widget, on_map, task);
  d->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  d->handler = g_signal_connect (d->clock, "after-paint", G_CALLBACK (on_after_paint), task);
  gtk_widget_queue_draw (widget);
}

void
ct_screenshot_save_async (GtkWidget           *widget,
                          const gchar         *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (widget, cancellable, callback, user_data);
  SaveData *d = g_new0 (SaveData, 1);

  d->path = g_strdup (path);
  g_task_set_task_data (task, d, save_data_free);

  if (gtk_widget_get_mapped (widget))
    on_map (widget, task);
  else
    g_signal_connect (widget, "map", G_CALLBACK (on_map), task);
}

gboolean
ct_screenshot_save_finish (GtkWidget     *widget,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, widget), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
