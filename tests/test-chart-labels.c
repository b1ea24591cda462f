/* test-chart-labels.c: labels say what differs between bars, the subtitle
 * what they share, the footer which localities reported; and a chart
 * sorted, filtered or turned keeps every figure with its bar
 *
 * Comparisons are made by hand with invented places and periods.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ct-chart.h"
#include "ct-chart-arrange.h"
#include "ct-chart-compare.h"

typedef struct
{
  const gchar *locality;
  const gchar *province;
  gint         year;
  const gchar *period;
  gdouble      rate;  /* NAN: the report does not give the indicator */
} Report;

/* One indicator over @n reports, one column each, on @axis. */
static CtComparison *
compare_on (CtCompareAxis  axis,
            gint           year,
            const Report  *reports,
            guint          n)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (axis);
  CtCompareRow row = { (gchar *) "GD_TRUONG_CHUAN", (gchar *) "Trường đạt chuẩn quốc gia", NULL, NULL,
                       (gchar *) "trường", TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW,
                       { { NULL }, 0, 0, 0 }, NULL, n };
  g_autofree CtCompareColumn *columns = g_new0 (CtCompareColumn, n);
  g_autofree CtCompareCell *cells = g_new0 (CtCompareCell, n);
  g_autofree gchar **titles = g_new0 (gchar *, n + 1);
  CtComparison *comparison;

  for (guint i = 0; i < n; i++)
    {
      /* the store's header title, which a chart must not simply repeat */
      titles[i] = g_strdup_printf ("%s · %s %d", reports[i].locality, reports[i].period, reports[i].year);
      columns[i] = (CtCompareColumn) { (gint64) year * 100 + 40 + i, g_str_hash (reports[i].locality), titles[i],
                                       (gchar *) reports[i].locality, (gchar *) "xã",
                                       (gchar *) reports[i].province, reports[i].year,
                                       (gchar *) reports[i].period, (gchar *) "9f2c41aa.docx" };
      cells[i].value = cells[i].value_high = cells[i].value_normalized = NAN;
      cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
      if (!isnan (reports[i].rate))
        {
          cells[i].observation_id = 900 + i;
          cells[i].value = reports[i].rate / 10;
          cells[i].plan = 10;
          cells[i].rate = reports[i].rate;
          cells[i].verdict = reports[i].rate >= 100 ? CT_VERDICT_MET : CT_VERDICT_NOT_MET;
        }
    }
  query->year = year;
  comparison = ct_comparison_new (query, &row, 1, columns, n, cells);
  for (guint i = 0; i < n; i++)
    g_free (titles[i]);
  return comparison;
}

static CtComparison *
compare_reports (const Report *reports,
                 guint         n)
{
  return compare_on (CT_COMPARE_BY_REPORT, 0, reports, n);
}

static CtChart *
chart_of (const Report *reports,
          guint         n)
{
  g_autoptr(CtComparison) comparison = compare_reports (reports, n);

  return ct_chart_new_from_comparison (comparison, NULL, 0);
}

/* Same term, several communes: the communes under the bars, the term once. */
static void
test_one_period (void)
{
  const Report reports[] = {
    { "Tà Xùa", "Sơn La", 2024, "quý III", 92 },
    { "Mường Lống", "Nghệ An", 2024, "quý III", 101 },
    { "Lũng Cú", NULL, 2024, "quý III", NAN },
  };
  g_autoptr(CtChart) chart = chart_of (reports, G_N_ELEMENTS (reports));
  g_autofree gchar *tip = ct_chart_describe_point (chart, 0, 1);
  const gchar *note = ct_chart_get_source_note (chart);

  g_assert_cmpstr (ct_chart_get_category (chart, 0), ==, "Tà Xùa");
  g_assert_cmpstr (ct_chart_get_category (chart, 1), ==, "Mường Lống");
  g_assert_cmpstr (ct_chart_get_category (chart, 2), ==, "Lũng Cú");
  g_assert_cmpstr (ct_chart_get_period (chart), ==, "quý III 2024");
  /* the tooltip still says where and when in full */
  g_assert_cmpstr (ct_chart_get_category_detail (chart, 1), ==, "Mường Lống (Nghệ An) · quý III 2024");
  g_assert_true (g_str_has_prefix (tip, "Mường Lống (Nghệ An) · quý III 2024\n"));
  /* the footer names places, not hashed file names, nor the shared term */
  g_assert_null (strstr (note, ".docx"));
  g_assert_nonnull (strstr (note, "xã Tà Xùa; xã Mường Lống; xã Lũng Cú"));
  g_assert_null (strstr (note, "quý III"));
}

