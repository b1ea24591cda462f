/* test-bar-chart.c: the chart widget paints, explains its bars and opens them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ct-bar-chart.h"
#include "ct-chart-render.h"
#include "ct-chart-toolbar.h"
#include "ct-test-util.h"

#define W 800
#define H 480

static CtChart *
build_chart (void)
{
  static const gdouble rates[] = { 60.1, 102.4, NAN, 98.5 };
  static const gchar *names[] = { "Huyện Nam Đông", "Huyện A Lưới", "Thị xã Hương Thủy", "Huyện Phú Lộc" };
  CtChart *chart = ct_chart_new ();

  ct_chart_set_indicator (chart, "Tổng sản lượng lương thực có hạt");
  ct_chart_set_unit (chart, "tấn");
  ct_chart_add_series (chart, "2023");
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      CtChartPoint p = CT_CHART_POINT_INIT;

      ct_chart_add_category (chart, names[i]);
      p.rate = rates[i];
      p.value = rates[i] * 45;
      p.plan = 4500;
      p.observation_id = isnan (rates[i]) ? 0 : 500 + i;
      p.flags = i == 3 ? 1 : 0;
      ct_chart_set_point (chart, 0, i, &p);
    }
  return chart;
}

/* Spins the main loop until @widget is mapped and has painted once more. */
static void
wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler;
  GdkFrameClock *clock;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  painted = TRUE;
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (g_nullify_pointer), &painted);
  gtk_widget_queue_draw (widget);
  while (painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_false (painted);
}

/* The widget as the screen would show it, as ARGB32 pixels. */
static guchar *
grab (GtkWidget *widget,
      gint      *width,
      gint      *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  data = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, data, *width * 4);
  return data;
}

static gboolean
pixel_is (const guchar  *data,
          gint           width,
          gint           x,
          gint           y,
          const gdouble *rgb)
{
  const guchar *p = data + ((gsize) y * width + x) * 4;

  /* ARGB32 native endian: B G R A in memory on little-endian machines */
  return ABS (p[2] - (gint) round (rgb[0] * 255)) <= 12
      && ABS (p[1] - (gint) round (rgb[1] * 255)) <= 12
      && ABS (p[0] - (gint) round (rgb[2] * 255)) <= 12;
}

static void
on_bar_activated (CtBarChart *chart,
                  gint64      observation_id,
                  gint64     *out)
{
  (void) chart;
  *out = observation_id;
}

