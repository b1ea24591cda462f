/* ct-cli-export.c: `chitieu export --output FILE.xlsx`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"
#include "ct-store-compare.h"
#include "ct-export-xlsx.h"
#include "ct-store.h"

int
ct_cli_export (int    argc,
               char **argv)
{
  g_autofree gchar *output = NULL;
  g_autofree gchar *indicator = NULL;
  g_autofree gchar *period = NULL;
  g_autofree gchar *db = NULL;
  g_auto(GStrv) chart = NULL;
  gint year = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the workbook to FILE (.xlsx)"), N_("FILE") },
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &indicator,
      N_("Only this indicator (code, name or part of a name)"), N_("INDICATOR") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("Only reports of this year"), N_("YEAR") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period,
      N_("Only reports of this period, such as “6 tháng đầu năm”"), N_("PERIOD") },
    { "chart", 0, 0, G_OPTION_ARG_STRING_ARRAY, &chart,
      N_("Chart this indicator (repeat for more; default: those with a rate)"), N_("INDICATOR") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the library at PATH"), N_("PATH") },
    { NULL }
  };
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CtComparison *comparison;

  if (!ct_cli_parse_options (&argc, &argv, entries, NULL,
                             _("Write the comparison, every observation and the reports "
                               "to an Excel workbook.")))
    return CT_CLI_EXIT_USAGE;
  if (output == NULL || argc > 1)
    {
      g_printerr ("chitieu: %s\n", output == NULL ? _("Give the workbook’s file name with --output FILE.xlsx.")
                                                  : _("Unexpected argument; see --help."));
      return CT_CLI_EXIT_USAGE;
    }
  if (year < 0)
    {
      g_printerr ("chitieu: %s\n", _("The year must be a positive number, such as 2023."));
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;

  options->query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  options->query->year = year;
  options->query->period = g_steal_pointer (&period);
  options->query->indicator = g_steal_pointer (&indicator);
  options->chart_indicators = g_steal_pointer (&chart);

  /* Built here rather than in the exporter to tell the user what was written. */
  comparison = ct_store_compare (store, options->query, &error);
  if (comparison == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }
  options->comparison = comparison;

  if (!ct_export_xlsx (store, options, output, NULL, &error))
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }

  g_print (_("Wrote %s (reports: %u, indicators: %u)."),
           output, ct_comparison_get_n_columns (comparison), ct_comparison_get_n_rows (comparison));
  g_print ("\n");
  return CT_CLI_EXIT_OK;
}
