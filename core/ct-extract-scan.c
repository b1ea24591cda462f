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

/* What the steps of the scan share. */
typedef struct
{
  const CtUnitTable *units;
  const CtKeywords  *keywords;
  const gchar       *text;
  const gchar       *lower;
  gsize              len;
  GArray            *figs;
  const gchar       *last_fraction_unit; /* of the last X/Y, for "16/19 (…)" */
} Scanner;

static void
scanner_append (Scanner  *sc,
                CtFigure *fig)
{
  g_array_append_val (sc->figs, *fig);
}

/* Whether the number @a read at @p is no measurement by what is glued to
 * it or the word before it; *next is where to go on. */
static gboolean
scan_rejects (Scanner        *sc,
              gsize           p,
              const CtNumber *a,
              gsize          *next)
{
  const gchar *text = sc->text;
  gsize len = sc->len, q = a->end;
  const CtKeyword *kw;

  *next = skip_token (text, len, p);
  /* ISO 9001:2015, times 7:30, 4G/5G, 3D: letters or a colon glued on
   * that are no unit. */
  if (q + 1 < len && text[q] == ':' && is_digit (text[q + 1]))
    return TRUE;
  if (q < len && ct_extract_is_word_char (text, len, q) &&
      ct_unit_table_match (sc->units, text, len, q, NULL) == NULL)
    return TRUE;
  /* Words that make the number a rank, a level, a year or a name. */
  kw = ct_keywords_match_before (sc->keywords, CT_KW_NOT_MEASURE, sc->lower, 0, p, NULL);
  /* "vượt mức 8%" (value "measure") outweighs the "mức" of a level. */
  if (kw != NULL && !g_str_equal (kw->value, "measure") &&
      !is_measure_after_time_word (sc->units, kw, text, len, a))
    return TRUE;
  if (is_numbering (text, len, a->start, a->end))
    {
      *next = a->end;
      return TRUE;
    }
  return FALSE;
}

/* "21,50/00": per mille glued to the number, whose last 0 belongs to the
 * sign. */
static gboolean
scan_glued_permille (Scanner  *sc,
                     CtFigure *fig,
                     gsize     p,
                     gsize     q,
                     gsize    *next)
{
  const gchar *text = sc->text;
  gsize len = sc->len;
  CtNumber a;

  if (!(q + 3 <= len && text[q] == '/' && text[q + 1] == '0' && text[q + 2] == '0' &&
        (q + 3 == len || !is_digit (text[q + 3])) && q > p + 1 && text[q - 1] == '0' &&
        ct_number_scan (text, q - 1, p, &a) && a.end == q - 1))
    return FALSE;
  fig->kind = CT_FIG_QUANTITY;
  fig->start = a.start;
  fig->value = a.value;
  fig->high = NAN;
  fig->denom = NAN;
  fig->nflags = a.flags;
  fig->flags = CT_FIG_PERMILLE;
  fig->unit = ct_unit_table_lookup (sc->units, "0/00");
  fig->unit_text = g_strdup ("0/00");
  fig->end = q + 3;
  scanner_append (sc, fig);
  *next = q + 3;
  return TRUE;
}

/* X/Y: a date, a legal number, or value over plan. Returns where to go
 * on. */
static gsize
scan_fraction (Scanner        *sc,
               CtFigure       *fig,
               const CtNumber *a,
               gsize           p,
               gsize           q)
{
  const gchar *text = sc->text;
  gsize len = sc->len, uend = 0;
  g_autofree gchar *written = NULL;
  gboolean ratio = FALSE;
  CtNumber b;

  if (!ct_number_scan (text, len, q + 1, &b))
    return skip_token (text, len, p);
  if (b.end < len && (text[b.end] == '/' || text[b.end] == '-' ||
                      (ct_extract_is_word_char (text, len, b.end) &&
                       ct_unit_table_match (sc->units, text, len, b.end, NULL) == NULL)))
    return skip_token (text, len, p);
  fig->kind = CT_FIG_FRACTION;
  fig->denom = b.value;
  fig->nflags |= b.flags;
  q = b.end;
  fig->unit = read_unit (sc->units, sc->keywords, sc->lower, text, len, q, &uend, &written, &ratio);
  if (fig->unit == NULL && looks_like_date (a, &b))
    return q;
  if (fig->unit != NULL)
    {
      /* "9,47 ha/62 hộ" is handled below; "ha/hộ" after Y makes
       * the whole a ratio. */
      if (ratio)
        fig->flags |= CT_FIG_RATIO;
      q = uend;
      fig->unit_text = g_steal_pointer (&written);
      sc->last_fraction_unit = fig->unit_text;
    }
  else
    {
      /* "01 xã đạt 16/19 (Thượng Long)": the unit of the list. */
      fig->flags |= CT_FIG_NOUNIT;
      if (sc->last_fraction_unit != NULL)
        {
          fig->unit_text = g_strdup (sc->last_fraction_unit);
          fig->unit = ct_unit_table_lookup (sc->units, sc->last_fraction_unit);
        }
    }
  fig->end = q;
  scanner_append (sc, fig);
  sc->last_fraction_unit = g_array_index (sc->figs, CtFigure, sc->figs->len - 1).unit_text;
  return q;
}

