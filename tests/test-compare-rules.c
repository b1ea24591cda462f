/* test-compare-rules.c: one row, one thing; one verdict rule
 *
 * Two invented district reports, written for this test in phrasing the
 * seeds do not use, hold one case of every confusion a comparison must not
 * make: seasons, age groups, populations, budget scopes, an earlier year's
 * figure, a share of a total, a lower-is-better rate, part of the year
 * against the year's plan, and the report's own word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ct-catalog-need.h"
#include "ct-catalog-qualifier.h"
#include "ct-chart-compare.h"
#include "ct-figure.h"
#include "ct-store-compare.h"
#include "ct-store.h"
#include "ct-test-util.h"

static const gchar song_may[] =
  "BÁO CÁO\n"
  "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 của huyện Sông Mây\n"
  "1. Nông nghiệp\n"
  "- Lúa vụ hè thu gieo cấy được 1.250/1.300 ha, đạt 96,2% kế hoạch.\n"
  "- Nâng diện tích trồng rừng gỗ lớn thêm 45/120 ha.\n"
  "2. Ngân sách\n"
  "- Thu ngân sách nhà nước trên địa bàn được 21 tỷ đồng, đạt 47% dự toán năm.\n"
  "- Giải ngân vốn đầu tư công năm 2023 là 15,2/18 tỷ đồng, đạt 84,4% kế hoạch.\n"
  "3. Xã hội\n"
  "- Tỷ lệ huy động trẻ từ 3 đến 5 tuổi ra lớp là 97,5%, kế hoạch 97%; tỷ lệ huy động "
  "trẻ 5 tuổi ra lớp là 99,8%, kế hoạch 99%.\n"
  "- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng còn 9,2%, kế hoạch 10%: đạt.\n"
  "- Số hộ nghèo toàn huyện là 812/9.650 hộ, chiếm 8,41% tổng số hộ.\n"
  "- Thu nhập bình quân đầu người vùng đồng bào dân tộc thiểu số đạt 28 triệu đồng "
  "(kế hoạch 30 triệu đồng).\n";

static const gchar doi_thong[] =
  "BÁO CÁO\n"
  "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 của huyện Đồi Thông\n"
  "1. Nông nghiệp\n"
  "- Diện tích lúa gieo trồng 3.100 ha, đạt 52% kế hoạch năm.\n"
  "- Trồng rừng tập trung được 210/400 ha, đạt 52,5% kế hoạch.\n"
  "2. Ngân sách\n"
  "- Thu ngân sách địa phương được 95 tỷ đồng, đạt 30% dự toán.\n"
  "- Thu ngân sách nhà nước trên địa bàn được 12 tỷ đồng, đạt 30% dự toán năm.\n"
  "3. Xã hội\n"
  "- Tỷ lệ huy động trẻ 5 tuổi ra lớp là 100%, kế hoạch 99,5%.\n"
  "- Thu nhập bình quân đầu người đạt 41 triệu đồng (kế hoạch 40 triệu đồng).\n";

static void
import_text (CtStore     *store,
             const gchar *name,
             const gchar *text,
             const gchar *locality)
{
  g_autofree gchar *path = ct_test_tmp_path (name);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  options->locality = g_strdup (locality);
  options->province = g_strdup ("Tỉnh Thử Nghiệm");
  options->level = g_strdup ("huyện");
  options->year = 2024;
  options->period = g_strdup ("6 tháng đầu năm");
  results = ct_store_import_file (store, path, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
}

static CtComparison *
two_districts (CtStore **store_out)
{
  g_autofree gchar *db = ct_test_tmp_path ("rules.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtStore *store;
  CtComparison *cmp;

  g_remove (db);
  store = ct_store_open (db, &error);
  g_assert_no_error (error);
  import_text (store, "song-may.txt", song_may, "Sông Mây");
  import_text (store, "doi-thong.txt", doi_thong, "Đồi Thông");
  cmp = ct_store_compare (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (cmp), ==, 2);
  *store_out = store;
  return cmp;
}

static gint
column_of (CtComparison *cmp,
           const gchar  *locality)
{
  for (guint c = 0; c < ct_comparison_get_n_columns (cmp); c++)
    if (g_strcmp0 (ct_comparison_get_column (cmp, c)->locality, locality) == 0)
      return c;
  g_assert_not_reached ();
}

/* The cell of locality in the row whose label (as written) contains
 * label_part; fails when no row has it. Sets *row_out. */