/* One commune over the years: the years under the bars, the commune and
 * term once. */
static void
test_one_locality (void)
{
  const Report reports[] = {
    { "Tà Xùa", "Sơn La", 2019, "quý III", 88 },
    { "Tà Xùa", "Sơn La", 2022, "quý III", 95 },
    { "Tà Xùa", "Sơn La", 2025, "quý III", 104 },
  };
  g_autoptr(CtChart) chart = chart_of (reports, G_N_ELEMENTS (reports));

  g_assert_cmpstr (ct_chart_get_category (chart, 0), ==, "2019");
  g_assert_cmpstr (ct_chart_get_category (chart, 2), ==, "2025");
  g_assert_cmpstr (ct_chart_get_period (chart), ==, "Tà Xùa · quý III");
  g_assert_nonnull (strstr (ct_chart_get_source_note (chart), "xã Tà Xùa (2019); xã Tà Xùa (2022)"));
}

/* Places and years both differ; then terms too; then two reports alike. */
static void
test_mixed (void)
{
  const Report years[] = {
    { "Tà Xùa", NULL, 2019, "quý III", 88 },
    { "Mường Lống", NULL, 2022, "quý III", 95 },
  };
  const Report terms[] = {
    { "Tà Xùa", NULL, 2022, "quý I", 88 },
    { "Mường Lống", NULL, 2022, "quý III", 95 },
  };
  const Report alike[] = {
    { "Lũng Cú", NULL, 2021, "cả năm", 70 },
    { "Lũng Cú", NULL, 2021, "cả năm", 75 },
  };
  g_autoptr(CtChart) a = chart_of (years, G_N_ELEMENTS (years));
  g_autoptr(CtChart) b = chart_of (terms, G_N_ELEMENTS (terms));
  g_autoptr(CtChart) c = chart_of (alike, G_N_ELEMENTS (alike));

  g_assert_cmpstr (ct_chart_get_category (a, 0), ==, "Tà Xùa · 2019");
  g_assert_cmpstr (ct_chart_get_category (a, 1), ==, "Mường Lống · 2022");
  g_assert_cmpstr (ct_chart_get_period (a), ==, "quý III");

  g_assert_cmpstr (ct_chart_get_category (b, 0), ==, "Tà Xùa · quý I");
  g_assert_cmpstr (ct_chart_get_period (b), ==, "2022");

  /* two bars, told apart, never merged into one */
  g_assert_cmpuint (ct_chart_get_n_categories (c), ==, 2);
  g_assert_cmpstr (ct_chart_get_category (c, 0), ==, "Lũng Cú");
  g_assert_cmpstr (ct_chart_get_category (c, 1), ==, "Lũng Cú (2)");
  g_assert_cmpfloat (ct_chart_get_point (c, 0, 1)->rate, ==, 75);
}

/* Bars grouped by year (one comparison a year, as `chart --year A --year
 * B` draws them): the legend names the years, the labels only places, even
 * where a place reported in one year only. */
