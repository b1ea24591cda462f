/* ct-extract-keywords.c: the phrases of resources/data/keywords.tsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-private.h"
#include "ct-data.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <gio/gio.h>
#include <string.h>

#define KEYWORDS_RESOURCE "/io/github/chitieu/Chitieu/data/keywords.tsv"
#define YEAR_SLOT "{year}"
#define YEAR_DIGITS 4
#define N_BUCKETS 1024

/* The bucket of a phrase that starts (or, read backwards, ends) with the
 * bytes @a then @b. */
static inline guint
bucket (guchar a,
        guchar b)
{
  return ((guint) a * 31u + b) & (N_BUCKETS - 1);
}

static void
index_phrase (GPtrArray **buckets,
              guint       slot,
              CtKeyword  *kw)
{
  /* Phrases arrive longest first; one already placed here is not added
   * again when two byte pairs share a bucket. */
  if (buckets[slot] == NULL)
    buckets[slot] = g_ptr_array_new ();
  else if (g_ptr_array_index (buckets[slot], buckets[slot]->len - 1) == kw)
    return;
  g_ptr_array_add (buckets[slot], kw);
}

static const gchar * const category_names[CT_N_KW + 1] = {
  "rate_verb",
  "basis",
  "yoy",
  "change",
  "share",
  "status",
  "qualifier",
  "target_qualifier",
  "target",
  "target_lead",
  "achieved",
  "task_verb",
  "past",
  "enumeration",
  "table_column",
  "generic_label",
  "target_heading",
  "results_heading",
  "not_measure",
  "secondary",
  "label_drop",
  "label_cut",
  "place",
  "animal",
  "lower_better",
  "label_tail",
  "work_object",
  "result_word",
  "respectively",
  "subject_after",
  "annex_heading",
  "basis_tail",
  "lead_in",
  "other_base",
  "growth_subject",
  NULL,
};

/* The words the third column may hold for each category, the ones the
 * extractor's rules test for; NULL where the column is free text (the word of
 * a qualifier or a place, kept as written) and "-" where it carries nothing.
 * A value outside its list is an error when the table loads, so a typo
 * cannot silently turn a rule off. */
static const gchar * const no_value[] = { "-", NULL };
static const gchar * const rate_verb_values[] = { "-", "over", "progress", "ratio", NULL };
static const gchar * const basis_values[] = { "plan", "budget", "total", NULL };
static const gchar * const yoy_values[] = { "-", "after", NULL };
static const gchar * const change_values[] = { "up", "down", NULL };
static const gchar * const not_measure_values[] = {
  "date", "legal", "level", "measure", "name", "phase", "rank", "year", NULL,
};
/* "lead": dropped only where it opens a label ("phát triển" as a verb). */
static const gchar * const label_drop_values[] = { "-", "lead", NULL };
static const gchar * const table_column_values[] = {
  "label", "unit", "plan", "budget", "value", "rate", "yoy", NULL,
};

static const gchar * const *
values_of (CtKwCategory cat)
{
  switch ((gint) cat)
    {
    case CT_KW_RATE_VERB: return rate_verb_values;
    case CT_KW_BASIS: return basis_values;
    case CT_KW_YOY: return yoy_values;
    case CT_KW_CHANGE: return change_values;
    case CT_KW_STATUS: return ct_status_words ();
    case CT_KW_NOT_MEASURE: return not_measure_values;
    case CT_KW_TABLE_COLUMN: return table_column_values;
    case CT_KW_LABEL_DROP: return label_drop_values;
    case CT_KW_QUALIFIER:
    case CT_KW_PLACE:
      return NULL;
    default: return no_value;
    }
}

struct _CtKeywords
{
  GPtrArray *lists[CT_N_KW]; /* CtKeyword *, longest first */
  /* The same lists by their first two bytes and by their last two (hashed
   * into N_BUCKETS), so matching at a position compares only phrases that
   * can fit there.  A one-byte phrase sits in every bucket of its byte. */
  GPtrArray *by_first[CT_N_KW][N_BUCKETS];
  GPtrArray *by_last[CT_N_KW][N_BUCKETS];
};