static const CtCompareCell *
find_cell (CtComparison  *cmp,
           const gchar   *locality,
           const gchar   *label_part,
           guint         *row_out)
{
  gint c = column_of (cmp, locality);

  for (guint r = 0; r < ct_comparison_get_n_rows (cmp); r++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (cmp, r, c);

      if (cell->observation_id != 0 && strstr (cell->label, label_part) != NULL)
        {
          *row_out = r;
          return cell;
        }
    }
  g_error ("no cell of %s holds “%s”", locality, label_part);
}

/* Findings 6, 3, 5: seasons, populations, budget scopes and age groups
 * never share a row; the row name shows what sets it apart. */
static void
test_rows_split (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtComparison) cmp = two_districts (&store);
  guint summer, all_rice, ethnic, whole, local, on_territory, on_territory2, three_five, five, five2;
  guint large_timber, afforest;
  gint sm = column_of (cmp, "Sông Mây");

  find_cell (cmp, "Sông Mây", "hè thu", &summer);
  find_cell (cmp, "Đồi Thông", "lúa gieo trồng", &all_rice);
  g_assert_cmpuint (summer, !=, all_rice);
  g_assert_cmpstr (ct_comparison_get_row (cmp, summer)->code, ==, "NN_DT_LUA");
  g_assert_cmpstr (ct_comparison_get_row (cmp, summer)->qualifiers.values[CT_QUALIFIER_SEASON], ==, "vụ hè thu");
  g_assert_nonnull (strstr (ct_comparison_get_row (cmp, summer)->name, "vụ hè thu"));
  g_assert_null (ct_comparison_get_row (cmp, all_rice)->qualifier_text);

  find_cell (cmp, "Sông Mây", "dân tộc thiểu số", &ethnic);
  find_cell (cmp, "Đồi Thông", "Thu nhập", &whole);
  g_assert_cmpuint (ethnic, !=, whole);
  g_assert_cmpstr (ct_comparison_get_row (cmp, ethnic)->qualifiers.values[CT_QUALIFIER_POPULATION],
                   ==, "vùng đồng bào DTTS");

  find_cell (cmp, "Đồi Thông", "ngân sách địa phương", &local);
  find_cell (cmp, "Đồi Thông", "trên địa bàn", &on_territory);
  find_cell (cmp, "Sông Mây", "trên địa bàn", &on_territory2);
  g_assert_cmpuint (local, !=, on_territory);
  /* The same scope in both districts is one row: the comparison still compares. */
  g_assert_cmpuint (on_territory, ==, on_territory2);

  find_cell (cmp, "Sông Mây", "3 đến 5 tuổi", &three_five);
  find_cell (cmp, "Sông Mây", "trẻ 5 tuổi", &five);
  find_cell (cmp, "Đồi Thông", "trẻ 5 tuổi", &five2);
  g_assert_cmpuint (three_five, !=, five);
  g_assert_cmpuint (five, ==, five2);
  g_assert_cmpstr (ct_comparison_get_row (cmp, five)->code, ==, "GD_TRE_5_TUOI");
  g_assert_cmpfloat (ct_comparison_get_cell (cmp, five, sm)->value, ==, 99.8);

  /* Finding 5: large-timber conversion is not afforestation. */
  find_cell (cmp, "Sông Mây", "gỗ lớn", &large_timber);
  find_cell (cmp, "Đồi Thông", "Trồng rừng", &afforest);
  g_assert_cmpstr (ct_comparison_get_row (cmp, large_timber)->code, ==, "LN_GO_LON");
  g_assert_cmpstr (ct_comparison_get_row (cmp, afforest)->code, ==, "LN_TRONG_RUNG");
  g_assert_cmpint (ct_comparison_get_cell (cmp, afforest, sm)->observation_id, ==, 0);
}

