/* test-compare-stats.c: totals, means and ranks across localities, on a
 * small invented comparison (three communes of an imaginary district)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ct-compare-stats.h"
#include "ct-test-util.h"

#define N_ROWS 4
#define N_COLS 3

static void
blank (CtCompareCell *cell)
{
  memset (cell, 0, sizeof *cell);
  cell->value = cell->value_high = cell->value_normalized = NAN;
  cell->plan = cell->plan_normalized = NAN;
  cell->rate = cell->rate_computed = cell->yoy = NAN;
}

static void
figure (CtCompareCell *cell,
        gint64         id,
        gdouble        value,
        gdouble        plan,
        const gchar   *unit)
{
  cell->observation_id = id;
  cell->value = cell->value_normalized = value;
  cell->unit = (gchar *) unit;
  if (!isnan (plan))
    {
      cell->plan = cell->plan_normalized = plan;
      cell->basis = CT_BASIS_PLAN;
      cell->rate_computed = value / plan * 100;
    }
}

/* The rows carry real catalogue codes: whether a row adds up is the
 * catalogue's word. Names are the test's own.
 * Row 0: maize area (adds up), every commune with a plan.
 * Row 1: a coverage rate in % (does not add up).
 * Row 2: income per head (does not add up), one commune silent.
 * Row 3: a poverty rate, lower is better, for the ranks. */
static CtComparison *
make_comparison (const gint *years)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow rows[N_ROWS] = {
    { (gchar *) "NN_DT_NGO", (gchar *) "Diện tích trồng ngô", NULL, (gchar *) "Nông nghiệp", (gchar *) "ha",
      TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 3 },
    { (gchar *) "CS_SONG_DI_DONG", (gchar *) "Độ phủ sóng", NULL, (gchar *) "Hạ tầng", (gchar *) "%",
      TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_LEVEL, { { NULL }, 0, 0, 0 }, NULL, 3 },
    { (gchar *) "KT_THU_NHAP_BQ", (gchar *) "Thu nhập mỗi người", NULL, (gchar *) "Đời sống", (gchar *) "triệu đồng",
      TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_LEVEL, { { NULL }, 0, 0, 0 }, NULL, 2 },
    { (gchar *) "GN_TY_LE_HO_NGHEO", (gchar *) "Hộ nghèo còn lại", NULL, (gchar *) "Đời sống", (gchar *) "%",
      FALSE, CT_DIRECTION_LOWER, CT_MEASURE_LEVEL, { { NULL }, 0, 0, 0 }, NULL, 3 },
  };
  CtCompareColumn columns[N_COLS] = {
    { 1, 101, NULL, (gchar *) "Suối Bạc", (gchar *) "xã", NULL, years[0], (gchar *) "cả năm", NULL },
    { 2, 102, NULL, (gchar *) "Đèo Gió", (gchar *) "xã", NULL, years[1], (gchar *) "cả năm", NULL },
    { 3, 103, NULL, (gchar *) "Bãi Cát", (gchar *) "xã", NULL, years[2], (gchar *) "cả năm", NULL },
  };
  CtCompareCell cells[N_ROWS * N_COLS];

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    blank (&cells[i]);
  /* 120 of 100, 30 of 50, 50 of 50 ha: the sum is 200 of 200 (100%),
   * while the mean of the three rates is (120 + 60 + 100) / 3 = 93,3%. */
  figure (&cells[0], 1, 120, 100, "ha");
  figure (&cells[1], 2, 30, 50, "ha");
  figure (&cells[2], 3, 50, 50, "ha");
  /* 90%, 60%, 75%: a mean of 75, said to be a mean of rates */
  figure (&cells[3], 4, 90, NAN, "%");
  figure (&cells[4], 5, 60, NAN, "%");
  figure (&cells[5], 6, 75, NAN, "%");
  /* 40 and 50 million a head: a plain mean of 45, two communes */
  figure (&cells[6], 7, 40, NAN, "triệu đồng");
  figure (&cells[8], 8, 50, NAN, "triệu đồng");
  /* poverty 5% of a plan of 4 (125), 3 of 4 (75), 3 of 4 (75): lower is
   * better, so the last two share the first rank. */
  figure (&cells[9], 9, 5, 4, "%");
  figure (&cells[10], 10, 3, 4, "%");
  figure (&cells[11], 11, 3, 4, "%");
  return ct_comparison_new (query, rows, N_ROWS, columns, N_COLS, cells);
}