/* A range: "43-45%", "1.500 - 1.600 ha", "16-17 tiêu chí". Returns the
 * end of its high end, or @q. */
static gsize
scan_range (Scanner        *sc,
            CtFigure       *fig,
            const CtNumber *a,
            gsize           q)
{
  const gchar *text = sc->text;
  gsize len = sc->len;
  gsize r = skip_spaces (text, len, q), s;
  gsize dash_len = 0;
  CtNumber h;

  if (r < len && text[r] == '-')
    dash_len = 1;
  else if (r + 3 <= len && memcmp (text + r, "–", 3) == 0)
    dash_len = 3;
  if (dash_len == 0)
    return q;
  s = skip_spaces (text, len, r + dash_len);
  if (s < len && is_digit (text[s]) && ct_number_scan (text, len, s, &h) &&
      h.value > a->value && !(h.end < len && text[h.end] == '/') &&
      !(a->value >= 1900 && a->value <= 2100 && h.value <= 2100))
    {
      fig->high = h.value;
      fig->flags |= CT_FIG_RANGE;
      fig->nflags |= h.flags;
      return h.end;
    }
  return q;
}

typedef enum
{
  SCAN_KEEP,    /* the figure stands; append it */
  SCAN_DROP,    /* no measurement */
  SCAN_DONE,    /* already appended */
} ScanVerdict;

/* After a unit: "9,47 ha/62 hộ", "381 ca/1.439 lượt" are per-unit, not a
 * plan, but "45,3 tỷ đồng/73 tỷ đồng" is value over plan. */
static ScanVerdict
scan_unit_slash (Scanner  *sc,
                 CtFigure *fig,
                 gboolean  ratio,
                 gsize     q,
                 gsize    *next)
{
  const gchar *text = sc->text;
  gsize len = sc->len, yend = 0;
  const CtUnit *yunit = NULL;
  CtNumber b;

  if (ct_number_scan (text, len, q + 1, &b))
    {
      yunit = ct_unit_table_match (sc->units, text, len, b.end, &yend);
      /* "1.200 lao động/2.000 KH": the plan named by its basis. */
      if (yunit == NULL &&
          ct_keywords_match_at (sc->keywords, CT_KW_BASIS, sc->lower, b.end, len, NULL) != NULL)
        {
          yunit = fig->unit;
          yend = b.end;
        }
    }
  if (yunit != NULL && yunit == fig->unit && !ratio)
    {
      fig->kind = CT_FIG_FRACTION;
      fig->denom = b.value;
      fig->nflags |= b.flags;
      fig->end = yend;
      scanner_append (sc, fig);
      sc->last_fraction_unit = g_array_index (sc->figs, CtFigure, sc->figs->len - 1).unit_text;
      *next = yend;
      return SCAN_DONE;
    }
  *next = skip_token (text, len, q + 1);
  return SCAN_DROP;
}

/* "1 con bò/hộ": an allowance per unit, not a measurement. */
static gboolean
scan_per_unit_words (Scanner *sc,
                     gsize    q,
                     gsize   *next)
{
  const gchar *text = sc->text;
  gsize len = sc->len, w = q;
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
  *next = w + 1;
  return per_unit;
}

