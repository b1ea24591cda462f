/* test-window.c: the main window opens, paints, and speaks Vietnamese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-application.h"
#include "ct-locale.h"
#include "ct-screenshot.h"
#include "ct-test-util.h"
#include "ct-window.h"

/* Spins the main loop until @widget is mapped and has painted once. */
static void
wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler = 0;
  GdkFrameClock *clock = NULL;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (g_nullify_pointer), &painted);
  /* g_nullify_pointer sets painted to NULL (0); start from TRUE to see it flip. */
  painted = TRUE;
  gtk_widget_queue_draw (widget);
  while (painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_false (painted);
}

/* Every label in the window: none may show a missing glyph. */
static guint
check_labels (GtkWidget *widget,
              GString   *all_text)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      g_string_append_printf (all_text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_labels (child, all_text);
  return n;
}

static guint
count_dark_pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  gsize stride = w * 4;
  g_autofree guchar *data = g_malloc (stride * h);
  guint dark = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = data + y * stride + x * 4;
        /* ARGB32 premultiplied, native endian: B G R A on little endian */
        if (p[3] > 200 && p[0] < 100 && p[1] < 100 && p[2] < 100)
          dark++;
      }
  return dark;
}

static void
test_window_vietnamese (void)
{
  g_autoptr(CtApplication) app = ct_application_new ();
  CtWindow *window;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree gchar *png = ct_test_tmp_path ("window.png");
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = ct_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpuint (check_labels (GTK_WIDGET (window), text), >, 2);
  /* The header bar and the empty state are in Vietnamese. */
  g_assert_nonnull (strstr (text->str, "Chỉ tiêu"));
  g_assert_nonnull (strstr (text->str, "Chưa có báo cáo"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chỉ tiêu");

  texture = ct_screenshot_render (GTK_WIDGET (window));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  /* Text was drawn: a blank or failed render has no dark pixels. */
  g_assert_cmpuint (count_dark_pixels (texture), >, 500);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_menu_actions (void)
{
  g_autoptr(CtApplication) app = ct_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* startup has run: the application actions exist with their shortcuts */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
    g_assert_cmpstr (accels[0], ==, "<Control>q");
  }
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_setenv ("LANGUAGE", "vi", TRUE);
  ct_locale_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/vietnamese", test_window_vietnamese);
  g_test_add_func ("/window/actions", test_menu_actions);

  return g_test_run ();
}
