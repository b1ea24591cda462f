/* ct-cli-chart.c: `chitieu chart --indicator … --output FILE.png|svg|pdf`
 *
 * Draws the achievement rates of an indicator from the library with the
 * same renderer as the window; several --indicator give grouped bars, one
 * per indicator. Columns are chosen the way a person asks:
 *   --reports ID,…      those reports, one bar each
 *   --year Y            one bar per locality for that year (and --period)
 *   --year Y1 --year Y2 localities grouped, one bar per year
 *   --locality NAME     that locality over the years
 *   nothing             every report (filtered by --period)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "ct-chart-arrange.h"
#include "ct-chart-compare.h"
#include "ct-chart-export.h"
#include "ct-cli-commands.h"
#include "ct-cli-library.h"
#include "ct-db.h"
#include "ct-store-compare.h"
#include "ct-error.h"
#include "ct-store.h"
#include "ct-text.h"

typedef struct
{
  gchar   **indicators;
  gchar   **years;
  gchar    *period;
  gchar    *reports;
  gchar    *locality;
  gchar    *output;
  gchar    *db;
  gchar    *title;
  gdouble   width;
  gdouble   height;
  gdouble   dpi;
  gboolean  horizontal;
  gboolean  sort;
  gboolean  hide_missing;
  gboolean  dark;
} ChartArgs;

static void
chart_args_clear (ChartArgs *a)
{
  g_strfreev (a->indicators);
  g_strfreev (a->years);
  g_free (a->period);
  g_free (a->reports);
  g_free (a->locality);
  g_free (a->output);
  g_free (a->db);
  g_free (a->title);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartArgs, chart_args_clear)

/* Whole positive numbers from "2020,2023" pieces; FALSE on anything else. */
static gboolean
parse_ids (const gchar * const *pieces,
           GArray              *out,
           gint64               min,
           gint64               max)
{
  for (guint i = 0; pieces != NULL && pieces[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pieces[i], ",", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        {
          gint64 v;

          g_strstrip (parts[k]);
          if (parts[k][0] == '\0')
            continue;
          if (!g_ascii_string_to_signed (parts[k], 10, min, max, &v, NULL))
            return FALSE;
          g_array_append_val (out, v);
        }
    }
  return TRUE;
}

static gint64
find_locality (CtStore      *store,
               const gchar  *name,
               GError      **error)
{
  g_autoptr(GPtrArray) localities = ct_store_list_localities (store, error);
  g_autofree gchar *want = NULL;
  gint64 found = 0;

  if (localities == NULL)
    return 0;
  /* Accents and case do not matter: "nam dong" finds "Nam Đông". */
  want = ct_text_fold (name, -1);
  for (guint i = 0; i < localities->len && found == 0; i++)
    {
      const CtLocalityInfo *l = g_ptr_array_index (localities, i);
      g_autofree gchar *folded = ct_text_fold (l->name, -1);

      if (g_str_equal (folded, want))
        found = l->id;
    }
  if (found == 0)
    g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                 _("No locality called “%s” in the library; “chitieu list” shows the localities."),
                 name);
  return found;
}

/* Runs one query and adds the indicator's row as a series. */
static gboolean
add_series (CtChart               *chart,
            CtStore               *store,
            const CtCompareQuery  *query,
            const CtIndicatorInfo *indicator,
            const gchar           *series_name,
            GPtrArray             *comparisons,
            GError               **error)
{
  CtComparison *comparison = ct_store_compare (store, query, error);
  gint row;

  if (comparison == NULL)
    return FALSE;
  g_ptr_array_add (comparisons, comparison);
  row = ct_comparison_find_row (comparison, indicator->code);
  if (row < 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("No report in the library gives “%s”; try another indicator or import more reports."),
                   indicator->name);
      return FALSE;
    }
  ct_chart_add_comparison_row (chart, comparison, row, series_name);
  return TRUE;
}