/* The figure's unit and what follows it; *q moves past the unit. */
static ScanVerdict
scan_unit (Scanner  *sc,
           CtFigure *fig,
           gsize    *q,
           gsize    *next)
{
  gsize uend = 0;
  g_autofree gchar *written = NULL;
  gboolean ratio = FALSE;

  fig->unit = read_unit (sc->units, sc->keywords, sc->lower, sc->text, sc->len, *q, &uend,
                         &written, &ratio);
  if (fig->unit == NULL)
    return SCAN_KEEP;
  *q = uend;
  fig->unit_text = g_steal_pointer (&written);
  if (ratio)
    fig->flags |= CT_FIG_RATIO;
  if (*q + 1 < sc->len && sc->text[*q] == '/' && is_digit (sc->text[*q + 1]))
    return scan_unit_slash (sc, fig, ratio, *q, next);
  if (scan_per_unit_words (sc, *q, next))
    return SCAN_DROP;
  if (g_str_equal (fig->unit->dimension, "permille"))
    fig->flags |= CT_FIG_PERMILLE;
  return SCAN_KEEP;
}

/* A number without a unit: a bare year, or a count of a word unit the
 * table does not know ("133 cuộc/9.928 người"), is no measurement. */
static gboolean
scan_no_unit_rejects (Scanner        *sc,
                      const CtNumber *a,
                      gsize           q,
                      gsize          *next)
{
  const gchar *text = sc->text;
  gsize len = sc->len;
  gsize w = skip_spaces (text, len, q);
  gsize e = w;

  *next = q;
  if (!(a->flags & (CT_NUMBER_DECIMAL | CT_NUMBER_GROUPED)) &&
      a->value >= 1945 && a->value <= 2100 && a->n_digits == 4)
    return TRUE;
  while (e < len && ct_extract_is_word_char (text, len, e))
    e = g_utf8_next_char (text + e) - text;
  if (e > w && e + 1 < len && text[e] == '/' &&
      (is_digit (text[e + 1]) || ct_extract_is_word_char (text, len, e + 1)))
    {
      *next = skip_token (text, len, e + 1);
      return TRUE;
    }
  return FALSE;
}

/* Reads the figure whose number starts at @p; returns where to go on. */
static gsize
scan_figure (Scanner *sc,
             gsize    p,
             guint    depth)
{
  const gchar *text = sc->text;
  gsize len = sc->len;
  CtNumber a;
  CtFigure fig;
  gsize q, next;
  ScanVerdict verdict;

  /* Glued to letters before it: Km146, QL12, COVID-19, H2O. */
  if (ct_extract_word_before (text, p) ||
      (p >= 2 && text[p - 1] == '-' && ct_extract_word_before (text, p - 1)) ||
      (p >= 2 && text[p - 1] == '.' && ct_extract_word_before (text, p - 1) &&
       !is_digit (text[p - 2])))
    return skip_token (text, len, p);
  if (!ct_number_scan (text, len, p, &a))
    return skip_token (text, len, p);
  if (scan_rejects (sc, p, &a, &next))
    return next;
  q = a.end;

  memset (&fig, 0, sizeof fig);
  fig.kind = CT_FIG_QUANTITY;
  fig.start = a.start;
  fig.value = a.value;
  fig.high = NAN;
  fig.denom = NAN;
  fig.nflags = a.flags;
  fig.depth = depth;

  if (scan_glued_permille (sc, &fig, p, q, &next))
    return next;
  if (q < len && text[q] == '/' && q + 1 < len && is_digit (text[q + 1]))
    return scan_fraction (sc, &fig, &a, p, q);
  q = scan_range (sc, &fig, &a, q);
  verdict = scan_unit (sc, &fig, &q, &next);
  if (verdict == SCAN_KEEP && fig.unit == NULL)
    {
      fig.flags |= CT_FIG_NOUNIT;
      if (scan_no_unit_rejects (sc, &a, q, &next))
        verdict = SCAN_DROP;
    }
  if (verdict != SCAN_KEEP)
    {
      if (verdict == SCAN_DROP)
        ct_figure_clear (&fig);
      return next;
    }
  fig.end = q;
  scanner_append (sc, &fig);
  return q;
}

GArray *
ct_extract_scan (const CtUnitTable *units,
                 const CtKeywords  *keywords,
                 const gchar       *text,
                 const gchar       *lower,
                 gsize              len)
{
  /* Room for a figure every 32 bytes, so the array seldom grows. */
  Scanner sc = { units, keywords, text, lower, len,
                 g_array_sized_new (FALSE, TRUE, sizeof (CtFigure), MAX (len / 32, 8)), NULL };
  gsize p = 0;
  guint depth = 0;

  g_array_set_clear_func (sc.figs, (GDestroyNotify) ct_figure_clear);

  for (;;)
    {
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
      p = scan_figure (&sc, p, depth);
    }
  return sc.figs;
}
