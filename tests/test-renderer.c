/* test-renderer.c: where OpenGL is drawn by the CPU, the window draws with Cairo
 *
 * Each window test runs in a child process of its own: GTK reads
 * GSK_RENDERER once, when it makes the first window's renderer, and the
 * child must start without the test environment's GSK_RENDERER=cairo and
 * GDK_DEBUG=gl-disable, or there would be no OpenGL to ask.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <epoxy/gl.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "ct-renderer.h"
#include "ct-test-util.h"

/* Driver strings as Mesa, the vendors and Windows write them. */
static void
test_software_names (void)
{
  static const gchar * const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "LLVMPIPE (LLVM 11.0.1, 128 bits)",
    "softpipe",
    "Software Rasterizer",
    "Mesa DRI swrast",
    "D3D12 (Microsoft Basic Render Driver)",
  };
  static const gchar * const hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    /* Radeon drivers name LLVM too: the compiler, not the rasteriser. */
    "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
    "NVIDIA GeForce GTX 1050/PCIe/SSE2",
    "SVGA3D; build: RELEASE;  LLVM;",
    "virgl",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    g_assert_true (ct_renderer_is_software_gl (software[i]));
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    g_assert_false (ct_renderer_is_software_gl (hardware[i]));
}

/* The display's own GL_RENDERER, asked without the code under test; NULL
 * without OpenGL. */
static gchar *
display_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  gchar *name;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const gchar *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

/* Realizes a window after the choice and returns its renderer's type. */
static GType
window_renderer_type (void)
{
  GtkWidget *window = gtk_window_new ();
  GType type;

  gtk_widget_realize (window);
  type = G_OBJECT_TYPE (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  return type;
}

static void
run_in_child (const gchar *gsk_renderer)
{
  /* LeakSanitizer cannot name Mesa's unloaded driver (tests/meson.build). */
  g_setenv ("ASAN_OPTIONS", "detect_leaks=0", TRUE);
  g_unsetenv ("GDK_DEBUG");
  if (gsk_renderer != NULL)
    g_setenv ("GSK_RENDERER", gsk_renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_software_gl_draws_with_cairo (void)
{
  g_autofree gchar *gl = NULL;
  GdkDisplay *display;
  gboolean chosen;

  if (!g_test_subprocess ())
    {
      run_in_child (NULL);
      return;
    }
  g_assert_true (gtk_init_check ());
  display = gdk_display_get_default ();
  gl = display_gl_renderer (display);
  chosen = ct_renderer_avoid_software_gl (display);
  if (gl == NULL)
    {
      g_test_skip ("This display has no OpenGL: GTK draws with Cairo anyway");
      return;
    }
  g_test_message ("OpenGL here: %s", gl);
  if (ct_renderer_is_software_gl (gl))
    {
      g_assert_true (chosen);
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_true (g_type_is_a (window_renderer_type (), GSK_TYPE_CAIRO_RENDERER));
    }
  else
    {
      g_assert_false (chosen);
      g_assert_null (g_getenv ("GSK_RENDERER"));
      g_assert_false (g_type_is_a (window_renderer_type (), GSK_TYPE_CAIRO_RENDERER));
    }
}

/* GSK_RENDERER=gl from the user wins, even on llvmpipe. */
static void
test_user_choice_stands (void)
{
  g_autofree gchar *gl = NULL;
  GdkDisplay *display;

  if (!g_test_subprocess ())
    {
      run_in_child ("gl");
      return;
    }
  g_assert_true (gtk_init_check ());
  display = gdk_display_get_default ();
  gl = display_gl_renderer (display);
  g_assert_false (ct_renderer_avoid_software_gl (display));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  if (gl == NULL)
    {
      g_test_skip ("This display has no OpenGL to choose");
      return;
    }
  g_assert_false (g_type_is_a (window_renderer_type (), GSK_TYPE_CAIRO_RENDERER));
}

int
main (int   argc,
      char *argv[])
{
  if (ct_test_skip_without_display ())
    return 0;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer/user-choice-stands", test_user_choice_stands);

  return g_test_run ();
}
