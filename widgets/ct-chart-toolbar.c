/* ct-chart-toolbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-chart-toolbar.h"

#include <glib/gi18n.h>

static void
add_toggle (GtkBox      *box,
            CtBarChart  *chart,
            const gchar *property,
            const gchar *label,
            const gchar *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_bind_property (chart, property, button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (box, button);
}

GtkWidget *
ct_chart_toolbar_new (CtBarChart *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  g_return_val_if_fail (CT_IS_BAR_CHART (chart), NULL);

  gtk_widget_add_css_class (box, "toolbar");
  /* Thin, so a pane in a 700 px window keeps its height for the bars. */
  gtk_widget_set_margin_top (box, 0);
  gtk_widget_set_margin_bottom (box, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart layout"), -1);
  add_toggle (GTK_BOX (box), chart, "horizontal", _("Horizontal"),
              _("Bars from left to right, for long names"));
  add_toggle (GTK_BOX (box), chart, "sort-by-rate", _("Sorted"),
              _("Bars in order of achievement rate, the highest first"));
  add_toggle (GTK_BOX (box), chart, "hide-missing", _("Hide No Data"),
              _("Leave out reports without a figure; the footnote names them"));
  return box;
}
