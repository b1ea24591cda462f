/* ct-extract-table.c: rows of annex tables with KH / TH / % columns
 *
 * Reports end with tables of indicators: a name, its unit, the plan, what
 * was done and the percentage. The header row says which column is which
 * (keywords.tsv, table_column); each row below it is one observation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-private.h"

#include <math.h>
#include <string.h>

typedef enum
{
  COL_LABEL,
  COL_UNIT,
  COL_PLAN,
  COL_BUDGET,
  COL_VALUE,
  COL_RATE,
  COL_YOY,
  N_COLS
} ColRole;

static const gchar * const role_names[N_COLS] = {
  "label", "unit", "plan", "budget", "value", "rate", "yoy",
};

struct _CtTableColumns
{
  guint table;
  guint header_row;
  gint  col[N_COLS]; /* column index, or -1 */
};

void
ct_table_columns_free (CtTableColumns *cols)
{
  g_free (cols);
}

gboolean
ct_table_columns_is_head (const CtTableColumns *cols,
                          guint                 row)
{
  return row <= cols->header_row;
}

/* "TH cùng kỳ 2024": what was done in the same period last year, a value
 * of its own, not a comparison with it ("So CK (%)", "TH/CK"). */
static gboolean
is_last_years_value (const CtKeywords *keywords,
                     const gchar      *lower,
                     gsize             s,
                     gsize             len)
{
  const CtKeyword *kw = ct_keywords_match_at (keywords, CT_KW_TABLE_COLUMN, lower, s, len, NULL);

  if (kw == NULL || !g_str_equal (kw->value, "value"))
    return FALSE;
  for (gsize p = s; p < len; p++)
    if (lower[p] == '%' || lower[p] == '/' ||
        (lower[p] == 's' && p + 1 < len && lower[p + 1] == 'o' && (p == s || lower[p - 1] == ' ') &&
         (p + 2 >= len || lower[p + 2] == ' ')))
      return FALSE;
  return TRUE;
}

/* The role of a header cell. A cell naming a comparison ("% so KH",
 * "So cùng kỳ") is a rate or yoy even though it names the plan too. */
static gint
cell_role (const CtKeywords *keywords,
           const gchar      *lower,
           gsize             len)
{
  static const ColRole priority[] = { COL_YOY, COL_RATE, COL_BUDGET, COL_PLAN,
                                      COL_VALUE, COL_UNIT, COL_LABEL };
  gsize s = 0;

  while (s < len && (lower[s] == ' ' || lower[s] == '*'))
    s++;
  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    for (gsize p = s; p < len; p++)
      {
        gsize e;
        const CtKeyword *kw;

        if (p > s && ct_extract_is_word_char (lower, len, p) && ct_extract_word_before (lower, p))
          continue;
        kw = ct_keywords_match_at (keywords, CT_KW_TABLE_COLUMN, lower, p, len, &e);
        if (kw != NULL && g_str_equal (kw->value, role_names[priority[i]]))
          {
            if (priority[i] == COL_YOY && is_last_years_value (keywords, lower, s, len))
              return -1;
            return priority[i];
          }
      }
  return -1;
}

static const CtCell *
cell_at (const CtTable *t,
         guint          row,
         guint          col)
{
  for (guint i = 0; i < t->cells->len; i++)
    {
      const CtCell *c = &g_array_index (t->cells, CtCell, i);

      if (c->row == row && col >= c->col && col < c->col + MAX (c->col_span, 1))
        return c;
    }
  return NULL;
}

CtTableColumns *
ct_extract_table_columns (const CtKeywords *keywords,
                          const CtDocument *doc,
                          guint             table)
{
  const CtTable *t = &g_array_index (doc->tables, CtTable, table);

  /* The header is among the first rows: the one naming a value column and
   * a plan, rate or yoy column. A header over two rows ("Năm 2024" over
   * "Kế hoạch | Ước TH", "So sánh (%)" over "TH/KH | Cùng kỳ") names some
   * columns in each, so the rows add up. */
  CtTableColumns cols = { table, 0, { -1, -1, -1, -1, -1, -1, -1 } };

  for (guint row = 0; row < MIN (t->n_rows, 3u); row++)
    {
      cols.header_row = row;
      for (guint i = 0; i < t->cells->len; i++)
        {
          const CtCell *c = &g_array_index (t->cells, CtCell, i);
          g_autofree gchar *lower = NULL;
          gint role;

          if (c->row != row || c->end <= c->start)
            continue;
          lower = ct_extract_lower (doc->text + c->start, c->end - c->start);
          role = cell_role (keywords, lower, c->end - c->start);
          if (role >= 0 && cols.col[role] < 0)
            cols.col[role] = c->col;
        }
      if (cols.col[COL_VALUE] >= 0 &&
          (cols.col[COL_PLAN] >= 0 || cols.col[COL_BUDGET] >= 0 ||
           cols.col[COL_RATE] >= 0 || cols.col[COL_YOY] >= 0))
        return g_memdup2 (&cols, sizeof cols);
    }
  return NULL;
}