/* Finding 4: last year's disbursement has a row of its own. Finding 1: a
 * share of all households is no plan and gets no verdict. Finding 2: a
 * malnutrition rate never lands in an enrolment row and lower is better. */
static void
test_years_shares_direction (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtComparison) cmp = two_districts (&store);
  const CtCompareCell *cell;
  guint row;

  cell = find_cell (cmp, "Sông Mây", "năm 2023", &row);
  g_assert_cmpstr (ct_comparison_get_row (cmp, row)->code, ==, "DT_GIAI_NGAN");
  g_assert_cmpint (cell->qualifiers.reference_year, ==, 2023);
  g_assert_nonnull (ct_comparison_get_row (cmp, row)->qualifier_text);
  /* A past year is over: judged as a whole year, not as half of one. */
  g_assert_cmpint (cell->verdict, ==, CT_VERDICT_NOT_MET);

  cell = find_cell (cmp, "Sông Mây", "hộ nghèo", &row);
  g_assert_cmpint (cell->qualifiers.kind, ==, CT_FIGURE_KIND_SHARE);
  g_assert_cmpint (cell->basis, ==, CT_BASIS_TOTAL);
  g_assert_true (isnan (ct_compare_cell_get_rate (cell)));
  g_assert_cmpint (cell->verdict, ==, CT_VERDICT_NONE);
  g_assert_null (ct_compare_cell_format_rate (cell));

  cell = find_cell (cmp, "Sông Mây", "suy dinh dưỡng", &row);
  g_assert_cmpstr (ct_comparison_get_row (cmp, row)->code, ==, "YT_SUY_DINH_DUONG");
  g_assert_cmpint (ct_comparison_get_row (cmp, row)->direction, ==, CT_DIRECTION_LOWER);
  g_assert_cmpint (cell->verdict, ==, CT_VERDICT_MET);
  g_assert_cmpint (cell->reported, ==, CT_VERDICT_MET);
}

/* Finding 8: six months of a flow against the year's plan are on track at
 * about half of it and behind well under; a level is judged as it stands.
 * The comparison's verdict is the one the chart and the source view give. */
static void
test_part_year (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtComparison) cmp = two_districts (&store);
  g_autoptr(CtChart) chart = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GError) error = NULL;
  const CtCompareCell *ahead, *short_of, *income;
  guint row, row2, income_row;
  gint sm = column_of (cmp, "Sông Mây");

  ahead = find_cell (cmp, "Sông Mây", "trên địa bàn", &row);
  short_of = find_cell (cmp, "Đồi Thông", "trên địa bàn", &row2);
  g_assert_cmpint (ahead->qualifiers.plan_span, ==, CT_PLAN_SPAN_YEAR);
  g_assert_cmpint (ahead->verdict, ==, CT_VERDICT_ON_TRACK);
  g_assert_cmpint (short_of->verdict, ==, CT_VERDICT_BEHIND);
  income = find_cell (cmp, "Đồi Thông", "Thu nhập", &income_row);
  g_assert_cmpint (income->verdict, ==, CT_VERDICT_MET);

  /* The chart point (and so the printed table) carries the same verdict. */
  chart = ct_chart_new_from_comparison (cmp, &row, 1);
  g_assert_cmpint (ct_chart_get_point (chart, 0, sm)->verdict, ==, CT_VERDICT_ON_TRACK);

  /* The source view's list, judged by the store, agrees with the cell. */
  observations = ct_store_list_observations (store, ct_comparison_get_column (cmp, sm)->report_id, &error);
  g_assert_no_error (error);
  g_assert_true (ct_store_judge_observations (store, observations, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < observations->len; i++)
    {
      CtStoredObservation *so = g_ptr_array_index (observations, i);

      if (so->id == ahead->observation_id)
        g_assert_cmpint (so->verdict, ==, ahead->verdict);
    }
}