static void
test_widget_renders (void)
{
  g_autoptr(CtChart) chart = build_chart ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = ct_bar_chart_new ();
  CtChartStyle style = CT_CHART_STYLE_INIT;
  CtChartGeometry geo;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree guchar *pixels = NULL;
  g_autofree gchar *tip = NULL;
  gdouble blue[3], bg[3];
  gint64 activated = 0;
  gint w, h;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  ct_bar_chart_set_chart (CT_BAR_CHART (widget), chart);
  g_assert_true (ct_bar_chart_get_chart (CT_BAR_CHART (widget)) == chart);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_set_size_request (widget, W, H);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (widget);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, W);

  /* The same renderer at the same size says where the bars are. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, gtk_widget_get_height (widget));
  cr = cairo_create (surface);
  ct_chart_render (chart, cr, W, gtk_widget_get_height (widget), &style, &geo);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pixels = grab (widget, &w, &h);
  ct_chart_style_get_series_rgb (&style, 0, blue);
  ct_chart_style_get_background_rgb (&style, bg);
  for (guint i = 0; i < geo.bars->len; i++)
    {
      const CtChartBar *bar = &g_array_index (geo.bars, CtChartBar, i);
      gint cx = (gint) (bar->x + bar->width / 2), cy = (gint) (bar->y + bar->height / 2);

      /* drawn bars are on screen in the series colour; the missing one is not */
      g_assert_cmpint (pixel_is (pixels, w, cx, cy, blue), ==, !bar->missing);
    }
  g_assert_true (pixel_is (pixels, w, 2, 2, bg));

  /* hover text: rate, value and plan in Vietnamese number format */
  {
    const CtChartBar *first = &g_array_index (geo.bars, CtChartBar, 0);

    tip = ct_bar_chart_describe_at (CT_BAR_CHART (widget), first->x + first->width / 2,
                                    first->y + first->height / 2);
    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, "Huyện Nam Đông"));
    g_assert_nonnull (strstr (tip, "60,1%"));
    g_assert_nonnull (strstr (tip, "2.704,5 tấn"));
    g_assert_nonnull (strstr (tip, "4.500 tấn"));

    /* a click on a bar names its observation; on a missing one, nothing */
    g_signal_connect (widget, "bar-activated", G_CALLBACK (on_bar_activated), &activated);
    g_assert_true (ct_bar_chart_activate_at (CT_BAR_CHART (widget), first->x + first->width / 2,
                                             first->y + first->height / 2));
    g_assert_cmpint (activated, ==, 500);
    activated = 0;
    first = &g_array_index (geo.bars, CtChartBar, 2);
    g_assert_true (first->missing);
    g_assert_false (ct_bar_chart_activate_at (CT_BAR_CHART (widget), first->x + first->width / 2,
                                              first->y + first->height / 2));
    g_assert_cmpint (activated, ==, 0);
    g_assert_null (ct_bar_chart_describe_at (CT_BAR_CHART (widget), 1, 1));
  }

  /* The keyboard reaches every bar in screen order and opens it. */
  {
    guint series, category;

    g_assert_false (ct_bar_chart_get_selected (CT_BAR_CHART (widget), &series, &category));
    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.next", NULL));
    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.next", NULL));
    g_assert_true (ct_bar_chart_get_selected (CT_BAR_CHART (widget), &series, &category));
    g_assert_cmpuint (category, ==, 1);
    activated = 0;
    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.activate", NULL));
    g_assert_cmpint (activated, ==, 501);
    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.last", NULL));
    g_assert_true (ct_bar_chart_get_selected (CT_BAR_CHART (widget), &series, &category));
    g_assert_cmpuint (category, ==, 3);
    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.next", NULL));
    g_assert_true (ct_bar_chart_get_selected (CT_BAR_CHART (widget), &series, &category));
    g_assert_cmpuint (category, ==, 3);
  }

  /* Save and print are one right click (or the Menu key) away. */
  {
    GtkWidget *menu = NULL;

    g_assert_true (gtk_widget_activate_action (widget, "bar-chart.menu", NULL));
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        menu = child;
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    gtk_popover_popdown (GTK_POPOVER (menu));
  }

  /* Dark style: the widget follows it without being told. */
  g_clear_pointer (&pixels, g_free);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_paint (widget);
  g_assert_true (ct_bar_chart_get_dark (CT_BAR_CHART (widget)));
  style.dark = TRUE;
  ct_chart_style_get_background_rgb (&style, bg);
  ct_chart_style_get_series_rgb (&style, 0, blue);
  pixels = grab (widget, &w, &h);
  g_assert_true (pixel_is (pixels, w, 2, 2, bg));
  {
    const CtChartBar *first = &g_array_index (geo.bars, CtChartBar, 1);

    g_assert_true (pixel_is (pixels, w, (gint) (first->x + first->width / 2),
                             (gint) (first->y + first->height / 2), blue));
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  ct_chart_geometry_clear (&geo);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_widget_empty (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = ct_bar_chart_new ();
  g_autoptr(CtChart) chart = ct_chart_new ();

  /* No chart, then a chart with nothing in it: both paint without trouble. */
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (widget);
  g_assert_null (ct_bar_chart_describe_at (CT_BAR_CHART (widget), 100, 100));
  g_object_set (widget, "chart", chart, NULL);
  wait_for_paint (widget);
  g_assert_false (ct_bar_chart_activate_at (CT_BAR_CHART (widget), 100, 100));
  ct_bar_chart_set_chart (CT_BAR_CHART (widget), NULL);
  wait_for_paint (widget);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pane's toggles and the chart's menu actions are one choice: sorted,
 * without the no-data bar, turned; what is shown is what is printed and
 * saved (ct_bar_chart_get_chart()), and the choice outlives the chart. */
static void
test_widget_arrange (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *widget = ct_bar_chart_new ();
  GtkWidget *toolbar = ct_chart_toolbar_new (CT_BAR_CHART (widget));
  GtkWidget *turn = gtk_widget_get_first_child (toolbar);
  GtkWidget *sort = gtk_widget_get_next_sibling (turn);
  GtkWidget *hide = gtk_widget_get_next_sibling (sort);
  g_autoptr(CtChart) chart = build_chart ();
  g_autoptr(CtChart) again = build_chart ();
  CtChart *shown;
  CtChartGeometry geo;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree gchar *tip = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), W, H);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ct_bar_chart_set_chart (CT_BAR_CHART (widget), chart);
  wait_for_paint (widget);
  g_assert_cmpuint (ct_chart_get_n_categories (ct_bar_chart_get_chart (CT_BAR_CHART (widget))), ==, 4);

  /* a toggle button sets the widget's choice … */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hide), TRUE);
  shown = ct_bar_chart_get_chart (CT_BAR_CHART (widget));
  g_assert_cmpuint (ct_chart_get_n_categories (shown), ==, 3);
  g_assert_false (ct_chart_has_missing (shown));
  /* … and the menu's action sets the button */
  g_assert_true (gtk_widget_activate_action (widget, "bar-chart.sort-by-rate", NULL));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sort)));
  g_assert_true (gtk_widget_activate_action (widget, "bar-chart.horizontal", NULL));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (turn)));
  shown = ct_bar_chart_get_chart (CT_BAR_CHART (widget));
  g_assert_cmpint (ct_chart_get_orientation (shown), ==, CT_CHART_HORIZONTAL);
  g_assert_cmpstr (ct_chart_get_category (shown, 0), ==, "Huyện A Lưới");
  g_assert_cmpstr (ct_chart_get_category (shown, 2), ==, "Huyện Nam Đông");

  /* hovering the top bar tells its own figures */
  wait_for_paint (widget);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget));
  cr = cairo_create (surface);
  ct_chart_render (shown, cr, gtk_widget_get_width (widget), gtk_widget_get_height (widget), NULL, &geo);
  {
    const CtChartBar *top = &g_array_index (geo.bars, CtChartBar, 0);

    tip = ct_bar_chart_describe_at (CT_BAR_CHART (widget), top->x + 4, top->y + top->height / 2);
  }
  g_assert_nonnull (tip);
  g_assert_true (g_str_has_prefix (tip, "Huyện A Lưới\n"));
  g_assert_nonnull (strstr (tip, "102,4"));

  /* another indicator keeps the reader's arrangement */
  ct_bar_chart_set_chart (CT_BAR_CHART (widget), again);
  shown = ct_bar_chart_get_chart (CT_BAR_CHART (widget));
  g_assert_cmpuint (ct_chart_get_n_categories (shown), ==, 3);
  g_assert_cmpint (ct_chart_get_orientation (shown), ==, CT_CHART_HORIZONTAL);
  g_assert_true (ct_bar_chart_get_chart (CT_BAR_CHART (widget)) != again);

  ct_chart_geometry_clear (&geo);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/bar-chart/renders", test_widget_renders);
  g_test_add_func ("/bar-chart/empty", test_widget_empty);
  g_test_add_func ("/bar-chart/arrange", test_widget_arrange);

  return g_test_run ();
}
