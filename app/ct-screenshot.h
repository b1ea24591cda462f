/* ct-screenshot.h: save a widget as PNG after it has painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture *ct_screenshot_render       (GtkWidget           *widget);
void        ct_screenshot_save_async   (GtkWidget           *widget,
                                        const gchar         *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    ct_screenshot_save_finish  (GtkWidget           *widget,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