static void
test_sum_and_rate_of_sums (void)
{
  static const gint years[N_COLS] = { 2024, 2024, 2024 };
  g_autoptr(CtComparison) comparison = make_comparison (years);
  CtRowTotal total;
  g_autofree gchar *value = NULL;
  g_autofree gchar *rate = NULL;

  ct_comparison_row_total (comparison, 0, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_SUM);
  g_assert_cmpuint (total.n_figures, ==, 3);
  g_assert_cmpfloat_with_epsilon (total.value, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.plan, 200, 1e-9);
  /* the rate of the sums, not the mean of the rates (93,3%) */
  g_assert_cmpfloat_with_epsilon (total.rate, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.mean_rate, 280.0 / 3, 1e-9);
  g_assert_cmpint (total.verdict, ==, CT_VERDICT_MET);
  value = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, 0));
  rate = ct_row_total_format_rate (&total);
  g_assert_cmpstr (value, ==, "Tổng 3 xã: 200 ha");
  g_assert_cmpstr (rate, ==, "Tỷ lệ của tổng: 100% · đạt");
}

static void
test_hidden_column (void)
{
  static const gint years[N_COLS] = { 2024, 2024, 2024 };
  static const gboolean shown[N_COLS] = { TRUE, TRUE, FALSE };
  g_autoptr(CtComparison) comparison = make_comparison (years);
  CtRowTotal total;
  g_autofree gchar *rate = NULL;

  /* Without the third commune: 150 of 150 ha. */
  ct_comparison_row_total (comparison, 0, shown, &total);
  g_assert_cmpfloat_with_epsilon (total.value, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.rate, 100, 1e-9);
  /* one figure left is no total */
  ct_comparison_row_total (comparison, 2, shown, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_NONE);
  rate = ct_row_total_format_rate (&total);
  g_assert_null (rate);
}

static void
test_means (void)
{
  static const gint years[N_COLS] = { 2024, 2024, 2024 };
  g_autoptr(CtComparison) comparison = make_comparison (years);
  CtRowTotal total;
  g_autofree gchar *shares = NULL;
  g_autofree gchar *income = NULL;

  ct_comparison_row_total (comparison, 1, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_MEAN);
  g_assert_cmpfloat_with_epsilon (total.value, 75, 1e-9);
  g_assert_true (isnan (total.rate));
  shares = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, 1));
  g_assert_cmpstr (shares, ==, "Trung bình cộng các tỷ lệ, 3 xã: 75%");

  ct_comparison_row_total (comparison, 2, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_MEAN);
  g_assert_cmpuint (total.n_figures, ==, 2);
  g_assert_cmpfloat_with_epsilon (total.value, 45, 1e-9);
  income = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, 2));
  g_assert_cmpstr (income, ==, "Trung bình cộng, 2 xã: 45 triệu đồng");
}

/* Another year in one column: the communes no longer add up. */
static void
test_years_do_not_add (void)
{
  static const gint years[N_COLS] = { 2024, 2023, 2024 };
  g_autoptr(CtComparison) comparison = make_comparison (years);
  CtRowTotal total;

  ct_comparison_row_total (comparison, 0, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_NONE);
  ct_comparison_row_total (comparison, 1, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_NONE);
}

