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
  g_test_add_func ("/print/unwritable", test_print_unwritable);
  g_test_add_func ("/print/save-to-path", test_save_to_path);

  return g_test_run ();
}
