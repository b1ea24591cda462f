/* test-handoff.c: a second `chitieu FILE` hands FILE to the open window
 *
 * The way officials open reports from the file manager: the application is
 * already running, the new process passes its files over D-Bus and quits,
 * and the open window asks to import them.  The test runs its own session
 * bus (GTestDBus), starts the window, then a second process with a report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

#include "ct-test-util.h"

#define APP_ID "io.github.chitieu.Chitieu"
#define WAIT_SECONDS 30

typedef struct
{
  GMainLoop *loop;
  gboolean   timed_out;
  gchar     *output;
  GError    *error;
} Wait;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Wait *w = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &w->output, NULL, &w->error);
  g_main_loop_quit (w->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  Wait *w = user_data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static void
on_name_appeared (GDBusConnection *connection,
                  const gchar     *name,
                  const gchar     *owner,
                  gpointer         user_data)
{
  (void) connection;
  (void) name;
  (void) owner;
  g_main_loop_quit (((Wait *) user_data)->loop);
}

/* GTestDBus unsets DISPLAY (so nothing autolaunches a bus on X11); the
 * window needs it back. */
static gchar *display;

/* Starts `chitieu [FILE]`; the window's log goes to @log_path, a file and
 * not a pipe, so a chatty window never blocks on a full pipe while the test
 * waits on the second process, whose output is read whole. */
static GSubprocess *
spawn_chitieu (const gchar *db,
               const gchar *file,
               const gchar *log_path,
               GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (log_path == NULL ? G_SUBPROCESS_FLAGS_STDERR_MERGE |
                                                  G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0);

  /* GLib writes debug messages to standard output. */
  if (log_path != NULL)
    {
      g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
      g_subprocess_launcher_take_stderr_fd (launcher, dup (STDERR_FILENO));
    }
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "CHITIEU_DB", db, TRUE);
  if (log_path != NULL)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_set_cwd (launcher, ct_test_tmpdir ());
  return g_subprocess_launcher_spawn (launcher, error, ct_test_chitieu_binary (), file, NULL);
}

/* Waits up to WAIT_SECONDS for @path to contain @needle. */
static gboolean
log_shows (const gchar *path,
           const gchar *needle)
{
  for (guint tick = 0; tick < WAIT_SECONDS * 10; tick++)
    {
      g_autofree gchar *log = NULL;

      if (g_file_get_contents (path, &log, NULL, NULL) && strstr (log, needle) != NULL)
        return TRUE;
      g_usleep (G_USEC_PER_SEC / 10);
    }
  {
    g_autofree gchar *log = NULL;

    if (g_file_get_contents (path, &log, NULL, NULL))
      g_test_message ("window log without “%s”:\n%s", needle, log);
  }
  return FALSE;
}

static void
test_second_instance_hands_over (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GSubprocess) window = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autofree gchar *window_log = ct_test_tmp_path ("window.log");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *db = ct_test_tmp_path ("library.db");
  g_autofree gchar *report = ct_test_tmp_path ("bao-cao.txt");
  g_autofree gchar *expected = NULL;
  g_autofree gchar *second_log = NULL;
  Wait wait = { loop, FALSE, NULL, NULL };
  g_autofree gchar *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  guint watch, timeout;

  if (dbus_daemon == NULL)
    {
      g_test_skip ("needs dbus-daemon for a private session bus");
      return;
    }

  g_assert_true (g_file_set_contents (report,
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024 CỦA HUYỆN SÔNG MÂY\n"
    "\n"
    "Tổng sản lượng lương thực đạt 1.200/2.000 tấn, đạt 60% kế hoạch.\n", -1, NULL));

  g_test_dbus_up (bus);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  window = spawn_chitieu (db, NULL, window_log, &error);
  g_assert_no_error (error);

  watch = g_bus_watch_name_on_connection (connection, APP_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          on_name_appeared, NULL, &wait, NULL);
  timeout = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &wait);
  g_main_loop_run (loop);
  g_bus_unwatch_name (watch);
  g_assert_false (wait.timed_out);
  g_source_remove (timeout);

  second = spawn_chitieu (db, report, NULL, &error);
  g_assert_no_error (error);
  /* It must pass the file on and quit, not open a window of its own. */
  g_subprocess_communicate_utf8_async (second, NULL, NULL, on_communicated, &wait);
  timeout = g_timeout_add_seconds (WAIT_SECONDS, on_timeout, &wait);
  g_main_loop_run (loop);
  if (wait.timed_out)
    g_subprocess_force_exit (second);
  else
    g_source_remove (timeout);
  g_subprocess_wait (second, NULL, NULL);
  g_assert_false (wait.timed_out);
  g_assert_no_error (wait.error);
  second_log = g_steal_pointer (&wait.output);
  g_assert_true (g_subprocess_get_if_exited (second));
  if (g_subprocess_get_exit_status (second) != 0)
    g_test_message ("second process: %s", second_log);
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);

  /* The running window, not the second process, asks to import the file. */
  expected = g_strdup_printf ("Import asked for 1 files, first %s", report);
  g_assert_true (log_shows (window_log, expected));

  g_subprocess_force_exit (window);
  g_subprocess_wait (window, NULL, NULL);
  /* The bus waits for its last connection to go before it goes down. */
  g_clear_object (&connection);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  if (ct_test_skip_without_display ())
    return 0;
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();
  display = g_strdup (g_getenv ("DISPLAY"));

  g_test_add_func ("/handoff/second-instance", test_second_instance_hands_over);

  return g_test_run ();
}
