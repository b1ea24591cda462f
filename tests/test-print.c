/* test-print.c: printing a chart through GtkPrintOperation into a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ct-error.h"
#include "ct-chart-save.h"
#include "ct-print.h"
#include "ct-print-table.h"
#include "ct-screenshot.h"
#include "ct-test-util.h"

static CtChart *
build_chart (guint n)
{
  static const gchar *names[] = { "Huyện Nam Đông", "Huyện A Lưới", "Thị xã Hương Thủy", "Huyện Phú Lộc" };
  CtChart *chart = ct_chart_new ();

  ct_chart_set_indicator (chart, "Tổng sản lượng lương thực có hạt");
  ct_chart_set_unit (chart, "tấn");
  ct_chart_set_period (chart, "6 tháng đầu năm 2023");
  ct_chart_add_series (chart, "2023");
  for (guint i = 0; i < n; i++)
    {
      CtChartPoint p = CT_CHART_POINT_INIT;
      g_autofree gchar *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i + 1);

      ct_chart_add_category (chart, name);
      if (i % 4 == 2)
        continue; /* missing */
      p.rate = 60.1 + i;
      p.value = p.rate * 45;
      p.plan = 4500;
      p.observation_id = i + 1;
      ct_chart_set_point (chart, 0, i, &p);
    }
  return chart;
}

