/* ct-chart-render.h: one Cairo renderer for every chart output
 *
 * ct_chart_render() draws a CtChart into any cairo_t: the window's widget
 * (gtk_snapshot_append_cairo), a printed page, a PNG, SVG or PDF surface.
 * Sizes are user units (CSS pixels on screen, 1/96 inch in files); the
 * caller scales the context for other resolutions.
 *
 * What it draws: title, a subtitle with indicator, unit and period, a
 * legend, a rate axis with round ticks, bars of achievement (% of plan),
 * grouped when there are several series, a dashed 100% line, value labels
 * such as "98,5%" where they fit, wrapped category labels (thinned when
 * the bars are too narrow for each to have one), a hatched "no data" band
 * for missing figures, a "!" marker on flagged figures, and the source note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ct-chart.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean     dark;           /* dark background variant */
  gdouble      font_size;      /* body text in user units; 0 for 13 */
  const gchar *font_family;    /* NULL for "Noto Sans" */
  gint         hover_series;   /* bar drawn highlighted, or -1 */
  gint         hover_category;
  gboolean     omit_title;     /* leave title and subtitle to the caller
                                * (a printed page has its own title block) */
} CtChartStyle;

#define CT_CHART_STYLE_INIT { FALSE, 0, NULL, -1, -1, FALSE }

/* One bar (or, when @missing, the "no data" band standing in for one). */
typedef struct
{
  guint    series;
  guint    category;
  gboolean missing;
  gdouble  x, y, width, height;
} CtChartBar;

/* Where things landed, for hit testing (hover, clicks) and for tests. */
typedef struct
{
  CtChartOrientation orientation;
  gdouble  plot_x, plot_y, plot_width, plot_height;
  gdouble  axis_min, axis_max;  /* rates at the start and end of the value axis */
  guint    unknown_glyphs;      /* characters the font could not show; 0 when all is well */
  guint    value_labels;        /* how many "98,5%" labels fitted */
  guint    category_labels;     /* how many category labels were drawn */
  GArray  *bars;                /* CtChartBar, in series-major order */
} CtChartGeometry;

/* Draws @chart filling width × height from the current origin of @cr.
 * @style may be NULL for the light default. When @geometry is not NULL it
 * is filled (clear it with ct_chart_geometry_clear() afterwards). */
void              ct_chart_render                    (const CtChart         *chart,
                                                      cairo_t               *cr,
                                                      gdouble                width,
                                                      gdouble                height,
                                                      const CtChartStyle    *style,
                                                      CtChartGeometry       *geometry);
void              ct_chart_geometry_clear            (CtChartGeometry       *geometry);
/* The coordinate (y when vertical, x when horizontal) of @rate on the axis. */
gdouble           ct_chart_geometry_rate_to_position (const CtChartGeometry *geometry,
                                                      gdouble                rate);
/* The bar or "no data" band under (x, y), or NULL. */
const CtChartBar *ct_chart_geometry_hit              (const CtChartGeometry *geometry,
                                                      gdouble                x,
                                                      gdouble                y);
/* The fill colour of @series, components 0..1, as drawn with @style. */
void              ct_chart_style_get_series_rgb      (const CtChartStyle    *style,
                                                      guint                  series,
                                                      gdouble               *rgb);
/* The page background colour with @style. */
void              ct_chart_style_get_background_rgb  (const CtChartStyle    *style,
                                                      gdouble               *rgb);

G_END_DECLS