static void
keyword_free (CtKeyword *kw)
{
  g_free (kw->phrase);
  g_free (kw->value);
  g_free (kw);
}

static gint
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  const CtKeyword *ka = *(const CtKeyword * const *) a;
  const CtKeyword *kb = *(const CtKeyword * const *) b;

  return (gint) kb->len - (gint) ka->len;
}

/* For the two-byte characters that start C4, C5 or C6 (U+0100..U+01BF:
 * Ă Đ Ĩ Ũ Ơ Ư and their neighbours), the two bytes of the small letter
 * when it is written in two bytes too, else zeros (no change: the text is
 * lowered in place). Asked of GLib once rather than for every ă, đ, ơ, ư. */
static const guint8 *
extended_lower (void)
{
  static guint8 table[3 * 64 * 2];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < 3 * 64; i++)
        {
          gunichar u = 0x100 + i, lu = g_unichar_tolower (u);
          gchar buf[6];

          if (lu != u && g_unichar_to_utf8 (lu, buf) == 2)
            table[2 * i] = (guint8) buf[0], table[2 * i + 1] = (guint8) buf[1];
        }
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* Vietnamese capitals sit in three places of Unicode; the common ones are
 * lowered by hand (the extractor lowers every passage with a figure), the
 * rest through GLib. */
gchar *
ct_extract_lower (const gchar *text,
                  gsize        len)
{
  gchar *lower = g_malloc (len + 1);
  const guchar *t = (const guchar *) text;
  guchar *l = (guchar *) lower;
  const guint8 *extended = extended_lower ();
  gsize p = 0;

  memcpy (lower, text, len);
  lower[len] = '\0';
  while (p < len)
    {
      gsize stop;

      /* Eight plain bytes at a time: no high bit and no capital letter. */
      while (p + 8 <= len)
        {
          guint64 w, ge_a, gt_z;

          memcpy (&w, t + p, 8);
          ge_a = w + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f);  /* high bit: byte ≥ 'A' */
          gt_z = w + G_GUINT64_CONSTANT (0x2525252525252525);  /* high bit: byte > 'Z' */
          if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 ||
              (ge_a & ~gt_z & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }
      /* Then the characters of the next eight bytes one by one: most words
       * of Vietnamese have a letter with a mark, so the test of eight bytes
       * fails nearly always and was made again before every character. */
      for (stop = MIN (p + 8, len); p < stop;)
        {
          guchar c = t[p];
          gsize clen;

          if (c < 0x80)
            {
              if (c >= 'A' && c <= 'Z')
                l[p] = c + ('a' - 'A');
              p++;
              continue;
            }
          clen = (gsize) g_utf8_skip[c];
          if (clen > len - p)
            return lower;
          if (c == 0xC3 && t[p + 1] >= 0x80 && t[p + 1] <= 0x9E && t[p + 1] != 0x97)
            l[p + 1] = t[p + 1] + 0x20; /* À … Ý */
          else if (c == 0xE1 && (t[p + 1] == 0xBA || t[p + 1] == 0xBB))
            {
              gunichar u = 0x1000 | ((gunichar) (t[p + 1] & 0x3F) << 6) | (t[p + 2] & 0x3F);

              /* Ạ … Ỹ: capitals are the even code points, and the small
               * letter after each differs only in the last byte. */
              if (u >= 0x1EA0 && u <= 0x1EF9 && (u & 1) == 0)
                l[p + 2] = t[p + 2] + 1;
            }
          else if (c >= 0xC4 && c <= 0xC6 && clen == 2)
            {
              const guint8 *small = extended + 2 * (((c - 0xC4) << 6) | (t[p + 1] & 0x3F));

              if (small[0] != 0)
                l[p] = small[0], l[p + 1] = small[1];
            }
          p += clen;
        }
    }
  return lower;
}

