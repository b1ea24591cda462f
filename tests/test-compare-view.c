/* test-compare-view.c: the comparison table on a hand-built comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "ct-compare-cell.h"
#include "ct-compare-item.h"
#include "ct-compare-view.h"
#include "ct-locale.h"
#include "ct-quiet-tooltip.h"
#include "ct-test-util.h"

/* Two sectors, three indicators, two districts. Row 2 is missing in the
 * second district, so "shared only" hides it. */
static CtComparison *
make_comparison (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow rows[3] = {
    { (gchar *) "NN_LUONG_THUC", (gchar *) "Sản lượng lương thực có hạt", (gchar *) "Grain output",
      (gchar *) "Nông nghiệp", (gchar *) "tấn", TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 2 },
    { (gchar *) "NN_TRONG_RUNG", (gchar *) "Diện tích trồng rừng", (gchar *) "Afforestation",
      (gchar *) "Nông nghiệp", (gchar *) "ha", TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 2 },
    { (gchar *) "NS_THU", (gchar *) "Thu ngân sách", (gchar *) "Budget revenue",
      (gchar *) "Tài chính", (gchar *) "tỷ đồng", TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 1 },
  };
  CtCompareColumn columns[2] = {
    { 11, 1, (gchar *) "Nam Đông · 6 tháng đầu năm 2023", (gchar *) "Nam Đông", (gchar *) "huyện",
      (gchar *) "Thừa Thiên Huế", 2023, (gchar *) "6 tháng đầu năm", (gchar *) "000.txt" },
    { 12, 2, (gchar *) "Hạ Lang · 6 tháng đầu năm 2023", (gchar *) "Hạ Lang", (gchar *) "huyện",
      (gchar *) "Cao Bằng", 2023, (gchar *) "6 tháng đầu năm", (gchar *) "002.txt" },
  };
  CtCompareCell cells[6];

  memset (cells, 0, sizeof cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i].value = cells[i].value_high = cells[i].value_normalized = NAN;
      cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
    }
  /* grain: 2.703,5 of 4.500 tấn (60,1%) and 3.100 of 3.000 (103,3%) */
  cells[0].observation_id = 101; cells[0].value = cells[0].value_normalized = 2703.5;
  cells[0].unit = (gchar *) "tấn"; cells[0].plan = 4500; cells[0].rate = 60.1; cells[0].basis = CT_BASIS_PLAN;
  cells[0].verdict = CT_VERDICT_NOT_MET;
  cells[1].observation_id = 201; cells[1].value = cells[1].value_normalized = 3100;
  cells[1].unit = (gchar *) "tấn"; cells[1].plan = 3000; cells[1].rate_computed = 103.33; cells[1].basis = CT_BASIS_PLAN;
  cells[1].verdict = CT_VERDICT_MET;
  /* forest: 95 of 100 ha, flagged and corrected; 40 ha */
  cells[2].observation_id = 102; cells[2].value = cells[2].value_normalized = 95;
  cells[2].unit = (gchar *) "ha"; cells[2].plan = 100; cells[2].rate = 95; cells[2].basis = CT_BASIS_PLAN;
  cells[2].verdict = CT_VERDICT_NEARLY_MET; cells[2].reported = CT_VERDICT_MET;
  cells[2].n_more = 2;
  cells[2].flags = CT_FLAG_RATE_MISMATCH; cells[2].corrected = CT_CORRECTION_VALUE;
  cells[3].observation_id = 202; cells[3].value = cells[3].value_normalized = 40;
  cells[3].unit = (gchar *) "ha";
  /* budget: only the first district */
  cells[4].observation_id = 103; cells[4].value = cells[4].value_normalized = 11.327;
  cells[4].unit = (gchar *) "tỷ đồng"; cells[4].plan = 19.786; cells[4].basis = CT_BASIS_BUDGET;
  cells[4].yoy = 102.4;

  return ct_comparison_new (query, rows, 3, columns, 2, cells);
}

static CtCompareView *
make_view (GtkWidget **window)
{
  g_autoptr(CtComparison) comparison = make_comparison ();
  CtCompareView *view = CT_COMPARE_VIEW (ct_compare_view_new ());

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 900, 500);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (view));
  ct_compare_view_set_comparison (view, comparison);
  return view;
}

/* The rows as shown: "#sector" for headings, the indicator code for rows. */
static gchar *
shown_rows (CtCompareView *view)
{
  GListModel *model = ct_compare_view_get_model (view);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (model, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (ct_compare_item_is_header (item))
        g_string_append_printf (out, "#%s", ct_compare_item_get_sector (item));
      else
        g_string_append (out, ct_comparison_get_row (ct_compare_item_get_comparison (item),
                                                     ct_compare_item_get_row (item))->code);
    }
  return g_string_free (out, FALSE);
}