static void
test_grouped_by_year (void)
{
  const Report early[] = {
    { "Tà Xùa", NULL, 2021, "quý III", 88 },
  };
  const Report late[] = {
    { "Pà Cò", NULL, 2024, "quý III", 97 },
  };
  g_autoptr(CtComparison) a = compare_on (CT_COMPARE_BY_LOCALITY, 2021, early, G_N_ELEMENTS (early));
  g_autoptr(CtComparison) b = compare_on (CT_COMPARE_BY_LOCALITY, 2024, late, G_N_ELEMENTS (late));
  CtComparison *both[] = { a, b };
  g_autoptr(CtChart) chart = ct_chart_new ();

  ct_chart_add_comparison_row (chart, a, 0, "2021");
  ct_chart_add_comparison_row (chart, b, 0, "2024");
  ct_chart_describe_sources (chart, both, 2);
  g_assert_cmpuint (ct_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpstr (ct_chart_get_category (chart, 0), ==, "Tà Xùa");
  g_assert_cmpstr (ct_chart_get_category (chart, 1), ==, "Pà Cò");
  g_assert_cmpfloat (ct_chart_get_point (chart, 1, 1)->rate, ==, 97);
  g_assert_true (isnan (ct_chart_get_point (chart, 0, 1)->rate));
  g_assert_cmpstr (ct_chart_get_period (chart), ==, "quý III 2021–2024");
}

/* Sorted by rate with the missing last, filtered, turned: each figure
 * stays with its own bar, and what is left out is named. */
static void
test_arrange (void)
{
  const Report reports[] = {
    { "Tà Xùa", NULL, 2024, "quý III", 92 },
    { "Lũng Cú", NULL, 2024, "quý III", NAN },
    { "Mường Lống", NULL, 2024, "quý III", 101 },
    { "Pà Cò", NULL, 2024, "quý III", 64 },
  };
  g_autoptr(CtChart) chart = chart_of (reports, G_N_ELEMENTS (reports));
  CtChartArrangement arrangement = CT_CHART_ARRANGEMENT_INIT;
  g_autoptr(CtChart) sorted = NULL;
  g_autoptr(CtChart) shown = NULL;
  g_autoptr(CtChart) as_built = ct_chart_arrange (chart, NULL);

  g_assert_cmpuint (ct_chart_get_n_categories (as_built), ==, 4);
  g_assert_cmpstr (ct_chart_get_category (as_built, 1), ==, "Lũng Cú");
  g_assert_cmpstr (ct_chart_get_title (as_built), ==, ct_chart_get_title (chart));
  g_assert_cmpstr (ct_chart_get_source_note (as_built), ==, ct_chart_get_source_note (chart));

  arrangement.sort_by_rate = TRUE;
  sorted = ct_chart_arrange (chart, &arrangement);
  g_assert_cmpstr (ct_chart_get_category (sorted, 0), ==, "Mường Lống");
  g_assert_cmpstr (ct_chart_get_category (sorted, 1), ==, "Tà Xùa");
  g_assert_cmpstr (ct_chart_get_category (sorted, 2), ==, "Pà Cò");
  g_assert_cmpstr (ct_chart_get_category (sorted, 3), ==, "Lũng Cú");
  g_assert_cmpfloat (ct_chart_get_point (sorted, 0, 0)->rate, ==, 101);
  g_assert_cmpint (ct_chart_get_point (sorted, 0, 0)->observation_id, ==, 902);
  g_assert_cmpstr (ct_chart_get_category_detail (sorted, 2), ==, "Pà Cò · quý III 2024");

  arrangement.hide_missing = TRUE;
  arrangement.orientation = CT_CHART_HORIZONTAL;
  shown = ct_chart_arrange (chart, &arrangement);
  g_assert_cmpuint (ct_chart_get_n_categories (shown), ==, 3);
  g_assert_false (ct_chart_has_missing (shown));
  g_assert_cmpint (ct_chart_get_orientation (shown), ==, CT_CHART_HORIZONTAL);
  g_assert_nonnull (strstr (ct_chart_get_source_note (shown), "Lũng Cú"));
  g_assert_null (strstr (ct_chart_get_source_note (sorted), ": Lũng Cú."));
}

int
main (int   argc,
      char *argv[])
{
  /* English messages: the assertions read the footer's wording. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-labels/one-period", test_one_period);
  g_test_add_func ("/chart-labels/one-locality", test_one_locality);
  g_test_add_func ("/chart-labels/mixed", test_mixed);
  g_test_add_func ("/chart-labels/grouped-by-year", test_grouped_by_year);
  g_test_add_func ("/chart-labels/arrange", test_arrange);
  return g_test_run ();
}
