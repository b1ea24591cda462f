/* ct-quiet-tooltip.h: a tooltip set without asking the display anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget @text (NULL: none) as its tooltip, read only when the
 * pointer rests on it. For widgets of list rows, bound by the hundred. */
void         ct_quiet_tooltip_set (GtkWidget   *widget,
                                   const gchar *text);
/* The text ct_quiet_tooltip_set() gave @widget, or NULL. */
const gchar *ct_quiet_tooltip_get (GtkWidget   *widget);

G_END_DECLS
