/* ct-chart-sources.c: what differs between bars goes in their labels,
 * what they share in the subtitle, and which reports in the footer
 *
 * A label such as "Hạ Lang · 6 tháng đầu năm 2021" under every bar says
 * the period five times and is cut short before the year, the one thing
 * that told the bars apart. So the columns behind each category are
 * looked at first, and each of locality, period and year goes either in
 * every label (it differs between categories) or once in the subtitle
 * (it is the same for all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-compare.h"
#include "ct-store-compare-reform.h"
#include "ct-i18n.h"

#include <string.h>

/* A long list of reports helps nobody: the note names a few. */
#define MAX_SOURCES_NAMED 6

/* What the columns of one category have in common; a field that varies
 * inside the category (the years of a grouped chart) is told by the
 * series instead. */
typedef struct
{
  gboolean               seen;
  const CtCompareColumn *col;  /* the first column */
  gboolean               locality_varies, period_varies, year_varies;
} Category;

typedef struct
{
  guint     n;
  Category *cats;
  gboolean  locality_differs, period_differs, year_differs; /* between categories */
  gboolean  one_locality, one_period;                       /* in every column */
  gint      min_year, max_year;
  GPtrArray *reports;                                       /* CtCompareColumn*, one per report */
} Survey;

static void
survey_column (Survey                *sv,
               CtChart               *chart,
               CtComparison          *comparison,
               guint                  column)
{
  const CtCompareColumn *col = ct_comparison_get_column (comparison, column);
  g_autofree gchar *key = ct_chart_compare_column_key (comparison, column);
  gint idx = ct_chart_find_category (chart, key);
  const CtCompareColumn *first = sv->reports->len > 0 ? g_ptr_array_index (sv->reports, 0) : NULL;
  gboolean known = FALSE;

  sv->min_year = MIN (sv->min_year, col->year);
  sv->max_year = MAX (sv->max_year, col->year);
  if (first != NULL)
    {
      sv->one_locality &= col->locality_id == first->locality_id;
      sv->one_period &= g_strcmp0 (col->period, first->period) == 0;
    }
  for (guint i = 0; i < sv->reports->len && !known; i++)
    known = ((const CtCompareColumn *) g_ptr_array_index (sv->reports, i))->report_id == col->report_id;
  if (!known)
    g_ptr_array_add (sv->reports, (gpointer) col);

  if (idx < 0 || (guint) idx >= sv->n)
    return;
  if (!sv->cats[idx].seen)
    {
      sv->cats[idx].seen = TRUE;
      sv->cats[idx].col = col;
      return;
    }
  sv->cats[idx].locality_varies |= col->locality_id != sv->cats[idx].col->locality_id;
  sv->cats[idx].period_varies |= g_strcmp0 (col->period, sv->cats[idx].col->period) != 0;
  sv->cats[idx].year_varies |= col->year != sv->cats[idx].col->year;
}

/* Which fields tell the categories apart. */
static void
survey_differences (Survey *sv)
{
  const Category *ref = NULL;

  for (guint c = 0; c < sv->n; c++)
    {
      const Category *cat = &sv->cats[c];

      if (!cat->seen)
        continue;
      if (ref == NULL)
        {
          ref = cat;
          continue;
        }
      sv->locality_differs |= !cat->locality_varies && !ref->locality_varies
                              && cat->col->locality_id != ref->col->locality_id;
      sv->period_differs |= !cat->period_varies && !ref->period_varies
                            && g_strcmp0 (cat->col->period, ref->col->period) != 0;
      sv->year_differs |= !cat->year_varies && !ref->year_varies && cat->col->year != ref->col->year;
    }
}

/* "6 tháng đầu năm 2021", "2021" or "6 tháng đầu năm", as asked. */
static void
append_time (GString               *s,
             const CtCompareColumn *col,
             gboolean               period,
             gboolean               year)
{
  const gchar *sep = s->len > 0 ? " · " : "";

  if (period && col->period != NULL)
    {
      g_string_append_printf (s, "%s%s", sep, col->period);
      sep = " ";
    }
  if (year)
    g_string_append_printf (s, "%s%d", sep, col->year);
}

static gchar *
category_label (const Survey   *sv,
                const Category *cat)
{
  GString *s = g_string_new (NULL);

  if (sv->locality_differs && !cat->locality_varies)
    g_string_append (s, cat->col->locality);
  append_time (s, cat->col, sv->period_differs && !cat->period_varies,
               sv->year_differs && !cat->year_varies);
  /* A lone bar (or bars that differ in nothing said here) is named by
   * its locality, with the period when that is shared too. */
  if (s->len == 0)
    g_string_append (s, cat->col->locality);
  return g_string_free (s, FALSE);
}

static gchar *
category_detail (const Category *cat)
{
  GString *s = g_string_new (NULL);

  if (!cat->locality_varies)
    {
      g_string_append (s, cat->col->locality);
      if (cat->col->province != NULL)
        g_string_append_printf (s, " (%s)", cat->col->province);
    }
  append_time (s, cat->col, !cat->period_varies, !cat->year_varies);
  return g_string_free (s, FALSE);
}

/* Labels, then a number after any that came out the same (two reports of
 * one locality and period), so no two bars look alike. */
