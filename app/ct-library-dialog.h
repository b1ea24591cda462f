/* ct-library-dialog.h: "Open Library…", a file or a department's server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with what the user typed (trimmed, never empty) when they chose
 * to open it. */
typedef void (*CtLibraryChosenFunc) (const gchar *location,
                                     gpointer     user_data);

/* Asks for a library's path or server address over parent, the current
 * location filled in; calls chosen only when the user opens one. */
void ct_library_dialog_ask (GtkWindow           *parent,
                            const gchar         *current,
                            CtLibraryChosenFunc  chosen,
                            gpointer             user_data);

G_END_DECLS