/* The rule itself, figure by figure. */
static void
test_judge (void)
{
  CtFigureRule flow_half = { CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, CT_FIGURE_KIND_ACHIEVEMENT,
                             CT_PLAN_SPAN_YEAR, 6 };
  CtFigureRule level_half = flow_half, lower = flow_half, unknown = flow_half, share = flow_half;
  CtFigureRule whole_year = flow_half, nine = flow_half, decade = flow_half;

  level_half.measure = CT_MEASURE_LEVEL;
  lower.direction = CT_DIRECTION_LOWER;
  lower.measure = CT_MEASURE_LEVEL;
  unknown.direction = CT_DIRECTION_UNKNOWN;
  share.kind = CT_FIGURE_KIND_SHARE;
  whole_year.report_months = 12;
  nine.report_months = 9;
  decade.plan_span = CT_PLAN_SPAN_OTHER;

  g_assert_cmpint (ct_figure_judge (46, &flow_half), ==, CT_VERDICT_ON_TRACK);
  g_assert_cmpint (ct_figure_judge (31, &flow_half), ==, CT_VERDICT_BEHIND);
  g_assert_cmpint (ct_figure_judge (104, &flow_half), ==, CT_VERDICT_MET);
  g_assert_cmpint (ct_figure_judge (60, &nine), ==, CT_VERDICT_BEHIND);
  g_assert_cmpint (ct_figure_judge (46, &whole_year), ==, CT_VERDICT_NOT_MET);
  g_assert_cmpint (ct_figure_judge (93, &whole_year), ==, CT_VERDICT_NEARLY_MET);
  g_assert_cmpint (ct_figure_judge (46, &level_half), ==, CT_VERDICT_NOT_MET);
  /* 7,1% of households against a ceiling of 8%: below is better. */
  g_assert_cmpint (ct_figure_judge (88.75, &lower), ==, CT_VERDICT_MET);
  g_assert_cmpint (ct_figure_judge (105, &lower), ==, CT_VERDICT_NEARLY_MET);
  g_assert_cmpint (ct_figure_judge (130, &lower), ==, CT_VERDICT_NOT_MET);
  g_assert_cmpint (ct_figure_judge (130, &unknown), ==, CT_VERDICT_NONE);
  g_assert_cmpint (ct_figure_judge (47.5, &share), ==, CT_VERDICT_NONE);
  g_assert_cmpint (ct_figure_judge (40, &decade), ==, CT_VERDICT_NONE);
  g_assert_cmpint (ct_figure_judge (NAN, &whole_year), ==, CT_VERDICT_NONE);

  g_assert_cmpint (ct_figure_verdict_from_status ("vượt"), ==, CT_VERDICT_MET);
  g_assert_cmpint (ct_figure_verdict_from_status ("không đạt"), ==, CT_VERDICT_NOT_MET);
  g_assert_cmpint (ct_figure_verdict_from_status ("đang thực hiện"), ==, CT_VERDICT_NONE);
  g_assert_true (ct_figure_verdicts_disagree (CT_VERDICT_NOT_MET, CT_VERDICT_MET));
  g_assert_false (ct_figure_verdicts_disagree (CT_VERDICT_ON_TRACK, CT_VERDICT_MET));
  g_assert_false (ct_figure_verdicts_disagree (CT_VERDICT_NOT_MET, CT_VERDICT_NONE));
  g_assert_cmpstr (ct_verdict_to_string (CT_VERDICT_NEARLY_MET), ==, "nearly_met");
  g_assert_cmpstr (ct_verdict_to_string (CT_VERDICT_BEHIND), ==, "behind");
}

/* Finding 7: a target the report says is done, without a value of its
 * own, keeps the report's word in sight instead of a bare "–". */