static CtChart *
build_chart (CtStore          *store,
             ChartArgs        *args,
             GArray           *years,
             GArray           *report_ids,
             GError          **error)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_indicator_info_free);
  g_autoptr(CtChart) chart = NULL;
  g_autoptr(CtCompareQuery) query = NULL;
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_comparison_unref);
  const CtIndicatorInfo *first;
  gboolean same_unit = TRUE;

  for (guint i = 0; args->indicators[i] != NULL; i++)
    {
      CtIndicatorInfo *info = ct_store_find_indicator (store, args->indicators[i], error);

      if (info == NULL)
        return NULL;
      g_ptr_array_add (indicators, info);
    }
  first = g_ptr_array_index (indicators, 0);
  for (guint i = 1; i < indicators->len; i++)
    same_unit &= g_strcmp0 (first->unit, ((CtIndicatorInfo *) g_ptr_array_index (indicators, i))->unit) == 0;

  chart = ct_chart_new ();
  if (indicators->len == 1)
    ct_chart_set_indicator (chart, first->name);
  else
    ct_chart_set_title (chart, _("Achievement of plan by indicator"));
  if (same_unit)
    ct_chart_set_unit (chart, first->unit);
  if (args->title != NULL)
    ct_chart_set_title (chart, args->title);

  if (report_ids->len > 0)
    {
      query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
      query->report_ids = g_array_ref (report_ids);
    }
  else if (args->locality != NULL)
    {
      query = ct_compare_query_new (CT_COMPARE_BY_YEAR);
      query->locality_id = find_locality (store, args->locality, error);
      if (query->locality_id == 0)
        return NULL;
    }
  else if (years->len > 0)
    query = ct_compare_query_new (CT_COMPARE_BY_LOCALITY);
  else
    query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  query->period = g_strdup (args->period);
  query->indicator = g_strdup (first->code);

  if (years->len > 1 && report_ids->len == 0 && args->locality == NULL)
    {
      /* Several years: localities side by side, one bar per year. */
      for (guint i = 0; i < years->len; i++)
        {
          g_autofree gchar *name = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (years, gint64, i));

          query->year = (gint) g_array_index (years, gint64, i);
          if (!add_series (chart, store, query, first, name, comparisons, error))
            return NULL;
        }
    }
  else
    {
      /* One bar per indicator in each group (or just one indicator). */
      if (years->len == 1)
        query->year = (gint) g_array_index (years, gint64, 0);
      for (guint i = 0; i < indicators->len; i++)
        {
          const CtIndicatorInfo *info = g_ptr_array_index (indicators, i);

          g_free (query->indicator);
          query->indicator = g_strdup (info->code);
          if (!add_series (chart, store, query, info, info->name, comparisons, error))
            return NULL;
        }
    }

  ct_chart_describe_sources (chart, (CtComparison *const *) comparisons->pdata, comparisons->len);
  if (ct_chart_get_n_categories (chart) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("No report in the library matches; check --year, --period and --reports against “chitieu list”."));
      return NULL;
    }
  return g_steal_pointer (&chart);
}

/* The options, checked before the library is opened; prints what is wrong. */
static gboolean
check_args (const ChartArgs *args,
            gboolean         extra_arguments,
            GArray          *years,
            GArray          *report_ids,
            CtChartFormat   *format)
{
  g_autoptr(GError) error = NULL;

  if (extra_arguments)
    {
      g_printerr ("chitieu: %s\n", _("The chart command takes only options; see --help."));
      return FALSE;
    }
  if (args->indicators == NULL || args->indicators[0] == NULL || args->output == NULL)
    {
      g_printerr ("chitieu: %s\n", _("Give the indicator with --indicator and the file with --output, such as --output chart.png."));
      return FALSE;
    }
  if (!parse_ids ((const gchar * const *) args->years, years, 1900, 2200))
    {
      g_printerr ("chitieu: %s\n", _("A year must be a number such as 2023."));
      return FALSE;
    }
  if (args->width < 0 || args->height < 0 || args->dpi < 0)
    {
      g_printerr ("chitieu: %s\n", _("Sizes and resolutions are positive numbers, such as --width 1200 --dpi 192."));
      return FALSE;
    }
  if (years->len > 1 && g_strv_length (args->indicators) > 1)
    {
      g_printerr ("chitieu: %s\n", _("Group the bars by year or by indicator, not both: give several --year or several --indicator."));
      return FALSE;
    }
  {
    const gchar *pieces[] = { args->reports, NULL };

    if (!parse_ids (pieces, report_ids, 1, G_MAXINT64))
      {
        g_printerr ("chitieu: %s\n", _("Reports are given by their numbers, as “chitieu list” shows them: --reports 1,4,7."));
        return FALSE;
      }
  }
  /* Checked before any work, so a typo never leaves a half-made file. */
  if (!ct_chart_format_from_path (args->output, format, &error))
    {
      ct_cli_print_error (error);
      return FALSE;
    }
  return TRUE;
}

