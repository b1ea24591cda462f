/* ct-quiet-tooltip.c: a tooltip set without asking the display anything
 *
 * gtk_widget_set_tooltip_text() on a shown widget asks the display where
 * the pointer is, in case the tooltip is up and must change: a round trip
 * to the X server per call. Cells and rows set theirs each time they are
 * bound, hundreds of times for a first paint and at every step of a
 * scroll (12% of opening the window on 2,000 reports). Here the text is
 * kept on the widget and handed to GTK only when it asks for the tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-quiet-tooltip.h"

#define TEXT_KEY "ct-quiet-tooltip"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  gint        x,
                  gint        y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const gchar *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  (void) x, (void) y, (void) keyboard, (void) user_data;
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
ct_quiet_tooltip_set (GtkWidget   *widget,
                      const gchar *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The first call connects the handler; has-tooltip alone asks nothing. */
  if (!gtk_widget_get_has_tooltip (widget))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY,
                          text != NULL && *text != '\0' ? g_strdup (text) : NULL, g_free);
}

const gchar *
ct_quiet_tooltip_get (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), TEXT_KEY);
}
