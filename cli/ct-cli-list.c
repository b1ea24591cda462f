/* ct-cli-list.c: `chitieu list [--db PATH]`
 *
 * One line per stored report, tab-separated with a header, sorted by
 * province, locality, year and period: the province as the report names
 * it, and the one of July 2025 it is part of now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"

int
ct_cli_list (int    argc,
             char **argv)
{
  g_autofree gchar *db = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The library database (default: $CHITIEU_DB, else the user data folder)"), N_("PATH") },
    { NULL }
  };

  if (!ct_cli_parse_options (&argc, &argv, entries, NULL,
                             _("List the reports in the library.")))
    return CT_CLI_EXIT_USAGE;
  if (argc > 1)
    {
      g_printerr (_("chitieu: “list” takes no file names.\n"));
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;
  reports = ct_store_list_reports (store, &error);
  if (reports == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }

  /* Translators: column headers of `chitieu list`, separated by tabs */
  g_print ("%s\n", _("id\tprovince\tprovince now\tlocality\tlevel\tyear\tperiod\tobservations\t"
                     "matched\tflagged\tcorrected\tfile"));
  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (reports, i);
      g_autofree gchar *province = ct_cli_tsv_field (r->province);
      g_autofree gchar *now_name = r->province_now != NULL ? ct_locality_full_name (r->province_now) : NULL;
      g_autofree gchar *now = ct_cli_tsv_field (now_name);
      g_autofree gchar *locality = ct_cli_tsv_field (r->locality);
      g_autofree gchar *period = ct_cli_tsv_field (r->period);
      g_autofree gchar *source = ct_cli_tsv_field (r->source_name);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%d\t%s\t%u\t%u\t%u\t%u\t%s\n",
               r->id, province, now, locality, r->level != NULL ? r->level : "", r->year, period,
               r->n_observations, r->n_matched, r->n_flagged, r->n_corrected, source);
    }
  if (reports->len == 0)
    g_printerr (_("chitieu: the library is empty; add reports with “chitieu import FILE…”.\n"));
  return CT_CLI_EXIT_OK;
}
