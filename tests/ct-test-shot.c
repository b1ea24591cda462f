/* ct-test-shot.c: screenshots from the display tests, for the issue notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-test-shot.h"

#include "ct-screenshot.h"

void
ct_test_maybe_shoot (GtkWidget   *widget,
                     const gchar *name)
{
  const gchar *dir = g_getenv ("CT_SCREENSHOT_DIR");
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree gchar *path = NULL;

  if (dir == NULL)
    return;
  /* Lets the window draw what it was just told. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  texture = ct_screenshot_render (widget);
  g_assert_nonnull (texture);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
