/* ct-renderer.h: draw with Cairo where OpenGL would be drawn by the CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, an OpenGL driver's GL_RENDERER string, names a
 * driver that draws on the CPU (resources/data/software-gl.tsv). */
gboolean ct_renderer_is_software_gl   (const gchar *gl_renderer);

/* Unless the user chose a renderer (GSK_RENDERER), asks GTK for its Cairo
 * renderer when @display's OpenGL is drawn by the CPU; returns TRUE when it
 * did. It sets GSK_RENDERER, which GTK reads when it makes the first
 * window's renderer, so call it after gtk_init_check() and before any
 * window is shown or any thread started. */
gboolean ct_renderer_avoid_software_gl (GdkDisplay *display);

G_END_DECLS