gboolean
ct_extract_is_word_char (const gchar *text,
                         gsize        len,
                         gsize        pos)
{
  gunichar c;

  if (pos >= len)
    return FALSE;
  if ((guchar) text[pos] < 0x80)
    return g_ascii_isalnum (text[pos]);
  c = g_utf8_get_char_validated (text + pos, len - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

/* Whether the character that ends at @pos is part of a word. */
gboolean
ct_extract_word_before (const gchar *text,
                        gsize        pos)
{
  const gchar *prev;
  gunichar c;

  if (pos == 0)
    return FALSE;
  if ((guchar) text[pos - 1] < 0x80)
    return g_ascii_isalnum (text[pos - 1]);
  prev = g_utf8_find_prev_char (text, text + pos);
  if (prev == NULL)
    return FALSE;
  c = g_utf8_get_char (prev);
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

CtKeywords *
ct_keywords_new_from_data (const gchar  *data,
                           gsize         len,
                           GError      **error)
{
  g_autoptr(CtDataTable) table = ct_data_table_parse ("keywords.tsv", data, len, 3, 3, error);
  CtKeywords *self;

  if (table == NULL)
    return NULL;
  self = g_new0 (CtKeywords, 1);
  for (guint c = 0; c < CT_N_KW; c++)
    self->lists[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) keyword_free);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      const gchar * const *values;
      CtKeyword *kw;
      guint cat, value;

      if (!ct_data_row_choice (table, row, 0, category_names, &cat, error) ||
          ((values = values_of (cat)) != NULL &&
           !ct_data_row_choice (table, row, 2, values, &value, error)))
        {
          ct_keywords_free (self);
          return NULL;
        }
      if (row->cols[1][0] == '\0')
        {
          ct_data_set_row_error (error, table, row, _("the phrase is empty"));
          ct_keywords_free (self);
          return NULL;
        }
      kw = g_new0 (CtKeyword, 1);
      kw->phrase = ct_extract_lower (row->cols[1], strlen (row->cols[1]));
      kw->len = strlen (kw->phrase);
      if (g_str_has_suffix (kw->phrase, " " YEAR_SLOT))
        {
          /* Keep the space: the year follows it. */
          kw->len -= strlen (YEAR_SLOT);
          kw->phrase[kw->len] = '\0';
          kw->year_slot = TRUE;
        }
      kw->value = g_strdup (row->cols[2]);
      g_ptr_array_add (self->lists[cat], kw);
    }

  for (guint c = 0; c < CT_N_KW; c++)
    {
      g_ptr_array_sort (self->lists[c], compare_by_length);
      for (guint i = 0; i < self->lists[c]->len; i++)
        {
          CtKeyword *kw = g_ptr_array_index (self->lists[c], i);
          const guchar *ph = (const guchar *) kw->phrase;

          for (guint b = 0; b < 256; b++)
            {
              /* first two bytes */
              if (kw->len == 1 || b == ph[1])
                index_phrase (self->by_first[c], bucket (ph[0], b), kw);
              /* last two bytes, read backwards; a year ends in any two digits */
              if (kw->year_slot)
                {
                  if (g_ascii_isdigit (b))
                    for (guchar d = '0'; d <= '9'; d++)
                      index_phrase (self->by_last[c], bucket (b, d), kw);
                }
              else if (kw->len == 1 || b == ph[kw->len - 2])
                index_phrase (self->by_last[c], bucket (ph[kw->len - 1], b), kw);
            }
        }
    }
  return self;
}

CtKeywords *
ct_keywords_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  const gchar *data;

  bytes = g_resources_lookup_data (KEYWORDS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return ct_keywords_new_from_data (data, len, error);
}

void
ct_keywords_free (CtKeywords *self)
{
  if (self == NULL)
    return;
  for (guint c = 0; c < CT_N_KW; c++)
    {
      for (guint b = 0; b < N_BUCKETS; b++)
        {
          g_clear_pointer (&self->by_first[c][b], g_ptr_array_unref);
          g_clear_pointer (&self->by_last[c][b], g_ptr_array_unref);
        }
      g_clear_pointer (&self->lists[c], g_ptr_array_unref);
    }
  g_free (self);
}

/* Whether four digits start at @pos of @lower (before @to) and no word
 * character follows them. */
static gboolean
year_at (const gchar *lower,
         gsize        pos,
         gsize        to)
{
  if (to - pos < YEAR_DIGITS)
    return FALSE;
  for (guint i = 0; i < YEAR_DIGITS; i++)
    if (!g_ascii_isdigit (lower[pos + i]))
      return FALSE;
  return !ct_extract_is_word_char (lower, to, pos + YEAR_DIGITS);
}

static gboolean
phrase_is_word (const CtKeyword *kw)
{
  guchar last = (guchar) kw->phrase[kw->len - 1];

  return g_ascii_isalnum (last) || last >= 0x80;
}

const CtKeyword *
ct_keywords_match_before (const CtKeywords *self,
                          CtKwCategory      cat,
                          const gchar      *lower,
                          gsize             from,
                          gsize             pos,
                          gsize            *start)
{
  GPtrArray *list;
  gsize p = pos;

  while (p > from && (lower[p - 1] == ' ' || lower[p - 1] == '\n'))
    p--;
  if (p == from)
    return NULL;
  list = self->by_last[cat][bucket ((guchar) lower[p - 1], p >= 2 ? (guchar) lower[p - 2] : 0)];
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const CtKeyword *kw = g_ptr_array_index (list, i);
      gsize tail = kw->year_slot ? YEAR_DIGITS : 0;
      gsize s;

      if (kw->len + tail > p - from)
        continue;
      s = p - tail - kw->len;
      if (memcmp (lower + s, kw->phrase, kw->len) != 0)
        continue;
      if (kw->year_slot && !year_at (lower, p - tail, p))
        continue;
      if (s > from && ct_extract_word_before (lower, s) &&
          (g_ascii_isalnum (kw->phrase[0]) || (guchar) kw->phrase[0] >= 0x80))
        continue;
      if (start != NULL)
        *start = s;
      return kw;
    }
  return NULL;
}

