/* ct-renderer.c: draw with Cairo where OpenGL would be drawn by the CPU
 *
 * GTK 4.8 draws windows with OpenGL whenever the display offers it, even
 * when the driver is Mesa's llvmpipe — a virtual machine, a remote desktop,
 * an office computer without its graphics driver. There the CPU does the
 * GPU's work: scrolling a 700-column comparison on two cores dropped most
 * frames, and the first frame of a 2,000-report library came 0.6 s later,
 * while GTK's Cairo renderer drew both in time (make bench, the window part).
 * GTK 4.14 and later skip llvmpipe by themselves; this does the same for the
 * GTK this program is built against. A renderer the user chose with
 * GSK_RENDERER always stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "ct-data.h"
#include "ct-renderer.h"

#define SOFTWARE_GL_TABLE "software-gl.tsv"

gboolean
ct_renderer_is_software_gl (const gchar *gl_renderer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = NULL;
  g_autofree gchar *lower = NULL;

  g_return_val_if_fail (gl_renderer != NULL, FALSE);

  table = ct_data_table_load (SOFTWARE_GL_TABLE, 2, 2, &error);
  if (table == NULL)
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      g_autofree gchar *piece = g_ascii_strdown (ct_data_row_text (row, 0), -1);

      if (strstr (lower, piece) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The GL_RENDERER string of a context like the one GTK would draw with, or
 * NULL when the display has no OpenGL (GTK then draws with Cairo anyway). */
static gchar *
display_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkGLContext) context = NULL;
  gchar *name;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL to ask about: %s", error->message);
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = g_strdup ((const gchar *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

gboolean
ct_renderer_avoid_software_gl (GdkDisplay *display)
{
  const gchar *user_choice = g_getenv ("GSK_RENDERER");
  g_autofree gchar *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (user_choice != NULL && *user_choice != '\0')
    return FALSE;
  gl_renderer = display_gl_renderer (display);
  if (gl_renderer == NULL || !ct_renderer_is_software_gl (gl_renderer))
    return FALSE;
  g_debug ("OpenGL is drawn by the CPU (%s): drawing with Cairo", gl_renderer);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return TRUE;
}
