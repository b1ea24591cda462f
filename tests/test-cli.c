/* test-cli.c: the command line works without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "ct-test-util.h"

static void
test_version (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "--version", NULL };

  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "chitieu " PACKAGE_VERSION "\n");
}

static void
test_help_lists_commands (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "--help", NULL };

  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "chitieu COMMAND"));
  g_assert_nonnull (strstr (out, "help"));
}

static void
test_help_in_vietnamese (void)
{
  g_autofree gchar *out = NULL;
  const gchar *args[] = { "help", NULL };

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
  g_unsetenv ("LANGUAGE");
  /* "Commands:" in Vietnamese */
  g_assert_nonnull (strstr (out, "Lệnh:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help_lists_commands);
  g_test_add_func ("/cli/help-vi", test_help_in_vietnamese);

  return g_test_run ();
}
