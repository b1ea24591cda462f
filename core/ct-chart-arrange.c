/* ct-chart-arrange.c: sorted, filtered and turned copies of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-arrange.h"
#include "ct-i18n.h"

#include <math.h>

typedef struct
{
  guint   category;
  gdouble rate;  /* NAN when no series has one */
} Slot;

static gdouble
category_rate (const CtChart *chart,
               guint          category)
{
  for (guint s = 0; s < ct_chart_get_n_series (chart); s++)
    {
      gdouble rate = ct_chart_get_point (chart, s, category)->rate;

      if (!isnan (rate))
        return rate;
    }
  return NAN;
}

/* Highest rate first; no rate last; ties and the missing in their order. */
static gint
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (isnan (x->rate) != isnan (y->rate))
    return isnan (x->rate) ? 1 : -1;
  if (!isnan (x->rate) && x->rate != y->rate)
    return x->rate > y->rate ? -1 : 1;
  return (x->category > y->category) - (x->category < y->category);
}

static void
copy_header (const CtChart *from,
             CtChart       *to)
{
  /* The title getter falls back on the indicator: copy only a real one. */
  if (g_strcmp0 (ct_chart_get_title (from), ct_chart_get_indicator (from)) != 0)
    ct_chart_set_title (to, ct_chart_get_title (from));
  ct_chart_set_indicator (to, ct_chart_get_indicator (from));
  ct_chart_set_unit (to, ct_chart_get_unit (from));
  ct_chart_set_period (to, ct_chart_get_period (from));
  ct_chart_set_source_note (to, ct_chart_get_source_note (from));
  ct_chart_set_category_title (to, ct_chart_get_category_title (from));
  for (guint s = 0; s < ct_chart_get_n_series (from); s++)
    ct_chart_add_series (to, ct_chart_get_series_name (from, s));
}

static void
copy_category (const CtChart *from,
               guint          category,
               CtChart       *to)
{
  guint c = ct_chart_add_category (to, ct_chart_get_category (from, category));

  ct_chart_set_category_detail (to, c, ct_chart_get_category_detail (from, category));
  for (guint s = 0; s < ct_chart_get_n_series (from); s++)
    ct_chart_set_point (to, s, c, ct_chart_get_point (from, s, category));
}

/* Says which categories were left out for want of figures. */
static void
note_hidden (CtChart   *chart,
             GPtrArray *hidden)
{
  g_autofree gchar *names = NULL;
  g_autofree gchar *said = NULL;
  const gchar *note = ct_chart_get_source_note (chart);

  if (hidden->len == 0)
    return;
  g_ptr_array_add (hidden, NULL);
  names = g_strjoinv ("; ", (gchar **) hidden->pdata);
  said = g_strdup_printf (_("Not shown, no data: %s."), names);
  if (note != NULL)
    {
      g_autofree gchar *both = g_strdup_printf ("%s %s", said, note);

      ct_chart_set_source_note (chart, both);
    }
  else
    ct_chart_set_source_note (chart, said);
}

CtChart *
ct_chart_arrange (const CtChart            *chart,
                  const CtChartArrangement *arrangement)
{
  static const CtChartArrangement as_built = CT_CHART_ARRANGEMENT_INIT;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  CtChart *arranged;

  g_return_val_if_fail (chart != NULL, NULL);
  if (arrangement == NULL)
    arrangement = &as_built;

  for (guint c = 0; c < ct_chart_get_n_categories (chart); c++)
    {
      Slot slot = { c, category_rate (chart, c) };

      if (arrangement->hide_missing && isnan (slot.rate))
        g_ptr_array_add (hidden, (gpointer) ct_chart_get_category (chart, c));
      else
        g_array_append_val (slots, slot);
    }
  if (arrangement->sort_by_rate)
    g_array_sort (slots, compare_slots);

  arranged = ct_chart_new ();
  copy_header (chart, arranged);
  ct_chart_set_orientation (arranged, arrangement->orientation);
  for (guint i = 0; i < slots->len; i++)
    copy_category (chart, g_array_index (slots, Slot, i).category, arranged);
  note_hidden (arranged, hidden);
  return arranged;
}
