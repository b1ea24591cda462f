/* ct-extract-scan.c: the figures of a passage
 *
 * Finds numbers with their units, X/Y pairs and ranges, and leaves out
 * what only looks like a measurement: dates (31/5/2021, 30/6), legal
 * numbers (1980/QĐ-TTg, 09/2019/NĐ-CP), km markers (Km146+200), ISO
 * 9001:2015, 4G/5G, ranks (thứ 6/10), per-unit ratios (133 cuộc/9.928
 * người), levels (mức độ 3,4), years and list numbering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-private.h"

#include <math.h>
#include <string.h>

void
ct_figure_clear (CtFigure *fig)
{
  g_clear_pointer (&fig->unit_text, g_free);
}

gboolean
ct_figure_is_percent (const CtFigure *fig)
{
  return fig->unit != NULL && g_str_equal (fig->unit->dimension, "percent");
}

static gboolean
is_digit (gchar c)
{
  return c >= '0' && c <= '9';
}

static gsize
skip_spaces (const gchar *text,
             gsize        len,
             gsize        p)
{
  while (p < len && (text[p] == ' ' || text[p] == '\t'))
    p++;
  return p;
}

/* Skips a whole run of digits, separators and letters glued together
 * ("Km146+200", "QL.12", "4G/5G", "09/2019/NĐ-CP"). */
static gsize
skip_token (const gchar *text,
            gsize        len,
            gsize        p)
{
  while (p < len)
    {
      if (is_digit (text[p]) || text[p] == '.' || text[p] == ',' ||
          text[p] == '/' || text[p] == '+' || text[p] == '-' || text[p] == ':')
        {
          /* Separators only continue the token when something follows. */
          if (!is_digit (text[p]) && (p + 1 >= len || text[p + 1] == ' '))
            break;
          p++;
        }
      else if (ct_extract_is_word_char (text, len, p))
        p = g_utf8_next_char (text + p) - text;
      else
        break;
    }
  return p;
}

static gchar *
normalise_spaces (const gchar *text,
                  gsize        len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (text[i] != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/* Reads a unit after @pos, normalising the spaces in what was written. A
 * unit followed by "/word" is a per-unit ratio ("triệu đồng/tấn"). */
static const CtUnit *
read_unit (const CtUnitTable *units,
           const CtKeywords  *keywords,
           const gchar       *lower,
           const gchar       *text,
           gsize              len,
           gsize              pos,
           gsize             *end,
           gchar            **written,
           gboolean          *ratio)
{
  const CtUnit *unit = ct_unit_table_match (units, text, len, pos, end);
  gsize s;

  *ratio = FALSE;
  if (unit == NULL)
    return NULL;
  s = skip_spaces (text, len, pos);
  {
    g_autofree gchar *as_written = normalise_spaces (text + s, *end - s);

    *written = ct_unit_display_form (unit, as_written);
  }
  if (*end + 1 < len && text[*end] == '/' && !is_digit (text[*end + 1]) &&
      text[*end + 1] != ' ' && ct_extract_is_word_char (text, len, *end + 1) &&
      ct_keywords_match_at (keywords, CT_KW_BASIS, lower, *end + 1, len, NULL) == NULL)
    {
      gsize q = *end + 1;

      while (q < len && ct_extract_is_word_char (text, len, q))
        q = g_utf8_next_char (text + q) - text;
      g_free (*written);
      *written = g_strndup (text + s, q - s);
      *end = q;
      *ratio = TRUE;
    }
  return unit;
}

/* Whether a number is list numbering: at the start of the passage or a
 * sentence, followed by "." or ")" and a space ("1.", "2)", "(3)"). */
static gboolean
is_numbering (const gchar *text,
              gsize        len,
              gsize        start,
              gsize        end)
{
  gsize b = start;

  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '('))
    b--;
  if (end < len && (text[end] == ')' || text[end] == '.') &&
      (end + 1 >= len || text[end + 1] == ' ' || text[end + 1] == '\n'))
    {
      if (b == 0 || text[b - 1] == '\n' || text[b - 1] == '.' ||
          text[b - 1] == ':' || text[b - 1] == ';' || text[b - 1] == '-' ||
          text[b - 1] == '*')
        return TRUE;
    }
  /* "(1) Xây dựng …" anywhere in a sentence */
  if (start > 0 && text[start - 1] == '(' && end < len && text[end] == ')')
    return TRUE;
  return FALSE;
}

