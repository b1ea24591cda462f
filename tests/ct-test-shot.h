/* ct-test-shot.h: screenshots from the display tests, for the issue notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With CT_SCREENSHOT_DIR set, lets @widget draw for half a second and
 * saves what the user sees there as @name; without it, does nothing. */
void ct_test_maybe_shoot (GtkWidget   *widget,
                          const gchar *name);

G_END_DECLS
