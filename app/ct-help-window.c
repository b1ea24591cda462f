/* ct-help-window.c: the short user guide (F1)
 *
 * The guide is the template's text, translated with the rest of the
 * program, so it reads in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-help-window.h"

struct _CtHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CtHelpWindow, ct_help_window, ADW_TYPE_WINDOW)

static void
ct_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (ct_help_window_parent_class)->dispose (object);
}

static void
ct_help_window_class_init (CtHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_help_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chitieu/Chitieu/ui/ct-help-window.ui");
}

static void
ct_help_window_init (CtHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
ct_help_window_new (GtkWindow *parent)
{
  return g_object_new (CT_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}
