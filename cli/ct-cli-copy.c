/* ct-cli-copy.c: `chitieu library copy FROM TO`
 *
 * Moves a library between a SQLite file and a PostgreSQL database (either
 * way, or between two of a kind): FROM and TO are each a path or a
 * postgresql:// address. TO is created when it is a new file; it must hold
 * no report yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"
#include "ct-db.h"
#include "ct-error.h"

static int
library_copy (const gchar *from_path,
              const gchar *to_path)
{
  g_autoptr(CtStore) from = NULL;
  g_autoptr(CtStore) to = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (from_path, to_path) == 0)
    {
      g_printerr (_("chitieu: FROM and TO are the same library; name another one to copy into.\n"));
      return CT_CLI_EXIT_USAGE;
    }
  from = ct_cli_open_library (from_path);
  if (from == NULL)
    return CT_CLI_EXIT_FAILED;
  to = ct_cli_open_library (to_path);
  if (to == NULL)
    return CT_CLI_EXIT_FAILED;
  if (!ct_store_copy (from, to, NULL, &error)
      || (reports = ct_store_list_reports (to, &error)) == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %u report from %s to %s.\n",
                        "Copied %u reports from %s to %s.\n", reports->len),
           reports->len, ct_store_get_path (from), ct_store_get_path (to));
  return CT_CLI_EXIT_OK;
}

int
ct_cli_library (int    argc,
                char **argv)
{
  const GOptionEntry entries[] = { { NULL } };

  if (!ct_cli_parse_options (&argc, &argv, entries, _("copy FROM TO"),
                             _("Copy a whole library between a SQLite file and a PostgreSQL "
                               "database (a path or a postgresql:// address each).")))
    return CT_CLI_EXIT_USAGE;
  if (argc != 4 || g_strcmp0 (argv[1], "copy") != 0)
    {
      g_printerr (_("chitieu: use “chitieu library copy FROM TO”, each a file or a "
                    "postgresql:// address.\n"));
      return CT_CLI_EXIT_USAGE;
    }
  return library_copy (argv[2], argv[3]);
}
