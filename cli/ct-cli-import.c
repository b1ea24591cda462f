/* ct-cli-import.c: `chitieu import [--db PATH] [--replace] [metadata…] FILE…`
 *
 * Stores each report in the library, one transaction per report. The same
 * bytes again change nothing and say so; a different file for a locality,
 * year and period already stored is refused unless --replace is given.
 * Exit status 1 when any file failed or was refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"
#include "ct-error.h"

static void
print_result (const CtImportResult *r)
{
  g_autofree gchar *when = NULL;

  if (r->period != NULL && *r->period != '\0')
    when = g_strdup_printf ("%s %d", r->period, r->year);
  else
    when = g_strdup_printf ("%d", r->year);

  switch (r->status)
    {
    case CT_IMPORT_NEW:
      /* Translators: file: locality, period year: N observations, M matched */
      g_print (_("%s: stored as %s, %s: %u observations, %u matched to indicators\n"),
               r->source_name, r->locality, when, r->n_observations, r->n_matched);
      break;
    case CT_IMPORT_REPLACED:
      g_print (_("%s: replaced “%s” as %s, %s: %u observations, %u matched to indicators\n"),
               r->source_name, r->conflict_source, r->locality, when,
               r->n_observations, r->n_matched);
      break;
    case CT_IMPORT_UNCHANGED:
      g_print (_("%s: already in the library as %s, %s; nothing changed\n"),
               r->source_name, r->locality, when);
      break;
    case CT_IMPORT_CONFLICT:
      g_printerr (_("chitieu: %s: the library already holds “%s” for %s, %s. "
                    "Run again with --replace to replace it.\n"),
                  r->source_name, r->conflict_source, r->locality, when);
      break;
    case CT_IMPORT_FAILED:
      g_printerr ("chitieu: %s: %s\n", r->path,
                  r->error != NULL ? r->error->message : "");
      /* The core's words suit the window too; the flags are the CLI's. */
      if (g_error_matches (r->error, CT_ERROR, CT_ERROR_MISSING_METADATA))
        g_printerr (_("chitieu: give it with --locality, --province and --year.\n"));
      break;
    default:
      break;
    }
}

int
ct_cli_import (int    argc,
               char **argv)
{
  g_autofree gchar *db = NULL;
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The library database (default: $CHITIEU_DB, else the user data folder)"), N_("PATH") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &options->replace,
      N_("Replace a stored report of the same locality, year and period, or extract a stored file again"), NULL },
    { "locality", 0, 0, G_OPTION_ARG_STRING, &options->locality,
      N_("The locality the reports are about, when they do not say"), N_("NAME") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &options->province,
      N_("The province of the locality"), N_("NAME") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &options->level,
      N_("The locality’s level: huyện, thị xã, thành phố, xã, tỉnh…"), N_("LEVEL") },
    { "year", 0, 0, G_OPTION_ARG_INT, &options->year,
      N_("The year the reports are about"), N_("YEAR") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &options->period,
      N_("The period: “6 tháng đầu năm”, “cả năm”, “9 tháng”…"), N_("PERIOD") },
    { NULL }
  };
  int status = CT_CLI_EXIT_OK;

  if (!ct_cli_parse_options (&argc, &argv, entries, _("FILE…"),
                             _("Store reports in the library.")))
    return CT_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("chitieu: name at least one report file to import.\n"));
      return CT_CLI_EXIT_USAGE;
    }
  if (options->year != 0 && (options->year < 1900 || options->year > 2200))
    {
      g_printerr (_("chitieu: %d is not a year; give four digits, such as 2023.\n"), options->year);
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (requests, ct_import_request_new (argv[i], options));
  results = ct_store_import_files (store, requests, NULL, NULL, NULL, &error);
  if (results == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }
  for (guint k = 0; k < results->len; k++)
    {
      const CtImportResult *r = g_ptr_array_index (results, k);

      print_result (r);
      if (r->status == CT_IMPORT_CONFLICT || r->status == CT_IMPORT_FAILED)
        status = CT_CLI_EXIT_FAILED;
    }
  return status;
}