/* A number filling a cell ("2.703,5", "60,1%", "60,1 %"); NAN otherwise. */
static gdouble
cell_number (const CtDocument *doc,
             const CtCell     *c,
             guint            *flags)
{
  g_autofree gchar *text = NULL;
  gchar *s;
  gdouble value;
  gsize n;

  if (c == NULL)
    return NAN;
  text = g_strndup (doc->text + c->start, c->end - c->start);
  s = g_strstrip (text);
  n = strlen (s);
  while (n > 0 && (s[n - 1] == '%' || s[n - 1] == ' ' || s[n - 1] == '*'))
    s[--n] = '\0';
  while (*s == '*')
    s++;
  if (!ct_number_parse (s, &value, flags))
    return NAN;
  return value;
}

static gchar *
cell_text (const CtDocument *doc,
           const CtCell     *c)
{
  g_autofree gchar *text = NULL;
  g_auto(GStrv) words = NULL;

  if (c == NULL || c->end <= c->start)
    return NULL;
  text = g_strndup (doc->text + c->start, c->end - c->start);
  g_strdelimit (text, "*_\n", ' ');
  words = g_strsplit_set (g_strstrip (text), " ", -1);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
    if (out->len == 0)
      return g_string_free (out, TRUE);
    return g_string_free (out, FALSE);
  }
}

CtObservation *
ct_extract_table_row (const CtKeywords     *keywords,
                      const CtUnitTable    *units,
                      const CtDocument     *doc,
                      const CtTableColumns *cols,
                      guint                 block,
                      gboolean              target)
{
  const CtBlock *blk = ct_document_get_block (doc, block);
  const CtTable *t = &g_array_index (doc->tables, CtTable, cols->table);
  g_autoptr(CtObservation) obs = ct_observation_new ();
  guint nflags = 0, f = 0;
  gint plan_col = cols->col[COL_PLAN] >= 0 ? cols->col[COL_PLAN] : cols->col[COL_BUDGET];
  const CtUnit *unit = NULL;

  obs->value = cell_number (doc, cell_at (t, blk->row, cols->col[COL_VALUE]), &f);
  nflags |= f;
  if (plan_col >= 0)
    {
      obs->plan = cell_number (doc, cell_at (t, blk->row, plan_col), &f);
      nflags |= isnan (obs->plan) ? 0 : f;
      obs->basis = cols->col[COL_PLAN] >= 0 ? CT_BASIS_PLAN : CT_BASIS_BUDGET;
    }
  if (cols->col[COL_RATE] >= 0)
    obs->rate = cell_number (doc, cell_at (t, blk->row, cols->col[COL_RATE]), NULL);
  if (cols->col[COL_YOY] >= 0)
    obs->yoy = cell_number (doc, cell_at (t, blk->row, cols->col[COL_YOY]), NULL);
  if (target)
    {
      /* A table of the coming period's targets: its plan is the figure,
       * even in a row where nothing is done yet. */
      if (!isnan (obs->plan))
        obs->value = obs->plan;
      if (isnan (obs->value))
        return NULL;
      obs->plan = obs->rate = obs->yoy = NAN;
      obs->basis = CT_BASIS_NONE;
      nflags = 0;
    }
  else if (isnan (obs->value) || (isnan (obs->plan) && isnan (obs->rate) && isnan (obs->yoy)))
    return NULL;
  if (isnan (obs->plan) && isnan (obs->rate))
    obs->basis = CT_BASIS_NONE;

  if (cols->col[COL_LABEL] >= 0)
    obs->label = cell_text (doc, cell_at (t, blk->row, cols->col[COL_LABEL]));
  if (cols->col[COL_UNIT] >= 0)
    {
      obs->unit = cell_text (doc, cell_at (t, blk->row, cols->col[COL_UNIT]));
      if (obs->unit != NULL)
        {
          gsize end = 0, ulen = strlen (obs->unit);

          unit = ct_unit_table_lookup (units, obs->unit);
          /* "Tỷ đồng", "Tấn" heading a cell: the same units. */
          if (unit == NULL)
            {
              unit = ct_unit_table_match (units, obs->unit, ulen, 0, &end);
              if (end != ulen)
                unit = NULL;
            }
        }
      if (unit != NULL)
        {
          gchar *shown = ct_unit_display_form (unit, obs->unit);

          g_free (obs->unit);
          obs->unit = shown;
        }
    }
  obs->section = ct_document_section_path (doc, blk->section);
  obs->line = blk->line;
  obs->start = blk->start;
  obs->end = blk->end;
  obs->kind = target ? CT_KIND_TARGET : CT_KIND_ACHIEVEMENT;
  if (!target)
    ct_extract_audit (keywords, obs, unit, nflags);
  return g_steal_pointer (&obs);
}
