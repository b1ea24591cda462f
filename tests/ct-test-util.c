/* ct-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-test-util.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static gchar *tmpdir;

static void
remove_tree (const gchar *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree gchar *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
cleanup_tmpdir (void)
{
  if (tmpdir != NULL && g_getenv ("CT_TEST_KEEP_TMP") == NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

const gchar *
ct_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("chitieu-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup_tmpdir);
    }
  return tmpdir;
}

gchar *
ct_test_tmp_path (const gchar *name)
{
  return g_build_filename (ct_test_tmpdir (), name, NULL);
}

gboolean
ct_test_skip_without_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return FALSE;
  g_print ("1..0 # SKIP no display\n");
  return TRUE;
}

const gchar *
ct_test_shared_dir (void)
{
  const gchar *dir = g_getenv ("CT_SHARED_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

const gchar *
ct_test_chitieu_binary (void)
{
  const gchar *bin = g_getenv ("CT_CHITIEU_BIN");

  g_assert_nonnull (bin);
  return bin;
}

gint
ct_test_run_chitieu (const gchar * const *args,
                     gchar              **out_stdout,
                     gchar              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  gint status = -1;

  g_ptr_array_add (argv, (gpointer) ct_test_chitieu_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* The command line must never need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  /* Nor a person to answer: stdin is empty, as in CI. What is not asked
   * for of stdout is dropped: it would land in the test's TAP stream. */
  g_spawn_sync (ct_test_tmpdir (), (gchar **) argv->pdata, envp,
                G_SPAWN_STDIN_FROM_DEV_NULL | (out_stdout == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                NULL, NULL, out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + WTERMSIG (status);
}