const CtKeyword *
ct_keywords_match_at (const CtKeywords *self,
                      CtKwCategory      cat,
                      const gchar      *lower,
                      gsize             pos,
                      gsize             to,
                      gsize            *end)
{
  GPtrArray *list;
  gsize p = pos;

  while (p < to && (lower[p] == ' ' || lower[p] == '\n'))
    p++;
  if (p >= to)
    return NULL;
  list = self->by_first[cat][bucket ((guchar) lower[p], (guchar) lower[p + 1])];
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const CtKeyword *kw = g_ptr_array_index (list, i);

      if (kw->len > to - p)
        continue;
      if (memcmp (lower + p, kw->phrase, kw->len) != 0)
        continue;
      if (kw->year_slot)
        {
          if (!year_at (lower, p + kw->len, to))
            continue;
          if (end != NULL)
            *end = p + kw->len + YEAR_DIGITS;
          return kw;
        }
      if (phrase_is_word (kw) && ct_extract_is_word_char (lower, to, p + kw->len))
        continue;
      if (end != NULL)
        *end = p + kw->len;
      return kw;
    }
  return NULL;
}

gboolean
ct_keywords_find (const CtKeywords *self,
                  CtKwCategory      cat,
                  const gchar      *lower,
                  gsize             from,
                  gsize             to)
{
  /* Walk the word starts once and try only the phrases that begin with
   * those bytes: labels are short and lists long, so this beats searching
   * the span once per phrase. */
  for (gsize s = from; s < to; s++)
    {
      GPtrArray *list = self->by_first[cat][bucket ((guchar) lower[s], (guchar) lower[s + 1])];

      if (list == NULL || (s > from && ct_extract_word_before (lower, s)))
        continue;
      for (guint i = 0; i < list->len; i++)
        {
          const CtKeyword *kw = g_ptr_array_index (list, i);

          if (kw->len > to - s || memcmp (lower + s, kw->phrase, kw->len) != 0)
            continue;
          if (kw->year_slot ? year_at (lower, s + kw->len, to)
                            : !ct_extract_is_word_char (lower, to, s + kw->len))
            return TRUE;
        }
    }
  return FALSE;
}