static void
label_categories (const Survey *sv,
                  CtChart      *chart)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < sv->n; c++)
    {
      g_autofree gchar *label = NULL;
      g_autofree gchar *detail = NULL;
      guint times;

      if (!sv->cats[c].seen)
        continue;
      label = category_label (sv, &sv->cats[c]);
      detail = category_detail (&sv->cats[c]);
      times = GPOINTER_TO_UINT (g_hash_table_lookup (used, label)) + 1;
      g_hash_table_replace (used, g_strdup (label), GUINT_TO_POINTER (times));
      if (times > 1)
        {
          gchar *numbered = g_strdup_printf ("%s (%u)", label, times);

          g_free (label);
          label = numbered;
        }
      ct_chart_set_category (chart, c, label);
      ct_chart_set_category_detail (chart, c, detail);
    }
}

/* What every bar shares, for the subtitle. */
static gchar *
shared_text (const Survey *sv)
{
  const CtCompareColumn *first = g_ptr_array_index (sv->reports, 0);
  GString *s = g_string_new (NULL);
  guint n_seen = 0;

  for (guint c = 0; c < sv->n; c++)
    n_seen += sv->cats[c].seen;
  /* A lone bar already carries the locality as its label. */
  if (sv->one_locality && !sv->locality_differs && n_seen > 1)
    g_string_append (s, first->locality);
  if (sv->one_period && !sv->period_differs && first->period != NULL)
    append_time (s, first, TRUE, FALSE);
  if (!sv->year_differs)
    {
      const gchar *sep = s->len == 0 ? "" : (sv->one_period && !sv->period_differs ? " " : " · ");

      if (sv->min_year == sv->max_year)
        g_string_append_printf (s, "%s%d", sep, sv->min_year);
      else
        g_string_append_printf (s, "%s%d–%d", sep, sv->min_year, sv->max_year);
    }
  return g_string_free (s, s->len == 0);
}

/* "huyện Hạ Lang (2021); huyện Nam Đông (2023)": the reports by the place
 * they speak for; their file names are hashes that say nothing. */
static gchar *
sources_text (const Survey *sv)
{
  g_autoptr(GString) named = g_string_new (NULL);
  gboolean period_varies = !sv->one_period, year_varies = sv->min_year != sv->max_year;
  guint n = sv->reports->len;

  for (guint i = 0; i < n && i < MAX_SOURCES_NAMED; i++)
    {
      const CtCompareColumn *col = g_ptr_array_index (sv->reports, i);

      if (i > 0)
        g_string_append (named, "; ");
      if (col->level != NULL && col->level[0] != '\0')
        g_string_append_printf (named, "%s ", col->level);
      g_string_append (named, col->locality);
      /* The period the subtitle already gives is not repeated. */
      if (period_varies || year_varies)
        {
          g_autoptr(GString) when = g_string_new (NULL);

          append_time (when, col, period_varies, year_varies);
          g_string_append_printf (named, " (%s)", when->str);
        }
    }
  if (n > MAX_SOURCES_NAMED)
    {
      g_autofree gchar *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more report",
                                                             "%u more reports", n - MAX_SOURCES_NAMED),
                                                n - MAX_SOURCES_NAMED);

      g_string_append_printf (named, "; %s", more);
    }
  return g_strdup_printf (_("Source: reports of %s"), named->str);
}

static void
set_note (CtChart             *chart,
          const Survey        *sv,
          CtComparison *const *comparisons,
          guint                n)
{
  g_autoptr(GString) note = g_string_new (NULL);

  /* Bars of a former district beside a new commune compare different
   * ground: said first, so a footnote cut short still says it. */
  for (guint k = 0; k < n && note->len == 0; k++)
    {
      g_autofree gchar *reform = ct_comparison_reform_note (comparisons[k]);

      if (reform != NULL)
        g_string_append (note, reform);
    }
  if (sv->reports->len > 0)
    {
      g_autofree gchar *sources = sources_text (sv);

      g_string_append_printf (note, "%s%s", note->len > 0 ? " " : "", sources);
    }
  if (note->len > 0)
    ct_chart_set_source_note (chart, note->str);
}

void
ct_chart_describe_sources (CtChart             *chart,
                           CtComparison *const *comparisons,
                           guint                n)
{
  Survey sv = { 0 };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (comparisons != NULL || n == 0);

  sv.n = ct_chart_get_n_categories (chart);
  sv.cats = g_new0 (Category, MAX (sv.n, 1));
  sv.one_locality = sv.one_period = TRUE;
  sv.min_year = G_MAXINT;
  sv.max_year = G_MININT;
  sv.reports = g_ptr_array_new ();
  for (guint k = 0; k < n; k++)
    for (guint c = 0; c < ct_comparison_get_n_columns (comparisons[k]); c++)
      survey_column (&sv, chart, comparisons[k], c);

  /* Comparisons of different years drawn as series (bars grouped by
   * year): the legend tells the years, the labels need not. */
  for (guint k = 1; k < n; k++)
    if (ct_comparison_get_query (comparisons[k]) != NULL && ct_comparison_get_query (comparisons[0]) != NULL
        && ct_comparison_get_query (comparisons[k])->year != ct_comparison_get_query (comparisons[0])->year)
      for (guint c = 0; c < sv.n; c++)
        sv.cats[c].year_varies = TRUE;

  if (sv.reports->len > 0)
    {
      g_autofree gchar *shared = NULL;

      survey_differences (&sv);
      label_categories (&sv, chart);
      shared = shared_text (&sv);
      ct_chart_set_period (chart, shared);
    }
  set_note (chart, &sv, comparisons, n);
  g_ptr_array_unref (sv.reports);
  g_free (sv.cats);
}
