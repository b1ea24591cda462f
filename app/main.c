/* main.c: `chitieu`, the command line, and the door to the window
 *
 * `chitieu SUBCOMMAND …` runs the command line, which never touches GTK and
 * so never needs a display; this executable does not even link GTK, so a
 * command starts in milliseconds. `chitieu` alone, or with files or window
 * options, executes `chitieu-window` with the same arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ct-cli.h"
#include "ct-locale.h"

#define WINDOW_NAME "chitieu-window"

/* Beside this executable (the build tree, a relocated install), else where
 * it was installed. */
static gchar *
find_window (void)
{
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree gchar *dir = g_path_get_dirname (self);
      gchar *beside = g_build_filename (dir, WINDOW_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_build_filename (CT_LIBEXECDIR, WINDOW_NAME, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree gchar *window = NULL;

  ct_locale_init ();

  if (argc > 1 && ct_cli_handles (argv[1]))
    return ct_cli_run (argc, argv);

  window = find_window ();
  execv (window, argv);
  /* Only reached when the window could not be started. */
  g_printerr (_("The window could not be started (%s: %s). Reinstall Chỉ tiêu, or use "
                     "its commands without a window: chitieu help\n"),
           window, g_strerror (errno));
  return 1;
}