static void
test_reported_word (void)
{
  g_autofree gchar *said = ct_figure_format_rate (NAN, CT_VERDICT_NONE, CT_VERDICT_MET, NAN);
  g_autofree gchar *both = ct_figure_format_rate (82.3, CT_VERDICT_NOT_MET, CT_VERDICT_MET, NAN);
  g_autofree gchar *agree = ct_figure_format_rate (104, CT_VERDICT_MET, CT_VERDICT_MET, NAN);

  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, ct_verdict_word (CT_VERDICT_MET)));
  g_assert_nonnull (strstr (both, ct_verdict_word (CT_VERDICT_NOT_MET)));
  g_assert_nonnull (strstr (both, ct_verdict_word (CT_VERDICT_MET)));
  g_assert_null (strchr (agree, '('));
}

/* Qualifiers from invented labels and contexts, dimension by dimension. */
static void
test_qualifiers (void)
{
  g_autoptr(GError) error = NULL;
  CtQualifierTable *table = ct_qualifier_table_get_default (&error);
  CtQualifierContext ctx = { 0 };
  CtQualifiers q;

  g_assert_no_error (error);
  ctx.report_year = 2025;
  ctx.report_months = 9;
  ctx.value = ctx.plan = ctx.rate = NAN;

  /* a season heading over a crop list, but not a crop named with its own */
  ctx.label = "Ngô";
  ctx.paragraph = "Vụ Đông Xuân: lúa 400 ha, ";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpstr (q.values[CT_QUALIFIER_SEASON], ==, "vụ xuân");
  ctx.paragraph = "Kết quả: Lúa xuân 400 ha, ";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_null (q.values[CT_QUALIFIER_SEASON]);
  ctx.paragraph = NULL;

  ctx.label = "Tỷ lệ trẻ 6-10 tuổi đến trường";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpstr (q.values[CT_QUALIFIER_AGE], ==, "6–10 tuổi");
  ctx.label = "Tỷ lệ lao động nông thôn có việc làm";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpstr (q.values[CT_QUALIFIER_POPULATION], ==, "nông thôn");
  ctx.label = "Số xã đạt chuẩn nông thôn mới";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_null (q.values[CT_QUALIFIER_POPULATION]);
  ctx.label = "Chi thường xuyên";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpstr (q.values[CT_QUALIFIER_BUDGET], ==, "chi thường xuyên");

  ctx.label = "Vốn kế hoạch năm 2024 đã giải ngân";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.reference_year, ==, 2024);
  ctx.label = "Giải ngân";
  ctx.clause = "Năm 2024, giải ngân 12 tỷ đồng";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.reference_year, ==, 2024);
  ctx.clause = "giải ngân 12 tỷ đồng, bằng 110% so với năm 2024";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.reference_year, ==, 0);

  /* the plan's span: said, or the year's in a part-year report */
  ctx.rate = 70;
  ctx.clause = "đạt 70% kế hoạch 9 tháng";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.plan_span, ==, CT_PLAN_SPAN_PERIOD);
  ctx.clause = "đạt 70% kế hoạch giai đoạn 2021-2025";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.plan_span, ==, CT_PLAN_SPAN_OTHER);
  ctx.clause = "đạt 70%";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.plan_span, ==, CT_PLAN_SPAN_YEAR);
  ctx.clause = "1.020/3.400 lao động, chiếm 30%";
  ct_qualifiers_derive (table, &ctx, &q);
  g_assert_cmpint (q.kind, ==, CT_FIGURE_KIND_SHARE);
  g_assert_cmpint (q.plan_span, ==, CT_PLAN_SPAN_NONE);

  g_assert_cmpuint (ct_qualifier_table_period_months (table, "9 tháng"), ==, 9);
  g_assert_cmpuint (ct_qualifier_table_period_months (table, "Quý II"), ==, 6);
  g_assert_cmpuint (ct_qualifier_table_period_months (table, "không rõ"), ==, 0);
}

