/* ct-chart.c: the chart model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart.h"
#include "ct-format.h"
#include "ct-i18n.h"
#include "ct-observation.h"

#include <math.h>

struct _CtChart
{
  gchar              *title;
  gchar              *indicator;
  gchar              *unit;
  gchar              *period;
  gchar              *source_note;
  gchar              *category_title;
  CtChartOrientation  orientation;
  GPtrArray          *categories; /* gchar* */
  GPtrArray          *details;    /* gchar* or NULL, one per category */
  GPtrArray          *keys;       /* gchar*, one per category */
  GPtrArray          *series;     /* gchar* names */
  GPtrArray          *points;     /* one GArray of CtChartPoint per series */
  GStringChunk       *units;      /* point units, interned: few distinct ones */
};

G_DEFINE_BOXED_TYPE (CtChart, ct_chart, ct_chart_ref, ct_chart_unref)

static void
ct_chart_clear (CtChart *chart)
{
  g_free (chart->title);
  g_free (chart->indicator);
  g_free (chart->unit);
  g_free (chart->period);
  g_free (chart->source_note);
  g_free (chart->category_title);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->details);
  g_ptr_array_unref (chart->keys);
  g_ptr_array_unref (chart->series);
  g_ptr_array_unref (chart->points);
  g_string_chunk_free (chart->units);
}

CtChart *
ct_chart_new (void)
{
  CtChart *chart = g_atomic_rc_box_new0 (CtChart);

  chart->orientation = CT_CHART_VERTICAL;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->details = g_ptr_array_new_with_free_func (g_free);
  chart->keys = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (g_free);
  chart->points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  chart->units = g_string_chunk_new (256);
  return chart;
}

CtChart *
ct_chart_ref (CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return g_atomic_rc_box_acquire (chart);
}

void
ct_chart_unref (CtChart *chart)
{
  g_return_if_fail (chart != NULL);
  g_atomic_rc_box_release_full (chart, (GDestroyNotify) ct_chart_clear);
}

static void
replace_string (gchar       **field,
                const gchar  *value)
{
  if (*field != value)
    {
      g_free (*field);
      *field = (value != NULL && value[0] != '\0') ? g_strdup (value) : NULL;
    }
}

void
ct_chart_set_title (CtChart     *chart,
                    const gchar *title)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->title, title);
}

const gchar *
ct_chart_get_title (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title != NULL ? chart->title : chart->indicator;
}

void
ct_chart_set_indicator (CtChart     *chart,
                        const gchar *indicator)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->indicator, indicator);
}

const gchar *
ct_chart_get_indicator (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->indicator;
}

void
ct_chart_set_unit (CtChart     *chart,
                   const gchar *unit)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->unit, unit);
}

const gchar *
ct_chart_get_unit (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->unit;
}

void
ct_chart_set_period (CtChart     *chart,
                     const gchar *period)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->period, period);
}

const gchar *
ct_chart_get_period (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->period;
}

void
ct_chart_set_source_note (CtChart     *chart,
                          const gchar *note)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->source_note, note);
}

const gchar *
ct_chart_get_source_note (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->source_note;
}

void
ct_chart_set_category_title (CtChart     *chart,
                             const gchar *title)
{
  g_return_if_fail (chart != NULL);
  replace_string (&chart->category_title, title);
}

const gchar *
ct_chart_get_category_title (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->category_title;
}

void
ct_chart_set_orientation (CtChart            *chart,
                          CtChartOrientation  orientation)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (orientation == CT_CHART_VERTICAL || orientation == CT_CHART_HORIZONTAL);
  chart->orientation = orientation;
}

CtChartOrientation
ct_chart_get_orientation (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, CT_CHART_VERTICAL);
  return chart->orientation;
}

static GArray *
new_point_row (guint n)
{
  GArray *row = g_array_sized_new (FALSE, FALSE, sizeof (CtChartPoint), n);
  const CtChartPoint missing = CT_CHART_POINT_INIT;

  for (guint i = 0; i < n; i++)
    g_array_append_val (row, missing);
  return row;
}

