/* ct-compare-sort.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-compare-sort.h"

const CtVerdict ct_compare_filter_verdicts[6] = {
  CT_VERDICT_NONE, CT_VERDICT_NOT_MET, CT_VERDICT_BEHIND,
  CT_VERDICT_NEARLY_MET, CT_VERDICT_ON_TRACK, CT_VERDICT_MET,
};

/* Worst first, so an ascending sort lists what needs attention on top;
 * -1 for no verdict. */
static gint
verdict_rank (CtVerdict verdict)
{
  switch (verdict)
    {
    case CT_VERDICT_NOT_MET:
      return 0;
    case CT_VERDICT_BEHIND:
      return 1;
    case CT_VERDICT_NEARLY_MET:
      return 2;
    case CT_VERDICT_ON_TRACK:
      return 3;
    case CT_VERDICT_MET:
      return 4;
    case CT_VERDICT_NONE:
    default:
      return -1;
    }
}

static GtkOrdering
compare_numbers (gdouble x,
                 gdouble y)
{
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

GtkOrdering
ct_compare_sort_cells (const CtCompareCell *x,
                       const CtCompareCell *y,
                       CtCompareSortKey     key,
                       gboolean             descending)
{
  gdouble rx = x->observation_id != 0 ? ct_compare_cell_get_rate (x) : NAN;
  gdouble ry = y->observation_id != 0 ? ct_compare_cell_get_rate (y) : NAN;
  gint vx = x->observation_id != 0 ? verdict_rank (x->verdict) : -1;
  gint vy = y->observation_id != 0 ? verdict_rank (y->verdict) : -1;
  gboolean missing_x = key == CT_COMPARE_SORT_VERDICT ? vx < 0 : isnan (rx);
  gboolean missing_y = key == CT_COMPARE_SORT_VERDICT ? vy < 0 : isnan (ry);
  GtkOrdering last = descending ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  if (missing_x || missing_y)
    {
      if (missing_x && missing_y)
        return GTK_ORDERING_EQUAL;
      return missing_x ? last : -last;
    }
  if (key == CT_COMPARE_SORT_VERDICT && vx != vy)
    return vx < vy ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  /* Within a verdict, by rate; a verdict without a rate (the report's
   * word only) after those with one. */
  if (isnan (rx) || isnan (ry))
    return isnan (rx) == isnan (ry) ? GTK_ORDERING_EQUAL : isnan (rx) ? last : -last;
  return compare_numbers (rx, ry);
}

gboolean
ct_compare_row_has_verdict (CtComparison   *comparison,
                            guint           row,
                            CtVerdict       verdict,
                            const gboolean *shown)
{
  g_return_val_if_fail (comparison != NULL, FALSE);

  if (verdict == CT_VERDICT_NONE)
    return TRUE;
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (comparison, row, c);

      if ((shown == NULL || shown[c]) && cell->observation_id != 0 && cell->verdict == verdict)
        return TRUE;
    }
  return FALSE;
}

GStrv
ct_compare_filter_names (void)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_strv_builder_add (names, _("Every verdict"));
  for (guint i = 1; i < G_N_ELEMENTS (ct_compare_filter_verdicts); i++)
    {
      const gchar *word = ct_verdict_word (ct_compare_filter_verdicts[i]);
      gunichar first = g_utf8_get_char (word);
      gchar head[8] = { 0 };
      g_autofree gchar *name = NULL;

      /* "chưa đạt" → "Chưa đạt": the verdict words are the cells' own. */
      g_unichar_to_utf8 (g_unichar_totitle (first), head);
      name = g_strconcat (head, g_utf8_next_char (word), NULL);
      g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}
