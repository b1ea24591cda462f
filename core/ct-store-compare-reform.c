/* ct-store-compare-reform.c: whether a comparison straddles the 2025 reform
 *
 * A column's side is its year, except in 2025 itself: a district's report
 * of that year is from before 1 July (districts ended then), and a report
 * of a unit that exists only in the new list is from after it. Other 2025
 * reports cannot say and count on neither side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-compare-reform.h"
#include "ct-locality.h"

#define REFORM_YEAR 2025

static gchar *
column_when (const CtCompareColumn *col)
{
  g_autofree gchar *year = g_strdup_printf ("%d", col->year);
  g_autofree gchar *typed = NULL;
  g_autoptr(GPtrArray) units = NULL;
  gboolean before = FALSE, after = FALSE;

  if (col->year != REFORM_YEAR)
    return g_steal_pointer (&year);
  if (ct_locality_tier_of_level (col->level) == CT_LOCALITY_DISTRICT)
    return g_strdup ("2025-06-30");
  /* Only a 2025 column asks the country's list, which costs more to load
   * than the rest of a one-indicator comparison. */
  typed = col->level != NULL ? g_strconcat (col->level, " ", col->locality, NULL) : g_strdup (col->locality);
  units = ct_gazetteer_find (ct_gazetteer_get (), typed, ct_locality_tier_of_level (col->level), year);
  for (guint i = 0; i < units->len; i++)
    {
      if (ct_locality_is_after_reform (g_ptr_array_index (units, i)))
        after = TRUE;
      else
        before = TRUE;
    }
  if (after && !before)
    return g_strdup (CT_LOCALITY_REFORM_DATE);
  return g_steal_pointer (&year);
}

gchar *
ct_comparison_reform_note (CtComparison *self)
{
  guint n = ct_comparison_get_n_columns (self);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  g_autofree gchar **whens = NULL;

  /* Thousands of columns name a few years: each when is asked once. */
  for (guint c = 0; c < n; c++)
    {
      const CtCompareColumn *col = ct_comparison_get_column (self, c);

      if (col->year != REFORM_YEAR && g_hash_table_contains (years, GINT_TO_POINTER (col->year)))
        continue;
      g_hash_table_add (years, GINT_TO_POINTER (col->year));
      g_hash_table_add (seen, column_when (col));
    }
  whens = (gchar **) g_hash_table_get_keys_as_array (seen, NULL);
  return ct_locality_reform_note ((const gchar * const *) whens);
}