/* Runs a tool on @pdf and returns its output, or NULL when not installed. */
static gchar *
run_tool (const gchar *tool,
          const gchar *pdf)
{
  g_autofree gchar *found = g_find_program_in_path (tool);
  const gchar *argv[] = { tool, pdf, "-", NULL };
  gchar *out = NULL;
  gint status;

  if (found == NULL)
    return NULL;
  if (g_str_equal (tool, "pdffonts") || g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print_one_page (void)
{
  g_autoptr(CtChart) chart = build_chart (4);
  g_autofree gchar *pdf = ct_test_tmp_path ("in.pdf");
  g_autofree gchar *contents = NULL;
  g_autofree gchar *text = NULL, *info = NULL, *fonts = NULL;
  g_autoptr(GError) error = NULL;

  ct_chart_set_category_title (chart, "Địa phương");
  g_assert_true (ct_print_chart_to_pdf (chart, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  info = run_tool ("pdfinfo", pdf);
  if (info == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  /* A4 landscape, one page */
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));

  text = run_tool ("pdftotext", pdf);
  /* the title block … */
  g_assert_nonnull (strstr (text, "Tổng sản lượng lương thực có hạt"));
  g_assert_nonnull (strstr (text, "6 tháng đầu năm 2023"));
  /* … and the table of numbers, Vietnamese style */
  g_assert_nonnull (strstr (text, "2.704,5 tấn"));
  g_assert_nonnull (strstr (text, "4.500 tấn"));
  g_assert_nonnull (strstr (text, "63,1%"));
  g_assert_nonnull (strstr (text, "Thị xã Hương Thủy 3"));
  g_assert_nonnull (strstr (text, "Địa phương"));

  fonts = run_tool ("pdffonts", pdf);
  g_assert_nonnull (strstr (fonts, "NotoSans"));
  g_assert_null (strstr (fonts, " no  "));
}

static void
test_print_many_pages (void)
{
  g_autoptr(CtChart) chart = build_chart (120);
  g_autofree gchar *pdf = ct_test_tmp_path ("many.pdf");
  g_autofree gchar *info = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_print_chart_to_pdf (chart, pdf, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", pdf);
  if (info == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  /* the table goes on over further pages, and its last row is printed */
  g_assert_null (strstr (info, "Pages:           1\n"));
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Huyện Phú Lộc 120"));
}

/* A comparison of @n_columns localities and @n_rows indicators, every
 * cell filled: 2.703,5 tấn of 4.500 and so on. */
static CtComparison *
build_comparison (guint n_rows,
                  guint n_columns)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  CtCompareRow *rows = g_new0 (CtCompareRow, n_rows);
  CtCompareColumn *columns = g_new0 (CtCompareColumn, n_columns);
  CtCompareCell *cells = g_new0 (CtCompareCell, n_rows * n_columns);
  CtComparison *comparison;

  for (guint r = 0; r < n_rows; r++)
    {
      gchar *name = g_strdup_printf ("Chỉ tiêu số %u về sản lượng lương thực", r + 1);

      g_ptr_array_add (names, name);
      rows[r].name = name;
      rows[r].code = name;
      rows[r].sector = (gchar *) "Nông nghiệp";
      rows[r].unit = (gchar *) "tấn";
      rows[r].higher_is_better = TRUE;
      rows[r].n_values = n_columns;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      gchar *title = g_strdup_printf ("Xã Đông Hưng %u · 6 tháng đầu năm 2026", c + 1);

      g_ptr_array_add (titles, title);
      columns[c].report_id = c + 1;
      columns[c].locality_id = c + 1;
      columns[c].title = title;
      columns[c].locality = title;
      columns[c].year = 2026;
      columns[c].period = (gchar *) "6 tháng đầu năm";
    }
  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      CtCompareCell *cell = &cells[i];

      cell->observation_id = i + 1;
      cell->value = cell->value_normalized = 2703.5 + i;
      cell->value_high = NAN;
      cell->unit = (gchar *) "tấn";
      cell->plan = cell->plan_normalized = 4500;
      cell->rate = 60.1;
      cell->rate_computed = cell->yoy = NAN;
      cell->basis = CT_BASIS_PLAN;
    }
  comparison = ct_comparison_new (query, rows, n_rows, columns, n_columns, cells);
  g_free (rows);
  g_free (columns);
  g_free (cells);
  return comparison;
}

static guint
count_occurrences (const gchar *text,
                   const gchar *needle)
{
  guint n = 0;

  for (const gchar *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The table prints over pages down and across: every page repeats the
 * title, the indicator column's header and the report header, and says
 * its number; every cell appears once, with its plan and rate. */
static void
test_print_table (void)
{
  g_autoptr(CtComparison) comparison = build_comparison (40, 9);
  g_autofree gchar *pdf = ct_test_tmp_path ("table.pdf");
  g_autofree gchar *info = NULL, *text = NULL, *last = NULL;
  g_autoptr(GError) error = NULL;
  guint pages;

  g_assert_true (ct_print_table_to_pdf (comparison, pdf, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", pdf);
  if (info == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));  /* A4 landscape */
  pages = (guint) g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (pages, >=, 4);  /* 40 rows and 9 columns do not fit on one page */
  text = run_tool ("pdftotext", pdf);
  /* a form feed separates pages: each one has the headers and its number */
  /* the first report's header over each page of its rows (wrapped after
   * "Xã Đông Hưng 1 · 6"), and a title that counts the nine localities */
  g_assert_cmpuint (count_occurrences (text, "Xã Đông Hưng 1 ·"), >=, 2);
  g_assert_cmpuint (count_occurrences (text, "9 localities"), ==, pages);
  /* "Indicators compared" in the title, "Indicator" over the names */
  g_assert_cmpuint (count_occurrences (text, "Indicator"), ==, 2 * pages);
  last = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (text, last));
  g_assert_nonnull (strstr (text, "Chỉ tiêu số 40 về sản lượng lương thực"));
  g_assert_nonnull (strstr (text, "Xã Đông Hưng 9 ·"));
  g_assert_nonnull (strstr (text, "60,1%"));
  g_assert_nonnull (strstr (text, "2.703,5 tấn"));
  /* the last cell of all: 2.703,5 + 359 */
  g_assert_nonnull (strstr (text, "3.062,5 tấn"));
}

/* Print Preview on a system without a PDF viewer shows the pages in a
 * window of ours instead of doing nothing visible. */
static void
test_preview_without_viewer (void)
{
  g_autoptr(CtComparison) comparison = build_comparison (40, 9);
  g_autoptr(GtkPrintOperation) operation = ct_print_table_operation_new (comparison);
  g_autoptr(GError) error = NULL;
  GtkWindow *preview = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command", "no-such-pdf-viewer %f", NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  while (preview == NULL && g_get_monotonic_time () < deadline)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (g_object_get_data (l->data, "ct-preview-pages") != NULL)
          preview = l->data;
      g_list_free (toplevels);
      g_main_context_iteration (NULL, preview == NULL);
    }
  g_assert_nonnull (preview);
  /* the same pages as the printed table: 40 rows and 9 reports make 6 */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (preview), "ct-preview-pages")), ==, 6);
  if (g_getenv ("CT_SCREENSHOT_DIR") != NULL)
    {
      g_autofree gchar *path = g_build_filename (g_getenv ("CT_SCREENSHOT_DIR"), "print-preview.png", NULL);
      g_autoptr(GdkTexture) shot = NULL;

      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      shot = ct_screenshot_render (GTK_WIDGET (preview));
      g_assert_true (shot != NULL && gdk_texture_save_to_png (shot, path));
    }
  gtk_window_destroy (preview);
}

static void
test_print_unwritable (void)
{
  g_autoptr(CtChart) chart = build_chart (2);
  g_autofree gchar *pdf = ct_test_tmp_path ("missing-folder/out.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_print_chart_to_pdf (chart, pdf, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* What "Save chart as…" writes once it has a name. */
static void
test_save_to_path (void)
{
  g_autoptr(CtChart) chart = build_chart (4);
  g_autofree gchar *plain = ct_test_tmp_path ("bieu-do");
  g_autofree gchar *svg = ct_test_tmp_path ("bieu-do.svg");
  g_autofree gchar *png = ct_test_tmp_path ("anh.PNG");
  g_autofree gchar *named = ct_chart_save_path_for ("/x/b.pdf", CT_CHART_FORMAT_PNG);
  g_autofree gchar *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  /* the name's own extension wins over the chosen filter */
  g_assert_cmpstr (named, ==, "/x/b.pdf");
  /* a bare name takes the filter's */
  g_assert_true (ct_chart_save_to_path (chart, plain, CT_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));
  /* PNGs come out at twice the layout's pixels */
  g_assert_true (ct_chart_save_to_path (chart, png, CT_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2000);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  if (ct_test_skip_without_display ())
    return 0;

  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print/one-page", test_print_one_page);
  g_test_add_func ("/print/many-pages", test_print_many_pages);
  g_test_add_func ("/print/table", test_print_table);
  g_test_add_func ("/print/preview-without-viewer", test_preview_without_viewer);
  g_test_add_func ("/print/unwritable", test_print_unwritable);
  g_test_add_func ("/print/save-to-path", test_save_to_path);

  return g_test_run ();
}
