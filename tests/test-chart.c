/* test-chart.c: the chart model, renderer and file export, without a display
 *
 * What a reader of the chart checks: bars as long as their rates, the 100%
 * line where 100% is, missing figures shown as missing rather than as zero,
 * every Vietnamese letter drawn, and files that open in other programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ct-chart.h"
#include "ct-chart-compare.h"
#include "ct-chart-export.h"
#include "ct-chart-render.h"
#include "ct-error.h"
#include "ct-format.h"
#include "ct-test-util.h"

#define W 900
#define H 560

static CtChart *
build_chart (CtChartOrientation  orientation,
             const gdouble      *rates,
             guint               n,
             guint               n_series)
{
  static const gchar *names[] = {
    "Huyện Nam Đông", "Huyện A Lưới", "Thị xã Hương Thủy", "Huyện Phú Lộc",
    "Huyện Quảng Điền (ước thực hiện cả năm)", "Thành phố Huế", "Huyện Phong Điền",
  };
  CtChart *chart = ct_chart_new ();

  ct_chart_set_indicator (chart, "Tổng sản lượng lương thực có hạt");
  ct_chart_set_unit (chart, "tấn");
  ct_chart_set_period (chart, "6 tháng đầu năm 2023");
  ct_chart_set_source_note (chart, "Nguồn: báo cáo kinh tế – xã hội của UBND các huyện");
  ct_chart_set_orientation (chart, orientation);
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree gchar *name = g_strdup_printf ("Năm %u", 2023 - s);

      ct_chart_add_series (chart, name);
    }
  for (guint c = 0; c < n; c++)
    ct_chart_add_category (chart, names[c % G_N_ELEMENTS (names)]);
  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n; c++)
      {
        CtChartPoint p = CT_CHART_POINT_INIT;

        p.rate = rates[(c + s) % n];
        p.plan = 4500;
        p.value = p.rate * 45;
        p.observation_id = 100 + s * n + c;
        ct_chart_set_point (chart, s, c, &p);
      }
  return chart;
}

static cairo_surface_t *
render (const CtChart      *chart,
        const CtChartStyle *style,
        CtChartGeometry    *geo)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  ct_chart_render (chart, cr, W, H, style, geo);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_rgb (cairo_surface_t *surface,
           gint             x,
           gint             y,
           gint            *rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  gint stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (const void *) (data + y * stride + x * 4);

  rgb[0] = (px >> 16) & 0xff;
  rgb[1] = (px >> 8) & 0xff;
  rgb[2] = px & 0xff;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          gint             x,
          gint             y,
          const gdouble   *want)
{
  gint rgb[3];

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface)
      || y >= cairo_image_surface_get_height (surface))
    return FALSE;
  pixel_rgb (surface, x, y, rgb);
  for (guint i = 0; i < 3; i++)
    if (ABS (rgb[i] - (gint) round (want[i] * 255)) > 12)
      return FALSE;
  return TRUE;
}

static gboolean
is_reference_red (cairo_surface_t *surface,
                  gint             x,
                  gint             y)
{
  gint rgb[3];

  pixel_rgb (surface, x, y, rgb);
  return rgb[0] > 150 && rgb[1] < 90 && rgb[2] < 90;
}

/* The extent of @color pixels through the middle of a bar, along its
 * length: from the first to the last, since the 100% line crosses bars. */
static gdouble
measure_bar (cairo_surface_t       *surface,
             const CtChartGeometry *geo,
             const CtChartBar      *bar,
             const gdouble         *color)
{
  gint first = -1, last = -1;

  if (geo->orientation == CT_CHART_VERTICAL)
    {
      gint x = (gint) (bar->x + bar->width / 2);

      for (gint y = (gint) geo->plot_y; y < (gint) (geo->plot_y + geo->plot_height) + 1; y++)
        if (pixel_is (surface, x, y, color))
          {
            first = first < 0 ? y : first;
            last = y;
          }
    }
  else
    {
      gint y = (gint) (bar->y + bar->height / 2);

      for (gint x = (gint) geo->plot_x; x < (gint) (geo->plot_x + geo->plot_width) + 1; x++)
        if (pixel_is (surface, x, y, color))
          {
            first = first < 0 ? x : first;
            last = x;
          }
    }
  return first < 0 ? 0 : last - first + 1;
}

