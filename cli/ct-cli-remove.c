/* ct-cli-remove.c: `chitieu remove [--db PATH] [--yes] ID…`
 *
 * Removes reports (with their figures and sentences) from the library. The
 * reports are named first and the user confirms, since there is no undo
 * here; --yes confirms for scripts. Without a terminal to ask on and
 * without --yes, nothing is removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"
#include "ct-error.h"

/* The reports named by @ids, in the order given; NULL with an error for an
 * id that is not a number or not in the library. */
static GPtrArray *
find_reports (GPtrArray  *all,
              gchar     **ids,
              GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = 0;
      const CtReportInfo *match = NULL;

      if (!g_ascii_string_to_signed (ids[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a report id; “chitieu list” shows them."), ids[i]);
          return NULL;
        }
      for (guint r = 0; r < all->len && match == NULL; r++)
        if (((const CtReportInfo *) g_ptr_array_index (all, r))->id == id)
          match = g_ptr_array_index (all, r);
      if (match == NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                       _("Report %s is not in the library; “chitieu list” shows the reports."), ids[i]);
          return NULL;
        }
      if (g_ptr_array_find (found, match, NULL))
        continue;
      g_ptr_array_add (found, (gpointer) match);
    }
  return g_steal_pointer (&found);
}

/* Asks on the terminal; only "y"/"yes" (or "c"/"có") removes. */
static gboolean
confirm (guint n)
{
  gchar answer[16] = { 0 };

  if (!isatty (STDIN_FILENO))
    {
      g_printerr (_("chitieu: nothing removed: confirm with --yes when no one can answer.\n"));
      return FALSE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Remove %u report and its figures? [y/N] ",
                        "Remove these %u reports and their figures? [y/N] ", n), n);
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  return g_ascii_strcasecmp (answer, "y") == 0 || g_ascii_strcasecmp (answer, "yes") == 0 ||
         g_ascii_strcasecmp (answer, "c") == 0 || strcmp (answer, "có") == 0;
}

int
ct_cli_remove (int    argc,
               char **argv)
{
  g_autofree gchar *db = NULL;
  gboolean yes = FALSE;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The library database (default: $CHITIEU_DB, else the user data folder)"), N_("PATH") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Remove without asking"), NULL },
    { NULL }
  };

  if (!ct_cli_parse_options (&argc, &argv, entries, _("ID…"),
                             _("Remove reports and their figures from the library.")))
    return CT_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("chitieu: name the reports to remove by their id (see “chitieu list”).\n"));
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;
  all = ct_store_list_reports (store, &error);
  if (all == NULL || (chosen = find_reports (all, argv + 1, &error)) == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (chosen, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s %d\t%s\n", r->id, r->locality,
               r->period != NULL ? r->period : "", r->year, r->source_name);
    }
  if (!yes && !confirm (chosen->len))
    return CT_CLI_EXIT_FAILED;

  for (guint i = 0; i < chosen->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (chosen, i);

      if (!ct_store_delete_report (store, r->id, &error))
        {
          ct_cli_print_error (error);
          return CT_CLI_EXIT_FAILED;
        }
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u report.\n", "Removed %u reports.\n",
                        chosen->len), chosen->len);
  return CT_CLI_EXIT_OK;
}