static void
test_cell_texts (void)
{
  g_autoptr(CtComparison) comparison = make_comparison ();
  const CtCompareCell *grain = ct_comparison_get_cell (comparison, 0, 0);
  const CtCompareCell *grain2 = ct_comparison_get_cell (comparison, 0, 1);
  const CtCompareCell *forest = ct_comparison_get_cell (comparison, 1, 0);
  const CtCompareCell *budget = ct_comparison_get_cell (comparison, 2, 0);
  const CtCompareCell *empty = ct_comparison_get_cell (comparison, 2, 1);
  g_autofree gchar *v = ct_compare_cell_format_value (grain);
  g_autofree gchar *p = ct_compare_cell_format_plan (grain);
  g_autofree gchar *r = ct_compare_cell_format_rate (grain);
  g_autofree gchar *r2 = ct_compare_cell_format_rate (grain2);
  g_autofree gchar *r3 = ct_compare_cell_format_rate (forest);
  g_autofree gchar *bp = ct_compare_cell_format_plan (budget);
  g_autofree gchar *by = ct_compare_cell_format_rate (budget);
  g_autofree gchar *e = ct_compare_cell_format_value (empty);
  g_autofree gchar *flags = ct_figure_describe_flags (forest->flags);

  /* Vietnamese numbers, the unit, and a rate band that says it in words */
  g_assert_cmpstr (v, ==, "2.703,5 tấn");
  g_assert_cmpstr (p, ==, "KH 4.500");
  g_assert_cmpstr (r, ==, "60,1% · chưa đạt");
  g_assert_cmpint (ct_compare_cell_get_band (grain), ==, CT_RATE_BAND_LOW);
  /* the computed rate stands in when none is stated */
  g_assert_cmpstr (r2, ==, "103,3% · đạt");
  /* the report's own word stays beside a verdict it contradicts */
  g_assert_cmpstr (r3, ==, "95% · gần đạt (báo cáo: đạt)");
  g_assert_cmpint (ct_compare_cell_get_band (grain2), ==, CT_RATE_BAND_MET);
  g_assert_cmpstr (bp, ==, "DT 19,786");
  g_assert_cmpstr (by, ==, "102,4% so với cùng kỳ");
  g_assert_cmpstr (e, ==, "–");
  g_assert_nonnull (strstr (flags, "không khớp"));
}