static gboolean
looks_like_date (const CtNumber *a,
                 const CtNumber *b)
{
  return !(a->flags & CT_NUMBER_DECIMAL) && !(b->flags & CT_NUMBER_DECIMAL) &&
         a->value >= 1 && a->value <= 31 && b->value >= 1 && b->value <= 12;
}

/* "KH năm 70%", "thực hiện 6 tháng 25,5 tỷ đồng": after a word that
 * usually opens a year or a date, a number with a unit of measure is still
 * a measurement; "năm 2023", "tháng 6 năm 2023" and "ngày 30/6" are not. */
static gboolean
is_measure_after_time_word (const CtUnitTable *units,
                            const CtKeyword   *kw,
                            const gchar       *text,
                            gsize              len,
                            const CtNumber    *number)
{
  const CtUnit *unit;
  gsize q = number->end;

  if (!g_str_equal (kw->value, "year") && !g_str_equal (kw->value, "date"))
    return FALSE;
  while (q < len && text[q] == ' ')
    q++;
  unit = ct_unit_table_match (units, text, len, q, NULL);
  /* "6 tháng 1 lần" is how often, not how much. */
  return unit != NULL && !g_str_equal (unit->dimension, "time") &&
         !g_str_equal (unit->dimension, "multiple");
}

GArray *
ct_extract_scan (const CtUnitTable *units,
                 const CtKeywords  *keywords,
                 const gchar       *text,
                 const gchar       *lower,
                 gsize              len)
{
  /* Room for a figure every 32 bytes, so the array seldom grows. */
  GArray *figs = g_array_sized_new (FALSE, TRUE, sizeof (CtFigure), MAX (len / 32, 8));
  gsize p = 0;
  guint depth = 0;
  const gchar *last_fraction_unit = NULL;

  g_array_set_clear_func (figs, (GDestroyNotify) ct_figure_clear);

  for (;;)
    {
      CtNumber a, b;
      CtFigure fig;
      gsize q, uend = 0;
      g_autofree gchar *written = NULL;
      gboolean ratio = FALSE;
      const CtKeyword *kw;

      /* Most of a report is words: step over them without any set-up. */
      while (p < len && !is_digit (text[p]))
        {
          if (text[p] == '(')
            depth++;
          else if (text[p] == ')' && depth > 0)
            depth--;
          else if (text[p] == '\n')
            depth = 0;
          p++;
        }
      if (p >= len)
        break;
      memset (&fig, 0, sizeof fig);

      /* Glued to letters before it: Km146, QL12, COVID-19, H2O. */
      if (ct_extract_word_before (text, p) ||
          (p >= 2 && text[p - 1] == '-' && ct_extract_word_before (text, p - 1)) ||
          (p >= 2 && text[p - 1] == '.' && ct_extract_word_before (text, p - 1) &&
           !is_digit (text[p - 2])))
        {
          p = skip_token (text, len, p);
          continue;
        }
      if (!ct_number_scan (text, len, p, &a))
        {
          p = skip_token (text, len, p);
          continue;
        }
      q = a.end;

      /* ISO 9001:2015, times 7:30, 4G/5G, 3D: letters or a colon glued on
       * that are no unit. */
      if (q + 1 < len && text[q] == ':' && is_digit (text[q + 1]))
        {
          p = skip_token (text, len, p);
          continue;
        }
      if (q < len && ct_extract_is_word_char (text, len, q) &&
          ct_unit_table_match (units, text, len, q, NULL) == NULL)
        {
          p = skip_token (text, len, p);
          continue;
        }
      /* Words that make the number a rank, a level, a year or a name. */
      kw = ct_keywords_match_before (keywords, CT_KW_NOT_MEASURE, lower, 0, p, NULL);
      /* "vượt mức 8%" (value "measure") outweighs the "mức" of a level. */
      if (kw != NULL && !g_str_equal (kw->value, "measure") &&
          !is_measure_after_time_word (units, kw, text, len, &a))
        {
          p = skip_token (text, len, p);
          continue;
        }
      if (is_numbering (text, len, a.start, a.end))
        {
          p = a.end;
          continue;
        }

      fig.kind = CT_FIG_QUANTITY;
      fig.start = a.start;
      fig.value = a.value;
      fig.high = NAN;
      fig.denom = NAN;
      fig.nflags = a.flags;
      fig.depth = depth;

      /* "21,50/00": per mille glued to the number, whose last 0 belongs
       * to the sign. */
      if (q + 3 <= len && text[q] == '/' && text[q + 1] == '0' && text[q + 2] == '0' &&
          (q + 3 == len || !is_digit (text[q + 3])) && q > p + 1 && text[q - 1] == '0' &&
          ct_number_scan (text, q - 1, p, &a) && a.end == q - 1)
        {
          fig.kind = CT_FIG_QUANTITY;
          fig.start = a.start;
          fig.value = a.value;
          fig.high = NAN;
          fig.denom = NAN;
          fig.nflags = a.flags;
          fig.depth = depth;
          fig.flags = CT_FIG_PERMILLE;
          fig.unit = ct_unit_table_lookup (units, "0/00");
          fig.unit_text = g_strdup ("0/00");
          fig.end = q + 3;
          g_array_append_val (figs, fig);
          p = q + 3;
          continue;
        }
      if (q < len && text[q] == '/' && q + 1 < len && is_digit (text[q + 1]))
        {
          /* X/Y: a date, a legal number, or value over plan. */
          if (!ct_number_scan (text, len, q + 1, &b))
            {
              p = skip_token (text, len, p);
              continue;
            }
          if (b.end < len && (text[b.end] == '/' || text[b.end] == '-' ||
                              (ct_extract_is_word_char (text, len, b.end) &&
                               ct_unit_table_match (units, text, len, b.end, NULL) == NULL)))
            {
              p = skip_token (text, len, p);
              continue;
            }
          fig.kind = CT_FIG_FRACTION;
          fig.denom = b.value;
          fig.nflags |= b.flags;
          q = b.end;
          fig.unit = read_unit (units, keywords, lower, text, len, q, &uend, &written, &ratio);
          if (fig.unit == NULL && looks_like_date (&a, &b))
            {
              p = q;
              continue;
            }
          if (fig.unit != NULL)
            {
              /* "9,47 ha/62 hộ" is handled below; "ha/hộ" after Y makes
               * the whole a ratio. */
              if (ratio)
                fig.flags |= CT_FIG_RATIO;
              q = uend;
              fig.unit_text = g_steal_pointer (&written);
              last_fraction_unit = fig.unit_text;
            }
          else
            {
              /* "01 xã đạt 16/19 (Thượng Long)": the unit of the list. */
              fig.flags |= CT_FIG_NOUNIT;
              if (last_fraction_unit != NULL)
                {
                  fig.unit_text = g_strdup (last_fraction_unit);
                  fig.unit = ct_unit_table_lookup (units, last_fraction_unit);
                }
            }
          fig.end = q;
          g_array_append_val (figs, fig);
          last_fraction_unit = g_array_index (figs, CtFigure, figs->len - 1).unit_text;
          p = q;
          continue;
        }

      /* A range: "43-45%", "1.500 - 1.600 ha", "16-17 tiêu chí". */
      {
        gsize r = skip_spaces (text, len, q);
        gsize dash_len = 0;

        if (r < len && text[r] == '-')
          dash_len = 1;
        else if (r + 3 <= len && memcmp (text + r, "–", 3) == 0)
          dash_len = 3;
        if (dash_len > 0)
          {
            gsize s = skip_spaces (text, len, r + dash_len);
            CtNumber h;

            if (s < len && is_digit (text[s]) && ct_number_scan (text, len, s, &h) &&
                h.value > a.value && !(h.end < len && text[h.end] == '/') &&
                !(a.value >= 1900 && a.value <= 2100 && h.value <= 2100))
              {
                fig.high = h.value;
                fig.flags |= CT_FIG_RANGE;
                fig.nflags |= h.flags;
                q = h.end;
              }
          }
      }

      fig.unit = read_unit (units, keywords, lower, text, len, q, &uend, &written, &ratio);
      if (fig.unit != NULL)
        {
          q = uend;
          fig.unit_text = g_steal_pointer (&written);
          if (ratio)
            fig.flags |= CT_FIG_RATIO;
          /* "9,47 ha/62 hộ", "381 ca/1.439 lượt": per-unit, not a plan;
           * but "45,3 tỷ đồng/73 tỷ đồng" is value over plan. */
          if (q + 1 < len && text[q] == '/' && is_digit (text[q + 1]))
            {
              gsize yend = 0;

              const CtUnit *yunit = NULL;

              if (ct_number_scan (text, len, q + 1, &b))
                {
                  yunit = ct_unit_table_match (units, text, len, b.end, &yend);
                  /* "1.200 lao động/2.000 KH": the plan named by its basis. */
                  if (yunit == NULL &&
                      ct_keywords_match_at (keywords, CT_KW_BASIS, lower, b.end, len, NULL) != NULL)
                    {
                      yunit = fig.unit;
                      yend = b.end;
                    }
                }
              if (yunit != NULL && yunit == fig.unit && !ratio)
                {
                  fig.kind = CT_FIG_FRACTION;
                  fig.denom = b.value;
                  fig.nflags |= b.flags;
                  fig.end = yend;
                  g_array_append_val (figs, fig);
                  last_fraction_unit = g_array_index (figs, CtFigure, figs->len - 1).unit_text;
                  p = yend;
                  continue;
                }
              ct_figure_clear (&fig);
              p = skip_token (text, len, q + 1);
              continue;
            }
          /* "1 con bò/hộ": an allowance per unit, not a measurement. */
          {
            gsize w = q;
            gboolean per_unit = FALSE;

            for (guint words = 0; words < 3 && !per_unit && w < len && text[w] == ' '; words++)
              {
                gsize e = w + 1;

                while (e < len && ct_extract_is_word_char (text, len, e))
                  e = g_utf8_next_char (text + e) - text;
                if (e == w + 1)
                  break;
                w = e;
                per_unit = w + 1 < len && text[w] == '/' && !is_digit (text[w + 1]) &&
                           ct_extract_is_word_char (text, len, w + 1);
              }
            if (per_unit)
              {
                ct_figure_clear (&fig);
                p = w + 1;
                continue;
              }
          }
          if (g_str_equal (fig.unit->dimension, "permille"))
            fig.flags |= CT_FIG_PERMILLE;
        }
      else
        {
          fig.flags |= CT_FIG_NOUNIT;
          /* A bare year is no measurement. */
          if (!(a.flags & (CT_NUMBER_DECIMAL | CT_NUMBER_GROUPED)) &&
              a.value >= 1945 && a.value <= 2100 && a.n_digits == 4)
            {
              p = q;
              continue;
            }
          /* "133 cuộc/9.928 người": a word unit the table does not know. */
          {
            gsize w = skip_spaces (text, len, q);
            gsize e = w;

            while (e < len && ct_extract_is_word_char (text, len, e))
              e = g_utf8_next_char (text + e) - text;
            if (e > w && e + 1 < len && text[e] == '/' &&
                (is_digit (text[e + 1]) || ct_extract_is_word_char (text, len, e + 1)))
              {
                p = skip_token (text, len, e + 1);
                continue;
              }
          }
        }
      fig.end = q;
      g_array_append_val (figs, fig);
      p = q;
    }
  return figs;
}