/* A disbursement of a capital plan is a disbursement, not the plan. */
static void
test_exclusions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCatalog) catalog = ct_catalog_new (&error);
  const CtIndicator *ind;

  g_assert_no_error (error);
  ind = ct_catalog_match (catalog, "Phần kế hoạch vốn tỉnh giao đã giải ngân", "tỷ đồng");
  g_assert_nonnull (ind);
  g_assert_cmpstr (ind->code, ==, "DT_GIAI_NGAN");
  ind = ct_catalog_match (catalog, "Tỷ lệ trẻ dưới 5 tuổi bị suy dinh dưỡng", "%");
  g_assert_nonnull (ind);
  g_assert_cmpstr (ind->code, ==, "YT_SUY_DINH_DUONG");
}

/* A broken table is an error naming its line, not a silent rule off. */
static void
test_bad_table (void)
{
  const gchar unknown_dimension[] = "# c\nseasons\tvụ xuân\t\\bxuan\\b\n";
  const gchar bad_pattern[] = "age\t5 tuổi\t(5 tuoi\n";
  const gchar bad_months[] = "period_months\tcả năm\tmười hai\n";
  g_autoptr(GError) error = NULL;

  g_assert_null (ct_qualifier_table_new_from_data (unknown_dimension, strlen (unknown_dimension), &error));
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_null (ct_qualifier_table_new_from_data (bad_pattern, strlen (bad_pattern), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (ct_qualifier_table_new_from_data (bad_months, strlen (bad_months), &error));
  g_assert_nonnull (error);
}

typedef struct
{
  const gchar *pattern;
  const gchar *needs; /* joined by "|", NULL for none */
} NeedCase;

/* The words a pattern cannot match without, and none where a pattern may
 * match without any word (classes, optional groups, an unknown construct). */
static void
test_pattern_needs (void)
{
  static const NeedCase cases[] = {
    { "\\bkhoai lang\\b", "khoai lang" },
    { "\\b(cay|trong) mia\\b", " mia" },
    { "\\b(ngo|bap) lai\\b|\\bgiong moi\\b", " lai|giong moi" },
    { "\\bdien tich (gieo )?trong\\b", "dien tich " },
    { "\\b0?7 ?(den|-) ?12 thang\\b", "12 thang" },
    { "\\btrong rung( tap trung)?\\b(?! phan tan)", "trong rung" },
    { "\\b(thanh long|buoi|cam)\\b", "thanh long|buoi|cam" },
    { "\\bnam (19|20)\\d\\d\\b", "nam " },
    { "x+yz", "yz" },
    { "\\b(rau|dau)?\\b", NULL },
    { "\\b[0-9]+\\b|\\bphan tram\\b", NULL },
    { "(?i)lua", NULL },
    { "\\p{L}+ lua", NULL },
    { "a{2", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) needs = ct_regex_needs (cases[i].pattern);
      g_autofree gchar *joined = needs != NULL ? g_strjoinv ("|", needs) : NULL;

      if (g_strcmp0 (joined, cases[i].needs) != 0)
        g_error ("%s: needs %s, expected %s", cases[i].pattern, joined, cases[i].needs);
    }
  {
    g_auto(GStrv) needs = ct_regex_needs ("\\bvu (he thu|thu dong)\\b");

    g_assert_true (ct_regex_needs_met ((const gchar * const *) needs, "dien tich vu thu dong 40 ha"));
    g_assert_false (ct_regex_needs_met ((const gchar * const *) needs, "dien tich vu mua 40 ha"));
    g_assert_true (ct_regex_needs_met (NULL, "any text"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compare-rules/rows-split", test_rows_split);
  g_test_add_func ("/compare-rules/years-shares-direction", test_years_shares_direction);
  g_test_add_func ("/compare-rules/part-year", test_part_year);
  g_test_add_func ("/compare-rules/judge", test_judge);
  g_test_add_func ("/compare-rules/reported-word", test_reported_word);
  g_test_add_func ("/compare-rules/qualifiers", test_qualifiers);
  g_test_add_func ("/compare-rules/pattern-needs", test_pattern_needs);
  g_test_add_func ("/compare-rules/exclusions", test_exclusions);
  g_test_add_func ("/compare-rules/bad-table", test_bad_table);
  return g_test_run ();
}