static void
test_rows_and_search (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autofree gchar *all = shown_rows (view);
  g_autofree gchar *grain = NULL;
  g_autofree gchar *english = NULL;
  g_autofree gchar *shared = NULL;
  g_autofree gchar *none = NULL;

  g_assert_cmpstr (all, ==, "#Nông nghiệp NN_LUONG_THUC NN_TRONG_RUNG #Tài chính NS_THU");
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "3 chỉ tiêu · 2 báo cáo");

  /* accents, tones and case do not matter; the sector heading follows */
  ct_compare_view_set_search (view, "LUONG thuc");
  grain = shown_rows (view);
  g_assert_cmpstr (grain, ==, "#Nông nghiệp NN_LUONG_THUC");
  ct_compare_view_set_search (view, "budget");
  english = shown_rows (view);
  g_assert_cmpstr (english, ==, "#Tài chính NS_THU");
  /* the counter counts what the search leaves */
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "1 chỉ tiêu · 2 báo cáo");
  ct_compare_view_set_search (view, "không có");
  none = shown_rows (view);
  g_assert_cmpstr (none, ==, "");

  /* A query with Vietnamese letters folds tones, not letters: "rúng" is
   * not "rừng" (ư is a letter of its own), as "lúa" is not "luân"; the
   * tone of "lương" does not matter; plain letters match any marks. */
  {
    g_autofree gchar *tone = NULL;
    g_autofree gchar *letter = NULL;
    g_autofree gchar *plain = NULL;

    ct_compare_view_set_search (view, "lượng  thực");
    tone = shown_rows (view);
    g_assert_cmpstr (tone, ==, "#Nông nghiệp NN_LUONG_THUC");
    ct_compare_view_set_search (view, "rúng");
    letter = shown_rows (view);
    g_assert_cmpstr (letter, ==, "");
    ct_compare_view_set_search (view, "rung");
    plain = shown_rows (view);
    g_assert_cmpstr (plain, ==, "#Nông nghiệp NN_TRONG_RUNG");
  }

  ct_compare_view_set_search (view, NULL);
  ct_compare_view_set_shared_only (view, TRUE);
  shared = shown_rows (view);
  g_assert_cmpstr (shared, ==, "#Nông nghiệp NN_LUONG_THUC NN_TRONG_RUNG");
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "2 chỉ tiêu · 2 báo cáo");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sort (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autofree gchar *asc = NULL;
  g_autofree gchar *desc = NULL;
  g_autofree gchar *back = NULL;
  guint column = 99;
  GtkSortType order;

  /* By the first district's achievement: grain at 60,1% before forest at
   * 95%, although 2.703,5 tấn is the larger figure; the budget's empty
   * cell stays in its own sector. */
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_ASCENDING);
  asc = shown_rows (view);
  g_assert_cmpstr (asc, ==, "#Nông nghiệp NN_LUONG_THUC NN_TRONG_RUNG #Tài chính NS_THU");
  g_assert_true (ct_compare_view_get_sort (view, &column, &order));
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpint (order, ==, GTK_SORT_ASCENDING);
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_DESCENDING);
  desc = shown_rows (view);
  g_assert_cmpstr (desc, ==, "#Nông nghiệp NN_TRONG_RUNG NN_LUONG_THUC #Tài chính NS_THU");
  g_assert_true (ct_compare_view_get_sort (view, &column, &order));
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  ct_compare_view_sort_by_column (view, -1, GTK_SORT_ASCENDING);
  back = shown_rows (view);
  g_assert_cmpstr (back, ==, "#Nông nghiệp NN_LUONG_THUC NN_TRONG_RUNG #Tài chính NS_THU");
  g_assert_false (ct_compare_view_get_sort (view, NULL, NULL));

  /* From the keyboard, through the cell's menu: by the current cell's report */
  g_assert_true (ct_compare_view_select_cell (view, 1, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.sort", "s", "down"));
  g_assert_true (ct_compare_view_get_sort (view, &column, &order));
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.sort", "s", "none"));
  g_assert_false (ct_compare_view_get_sort (view, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
blank_cells (CtCompareCell *cells,
             guint          n)
{
  memset (cells, 0, n * sizeof *cells);
  for (guint i = 0; i < n; i++)
    {
      cells[i].value = cells[i].value_high = cells[i].value_normalized = NAN;
      cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
    }
}

static void
set_cell (CtCompareCell *cell,
          gint64         id,
          gdouble        value,
          const gchar   *unit,
          gdouble        rate,
          CtVerdict      verdict)
{
  cell->observation_id = id;
  cell->value = cell->value_normalized = value;
  cell->unit = (gchar *) unit;
  cell->rate = rate;
  cell->verdict = verdict;
}

/* One sector, five figures of one commune in five units and every
 * verdict; the second commune has one figure. */
static CtComparison *
make_verdicts (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  static const gchar *codes[5] = { "T_CHE", "T_CAPHE", "T_PHI", "T_DE", "T_KHACH" };
  static const gchar *names[5] = { "Sản lượng chè búp", "Cà phê trồng mới", "Thu phí chợ",
                                   "Đàn dê", "Khách tham quan" };
  static const gchar *units[5] = { "tấn", "ha", "tỷ đồng", "con", "lượt" };
  CtCompareRow rows[5];
  CtCompareColumn columns[2] = {
    { 21, 1, (gchar *) "Đồi Cát · 6 tháng 2025", (gchar *) "Đồi Cát", (gchar *) "xã", NULL, 2025,
      (gchar *) "6 tháng", NULL },
    { 22, 2, (gchar *) "Làng Mới · 6 tháng 2025", (gchar *) "Làng Mới", (gchar *) "xã", NULL, 2025,
      (gchar *) "6 tháng", NULL },
  };
  CtCompareCell cells[10];

  memset (rows, 0, sizeof rows);
  for (guint i = 0; i < 5; i++)
    {
      rows[i].code = (gchar *) codes[i];
      rows[i].name = (gchar *) names[i];
      rows[i].sector = (gchar *) "Kinh tế";
      rows[i].unit = (gchar *) units[i];
      rows[i].direction = CT_DIRECTION_HIGHER;
      rows[i].n_values = 1;
    }
  blank_cells (cells, 10);
  set_cell (&cells[0], 1, 900, "tấn", 90, CT_VERDICT_NEARLY_MET);
  set_cell (&cells[2], 2, 12, "ha", 120, CT_VERDICT_MET);
  set_cell (&cells[4], 3, 5, "tỷ đồng", 50, CT_VERDICT_NOT_MET);
  set_cell (&cells[6], 4, 3000, "con", NAN, CT_VERDICT_NONE);
  set_cell (&cells[8], 5, 4000, "lượt", 40, CT_VERDICT_BEHIND);
  set_cell (&cells[1], 6, 700, "tấn", 70, CT_VERDICT_NOT_MET);
  rows[0].n_values = 2;
  return ct_comparison_new (query, rows, 5, columns, 2, cells);
}

static CtCompareView *
make_verdict_view (GtkWidget **window)
{
  g_autoptr(CtComparison) comparison = make_verdicts ();
  CtCompareView *view = CT_COMPARE_VIEW (ct_compare_view_new ());

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 900, 500);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (view));
  ct_compare_view_set_comparison (view, comparison);
  return view;
}

/* Rates across units, empty last both ways, verdicts worst first. */
static void
test_sort_by_rate_and_verdict (void)
{
  GtkWidget *window;
  CtCompareView *view = make_verdict_view (&window);
  g_autofree gchar *asc = NULL;
  g_autofree gchar *desc = NULL;
  g_autofree gchar *verdicts = NULL;
  g_autofree gchar *verdicts_desc = NULL;

  ct_compare_view_sort_by_column (view, 0, GTK_SORT_ASCENDING);
  asc = shown_rows (view);
  g_assert_cmpstr (asc, ==, "#Kinh tế T_KHACH T_PHI T_CHE T_CAPHE T_DE");
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_DESCENDING);
  desc = shown_rows (view);
  g_assert_cmpstr (desc, ==, "#Kinh tế T_CAPHE T_CHE T_PHI T_KHACH T_DE");

  ct_compare_view_set_sort_key (view, CT_COMPARE_SORT_VERDICT);
  g_assert_cmpint (ct_compare_view_get_sort_key (view), ==, CT_COMPARE_SORT_VERDICT);
  verdicts_desc = shown_rows (view);
  g_assert_cmpstr (verdicts_desc, ==, "#Kinh tế T_CAPHE T_CHE T_KHACH T_PHI T_DE");
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_ASCENDING);
  verdicts = shown_rows (view);
  g_assert_cmpstr (verdicts, ==, "#Kinh tế T_PHI T_KHACH T_CHE T_CAPHE T_DE");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_verdict_filter (void)
{
  GtkWidget *window;
  CtCompareView *view = make_verdict_view (&window);
  g_autofree gchar *not_met = NULL;
  g_autofree gchar *behind = NULL;
  g_autofree gchar *searched = NULL;
  g_autofree gchar *all = NULL;

  /* Not met in either commune: the fee in the first, tea in the second. */
  ct_compare_view_set_verdict_filter (view, CT_VERDICT_NOT_MET);
  not_met = shown_rows (view);
  g_assert_cmpstr (not_met, ==, "#Kinh tế T_CHE T_PHI");
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "2 chỉ tiêu · 2 báo cáo");
  ct_compare_view_set_verdict_filter (view, CT_VERDICT_BEHIND);
  behind = shown_rows (view);
  g_assert_cmpstr (behind, ==, "#Kinh tế T_KHACH");
  /* the filter and the search both hold */
  ct_compare_view_set_verdict_filter (view, CT_VERDICT_NOT_MET);
  ct_compare_view_set_search (view, "chè");
  searched = shown_rows (view);
  g_assert_cmpstr (searched, ==, "#Kinh tế T_CHE");
  ct_compare_view_set_search (view, NULL);
  ct_compare_view_set_verdict_filter (view, CT_VERDICT_NONE);
  all = shown_rows (view);
  g_assert_cmpstr (all, ==, "#Kinh tế T_CHE T_CAPHE T_PHI T_DE T_KHACH");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_cell_selected (CtCompareView *view,
                  guint          row,
                  guint          column,
                  gpointer       user_data)
{
  GArray *seen = user_data;
  guint pair[2] = { row, column };

  (void) view;
  g_array_append_vals (seen, pair, 2);
}

static void
test_select_and_copy (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gchar *tsv = NULL;
  g_autofree gchar *all_tsv = NULL;
  guint row = 99, column = 99;

  g_signal_connect (view, "cell-selected", G_CALLBACK (on_cell_selected), seen);
  g_assert_false (ct_compare_view_get_current_cell (view, NULL, NULL));
  /* every row, tab-separated, with a header, numbers the Vietnamese way */
  all_tsv = ct_compare_view_get_tsv (view);
  g_assert_cmpstr (all_tsv, ==,
                   "Lĩnh vực\tChỉ tiêu\tĐơn vị\tNam Đông · 6 tháng đầu năm 2023\tHạ Lang · 6 tháng đầu năm 2023\n"
                   "Nông nghiệp\tSản lượng lương thực có hạt\ttấn\t2.703,5\t3.100\n"
                   "Nông nghiệp\tDiện tích trồng rừng\tha\t95\t40\n"
                   "Tài chính\tThu ngân sách\ttỷ đồng\t11,327\t\n");

  g_assert_true (ct_compare_view_select_cell (view, 2, 0));
  g_assert_true (ct_compare_view_get_current_cell (view, &row, &column));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==, 0);

  /* the selection is what gets copied */
  tsv = ct_compare_view_get_tsv (view);
  g_assert_cmpstr (tsv, ==,
                   "Lĩnh vực\tChỉ tiêu\tĐơn vị\tNam Đông · 6 tháng đầu năm 2023\tHạ Lang · 6 tháng đầu năm 2023\n"
                   "Tài chính\tThu ngân sách\ttỷ đồng\t11,327\t\n");

  /* a row hidden by the search cannot be chosen */
  ct_compare_view_set_search (view, "rừng");
  g_assert_false (ct_compare_view_select_cell (view, 0, 0));
  g_assert_false (ct_compare_view_select_cell (view, 1, 7));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Spins the main loop until the widget has been drawn once. */
static void
wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (gtk_widget_get_width (widget) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  /* the figures are drawn by one widget per cell */
  if (CT_IS_COMPARE_CELL (widget) && ct_compare_cell_get_value_text (CT_COMPARE_CELL (widget)) != NULL)
    g_string_append_printf (out, "%s|%s|%s|", ct_compare_cell_get_value_text (CT_COMPARE_CELL (widget)),
                            ct_compare_cell_get_plan_text (CT_COMPARE_CELL (widget)) != NULL
                            ? ct_compare_cell_get_plan_text (CT_COMPARE_CELL (widget)) : "",
                            ct_compare_cell_get_rate_text (CT_COMPARE_CELL (widget)) != NULL
                            ? ct_compare_cell_get_rate_text (CT_COMPARE_CELL (widget)) : "");
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

/* What is drawn: both columns of figures, and the pinned indicator names. */
static void
test_drawn (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GString) labels = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  collect_labels (GTK_WIDGET (view), labels);
  g_assert_nonnull (strstr (labels->str, "|Sản lượng lương thực có hạt|"));
  g_assert_nonnull (strstr (labels->str, "|2.703,5 tấn|"));
  g_assert_nonnull (strstr (labels->str, "|60,1% · chưa đạt|"));
  g_assert_nonnull (strstr (labels->str, "|3.100 tấn|"));
  g_assert_nonnull (strstr (labels->str, "|Tài chính|"));
  /* a cell that is one of several figures of its concept says so */
  g_assert_nonnull (strstr (labels->str, "|95 ha|KH 100 · +2|"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Forty districts: more than the view keeps as real columns. */
static void
test_many_columns (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow row = { (gchar *) "NN_LUONG_THUC", (gchar *) "Sản lượng lương thực có hạt", NULL,
                       (gchar *) "Nông nghiệp", (gchar *) "tấn", TRUE, CT_DIRECTION_HIGHER,
                       CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 40 };
  CtCompareColumn columns[40];
  CtCompareCell cells[40];
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CtComparison) comparison = NULL;
  GtkWidget *window = gtk_window_new ();
  CtCompareView *view = CT_COMPARE_VIEW (ct_compare_view_new ());
  g_autofree gchar *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) figures = NULL;
  guint r, c;

  memset (columns, 0, sizeof columns);
  memset (cells, 0, sizeof cells);
  for (guint i = 0; i < 40; i++)
    {
      gchar *name = g_strdup_printf ("Huyện %02u", i);

      g_ptr_array_add (names, name);
      columns[i].report_id = i + 1;
      columns[i].locality_id = i + 1;
      columns[i].locality = name;
      columns[i].year = 2023;
      columns[i].period = (gchar *) "cả năm";
      cells[i].observation_id = 1000 + i;
      cells[i].value = cells[i].value_normalized = 100 + i;
      cells[i].value_high = cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
    }
  comparison = ct_comparison_new (query, &row, 1, columns, 40, cells);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  ct_compare_view_set_comparison (view, comparison);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));

  /* A far column is brought into view when chosen, and the keyboard's
   * Right and Left move from there. */
  g_assert_cmpuint (ct_compare_view_get_first_column (view), ==, 0);
  g_assert_true (ct_compare_view_select_cell (view, 0, 35));
  g_assert_cmpuint (ct_compare_view_get_first_column (view), >, 0);
  g_assert_cmpuint (ct_compare_view_get_first_column (view), <=, 35);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.next-column", NULL));
  g_assert_true (ct_compare_view_get_current_cell (view, &r, &c));
  g_assert_cmpuint (c, ==, 36);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.previous-column", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "compare.previous-column", NULL);
  g_assert_true (ct_compare_view_get_current_cell (view, &r, &c));
  g_assert_cmpuint (c, ==, 34);

  /* Every column is copied, not only those on screen. */
  ct_compare_view_select_cell (view, 0, 0);
  tsv = ct_compare_view_get_tsv (view);
  lines = g_strsplit (tsv, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  figures = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 3 + 40);
  g_assert_cmpstr (header[3 + 39], ==, "Huyện 39 · cả năm 2023");
  g_assert_cmpstr (figures[3 + 39], ==, "139");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_cell (GtkWidget *widget,
           gint       row,
           gint       slot)
{
  if (CT_IS_COMPARE_CELL (widget)
      && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ct-row")) == row
      && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ct-slot")) == slot)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (c, row, slot);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *out)
{
  if (CT_IS_COMPARE_CELL (widget) && gtk_widget_get_has_tooltip (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_cells (c, out);
}

/* A cell's tooltip (its report, the flag's reason, a hand correction) is
 * kept for when the pointer rests on it: setting it as the widget's
 * tooltip text asks the X server where the pointer is, for every cell
 * bound, at the first paint and each step of a scroll. */
static void
test_cell_tooltips_quiet (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint corrected = 0, with_report = 0;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  collect_cells (GTK_WIDGET (view), cells);
  g_assert_cmpuint (cells->len, >=, 6);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      const gchar *tip = ct_quiet_tooltip_get (cell);

      g_assert_null (gtk_widget_get_tooltip_text (cell));
      if (tip == NULL)
        continue;
      with_report += g_str_has_prefix (tip, "Nam Đông · ") || g_str_has_prefix (tip, "Hạ Lang · ");
      corrected += strstr (tip, "Đã sửa tay") != NULL;
    }
  g_assert_cmpuint (with_report, ==, 6);
  g_assert_cmpuint (corrected, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A drawn cell keeps its text laid out: the pointer passing over it or a
 * selection (a new style, the same font) lays out nothing again, and a
 * cell never drawn has made no layout at all. */
static void
test_cell_layouts_kept (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  CtCompareCellWidget *cell = NULL;
  PangoLayout *layout = NULL;
  guint serial;

  {
    GtkWidget *unseen = g_object_ref_sink (ct_compare_cell_new ());

    g_assert_null (ct_compare_cell_peek_value_layout (CT_COMPARE_CELL (unseen)));
    g_object_unref (unseen);
  }
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  collect_cells (GTK_WIDGET (view), cells);
  /* the first cell on screen */
  for (guint i = 0; i < cells->len && layout == NULL; i++)
    {
      cell = CT_COMPARE_CELL (g_ptr_array_index (cells, i));
      layout = ct_compare_cell_peek_value_layout (cell);
    }
  g_assert_nonnull (layout);
  g_assert_cmpstr (pango_layout_get_text (layout), ==, ct_compare_cell_get_value_text (cell));
  serial = pango_layout_get_serial (layout);

  gtk_widget_set_state_flags (GTK_WIDGET (cell), GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_SELECTED, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (cell));
  wait_for_paint (GTK_WIDGET (view));
  g_assert_true (ct_compare_cell_peek_value_layout (cell) == layout);
  g_assert_cmpuint (pango_layout_get_serial (layout), ==, serial);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on another cell of the current row is a new current cell: the
 * window's source pane follows it. */
static void
test_click_same_row (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *cell;
  guint row, column;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  g_signal_connect (view, "cell-selected", G_CALLBACK (on_cell_selected), seen);
  cell = find_cell (GTK_WIDGET (view), 1, 0);
  g_assert_nonnull (cell);
  _ct_compare_view_press_cell (view, cell, 1);
  g_assert_cmpuint (seen->len, ==, 2);
  cell = find_cell (GTK_WIDGET (view), 1, 1);
  g_assert_nonnull (cell);
  _ct_compare_view_press_cell (view, cell, 1);
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpuint (g_array_index (seen, guint, 2), ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint, 3), ==, 1);
  g_assert_true (ct_compare_view_get_current_cell (view, &row, &column));
  g_assert_cmpuint (column, ==, 1);
  /* the same cell again is no change */
  _ct_compare_view_press_cell (view, cell, 1);
  g_assert_cmpuint (seen->len, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gchar **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gchar *
clipboard_text (GtkWidget *widget)
{
  gchar *text = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read, &text);
  while (text == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static gboolean
find_visible_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (find_visible_popover (c))
      return TRUE;
  return FALSE;
}

static void spin_frames (guint n);

/* Ctrl+C on one cell: its words with the plan, the rate and the rank. */
static void
test_copy_cell (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autofree gchar *text = NULL;
  g_autofree gchar *copied = NULL;
  g_autofree gchar *rows = NULL;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  g_assert_null (ct_compare_view_get_cell_text (view));
  g_assert_true (ct_compare_view_select_cell (view, 0, 0));
  text = ct_compare_view_get_cell_text (view);
  g_assert_cmpstr (text, ==, "Sản lượng lương thực có hạt — Nam Đông · 6 tháng đầu năm 2023: "
                             "2.703,5 tấn; KH 4.500; 60,1% · chưa đạt; hạng 2/2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.copy", NULL));
  copied = clipboard_text (GTK_WIDGET (view));
  g_assert_cmpstr (copied, ==, text);
  /* Shift+F10 offers the same on the current cell */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.context-menu", NULL));
  spin_frames (3);
  g_assert_true (find_visible_popover (GTK_WIDGET (view)));
  /* the rows, for a spreadsheet, on their own key */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "compare.copy-rows", NULL));
  rows = clipboard_text (GTK_WIDGET (view));
  g_assert_true (g_str_has_prefix (rows, "Lĩnh vực\tChỉ tiêu"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The totals column sums what adds up and says what it computed; the
 * cells carry their rank. */
static void
test_totals_and_ranks_drawn (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autoptr(GString) labels = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  collect_labels (GTK_WIDGET (view), labels);
  /* grain adds up: 2.703,5 + 3.100 tấn; its plans are not in the row's
   * unit here, so the rates' plain mean, (60,1 + 103,3) / 2, says what it is */
  g_assert_nonnull (strstr (labels->str, "|Tổng 2 huyện: 5.803,5 tấn|"));
  g_assert_nonnull (strstr (labels->str, "|Trung bình cộng các tỷ lệ đạt: 81,7%|"));
  /* 103,3% is the better of the two */
  g_assert_nonnull (strstr (labels->str, "|3.100 tấn|KH 3.000 · hạng 1/2|"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
find_scrollers (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_scrollers (c, out);
}

static void
spin_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20 * 1000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* Sixty figures with rates that run against the catalogue order. */
static CtComparison *
make_long (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow rows[60];
  CtCompareColumn column = { 31, 1, (gchar *) "Bến Đá · cả năm 2024", (gchar *) "Bến Đá", (gchar *) "xã",
                             NULL, 2024, (gchar *) "cả năm", NULL };
  CtCompareCell cells[60];
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  memset (rows, 0, sizeof rows);
  blank_cells (cells, 60);
  for (guint i = 0; i < 60; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("R%02u", i));
      rows[i].code = rows[i].name = g_ptr_array_index (names, i);
      rows[i].sector = (gchar *) "Kinh tế";
      rows[i].unit = (gchar *) "ha";
      rows[i].direction = CT_DIRECTION_HIGHER;
      rows[i].n_values = 1;
      set_cell (&cells[i], i + 1, i, "ha", 200 - i, CT_VERDICT_MET);
    }
  return ct_comparison_new (query, rows, 60, &column, 1, cells);
}

static gint
shown_position (CtCompareView *view,
                gint           row)
{
  GListModel *model = ct_compare_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (model, i);

      if (ct_compare_item_get_row (item) == row)
        return (gint) i;
    }
  return -1;
}

/* A new order keeps the reader's place: the same stretch of the table, or
 * the current row in sight wherever it went. */
static void
test_sort_keeps_place (void)
{
  g_autoptr(CtComparison) comparison = make_long ();
  GtkWidget *window = gtk_window_new ();
  CtCompareView *view = CT_COMPARE_VIEW (ct_compare_view_new ());
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  GtkAdjustment *v;
  gdouble page, value, y;
  gint position;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  ct_compare_view_set_comparison (view, comparison);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  spin_frames (10);
  find_scrollers (GTK_WIDGET (view), scrollers);
  /* the figures' scroller is the last one */
  v = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, scrollers->len - 1));
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, 2000);
  gtk_adjustment_set_value (v, 1400);
  spin_frames (10);
  value = gtk_adjustment_get_value (v);
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_ASCENDING);
  spin_frames (10);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (v) - value), <, 1);

  /* R05 is current, near the bottom in ascending rate; sorted the other
   * way it is near the top, and the table follows it there. */
  g_assert_true (ct_compare_view_select_cell (view, 5, 0));
  spin_frames (10);
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 1000);
  ct_compare_view_sort_by_column (view, 0, GTK_SORT_DESCENDING);
  spin_frames (10);
  position = shown_position (view, 5);
  g_assert_cmpint (position, <, 10);
  page = gtk_adjustment_get_page_size (v);
  value = gtk_adjustment_get_value (v);
  y = gtk_adjustment_get_upper (v) * position / g_list_model_get_n_items (ct_compare_view_get_model (view));
  g_assert_cmpfloat (y, >=, value - 1);
  g_assert_cmpfloat (y, <=, value + page);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_widgets (c, type, out);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* A hidden report leaves the table, the copy, the totals and the ranks,
 * and comes back. */
static void
test_hide_report (void)
{
  GtkWidget *window;
  CtCompareView *view = make_view (&window);
  g_autofree gchar *tsv = NULL;
  g_autofree gchar *cell = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GArray) hidden = NULL;

  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (view));
  ct_compare_view_set_report_hidden (view, 12, TRUE);
  g_assert_true (ct_compare_view_get_report_hidden (view, 12));
  hidden = ct_compare_view_get_hidden_reports (view);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_cmpint (g_array_index (hidden, gint64, 0), ==, 12);
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "3 chỉ tiêu · 1 báo cáo");
  tsv = ct_compare_view_get_tsv (view);
  g_assert_cmpstr (tsv, ==,
                   "Lĩnh vực\tChỉ tiêu\tĐơn vị\tNam Đông · 6 tháng đầu năm 2023\n"
                   "Nông nghiệp\tSản lượng lương thực có hạt\ttấn\t2.703,5\n"
                   "Nông nghiệp\tDiện tích trồng rừng\tha\t95\n"
                   "Tài chính\tThu ngân sách\ttỷ đồng\t11,327\n");
  /* the hidden column cannot be chosen; alone, a figure has no rank */
  g_assert_false (ct_compare_view_select_cell (view, 0, 1));
  g_assert_true (ct_compare_view_select_cell (view, 0, 0));
  cell = ct_compare_view_get_cell_text (view);
  g_assert_null (strstr (cell, "hạng"));
  spin_frames (5);
  collect_labels (GTK_WIDGET (view), labels);
  g_assert_null (strstr (labels->str, "Tổng 2"));
  g_assert_null (strstr (labels->str, "3.100 tấn"));
  /* the last report shown stays */
  ct_compare_view_set_report_hidden (view, 11, TRUE);
  g_assert_false (ct_compare_view_get_report_hidden (view, 11));

  ct_compare_view_set_report_hidden (view, 12, FALSE);
  g_assert_cmpstr (ct_compare_view_get_summary (view), ==, "3 chỉ tiêu · 2 báo cáo");
  g_assert_true (ct_compare_view_select_cell (view, 0, 1));

  /* The Columns menu lists the reports; unticking one hides it. */
  {
    GtkWidget *button = find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    spin_frames (3);
    collect_widgets (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                     GTK_TYPE_CHECK_BUTTON, checks);
    g_assert_cmpuint (checks->len, ==, 2);
    g_assert_cmpstr (gtk_check_button_get_label (g_ptr_array_index (checks, 1)), ==,
                     "Hạ Lang · 6 tháng đầu năm 2023");
    gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
    g_assert_true (ct_compare_view_get_report_hidden (view, 12));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (ct_test_skip_without_display ())
    return 0;

  g_setenv ("LANGUAGE", "vi", TRUE);
  ct_locale_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare-view/cell-texts", test_cell_texts);
  g_test_add_func ("/compare-view/cell-tooltips-quiet", test_cell_tooltips_quiet);
  g_test_add_func ("/compare-view/cell-layouts-kept", test_cell_layouts_kept);
  g_test_add_func ("/compare-view/rows-and-search", test_rows_and_search);
  g_test_add_func ("/compare-view/sort", test_sort);
  g_test_add_func ("/compare-view/sort-by-rate-and-verdict", test_sort_by_rate_and_verdict);
  g_test_add_func ("/compare-view/verdict-filter", test_verdict_filter);
  g_test_add_func ("/compare-view/sort-keeps-place", test_sort_keeps_place);
  g_test_add_func ("/compare-view/select-and-copy", test_select_and_copy);
  g_test_add_func ("/compare-view/drawn", test_drawn);
  g_test_add_func ("/compare-view/click-same-row", test_click_same_row);
  g_test_add_func ("/compare-view/copy-cell", test_copy_cell);
  g_test_add_func ("/compare-view/totals-and-ranks", test_totals_and_ranks_drawn);
  g_test_add_func ("/compare-view/many-columns", test_many_columns);
  g_test_add_func ("/compare-view/hide-report", test_hide_report);

  return g_test_run ();
}