guint
ct_chart_add_category (CtChart     *chart,
                       const gchar *label)
{
  return ct_chart_add_category_keyed (chart, label, label);
}

gint
ct_chart_find_category (const CtChart *chart,
                        const gchar   *key)
{
  g_return_val_if_fail (chart != NULL, -1);

  for (guint c = 0; c < chart->keys->len; c++)
    if (g_strcmp0 (g_ptr_array_index (chart->keys, c), key) == 0)
      return (gint) c;
  return -1;
}

guint
ct_chart_add_category_keyed (CtChart     *chart,
                             const gchar *key,
                             const gchar *label)
{
  const CtChartPoint missing = CT_CHART_POINT_INIT;

  g_return_val_if_fail (chart != NULL, 0);

  g_ptr_array_add (chart->categories, g_strdup (label != NULL ? label : ""));
  g_ptr_array_add (chart->details, NULL);
  g_ptr_array_add (chart->keys, g_strdup (key != NULL ? key : ""));
  for (guint s = 0; s < chart->points->len; s++)
    g_array_append_val (g_ptr_array_index (chart->points, s), missing);
  return chart->categories->len - 1;
}

guint
ct_chart_add_series (CtChart     *chart,
                     const gchar *name)
{
  g_return_val_if_fail (chart != NULL, 0);

  g_ptr_array_add (chart->series, g_strdup (name != NULL ? name : ""));
  g_ptr_array_add (chart->points, new_point_row (chart->categories->len));
  return chart->series->len - 1;
}

guint
ct_chart_get_n_categories (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->categories->len;
}

guint
ct_chart_get_n_series (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->series->len;
}

const gchar *
ct_chart_get_category (const CtChart *chart,
                       guint          category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);
  return g_ptr_array_index (chart->categories, category);
}

void
ct_chart_set_category (CtChart     *chart,
                       guint        category,
                       const gchar *label)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (category < chart->categories->len);

  g_free (g_ptr_array_index (chart->categories, category));
  g_ptr_array_index (chart->categories, category) = g_strdup (label != NULL ? label : "");
}

void
ct_chart_set_category_detail (CtChart     *chart,
                              guint        category,
                              const gchar *detail)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (category < chart->details->len);

  g_free (g_ptr_array_index (chart->details, category));
  g_ptr_array_index (chart->details, category) = g_strdup (detail);
}

const gchar *
ct_chart_get_category_detail (const CtChart *chart,
                              guint          category)
{
  const gchar *detail;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);
  detail = g_ptr_array_index (chart->details, category);
  return detail != NULL ? detail : g_ptr_array_index (chart->categories, category);
}

const gchar *
ct_chart_get_series_name (const CtChart *chart,
                          guint          series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  return g_ptr_array_index (chart->series, series);
}

void
ct_chart_set_point (CtChart            *chart,
                    guint               series,
                    guint               category,
                    const CtChartPoint *point)
{
  CtChartPoint *slot;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (point != NULL);
  g_return_if_fail (series < chart->series->len);
  g_return_if_fail (category < chart->categories->len);

  slot = &g_array_index ((GArray *) g_ptr_array_index (chart->points, series),
                         CtChartPoint, category);
  *slot = *point;
  /* An infinite rate (a plan of zero) cannot be drawn: it is missing. */
  if (!isfinite (slot->rate))
    slot->rate = NAN;
  slot->unit = point->unit != NULL
             ? g_string_chunk_insert_const (chart->units, point->unit)
             : NULL;
}

const CtChartPoint *
ct_chart_get_point (const CtChart *chart,
                    guint          series,
                    guint          category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);

  return &g_array_index ((GArray *) g_ptr_array_index (chart->points, series),
                         CtChartPoint, category);
}

const gchar *
ct_chart_point_get_unit (const CtChart      *chart,
                         const CtChartPoint *point)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (point != NULL, NULL);
  return point->unit != NULL ? point->unit : chart->unit;
}

gboolean
ct_chart_has_missing (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint s = 0; s < chart->points->len; s++)
    {
      GArray *row = g_ptr_array_index (chart->points, s);

      for (guint c = 0; c < row->len; c++)
        if (isnan (g_array_index (row, CtChartPoint, c).rate))
          return TRUE;
    }
  return FALSE;
}