static void
test_format (void)
{
  g_autofree gchar *a = ct_format_number (2703.5, 1);
  g_autofree gchar *b = ct_format_number (4500, 2);
  g_autofree gchar *c = ct_format_percent (98.5, 1);
  g_autofree gchar *d = ct_format_percent (57.254, 2);
  g_autofree gchar *e = ct_format_number (NAN, 1);
  g_autofree gchar *f = ct_format_number (-1234567.891, 3);
  g_autofree gchar *g = ct_format_percent (100, 1);

  g_assert_cmpstr (a, ==, "2.703,5");
  g_assert_cmpstr (b, ==, "4.500");
  g_assert_cmpstr (c, ==, "98,5%");
  g_assert_cmpstr (d, ==, "57,25%");
  g_assert_cmpstr (e, ==, "–");
  g_assert_cmpstr (f, ==, "-1.234.567,891");
  g_assert_cmpstr (g, ==, "100%");
}

static void
test_model (void)
{
  g_autoptr(CtChart) chart = ct_chart_new ();
  CtChartPoint p = CT_CHART_POINT_INIT;
  gdouble lo, hi;

  g_assert_false (ct_chart_get_rate_range (chart, &lo, &hi));
  g_assert_cmpuint (ct_chart_add_category (chart, "Nam Đông"), ==, 0);
  g_assert_cmpuint (ct_chart_add_series (chart, "2023"), ==, 0);
  g_assert_cmpuint (ct_chart_add_category (chart, "A Lưới"), ==, 1);
  /* a point never set is missing, not zero */
  g_assert_true (isnan (ct_chart_get_point (chart, 0, 1)->rate));
  g_assert_true (ct_chart_has_missing (chart));

  p.rate = 60.1;
  p.unit = "tấn";
  p.flags = 1;
  ct_chart_set_point (chart, 0, 0, &p);
  p.rate = INFINITY; /* a plan of zero */
  p.unit = NULL;
  p.flags = 0;
  ct_chart_set_point (chart, 0, 1, &p);
  g_assert_true (isnan (ct_chart_get_point (chart, 0, 1)->rate));
  g_assert_cmpstr (ct_chart_get_point (chart, 0, 0)->unit, ==, "tấn");
  g_assert_true (ct_chart_has_flagged (chart));
  g_assert_true (ct_chart_get_rate_range (chart, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 60.1);
  g_assert_cmpfloat (hi, ==, 60.1);

  /* a new series starts with every figure missing */
  ct_chart_add_series (chart, "2022");
  g_assert_true (isnan (ct_chart_get_point (chart, 1, 0)->rate));
  /* the title falls back to the indicator */
  ct_chart_set_indicator (chart, "Thu ngân sách");
  g_assert_cmpstr (ct_chart_get_title (chart), ==, "Thu ngân sách");
  ct_chart_set_title (chart, "Thu ngân sách các huyện");
  g_assert_cmpstr (ct_chart_get_title (chart), ==, "Thu ngân sách các huyện");
}

/* A comparison made by hand: one indicator over three localities of 2023,
 * one of which did not report it. */
static void
test_from_comparison (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_LOCALITY);
  CtCompareRow rows[] = {
    { (gchar *) "NN_LUONG_THUC", (gchar *) "Tổng sản lượng lương thực có hạt", NULL, NULL, (gchar *) "tấn", TRUE,
      CT_DIRECTION_HIGHER, CT_MEASURE_FLOW, { { NULL }, 0, 0, 0 }, NULL, 2 },
  };
  CtCompareColumn columns[] = {
    { 1, 1, NULL, (gchar *) "Nam Đông", (gchar *) "huyện", NULL, 2023, (gchar *) "6 tháng đầu năm", (gchar *) "/srv/bao-cao/nam-dong.txt" },
    { 2, 2, NULL, (gchar *) "A Lưới", (gchar *) "huyện", NULL, 2023, (gchar *) "6 tháng đầu năm", (gchar *) "/srv/bao-cao/a-luoi.docx" },
    { 3, 3, NULL, (gchar *) "Phú Lộc", (gchar *) "huyện", NULL, 2023, (gchar *) "6 tháng đầu năm", NULL },
  };
  CtCompareCell cells[3];
  g_autoptr(CtComparison) comparison = NULL;
  g_autoptr(CtChart) chart = NULL;
  const CtChartPoint *p;

  memset (cells, 0, sizeof cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i].value = cells[i].value_high = cells[i].value_normalized = NAN;
      cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
    }
  /* Nam Đông in tấn as written; A Lưới's figure converted by the store;
   * Phú Lộc empty. */
  cells[0] = (CtCompareCell) { 11, NULL, 2703.5, NAN, NULL, (gchar *) "tấn", 2703.5, 4500, 4500,
                               CT_BASIS_PLAN, 60.1, 60.08, NAN, NULL, CT_FLAG_RATE_MISMATCH, 0, 0,
                               { { NULL }, 0, 0, 0 }, CT_VERDICT_NOT_MET, CT_VERDICT_NONE };
  cells[1] = (CtCompareCell) { 12, NULL, 3.1, NAN, NULL, (gchar *) "nghìn tấn", 3100, 3.0, 3000,
                               CT_BASIS_PLAN, NAN, 103.33, NAN, NULL, 0, 0, 0,
                               { { NULL }, 0, 0, 0 }, CT_VERDICT_MET, CT_VERDICT_NONE };
  comparison = ct_comparison_new (query, rows, 1, columns, 3, cells);
  chart = ct_chart_new_from_comparison (comparison, NULL, 0);

  g_assert_cmpstr (ct_chart_get_title (chart), ==, "Tổng sản lượng lương thực có hạt");
  g_assert_cmpstr (ct_chart_get_unit (chart), ==, "tấn");
  g_assert_cmpstr (ct_chart_get_period (chart), ==, "6 tháng đầu năm 2023");
  g_assert_cmpuint (ct_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpstr (ct_chart_get_category (chart, 1), ==, "A Lưới");
  g_assert_nonnull (ct_chart_get_category_title (chart));
  /* the reports by the district they speak for, not by file or folder */
  g_assert_nonnull (strstr (ct_chart_get_source_note (chart), "huyện Nam Đông; huyện A Lưới; huyện Phú Lộc"));
  g_assert_null (strstr (ct_chart_get_source_note (chart), "nam-dong.txt"));
  g_assert_null (strstr (ct_chart_get_source_note (chart), "/srv"));

  p = ct_chart_get_point (chart, 0, 0);
  g_assert_cmpfloat (p->rate, ==, 60.1);   /* the stated rate wins */
  g_assert_cmpint (p->observation_id, ==, 11);
  g_assert_cmpuint (p->flags, ==, CT_FLAG_RATE_MISMATCH);
  p = ct_chart_get_point (chart, 0, 1);
  g_assert_cmpfloat (p->rate, ==, 103.33); /* else the computed one */
  g_assert_cmpfloat (p->value, ==, 3100);  /* in the row's unit */
  g_assert_cmpstr (ct_chart_point_get_unit (chart, p), ==, "tấn");
  p = ct_chart_get_point (chart, 0, 2);
  g_assert_true (isnan (p->rate));          /* missing stays missing */
  g_assert_cmpint (p->observation_id, ==, 0);
}

