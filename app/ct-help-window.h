/* ct-help-window.h: the short user guide (F1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CT_TYPE_HELP_WINDOW (ct_help_window_get_type ())

G_DECLARE_FINAL_TYPE (CtHelpWindow, ct_help_window, CT, HELP_WINDOW, AdwWindow)

GtkWindow *ct_help_window_new (GtkWindow *parent);

G_END_DECLS