gboolean
ct_chart_has_flagged (const CtChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint s = 0; s < chart->points->len; s++)
    {
      GArray *row = g_ptr_array_index (chart->points, s);

      for (guint c = 0; c < row->len; c++)
        if (g_array_index (row, CtChartPoint, c).flags != 0)
          return TRUE;
    }
  return FALSE;
}

gboolean
ct_chart_get_rate_range (const CtChart *chart,
                         gdouble       *min_rate,
                         gdouble       *max_rate)
{
  gdouble lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (chart != NULL, FALSE);

  for (guint s = 0; s < chart->points->len; s++)
    {
      GArray *row = g_ptr_array_index (chart->points, s);

      for (guint c = 0; c < row->len; c++)
        {
          gdouble r = g_array_index (row, CtChartPoint, c).rate;

          if (isnan (r))
            continue;
          lo = MIN (lo, r);
          hi = MAX (hi, r);
        }
    }
  if (min_rate != NULL)
    *min_rate = lo;
  if (max_rate != NULL)
    *max_rate = hi;
  return lo <= hi;
}

static gchar *
format_amount (gdouble      value,
               const gchar *unit)
{
  g_autofree gchar *number = ct_format_number (value, 3);

  if (unit == NULL || isnan (value))
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

gchar *
ct_chart_describe_point (const CtChart *chart,
                         guint          series,
                         guint          category)
{
  const CtChartPoint *p;
  const gchar *unit;
  GString *s;

  g_return_val_if_fail (chart != NULL, NULL);
  p = ct_chart_get_point (chart, series, category);
  g_return_val_if_fail (p != NULL, NULL);
  unit = ct_chart_point_get_unit (chart, p);

  /* In full: the label leaves to the subtitle what every bar shares. */
  s = g_string_new (ct_chart_get_category_detail (chart, category));
  if (chart->series->len > 1)
    g_string_append_printf (s, " · %s", ct_chart_get_series_name (chart, series));

  if (isnan (p->rate))
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("No achievement rate in this report"));
    }
  else
    {
      g_autofree gchar *rate = ct_format_percent (p->rate, 2);
      g_autofree gchar *verdict = ct_figure_format_rate (NAN, p->verdict, p->reported, NAN);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Achieved %s of plan"), rate);
      if (ct_verdict_word (p->verdict) != NULL)
        g_string_append_printf (s, " · %s", ct_verdict_word (p->verdict));
      if (verdict != NULL)
        g_string_append_printf (s, " %s", verdict);
    }
  if (!isnan (p->value))
    {
      g_autofree gchar *value = format_amount (p->value, unit);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Value: %s"), value);
    }
  if (!isnan (p->plan))
    {
      g_autofree gchar *plan = format_amount (p->plan, unit);

      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("Plan: %s"), plan);
    }
  for (guint i = 0; i < CT_N_FLAGS; i++)
    if (p->flags & (1u << i))
      {
        g_string_append_c (s, '\n');
        g_string_append_printf (s, _("Check: %s"), ct_figure_flag_text (1u << i));
      }
  return g_string_free (s, FALSE);
}

gchar *
ct_chart_describe (const CtChart *chart)
{
  guint n_bars = 0, n_missing = 0, n_met = 0;

  g_return_val_if_fail (chart != NULL, NULL);

  for (guint s = 0; s < chart->points->len; s++)
    {
      GArray *row = g_ptr_array_index (chart->points, s);

      for (guint c = 0; c < row->len; c++)
        {
          const CtChartPoint *p = &g_array_index (row, CtChartPoint, c);

          if (isnan (p->rate))
            n_missing++;
          else
            {
              n_bars++;
              /* The verdict's, so a part-year flow on track counts. */
              n_met += ct_verdict_band (p->verdict) == CT_RATE_BAND_MET;
            }
        }
    }
  return g_strdup_printf (_("%s. Figures: %u; met or on track: %u; missing: %u"),
                          ct_chart_get_title (chart) != NULL ? ct_chart_get_title (chart) : _("Chart"),
                          n_bars, n_met, n_missing);
}
