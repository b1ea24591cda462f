/* ct-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-window.h"

struct _CtWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (CtWindow, ct_window, ADW_TYPE_APPLICATION_WINDOW)

CtWindow *
ct_window_new (CtApplication *application)
{
  return g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
ct_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_WINDOW);

  G_OBJECT_CLASS (ct_window_parent_class)->dispose (object);
}

static void
ct_window_class_init (CtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/chitieu/Chitieu/ui/ct-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, empty_page);
}

static void
ct_window_init (CtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