static void
test_ranks_and_words (void)
{
  static const gint years[N_COLS] = { 2024, 2024, 2024 };
  g_autoptr(CtComparison) comparison = make_comparison (years);
  g_autofree gchar *text = NULL;
  g_autofree gchar *none = NULL;
  guint n = 0;

  /* maize: 120% first, 100% second, 60% third */
  g_assert_cmpuint (ct_comparison_rank (comparison, 0, 0, NULL, &n), ==, 1);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (ct_comparison_rank (comparison, 0, 2, NULL, NULL), ==, 2);
  g_assert_cmpuint (ct_comparison_rank (comparison, 0, 1, NULL, NULL), ==, 3);
  /* poverty, lower is better: the two at 75% share the first rank */
  g_assert_cmpuint (ct_comparison_rank (comparison, 3, 1, NULL, NULL), ==, 1);
  g_assert_cmpuint (ct_comparison_rank (comparison, 3, 2, NULL, NULL), ==, 1);
  g_assert_cmpuint (ct_comparison_rank (comparison, 3, 0, NULL, NULL), ==, 3);
  /* no rates: no rank */
  g_assert_cmpuint (ct_comparison_rank (comparison, 1, 0, NULL, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);

  text = ct_comparison_describe_cell (comparison, 0, 1, NULL);
  g_assert_cmpstr (text, ==, "Diện tích trồng ngô — Đèo Gió · cả năm 2024: 30 ha; KH 50; 60%; hạng 3/3");
  none = ct_comparison_describe_cell (comparison, 2, 1, NULL);
  g_assert_cmpstr (none, ==, "Thu nhập mỗi người — Đèo Gió · cả năm 2024: không có số liệu");
}

/* Three invented communes' half-year reports, imported into a new library
 * and compared as the window compares them. */
static const gchar *const commune_reports[3][2] = {
  { "Suối Bạc", "Diện tích ngô gieo trồng được 120/100 ha, bằng 120% kế hoạch.\n"
                "Sản lượng lương thực có hạt ước đạt 300/600 tấn, bằng 50% kế hoạch năm.\n"
                "Độ che phủ của rừng trên địa bàn xã đạt 40%, kế hoạch 42%.\n" },
  { "Đèo Gió", "Diện tích ngô gieo trồng được 30/50 ha, bằng 60% kế hoạch.\n"
               "Sản lượng lương thực có hạt ước đạt 200/500 tấn, bằng 40% kế hoạch năm.\n"
               "Độ che phủ của rừng trên địa bàn xã đạt 60%, kế hoạch 62%.\n" },
  { "Bãi Cát", "Diện tích ngô gieo trồng được 50/50 ha, bằng 100% kế hoạch.\n"
               "Sản lượng lương thực có hạt ước đạt 500/900 tấn, bằng 55,6% kế hoạch năm.\n"
               "Độ che phủ của rừng trên địa bàn xã đạt 50%, kế hoạch 50%.\n" },
};

static void
test_invented_library (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("communes.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) comparison = NULL;
  g_autofree gchar *value = NULL;
  g_autofree gchar *rate = NULL;
  g_autofree gchar *cover = NULL;
  CtRowTotal total;
  gint row;

  g_unlink (db);
  store = ct_store_open (db, &error);
  g_assert_no_error (error);
  query->report_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("xa-%u.txt", i);
      g_autofree gchar *path = ct_test_tmp_path (name);
      g_autofree gchar *text = g_strdup_printf ("ỦY BAN NHÂN DÂN XÃ %s\n\nBÁO CÁO\n"
                                                "Kết quả 6 tháng đầu năm 2024\n\n1. Nông, lâm nghiệp\n%s",
                                                commune_reports[i][0], commune_reports[i][1]);
      g_autoptr(CtImportOptions) options = ct_import_options_new ();
      g_autoptr(GPtrArray) results = NULL;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      options->locality = g_strdup (commune_reports[i][0]);
      options->level = g_strdup ("xã");
      options->province = g_strdup ("Lào Cai");
      options->year = 2024;
      options->period = g_strdup ("6 tháng đầu năm");
      results = ct_store_import_file (store, path, options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 1);
      g_array_append_val (query->report_ids, ((CtImportResult *) g_ptr_array_index (results, 0))->report_id);
    }
  comparison = ct_store_compare (store, query, &error);
  g_assert_no_error (error);

  /* Maize area adds up: 200 of 200 ha planned, the rate of the sums 100%
   * (the three rates' mean would be 93,3%). */
  row = ct_comparison_find_row (comparison, "NN_DT_NGO");
  g_assert_cmpint (row, >=, 0);
  ct_comparison_row_total (comparison, (guint) row, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_SUM);
  g_assert_cmpfloat_with_epsilon (total.value, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.rate, 100, 1e-9);
  value = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, (guint) row));
  g_assert_cmpstr (value, ==, "Tổng 3 xã: 200 ha");
  rate = ct_row_total_format_rate (&total);
  g_assert_true (g_str_has_prefix (rate, "Tỷ lệ của tổng: 100%"));
  g_assert_cmpuint (ct_comparison_rank (comparison, (guint) row, 0, NULL, NULL), ==, 1);

  /* Grain at mid-year against the year's plans: 1.000 of 2.000 tấn, on
   * track as each commune's own figure is judged, not "not met". */
  row = ct_comparison_find_row (comparison, "NN_LUONG_THUC");
  g_assert_cmpint (row, >=, 0);
  ct_comparison_row_total (comparison, (guint) row, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_SUM);
  g_assert_cmpfloat_with_epsilon (total.value, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.rate, 50, 1e-9);
  g_assert_cmpint (ct_comparison_get_cell (comparison, (guint) row, 0)->verdict, ==, CT_VERDICT_ON_TRACK);
  g_assert_cmpint (total.verdict, ==, CT_VERDICT_ON_TRACK);

  /* Forest cover is a rate: a plain mean of 40, 60 and 50%, said to be one. */
  row = ct_comparison_find_row (comparison, "LN_CHE_PHU");
  g_assert_cmpint (row, >=, 0);
  ct_comparison_row_total (comparison, (guint) row, NULL, &total);
  g_assert_cmpint (total.kind, ==, CT_ROW_TOTAL_MEAN);
  g_assert_cmpfloat_with_epsilon (total.value, 50, 1e-9);
  cover = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, (guint) row));
  g_assert_cmpstr (cover, ==, "Trung bình cộng các tỷ lệ, 3 xã: 50%");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("CHITIEU_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CHITIEU_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare-stats/sum", test_sum_and_rate_of_sums);
  g_test_add_func ("/compare-stats/hidden-column", test_hidden_column);
  g_test_add_func ("/compare-stats/means", test_means);
  g_test_add_func ("/compare-stats/years", test_years_do_not_add);
  g_test_add_func ("/compare-stats/ranks", test_ranks_and_words);
  g_test_add_func ("/compare-stats/invented-library", test_invented_library);
  return g_test_run ();
}