static void
check_bar_lengths (CtChartOrientation orientation)
{
  static const gdouble rates[] = { 60, 120, 100, 30.5, 87.25 };
  g_autoptr(CtChart) chart = build_chart (orientation, rates, G_N_ELEMENTS (rates), 1);
  CtChartStyle style = CT_CHART_STYLE_INIT;
  CtChartGeometry geo;
  cairo_surface_t *surface = render (chart, &style, &geo);
  gdouble blue[3], len60 = 0, len120 = 0, px_per_pct;

  ct_chart_style_get_series_rgb (&style, 0, blue);
  g_assert_cmpuint (geo.bars->len, ==, G_N_ELEMENTS (rates));
  px_per_pct = (orientation == CT_CHART_VERTICAL ? geo.plot_height : geo.plot_width)
               / (geo.axis_max - geo.axis_min);
  g_assert_cmpfloat (geo.axis_min, ==, 0);
  g_assert_cmpfloat (geo.axis_max, >=, 120);

  for (guint i = 0; i < geo.bars->len; i++)
    {
      const CtChartBar *bar = &g_array_index (geo.bars, CtChartBar, i);
      gdouble measured = measure_bar (surface, &geo, bar, blue);
      gdouble expected = rates[i] * px_per_pct;

      g_assert_false (bar->missing);
      /* the painted length, counted in pixels, follows the rate */
      g_assert_cmpfloat_with_epsilon (measured, expected, 2.5);
      if (rates[i] == 60)
        len60 = measured;
      if (rates[i] == 120)
        len120 = measured;
    }
  /* twice the rate, twice the bar */
  g_assert_cmpfloat_with_epsilon (len120 / len60, 2.0, 0.05);
  g_assert_cmpuint (geo.value_labels, ==, G_N_ELEMENTS (rates));
  g_assert_cmpuint (geo.unknown_glyphs, ==, 0);

  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_bar_lengths_vertical (void)
{
  check_bar_lengths (CT_CHART_VERTICAL);
}

static void
test_bar_lengths_horizontal (void)
{
  check_bar_lengths (CT_CHART_HORIZONTAL);
}

static void
check_reference_line (CtChartOrientation orientation)
{
  static const gdouble rates[] = { 100, 40, 140 };
  g_autoptr(CtChart) chart = build_chart (orientation, rates, G_N_ELEMENTS (rates), 1);
  CtChartGeometry geo;
  cairo_surface_t *surface = render (chart, NULL, &geo);
  const CtChartBar *full = &g_array_index (geo.bars, CtChartBar, 0);
  gdouble line = ct_chart_geometry_rate_to_position (&geo, 100);
  gdouble expected;
  guint red = 0, span;
  gint at = (gint) floor (line);

  if (orientation == CT_CHART_VERTICAL)
    {
      expected = geo.plot_y + geo.plot_height * (geo.axis_max - 100) / (geo.axis_max - geo.axis_min);
      span = (guint) geo.plot_width;
      for (gint x = (gint) geo.plot_x; x < (gint) (geo.plot_x + geo.plot_width); x++)
        red += is_reference_red (surface, x, at) || is_reference_red (surface, x, at + 1);
      /* the bar at exactly 100% ends on the line */
      g_assert_cmpfloat_with_epsilon (full->y, line, 1.5);
    }
  else
    {
      expected = geo.plot_x + geo.plot_width * (100 - geo.axis_min) / (geo.axis_max - geo.axis_min);
      span = (guint) geo.plot_height;
      for (gint y = (gint) geo.plot_y; y < (gint) (geo.plot_y + geo.plot_height); y++)
        red += is_reference_red (surface, at, y) || is_reference_red (surface, at + 1, y);
      g_assert_cmpfloat_with_epsilon (full->x + full->width, line, 1.5);
    }
  g_assert_cmpfloat_with_epsilon (line, expected, 0.01);
  /* a dashed line: painted over more than half its length */
  g_assert_cmpuint (red, >, span / 2);

  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_reference_line_vertical (void)
{
  check_reference_line (CT_CHART_VERTICAL);
}

static void
test_reference_line_horizontal (void)
{
  check_reference_line (CT_CHART_HORIZONTAL);
}

static guint
count_color_in_rect (cairo_surface_t *surface,
                     gdouble          x0,
                     gdouble          y0,
                     gdouble          w,
                     gdouble          h,
                     const gdouble   *color)
{
  guint n = 0;

  for (gint y = (gint) y0; y < (gint) (y0 + h); y++)
    for (gint x = (gint) x0; x < (gint) (x0 + w); x++)
      n += pixel_is (surface, x, y, color);
  return n;
}

static void
test_missing_not_zero (void)
{
  static const gdouble rates[] = { 80, NAN, 0, 110 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 1);
  CtChartStyle style = CT_CHART_STYLE_INIT;
  CtChartGeometry geo;
  cairo_surface_t *surface = render (chart, &style, &geo);
  const CtChartBar *missing = &g_array_index (geo.bars, CtChartBar, 1);
  const CtChartBar *zero = &g_array_index (geo.bars, CtChartBar, 2);
  gdouble blue[3], bg[3];
  guint missing_blue, missing_background, zero_blue;

  ct_chart_style_get_series_rgb (&style, 0, blue);
  ct_chart_style_get_background_rgb (&style, bg);
  g_assert_true (missing->missing);
  g_assert_false (zero->missing);

  /* No bar colour anywhere in the missing slot, not even a zero-height
   * sliver at the baseline … */
  missing_blue = count_color_in_rect (surface, missing->x, geo.plot_y, missing->width,
                                      geo.plot_height + 2, blue);
  g_assert_cmpuint (missing_blue, ==, 0);
  /* … but a visible stub: hatching covers a good part of it … */
  missing_background = count_color_in_rect (surface, missing->x + 2, missing->y + 2,
                                            missing->width - 4, missing->height - 4, bg);
  g_assert_cmpuint (missing_background, <,
                    (guint) ((missing->width - 4) * (missing->height - 4) * 0.9));
  /* … standing on the baseline, a couple of text lines high whatever the
   * axis: never as tall as a rate, and never taller than the 80% bar. */
  g_assert_cmpfloat (fabs (missing->y + missing->height - ct_chart_geometry_rate_to_position (&geo, 0)), <=, 1);
  g_assert_cmpfloat (missing->height, >=, 8);
  g_assert_cmpfloat (missing->height, <=, 13 * 1.5);
  g_assert_cmpfloat (missing->height, <, g_array_index (geo.bars, CtChartBar, 0).height / 4);
  /* … and nothing above it but grid lines and the words "no data": the old
   * band across the plot is gone. */
  missing_background = count_color_in_rect (surface, missing->x, geo.plot_y + 2, missing->width,
                                             missing->y - geo.plot_y - 60, bg);
  g_assert_cmpuint (missing_background, >=, (guint) (missing->width * (missing->y - geo.plot_y - 60) * 0.95));
  /* A real 0% is drawn, thin, on the baseline. */
  zero_blue = count_color_in_rect (surface, zero->x, geo.plot_y, zero->width,
                                   geo.plot_height + 2, blue);
  g_assert_cmpuint (zero_blue, >, 0);
  g_assert_cmpuint (zero_blue, <=, (guint) zero->width * 2);

  /* The hit test finds the band, so hovering it can say "no data". */
  g_assert_true (ct_chart_geometry_hit (&geo, missing->x + missing->width / 2,
                                        geo.plot_y + geo.plot_height / 2) == missing);

  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_no_missing_glyphs (void)
{
  static const gdouble rates[] = { 60.1, NAN, 102.4, 98.5 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 2);
  CtChartPoint flagged = CT_CHART_POINT_INIT;
  CtChartGeometry geo;
  cairo_surface_t *surface;

  flagged.rate = 140;
  flagged.flags = 1;
  ct_chart_set_point (chart, 0, 0, &flagged);
  ct_chart_set_title (chart, "Tỷ lệ đạt kế hoạch: Đường giao thông nông thôn được cứng hóa");
  /* The legend, "no data" and the subtitle are in Vietnamese too (main
   * sets LANGUAGE=vi). */
  surface = render (chart, NULL, &geo);
  g_assert_cmpuint (geo.unknown_glyphs, ==, 0);
  g_assert_cmpuint (geo.category_labels, ==, G_N_ELEMENTS (rates));
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);

  /* The count is real: a character no installed font has is counted. */
  ct_chart_set_title (chart, "Ký tự lạ \xf4\x8f\xbf\xbd");
  surface = render (chart, NULL, &geo);
  g_assert_cmpuint (geo.unknown_glyphs, >, 0);
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_grouped_and_hit (void)
{
  static const gdouble rates[] = { 60, 90, 120 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 2);
  CtChartStyle style = CT_CHART_STYLE_INIT;
  CtChartGeometry geo;
  cairo_surface_t *surface = render (chart, &style, &geo);
  gdouble orange[3];

  ct_chart_style_get_series_rgb (&style, 1, orange);
  g_assert_cmpuint (geo.bars->len, ==, 6);
  for (guint i = 0; i < geo.bars->len; i++)
    {
      const CtChartBar *bar = &g_array_index (geo.bars, CtChartBar, i);
      const CtChartBar *hit = ct_chart_geometry_hit (&geo, bar->x + bar->width / 2, bar->y + 1);

      g_assert_nonnull (hit);
      g_assert_cmpuint (hit->series, ==, bar->series);
      g_assert_cmpuint (hit->category, ==, bar->category);
    }
  /* the second series stands right of the first within each group */
  for (guint c = 0; c < 3; c++)
    {
      const CtChartBar *a = &g_array_index (geo.bars, CtChartBar, c);
      const CtChartBar *b = &g_array_index (geo.bars, CtChartBar, 3 + c);

      g_assert_cmpfloat (b->x, >=, a->x + a->width - 0.5);
      g_assert_cmpfloat (b->x - a->x, <, a->width * 1.5);
      /* the second series of category 0 has rate 90 */
      if (c == 0)
        g_assert_cmpfloat_with_epsilon (measure_bar (surface, &geo, b, orange),
                                        90 * geo.plot_height / (geo.axis_max - geo.axis_min), 2.5);
    }
  g_assert_null (ct_chart_geometry_hit (&geo, 1, 1));
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_many_bars (void)
{
  gdouble rates[700];
  g_autoptr(CtChart) chart = NULL;
  CtChartGeometry geo;
  cairo_surface_t *surface;

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    rates[i] = 20 + (i * 37) % 130;
  chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 1);
  surface = render (chart, NULL, &geo);
  g_assert_cmpuint (geo.bars->len, ==, 700);
  /* labels that cannot fit are left out rather than drawn over each other */
  g_assert_cmpuint (geo.value_labels, ==, 0);
  g_assert_cmpuint (geo.category_labels, >, 5);
  g_assert_cmpuint (geo.category_labels, <, 100);
  g_assert_cmpuint (geo.unknown_glyphs, ==, 0);
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);

  /* Thirty communes: too narrow to sit side by side, but every one is
   * named (turned upright) rather than every other one dropped. */
  g_clear_pointer (&chart, ct_chart_unref);
  chart = build_chart (CT_CHART_VERTICAL, rates, 30, 1);
  surface = render (chart, NULL, &geo);
  g_assert_cmpuint (geo.category_labels, ==, 30);
  g_assert_cmpuint (geo.unknown_glyphs, ==, 0);
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static void
test_dark (void)
{
  static const gdouble rates[] = { 60, 90 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 1);
  CtChartStyle light = CT_CHART_STYLE_INIT, dark = CT_CHART_STYLE_INIT;
  gdouble light_bg[3], dark_bg[3], dark_bar[3], light_bar[3];
  CtChartGeometry geo;
  cairo_surface_t *surface;
  const CtChartBar *bar;

  dark.dark = TRUE;
  ct_chart_style_get_background_rgb (&light, light_bg);
  ct_chart_style_get_background_rgb (&dark, dark_bg);
  ct_chart_style_get_series_rgb (&light, 0, light_bar);
  ct_chart_style_get_series_rgb (&dark, 0, dark_bar);
  /* the dark variant has a dark page and a lighter bar colour */
  g_assert_cmpfloat (dark_bg[0] + dark_bg[1] + dark_bg[2], <, 0.6);
  g_assert_cmpfloat (dark_bar[0] + dark_bar[1] + dark_bar[2], >, light_bar[0] + light_bar[1] + light_bar[2]);

  surface = render (chart, &dark, &geo);
  bar = &g_array_index (geo.bars, CtChartBar, 1);
  g_assert_true (pixel_is (surface, 2, 2, dark_bg));
  g_assert_true (pixel_is (surface, (gint) (bar->x + bar->width / 2), (gint) (bar->y + bar->height / 2), dark_bar));
  ct_chart_geometry_clear (&geo);
  cairo_surface_destroy (surface);
}

static gboolean
run_tool (const gchar * const *argv,
          gchar              **out)
{
  g_autofree gchar *found = g_find_program_in_path (argv[0]);
  gint status = -1;

  if (found == NULL)
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
test_export_files (void)
{
  static const gdouble rates[] = { 60.1, NAN, 102.4, 98.5 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, G_N_ELEMENTS (rates), 1);
  g_autofree gchar *dir = ct_test_tmp_path ("export");
  g_autofree gchar *png = g_build_filename (dir, "bieu-do.png", NULL);
  g_autofree gchar *svg = g_build_filename (dir, "bieu-do.svg", NULL);
  g_autofree gchar *pdf = g_build_filename (dir, "bieu-do.PDF", NULL);
  g_autofree gchar *svg_png = g_build_filename (dir, "svg.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *svg_text = NULL, *pdf_head = NULL, *text = NULL, *fonts = NULL;
  g_autoptr(GDir) listing = NULL;
  cairo_surface_t *image;
  CtChartFormat format;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* PNG at 192 dpi: twice the pixels of the layout size */
  g_assert_true (ct_chart_format_from_path (png, &format, &error));
  g_assert_cmpint (format, ==, CT_CHART_FORMAT_PNG);
  g_assert_true (ct_chart_export (chart, png, format, 800, 500, 192, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1000);
  cairo_surface_destroy (image);

  g_assert_true (ct_chart_format_from_path (svg, &format, &error));
  g_assert_true (ct_chart_export (chart, svg, format, 800, 500, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"800px\""));
  {
    const gchar *argv[] = { "rsvg-convert", "-o", svg_png, svg, NULL };

    if (run_tool (argv, NULL))
      {
        image = cairo_image_surface_create_from_png (svg_png);
        g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
        cairo_surface_destroy (image);
      }
  }

  /* an upper-case extension works too */
  g_assert_true (ct_chart_format_from_path (pdf, &format, &error));
  g_assert_cmpint (format, ==, CT_CHART_FORMAT_PDF);
  g_assert_true (ct_chart_export (chart, pdf, format, 0, 0, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &pdf_head, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf_head, "%PDF-"));
  {
    const gchar *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    /* vector text: the Vietnamese title comes back out of the PDF */
    if (run_tool (argv, &text))
      {
        g_assert_nonnull (strstr (text, "Tổng sản lượng lương thực có hạt"));
        g_assert_nonnull (strstr (text, "102,4%"));
      }
  }
  {
    const gchar *argv[] = { "pdffonts", pdf, NULL };

    /* every font embedded (the "emb" column says yes) */
    if (run_tool (argv, &fonts))
      {
        g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
        guint n_fonts = 0;

        g_assert_nonnull (strstr (fonts, "NotoSans"));
        for (guint i = 2; lines[i] != NULL; i++)
          if (lines[i][0] != '\0')
            {
              g_auto(GStrv) cols = g_strsplit_set (lines[i], " ", -1);
              g_autoptr(GPtrArray) words = g_ptr_array_new ();

              for (guint k = 0; cols[k] != NULL; k++)
                if (cols[k][0] != '\0')
                  g_ptr_array_add (words, cols[k]);
              g_assert_cmpuint (words->len, >=, 7);
              g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
              n_fonts++;
            }
        g_assert_cmpuint (n_fonts, >, 0);
      }
  }

  /* nothing left over: no temporary files beside the three charts */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, g_file_test (svg_png, G_FILE_TEST_EXISTS) ? 4 : 3);
}

static void
test_export_errors (void)
{
  static const gdouble rates[] = { 60.1 };
  g_autoptr(CtChart) chart = build_chart (CT_CHART_VERTICAL, rates, 1, 1);
  g_autofree gchar *missing_dir = ct_test_tmp_path ("no-such-folder/chart.png");
  g_autofree gchar *existing = ct_test_tmp_path ("keep.png");
  g_autofree gchar *kept = NULL;
  g_autoptr(GError) error = NULL;
  CtChartFormat format;

  g_assert_false (ct_chart_format_from_path ("chart.jpeg", &format, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (ct_chart_format_from_path ("folder.png/chart", &format, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_assert_false (ct_chart_export (chart, missing_dir, CT_CHART_FORMAT_PNG, 0, 0, 0, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* bad sizes change nothing on disk */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_false (ct_chart_export (chart, existing, CT_CHART_FORMAT_PNG, 50000, 100, 0, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (ct_chart_export (chart, existing, CT_CHART_FORMAT_PNG, 5000, 5000, 600, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");

  /* writing onto a folder fails cleanly too */
  g_assert_false (ct_chart_export (chart, ct_test_tmpdir (), CT_CHART_FORMAT_SVG, 0, 0, 0, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
}

/* Imports two seed reports into a scratch library; NULL without the seeds. */
static gchar *
seed_library (void)
{
  const gchar *shared = ct_test_shared_dir ();
  g_autofree gchar *db = ct_test_tmp_path ("library.db");
  g_autofree gchar *seed0 = NULL, *seed1 = NULL;

  if (shared == NULL)
    return NULL;
  seed0 = g_build_filename (shared, "seeds", "000_283bcc1007240984.txt", NULL);
  seed1 = g_build_filename (shared, "seeds", "001_58059cd68c956849.txt", NULL);
  if (!g_file_test (seed0, G_FILE_TEST_EXISTS) || !g_file_test (seed1, G_FILE_TEST_EXISTS))
    return NULL;
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      /* the 2020 report does not name its district in the text */
      const gchar *args0[] = { "import", "--db", db, "--locality", "Nam Đông", "--province", "Thừa Thiên Huế",
                               "--level", "huyện", seed0, NULL };
      const gchar *args1[] = { "import", "--db", db, seed1, NULL };

      g_autofree gchar *out0 = NULL, *out1 = NULL;

      /* (output captured: it would corrupt the TAP stream) */
      g_assert_cmpint (ct_test_run_chitieu (args0, &out0, NULL), ==, 0);
      g_assert_cmpint (ct_test_run_chitieu (args1, &out1, NULL), ==, 0);
    }
  return g_steal_pointer (&db);
}

static void
test_cli_seeds (void)
{
  g_autofree gchar *db = seed_library ();
  g_autofree gchar *png = ct_test_tmp_path ("grain.png");
  g_autofree gchar *pdf = ct_test_tmp_path ("grain.pdf");
  g_autofree gchar *out = NULL, *text = NULL;
  cairo_surface_t *image;

  if (db == NULL)
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }

  {
    /* by code, at 192 dpi: Nam Đông 2020 and 2023 side by side */
    const gchar *args[] = { "chart", "--db", db, "--indicator", "NN_LUONG_THUC", "--output", png,
                            "--width", "800", "--height", "500", "--dpi", "192", NULL };

    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, png));
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1000);
    cairo_surface_destroy (image);
  }
  {
    /* by name, as a PDF whose text says what the chart shows */
    const gchar *args[] = { "chart", "--db", db, "--indicator", "Tổng sản lượng lương thực có hạt",
                            "--year", "2020", "--year", "2023", "--output", pdf, NULL };
    const gchar *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
    if (run_tool (argv, &text))
      {
        g_assert_nonnull (strstr (text, "Tổng sản lượng lương thực có hạt"));
        g_assert_nonnull (strstr (text, "60,1%"));
        g_assert_nonnull (strstr (text, "59,3%"));
        g_assert_nonnull (strstr (text, "Nam Đông"));
      }
  }
  {
    /* one district over two years, sorted, turned: the years under the
     * bars (higher rate first), the district and period said once */
    const gchar *args[] = { "chart", "--db", db, "--indicator", "NN_LUONG_THUC", "--sort", "--horizontal",
                            "--hide-missing", "--output", pdf, NULL };
    const gchar *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&text, g_free);
    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
    if (run_tool (argv, &text))
      {
        const gchar *first = strstr (text, "2020\n");
        const gchar *second = strstr (text, "2023\n");

        g_assert_nonnull (strstr (text, "Nam Đông · 6 tháng đầu năm"));
        g_assert_nonnull (first);
        g_assert_nonnull (second);
        g_assert_true (first < second);
        g_assert_null (strstr (text, "Nam Đông · 6 tháng đầu năm 2020"));
      }
  }
}

static void
test_cli_grouped_indicators (void)
{
  g_autofree gchar *db = seed_library ();
  g_autofree gchar *svg = ct_test_tmp_path ("two.svg");
  g_autofree gchar *out = NULL, *err = NULL;

  if (db == NULL)
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  {
    /* two indicators: one series each, bars grouped by report */
    const gchar *args[] = { "chart", "--db", db, "-i", "NN_LUONG_THUC", "-i", "NN_GTSX", "-o", svg, NULL };

    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 0);
    /* "Wrote FILE (bars: 4, series: 2)." in whichever language */
    g_assert_nonnull (strstr (out, ": 4, "));
    g_assert_nonnull (strstr (out, ": 2)"));
    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* grouping by indicators and by years at once is refused */
    const gchar *args[] = { "chart", "--db", db, "-i", "NN_LUONG_THUC", "-i", "NN_GTSX",
                            "--year", "2020", "--year", "2023", "-o", svg, NULL };

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--indicator"));
  }
}

static void
test_cli_errors (void)
{
  g_autofree gchar *missing_db = ct_test_tmp_path ("no-library.db");
  g_autofree gchar *png = ct_test_tmp_path ("never.png");
  g_autofree gchar *err = NULL;

  {
    /* no --output: a usage error */
    const gchar *args[] = { "chart", "--indicator", "NN_LUONG_THUC", NULL };

    g_assert_cmpint (ct_test_run_chitieu (args, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--output"));
  }
  {
    const gchar *args[] = { "chart", "--db", missing_db, "--indicator", "X", "--output", "chart.jpeg", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ct_test_run_chitieu (args, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, ".png"));
  }
  {
    const gchar *args[] = { "chart", "--db", missing_db, "--indicator", "X", "--output", png,
                            "--year", "năm ngoái", NULL };

    g_autofree gchar *out = NULL;

    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 2);
  }
  {
    const gchar *args[] = { "chart", "--db", missing_db, "--indicator", "X", "--output", png,
                            "--width", "-800", NULL };
    g_autofree gchar *out = NULL;

    g_assert_cmpint (ct_test_run_chitieu (args, &out, NULL), ==, 2);
  }
  {
    /* a library that does not exist is reported, not created */
    const gchar *args[] = { "chart", "--db", missing_db, "--indicator", "X", "--output", png, NULL };

    g_autofree gchar *out = NULL;

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, missing_db));
    g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Vietnamese for the whole run: the legend's own words must show too. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  if (g_getenv ("CHITIEU_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CHITIEU_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/format", test_format);
  g_test_add_func ("/chart/model", test_model);
  g_test_add_func ("/chart/from-comparison", test_from_comparison);
  g_test_add_func ("/chart/bar-lengths/vertical", test_bar_lengths_vertical);
  g_test_add_func ("/chart/bar-lengths/horizontal", test_bar_lengths_horizontal);
  g_test_add_func ("/chart/reference-line/vertical", test_reference_line_vertical);
  g_test_add_func ("/chart/reference-line/horizontal", test_reference_line_horizontal);
  g_test_add_func ("/chart/missing-not-zero", test_missing_not_zero);
  g_test_add_func ("/chart/no-missing-glyphs", test_no_missing_glyphs);
  g_test_add_func ("/chart/grouped-and-hit", test_grouped_and_hit);
  g_test_add_func ("/chart/many-bars", test_many_bars);
  g_test_add_func ("/chart/dark", test_dark);
  g_test_add_func ("/chart/export/files", test_export_files);
  g_test_add_func ("/chart/export/errors", test_export_errors);
  g_test_add_func ("/chart/cli/seeds", test_cli_seeds);
  g_test_add_func ("/chart/cli/grouped-indicators", test_cli_grouped_indicators);
  g_test_add_func ("/chart/cli/errors", test_cli_errors);

  return g_test_run ();
}