int
ct_cli_chart (int    argc,
              char **argv)
{
  g_auto(ChartArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "indicator", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &args.indicators,
      N_("The indicator to chart: its code or name; repeat for bars grouped by indicator"), N_("CODE|NAME") },
    { "year", 'y', 0, G_OPTION_ARG_STRING_ARRAY, &args.years,
      N_("Chart localities in this year; repeat for bars grouped by year"), N_("YEAR") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &args.period,
      N_("Only reports of this period, such as “6 tháng đầu năm”"), N_("PERIOD") },
    { "reports", 'r', 0, G_OPTION_ARG_STRING, &args.reports,
      N_("Chart these reports (numbers from “chitieu list”, comma separated)"), N_("ID,…") },
    { "locality", 'l', 0, G_OPTION_ARG_STRING, &args.locality,
      N_("Chart one locality over the years"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the chart to FILE: .png, .svg or .pdf"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &args.width,
      N_("Width in pixels at 96 dpi (default 1000)"), N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &args.height,
      N_("Height in pixels at 96 dpi (default 620)"), N_("PIXELS") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args.dpi,
      N_("Resolution of a PNG (default 96; 192 doubles the pixels)"), N_("DPI") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title,
      N_("Title above the chart (default: the indicator)"), N_("TEXT") },
    { "horizontal", 0, 0, G_OPTION_ARG_NONE, &args.horizontal,
      N_("Draw bars from left to right, for long names"), NULL },
    { "sort", 0, 0, G_OPTION_ARG_NONE, &args.sort,
      N_("Order the bars by achievement rate, the highest first"), NULL },
    { "hide-missing", 0, 0, G_OPTION_ARG_NONE, &args.hide_missing,
      N_("Leave out reports without a figure (the footnote names them)"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args.dark,
      N_("Use the dark colours"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &args.db,
      N_("Read the library at PATH instead of the default one"), N_("PATH") },
    { NULL }
  };
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) report_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtChart) chart = NULL;
  g_autoptr(CtChart) built = NULL;
  g_autoptr(GError) error = NULL;
  CtChartArrangement arrangement = CT_CHART_ARRANGEMENT_INIT;
  CtChartStyle style = CT_CHART_STYLE_INIT;
  CtChartFormat format;

  if (!ct_cli_parse_options (&argc, &argv, entries, NULL,
                             _("Draw the achievement rates of one indicator as a bar chart "
                               "in a PNG, SVG or PDF file.")))
    return CT_CLI_EXIT_USAGE;
  if (!check_args (&args, argc > 1, years, report_ids, &format))
    return CT_CLI_EXIT_USAGE;

  if (args.db == NULL)
    args.db = ct_store_default_path ();
  /* Opening a missing file would create an empty library: say what is
   * wrong instead. A server's library is not a file; the server says. */
  if (!ct_db_location_is_postgresql (args.db) && !g_file_test (args.db, G_FILE_TEST_EXISTS))
    {
      g_printerr ("chitieu: ");
      g_printerr (_("There is no library at “%s”; import reports first with “chitieu import FILE…”."), args.db);
      g_printerr ("\n");
      return CT_CLI_EXIT_FAILED;
    }
  store = ct_cli_open_library (args.db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;

  built = build_chart (store, &args, years, report_ids, &error);
  if (built == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }
  /* As the window's chart pane arranges it, with the same code. */
  arrangement.orientation = args.horizontal ? CT_CHART_HORIZONTAL : CT_CHART_VERTICAL;
  arrangement.sort_by_rate = args.sort;
  arrangement.hide_missing = args.hide_missing;
  chart = ct_chart_arrange (built, &arrangement);

  style.dark = args.dark;
  if (!ct_chart_export (chart, args.output, format, args.width, args.height, args.dpi, &style, &error))
    {
      ct_cli_print_error (error);
      return error->code == CT_ERROR_INVALID_ARGUMENT ? CT_CLI_EXIT_USAGE : CT_CLI_EXIT_FAILED;
    }

  if (!ct_chart_get_rate_range (chart, NULL, NULL))
    {
      g_printerr ("chitieu: ");
      g_printerr (_("None of these reports gives an achievement rate for “%s”: every bar shows “no data”."),
                  ct_chart_get_title (chart));
      g_printerr ("\n");
    }
  g_print (_("Wrote %s (bars: %u, series: %u)."), args.output,
           ct_chart_get_n_categories (chart) * ct_chart_get_n_series (chart),
           ct_chart_get_n_series (chart));
  g_print ("\n");
  return CT_CLI_EXIT_OK;
}
