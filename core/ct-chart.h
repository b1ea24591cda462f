/* ct-chart.h: what a bar chart of achievement rates shows
 *
 * A CtChart is the model every output draws from (the window's widget,
 * printing, PNG/SVG/PDF export): a title block (title, indicator, unit,
 * period), a source note, categories along the axis (reports, localities
 * or years) and one or more series (indicators or years). Each
 * (series, category) cell is a CtChartPoint; a cell never set is missing,
 * and missing data is drawn as missing, never as a zero bar.
 *
 * Reference counted and immutable once handed to a view by convention:
 * build it, then pass it on. Not thread-safe while being built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ct-figure.h"

G_BEGIN_DECLS

typedef enum
{
  CT_CHART_VERTICAL,   /* categories along the bottom, bars grow upwards */
  CT_CHART_HORIZONTAL, /* categories down the left, bars grow to the right */
} CtChartOrientation;

typedef struct
{
  gdouble rate;           /* achievement, % of plan; NAN when missing */
  gdouble value;          /* achieved value, NAN when unknown */
  gdouble plan;           /* planned value, NAN when unknown */
  const gchar *unit;      /* unit of value and plan, or NULL for the chart's unit */
  guint   flags;          /* CtFlags of the figure; non-zero draws a "!" marker */
  gint64  observation_id; /* where the figure came from, 0 when none */
  CtVerdict verdict;      /* the comparison cell's (ct_figure_judge()) */
  CtVerdict reported;     /* the report's own word */
} CtChartPoint;

/* A point with every figure missing, to start from. */
#define CT_CHART_POINT_INIT { NAN, NAN, NAN, NULL, 0, 0, CT_VERDICT_NONE, CT_VERDICT_NONE }

typedef struct _CtChart CtChart;

#define CT_TYPE_CHART (ct_chart_get_type ())

GType               ct_chart_get_type         (void) G_GNUC_CONST;
CtChart            *ct_chart_new              (void);
CtChart            *ct_chart_ref              (CtChart            *chart);
void                ct_chart_unref            (CtChart            *chart);

/* The title defaults to the indicator when unset. */
void                ct_chart_set_title        (CtChart            *chart,
                                               const gchar        *title);
const gchar        *ct_chart_get_title        (const CtChart      *chart);
void                ct_chart_set_indicator    (CtChart            *chart,
                                               const gchar        *indicator);
const gchar        *ct_chart_get_indicator    (const CtChart      *chart);
void                ct_chart_set_unit         (CtChart            *chart,
                                               const gchar        *unit);
const gchar        *ct_chart_get_unit         (const CtChart      *chart);
/* What every bar shares, said once in the subtitle: the period and
 * year, and the locality when all bars are of one (ct-chart-compare.h
 * decides, so the labels carry only what differs). */
void                ct_chart_set_period       (CtChart            *chart,
                                               const gchar        *period);
const gchar        *ct_chart_get_period       (const CtChart      *chart);
void                ct_chart_set_source_note  (CtChart            *chart,
                                               const gchar        *note);
const gchar        *ct_chart_get_source_note  (const CtChart      *chart);
/* What the categories are ("Locality", "Report"…), for table headings. */
void                ct_chart_set_category_title (CtChart          *chart,
                                                 const gchar      *title);
const gchar        *ct_chart_get_category_title (const CtChart    *chart);
void                ct_chart_set_orientation  (CtChart            *chart,
                                               CtChartOrientation  orientation);
CtChartOrientation  ct_chart_get_orientation  (const CtChart      *chart);

/* Adding returns the new index. Points of existing series for a new
 * category, and of a new series for every category, start missing. */
guint               ct_chart_add_category     (CtChart            *chart,
                                               const gchar        *label);
/* The same with a key other than the label, so that categories are found
 * again (ct_chart_find_category()) after they were renamed. */
guint               ct_chart_add_category_keyed (CtChart          *chart,
                                                 const gchar      *key,
                                                 const gchar      *label);
/* The category added with @key, or -1. */
gint                ct_chart_find_category    (const CtChart      *chart,
                                               const gchar        *key);
guint               ct_chart_add_series       (CtChart            *chart,
                                               const gchar        *name);
guint               ct_chart_get_n_categories (const CtChart      *chart);
guint               ct_chart_get_n_series     (const CtChart      *chart);
const gchar        *ct_chart_get_category     (const CtChart      *chart,
                                               guint               category);
const gchar        *ct_chart_get_series_name  (const CtChart      *chart,
                                               guint               series);

/* Renames a category (labels are keys while a chart is being built from
 * comparisons; the final, shorter names are set at the end). */
void                ct_chart_set_category     (CtChart            *chart,
                                               guint               category,
                                               const gchar        *label);
/* The category named in full, for tooltips and screen readers ("Hạ Lang
 * (Cao Bằng) · 6 tháng đầu năm 2021" where the label says "Hạ Lang");
 * the label when no detail was set. */
void                ct_chart_set_category_detail (CtChart         *chart,
                                                  guint            category,
                                                  const gchar     *detail);
const gchar        *ct_chart_get_category_detail (const CtChart   *chart,
                                                  guint            category);

/* Copies @point (and its unit string). */
void                ct_chart_set_point        (CtChart            *chart,
                                               guint               series,
                                               guint               category,
                                               const CtChartPoint *point);
const CtChartPoint *ct_chart_get_point        (const CtChart      *chart,
                                               guint               series,
                                               guint               category);
/* The unit of a point: its own, else the chart's; may be NULL. */
const gchar        *ct_chart_point_get_unit   (const CtChart      *chart,
                                               const CtChartPoint *point);

/* What a reader needs to know about one bar, in a few translated lines:
 * where and what, the rate, value and plan with units, and why a flagged
 * figure is flagged. Used by the widget's tooltip and the printed table. */
gchar              *ct_chart_describe_point   (const CtChart      *chart,
                                               guint               series,
                                               guint               category);
/* A one-line summary of the whole chart, for screen readers. */
gchar              *ct_chart_describe         (const CtChart      *chart);

/* Summaries over every point, for axes and legends. */
gboolean            ct_chart_has_missing      (const CtChart      *chart);
gboolean            ct_chart_has_flagged      (const CtChart      *chart);
/* The largest and smallest rate present; FALSE when every point is missing. */
gboolean            ct_chart_get_rate_range   (const CtChart      *chart,
                                               gdouble            *min_rate,
                                               gdouble            *max_rate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtChart, ct_chart_unref)

G_END_DECLS
