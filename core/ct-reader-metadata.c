/* ct-reader-metadata.c: locality, province, period, year, date and issuer
 *
 * Every field is a vote. Places that speak for the whole report (the header
 * block and title before the first section, the closing sentence "Trên đây
 * là … của UBND huyện X./.", the place-and-date line) weigh more than
 * mentions in the body, and a locality named only in passing needs several
 * mentions. The confidence says how the value was found; nothing found
 * leaves the field empty for the user to fill in at import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-metadata.h"
#include "ct-i18n.h"
#include "ct-reader-outline.h"
#include "ct-reader-private.h"
#include "ct-text.h"

#include <stdlib.h>
#include <string.h>

#define HEADER_MAX_BLOCKS 20
#define WEIGHT_HEADER     4.0
#define WEIGHT_BODY       1.0
#define FALLBACK_SCAN     (64 * 1024)
#define SIGNATURE_SCAN    4096

typedef struct
{
  gchar   *level;
  gchar   *tier;
  gchar   *name;
  gdouble  score;
  gboolean official; /* named in the header, title or closing */
  gboolean issuer;   /* "UBND huyện X" there */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  g_free (c->level);
  g_free (c->tier);
  g_free (c->name);
  g_free (c);
}

typedef struct
{
  GRegex     *place;   /* level word + capitalised name, anchored where matched */
  GHashTable *levels;  /* lower-case spelling → row (level, tier) */
  GHashTable *stop;    /* first words that are not names */
  CtNeedles  *level_words; /* every spelling the place pattern starts with */
  GPtrArray  *provinces; /* GStrv rows: name, other spellings */
  CtNeedles  *province_forms; /* each province's name and other spellings */
  GArray     *form_province;  /* guint: the row of each form */
  GPtrArray  *periods;   /* pairs: GRegex, canonical name */
  GRegex     *date;
} Tables;

static gchar *
capitalise (const gchar *word)
{
  const gchar *next = g_utf8_next_char (word);
  g_autofree gchar *first = g_utf8_strup (word, next - word);

  return g_strconcat (first, next, NULL);
}

/* Every spelling of every province, for one pass over a report. */
static void
province_forms (Tables *t)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

  t->form_province = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < t->provinces->len; i++)
    {
      gchar **row = g_ptr_array_index (t->provinces, i);
      g_auto(GStrv) alts = g_strsplit (row[1] != NULL ? row[1] : "", ",", -1);

      g_ptr_array_add (forms, g_strdup (row[0]));
      g_array_append_val (t->form_province, i);
      for (guint f = 0; alts[f] != NULL; f++)
        {
          g_ptr_array_add (forms, g_strdup (alts[f]));
          g_array_append_val (t->form_province, i);
        }
    }
  t->province_forms = ct_needles_new ((const gchar * const *) forms->pdata, forms->len);
}

static const Tables *
tables (void)
{
  static Tables t;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GPtrArray) levels = ct_reader_load_table ("levels.tsv");
      g_autoptr(GPtrArray) stop = ct_reader_load_table ("locality-stopwords.tsv");
      g_autoptr(GPtrArray) periods = ct_reader_load_table ("periods.tsv");
      GString *alt = g_string_new (NULL);
      g_autofree gchar *pattern = NULL;
      g_autoptr(GPtrArray) forms_seen = g_ptr_array_new_with_free_func (g_free);

      t.levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
      for (guint i = 0; i < levels->len; i++)
        {
          gchar **row = g_ptr_array_index (levels, i);
          g_auto(GStrv) spellings = NULL;

          if (g_strv_length (row) < 3)
            continue;
          spellings = g_strsplit (row[2], ",", -1);
          for (guint s = 0; spellings[s] != NULL; s++)
            {
              g_autofree gchar *low = g_utf8_strdown (spellings[s], -1);
              g_autofree gchar *up = g_utf8_strup (spellings[s], -1);
              g_autofree gchar *cap = capitalise (low);
              const gchar *forms[] = { low, up, cap };

              g_hash_table_replace (t.levels, g_strdup (low), g_strdupv ((gchar *[]) { row[0], row[1], NULL }));
              for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
                {
                  g_autofree gchar *esc = g_regex_escape_string (forms[f], -1);

                  g_ptr_array_add (forms_seen, g_strdup (forms[f]));
                  if (alt->len > 0)
                    g_string_append_c (alt, '|');
                  g_string_append (alt, esc);
                }
            }
        }
      pattern = g_strdup_printf ("(%s)\\s+(\\p{Lu}[\\p{L}\\p{M}]*(?:[ -]\\p{Lu}[\\p{L}\\p{M}]*){0,3})",
                                 alt->str);
      g_string_free (alt, TRUE);
      /* Anchored when compiled, not when matched: PCRE2's JIT takes only
       * the first, and without it every match ran the interpreter and
       * checked the UTF-8 of the block's rest (24 M instructions for 40
       * reports, now 3 M). */
      t.place = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_ANCHORED, 0, NULL);
      t.level_words = ct_needles_new ((const gchar * const *) forms_seen->pdata, forms_seen->len);

      t.stop = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < stop->len; i++)
        g_hash_table_add (t.stop, g_strdup (((gchar **) g_ptr_array_index (stop, i))[0]));

      t.provinces = ct_reader_load_table ("provinces.tsv");
      province_forms (&t);

      t.periods = g_ptr_array_new ();
      for (guint i = 0; i < periods->len; i++)
        {
          gchar **row = g_ptr_array_index (periods, i);
          GRegex *re;

          if (g_strv_length (row) < 2 || (re = g_regex_new (row[1], G_REGEX_OPTIMIZE, 0, NULL)) == NULL)
            continue;
          g_ptr_array_add (t.periods, re);
          g_ptr_array_add (t.periods, g_strdup (row[0]));
        }

      /* "Hạ Lang, ngày 15 tháng 6 năm 2021" or "Hương Lâm, ngày 25/9/2022",
       * wherever the header puts it. */
      t.date = g_regex_new ("(\\p{Lu}[\\p{L}\\p{M}]*(?:[ -]\\p{Lu}[\\p{L}\\p{M}]*){0,3}),\\s*ngày\\s+(\\d{1,2})"
                            "(?:\\s+tháng\\s+|\\s*[/.-]\\s*)(\\d{1,2})(?:\\s+năm\\s+|\\s*[/.-]\\s*)(\\d{4})",
                            G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &t;
}

/* "HẠ LANG" → "Hạ Lang" */
static gchar *
title_case (const gchar *name)
{
  g_autofree gchar *low = g_utf8_strdown (name, -1);
  g_auto(GStrv) words = g_strsplit (low, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree gchar *cap = NULL;

      if (words[i][0] == '\0')
        continue;
      cap = capitalise (words[i]);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, cap);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_end (const gchar *text,
             gsize        at)
{
  gunichar c = g_utf8_get_char (g_utf8_find_prev_char (text, text + at));

  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Whether "kinh tế -" (any dash, spaced or not) stands right before @at. */
static gboolean
after_economy (const gchar *text,
               gsize        at)
{
  gsize from = at > 24 ? at - 24 : 0;
  g_autofree gchar *before = NULL;
  g_autofree gchar *folded = NULL;
  gchar *end;

  while (from > 0 && (text[from] & 0xC0) == 0x80)
    from--;
  before = g_strndup (text + from, at - from);
  folded = ct_text_fold (before, -1);
  end = folded + strlen (folded);
  while (end > folded && (end[-1] == ' ' || end[-1] == '-' || (guchar) end[-1] >= 0x80))
    end--;
  *end = '\0';
  return g_str_has_suffix (folded, "kinh te");
}

static gboolean
preceded_by_council (const gchar *text,
                     gsize        at)
{
  gsize from = at > 40 ? at - 40 : 0;
  g_autofree gchar *before = NULL;
  g_autofree gchar *folded = NULL;

  while (from > 0 && (text[from] & 0xC0) == 0x80)
    from--;
  before = g_strndup (text + from, at - from);
  folded = ct_text_fold (g_strchomp (before), -1);
  return g_str_has_suffix (folded, "ubnd") || g_str_has_suffix (folded, "uy ban nhan dan");
}

/* One match of the place pattern (a level word, a capitalised name). */
static void
vote_place (GHashTable  *cands,
            const gchar *text,
            gsize        len,
            GMatchInfo  *m,
            gdouble      weight,
            gboolean     official)
{
  const Tables *t = tables ();
  g_autofree gchar *word = g_match_info_fetch (m, 1);
  g_autofree gchar *raw = g_match_info_fetch (m, 2);
  g_autofree gchar *low = g_utf8_strdown (word, -1);
  g_autofree gchar *name = title_case (raw);
  g_autofree gchar *first = g_utf8_strdown (raw, strcspn (raw, " -"));
  gchar **level = g_hash_table_lookup (t->levels, low);
  gint start = 0;
  /* "huyện NTM" is an abbreviation in a sentence, not a place. */
  gboolean acronym = strchr (raw, ' ') == NULL && ct_outline_is_caps (raw, -1) &&
                     !ct_outline_is_caps (text, len);

  g_match_info_fetch_pos (m, 1, &start, NULL);
  /* "xã" inside "thị xã" or a longer word is no level word of its own,
   * nor is the "xã" of "kinh tế - xã hội" in every report's title. */
  if (start > 0 && (is_word_end (text, start) || after_economy (text, start)))
    level = NULL;

  if (level != NULL && !g_hash_table_contains (t->stop, first) && !acronym)
    {
      g_autofree gchar *key = g_strdup_printf ("%s\t%s", level[0], name);
      Candidate *c = g_hash_table_lookup (cands, key);
      gboolean council = preceded_by_council (text, start);

      if (c == NULL)
        {
          c = g_new0 (Candidate, 1);
          c->level = g_strdup (level[0]);
          c->tier = g_strdup (level[1]);
          c->name = g_strdup (name);
          g_hash_table_insert (cands, g_steal_pointer (&key), c);
        }
      c->score += weight * (council ? 2 : 1);
      c->official |= official;
      c->issuer |= official && council;
    }
}

/* Whether the pattern's "\\s+\\p{Lu}" can match from @at: spaces, then a
 * capital. GLib's Unicode tables are as new as PCRE's or newer, so a
 * capital for the pattern is one for g_unichar_isupper. */
static gboolean
name_may_follow (const gchar *text,
                 gsize        len,
                 gsize        at)
{
  gsize i = at;
  gunichar c;

  if (i >= len || (!g_ascii_isspace (text[i]) && (guchar) text[i] < 0x80))
    return FALSE;
  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i >= len)
    return FALSE;
  if ((guchar) text[i] < 0x80)
    return i > at && g_ascii_isupper (text[i]);
  c = g_utf8_get_char_validated (text + i, len - i);
  /* A space past ASCII: the pattern judges what follows it. */
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c) || (i > at && g_unichar_isupper (c));
}

/* Every match of the place pattern in @text, left to right as a search
 * from the start would find them. The pattern starts with a level word,
 * so it is tried, anchored, only where one of those words starts: the
 * unanchored search spent most of its time in the alternation of all the
 * spellings at every byte of every block. */
static void
vote_places (GHashTable  *cands,
             const gchar *text,
             gsize        len,
             gdouble      weight,
             gboolean     official)
{
  const Tables *t = tables ();
  gsize at = 0;

  while (at < len)
    {
      g_autoptr(GMatchInfo) m = NULL;
      gssize found = ct_needles_find (t->level_words, text, len, at, name_may_follow);
      gint end = 0;

      if (found < 0)
        break;
      at = found;
      if (!g_regex_match_full (t->place, text, len, at, 0, &m, NULL))
        {
          at++;
          continue;
        }
      vote_place (cands, text, len, m, weight, official);
      g_match_info_fetch_pos (m, 0, NULL, &end);
      at = MAX ((gsize) end, at + 1);
    }
}

static Candidate *
best_candidate (GHashTable  *cands,
                const gchar *tier,
                gboolean     official_only,
                gdouble     *total)
{
  GHashTableIter iter;
  Candidate *c, *best = NULL;

  *total = 0;
  g_hash_table_iter_init (&iter, cands);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    {
      if (!g_str_equal (c->tier, tier) || (official_only && !c->official))
        continue;
      *total += c->score;
      if (best == NULL || c->official > best->official ||
          (c->official == best->official && c->score > best->score))
        best = c;
    }
  return best;
}

static void
guess_place (CtDocument  *doc,
             GHashTable  *cands,
             const gchar *place_name)
{
  Candidate *best;
  gdouble total, confidence;

  /* The place-and-date line names the locality without its level. */
  if (place_name != NULL)
    {
      GHashTableIter iter;
      Candidate *c;

      g_hash_table_iter_init (&iter, cands);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
        if (g_str_equal (c->name, place_name))
          {
            c->score += WEIGHT_HEADER;
            c->official = TRUE;
          }
    }

  /* A locality named once in passing counts more when the name comes back
   * on its own ("đặc sản Nam Đông"). */
  {
    GHashTableIter iter;
    Candidate *c;

    g_hash_table_iter_init (&iter, cands);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
      {
        gsize n = strlen (c->name);
        guint bare = 0;

        for (const gchar *hit = strstr (doc->text, c->name); hit != NULL; hit = strstr (hit + n, c->name))
          bare++;
        c->score += 0.5 * bare;
      }
  }

  best = best_candidate (cands, "huyện", FALSE, &total);
  if (best != NULL && !best->official)
    {
      gdouble commune_total;

      /* A commune's report names its district often, but its own header
       * names the commune: the header wins. */
      if (best_candidate (cands, "xã", TRUE, &commune_total) != NULL ||
          best->score < 2.5 || best->score * 2 < total)
        best = NULL;
    }
  if (best == NULL)
    best = best_candidate (cands, "xã", TRUE, &total);
  if (best == NULL)
    {
      Candidate *prov = best_candidate (cands, "tỉnh", TRUE, &total);

      /* A province that publishes the report, or that its header names with
       * no district or commune ("… CỦA TỈNH QUẢNG NINH"), is its locality. */
      if (prov != NULL)
        best = prov;
    }
  if (best == NULL)
    return;

  if (best->official)
    confidence = best->issuer ? 0.95 : 0.85;
  else
    confidence = MIN (0.75, 0.3 + 0.1 * best->score) * (best->score / MAX (total, 1.0));
  ct_meta_field_set (&doc->meta.locality, best->name, confidence);
  ct_meta_field_set (&doc->meta.level, best->level, confidence);
  if (best->issuer)
    {
      g_autofree gchar *issuer = g_strdup_printf ("UBND %s %s", best->level, best->name);

      ct_meta_field_set (&doc->meta.issuer, issuer, 0.9);
    }
}

static gboolean
at_word_boundary (const gchar *text,
                  const gchar *hit,
                  gsize        len)
{
  gunichar before = hit > text ? g_utf8_get_char (g_utf8_find_prev_char (text, hit)) : ' ';
  gunichar after = g_utf8_get_char (hit + len);

  return !g_unichar_isalnum (before) && !g_unichar_isalnum (after);
}

typedef struct
{
  const CtDocument *doc;
  const Tables     *t;
  gdouble          *score; /* per province row */
  gboolean         *named;
} ProvinceVotes;

/* One mention of a province's name: "tỉnh Cao Bằng", "Tỉnh ủy Cao Bằng"
 * say it; "Báo Cao Bằng" only hints. */
static void
vote_province (guint    form,
               gsize    at,
               gsize    form_len,
               gpointer data)
{
  ProvinceVotes *v = data;
  const gchar *text = v->doc->text;
  guint row = g_array_index (v->t->form_province, guint, form);
  gsize from;
  g_autofree gchar *before = NULL;
  g_autofree gchar *folded = NULL;

  if (!at_word_boundary (text, text + at, form_len))
    return;
  from = at > 12 ? at - 12 : 0;
  while (from > 0 && (text[from] & 0xC0) == 0x80)
    from--;
  before = g_strndup (text + from, at - from);
  folded = ct_text_fold (before, -1);
  if (g_str_has_suffix (folded, "tinh ") || g_str_has_suffix (folded, "tinh uy ") ||
      g_str_has_suffix (folded, "thanh pho ") || g_str_has_suffix (folded, "tp. "))
    {
      v->score[row] += 3;
      v->named[row] = TRUE;
    }
  else
    v->score[row] += 1;
}

static void
guess_province (CtDocument *doc)
{
  const Tables *t = tables ();
  const gchar *best = NULL;
  gdouble best_score = 0;
  gboolean best_named = FALSE;
  g_autofree gdouble *score = NULL;
  g_autofree gboolean *named = NULL;
  ProvinceVotes votes;

  /* A province's own report is its own province. */
  if (g_strcmp0 (doc->meta.level.value, "tỉnh") == 0 && doc->meta.locality.value != NULL)
    {
      ct_meta_field_set (&doc->meta.province, doc->meta.locality.value, doc->meta.locality.confidence);
      return;
    }

  score = g_new0 (gdouble, t->provinces->len + 1);
  named = g_new0 (gboolean, t->provinces->len + 1);
  votes = (ProvinceVotes) { doc, t, score, named };
  ct_needles_each (t->province_forms, doc->text, doc->text_len, vote_province, &votes);
  for (guint i = 0; i < t->provinces->len; i++)
    if (score[i] > best_score)
      {
        best = ((gchar **) g_ptr_array_index (t->provinces, i))[0];
        best_score = score[i];
        best_named = named[i];
      }

  if (best == NULL)
    return;
  /* A single bare mention could be a road or a newspaper. */
  if (!best_named && best_score < 2)
    return;
  ct_meta_field_set (&doc->meta.province, best, best_named ? MIN (0.95, 0.7 + 0.05 * best_score) : 0.5);
}

/* The folded first pages, made on first use and kept in @cache. */
static const gchar *
first_pages (const CtDocument  *doc,
             gchar            **cache)
{
  if (*cache == NULL)
    *cache = ct_text_fold (doc->text, MIN (doc->text_len, FALLBACK_SCAN));
  return *cache;
}

static void
guess_period_and_year (CtDocument  *doc,
                       const gchar *official,
                       const gchar *date_year)
{
  const Tables *t = tables ();
  g_autofree gchar *folded_official = ct_text_fold (official, -1);
  /* A report says its period and year early; the fallback looks no further
   * than its first pages, and is folded only when the title and header
   * said nothing (folding 64 kB was a tenth of reading a report). */
  g_autofree gchar *folded_all = NULL;
  g_autoptr(GRegex) year_re = g_regex_new ("\\b(?:nam|nam hoc) ((?:19|20)\\d\\d)\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The title says the period best; the header next; the first pages
   * last ("đến tháng 6 năm 2023" in the text is no monthly report). */
  g_autofree gchar *folded_title = doc->meta.title.value != NULL ? ct_text_fold (doc->meta.title.value, -1) : NULL;
  const gchar *sources[] = { folded_title, folded_official, NULL };
  const gdouble period_conf[] = { 0.95, 0.9, 0.5 };
  gchar *best_year = NULL;
  guint best_count = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sources) && doc->meta.period.value == NULL; s++)
    {
      if (s == 2)
        sources[2] = first_pages (doc, &folded_all);
      for (guint i = 0; sources[s] != NULL && i + 1 < t->periods->len; i += 2)
        if (g_regex_match (g_ptr_array_index (t->periods, i), sources[s], 0, NULL))
          {
            ct_meta_field_set (&doc->meta.period, g_ptr_array_index (t->periods, i + 1), period_conf[s]);
            break;
          }
    }

  /* The report's year is the first its title, else its header and
   * closing, names: "năm 2023 và phương hướng năm 2024" reports on 2023,
   * and "6 tháng cuối năm 2023" only looks ahead within the same year. */
  for (guint s = 0; s < 2 && best_year == NULL; s++)
    {
      const gchar *where = s == 0 ? folded_title : folded_official;

      if (where == NULL)
        continue;
      g_clear_pointer (&m, g_match_info_unref);
      if (g_regex_match (year_re, where, 0, &m))
        best_year = g_match_info_fetch (m, 1);
    }
  if (best_year != NULL)
    {
      ct_meta_field_set (&doc->meta.year, best_year, date_year != NULL && g_str_equal (date_year, best_year) ? 0.95 : 0.85);
      g_free (best_year);
      return;
    }
  if (date_year != NULL)
    {
      ct_meta_field_set (&doc->meta.year, date_year, 0.8);
      return;
    }

  /* Otherwise the year the text speaks of most. */
  g_clear_pointer (&m, g_match_info_unref);
  g_regex_match (year_re, first_pages (doc, &folded_all), 0, &m);
  while (g_match_info_matches (m))
    {
      gchar *y = g_match_info_fetch (m, 1);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (years, y)) + 1;

      g_hash_table_replace (years, y, GUINT_TO_POINTER (n));
      if (n > best_count || (n == best_count && best_year != NULL && strcmp (y, best_year) > 0))
        {
          best_count = n;
          best_year = y;
        }
      g_match_info_next (m, NULL);
    }
  if (best_year != NULL)
    ct_meta_field_set (&doc->meta.year, best_year, 0.5);
}

/* "Hạ Lang, ngày 15 tháng 6 năm 2021": the place and date of the report. */
static gboolean
place_date_line (const gchar *text,
                 gsize        len,
                 gchar      **place,
                 gchar      **iso,
                 gchar      **year)
{
  const Tables *t = tables ();
  g_autoptr(GMatchInfo) m = NULL;

  if (!g_regex_match_full (t->date, text, len, 0, 0, &m, NULL))
    return FALSE;
  {
    g_autofree gchar *p = g_match_info_fetch (m, 1);
    g_autofree gchar *d = g_match_info_fetch (m, 2);
    g_autofree gchar *mo = g_match_info_fetch (m, 3);
    g_autofree gchar *y = g_match_info_fetch (m, 4);

    if (atoi (mo) < 1 || atoi (mo) > 12 || atoi (d) < 1 || atoi (d) > 31)
      return FALSE;
    *iso = g_strdup_printf ("%s-%02d-%02d", y, atoi (mo), atoi (d));
    *year = g_strdup (y);
    *place = title_case (p);
  }
  return TRUE;
}

static gboolean
is_prose (const gchar *text,
          gsize        len)
{
  guint words = 1;

  for (gsize i = 0; i < len; i++)
    if (text[i] == ' ')
      words++;
  return words > 14 && len > 0 && text[len - 1] == '.';
}

static gboolean
is_recipient_block (const gchar *text,
                    gsize        len)
{
  return ct_reader_has_document_word (CT_DOCUMENT_WORDS_RECIPIENT, text, MIN (len, 16), FALSE);
}

void
ct_metadata_guess (CtDocument *doc)
{
  g_autoptr(GHashTable) cands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, candidate_free);
  g_autoptr(GString) official = g_string_new (NULL);
  g_autofree gchar *place = NULL;
  g_autofree gchar *iso = NULL;
  g_autofree gchar *date_year = NULL;
  guint header_end = MIN (doc->blocks->len, HEADER_MAX_BLOCKS);
  guint closing = doc->blocks->len;
  gboolean after_report_word = FALSE;

  if (doc->sections->len > 0)
    header_end = MIN (header_end, g_array_index (doc->sections, CtSection, 0).block);
  for (guint i = header_end; i < doc->blocks->len; i++)
    {
      const CtBlock *b = &g_array_index (doc->blocks, CtBlock, i);

      if (b->kind == CT_BLOCK_PARAGRAPH && ct_outline_is_closing (doc->text + b->start, b->end - b->start))
        {
          closing = i;
          break;
        }
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const CtBlock *b = &g_array_index (doc->blocks, CtBlock, i);
      const gchar *text = doc->text + b->start;
      gsize len = b->end - b->start;
      /* The header is its short lines; a sentence of the body that comes
       * early in a short report ("… kế hoạch huyện A Lưới giao") is not. */
      gboolean is_official = (i < header_end && !is_prose (text, len)) ||
                             (i >= closing && i < closing + 1);

      if (b->kind == CT_BLOCK_FOOTNOTE)
        {
          vote_places (cands, text, len, WEIGHT_BODY / 2, FALSE);
          continue;
        }
      /* "Kính gửi: UBND tỉnh …" and "Nơi nhận: UBND huyện …" name who
       * receives the report, never who writes it. */
      if (is_recipient_block (text, len))
        continue;
      vote_places (cands, text, len, is_official ? WEIGHT_HEADER : WEIGHT_BODY, is_official);
      if (is_official)
        {
          g_string_append_len (official, text, len);
          g_string_append_c (official, '\n');
        }
      if (i < header_end && iso == NULL)
        place_date_line (text, len, &place, &iso, &date_year);

      /* "BÁO CÁO" on its own line, then the title. */
      if (i < header_end && doc->meta.title.value == NULL)
        {
          g_autofree gchar *folded = ct_text_fold (text, len);

          if (after_report_word && len > 0)
            {
              g_autofree gchar *title = g_strndup (text, len);

              ct_meta_field_set (&doc->meta.title, title, 0.8);
            }
          else if (g_str_has_prefix (folded, "bao cao") && len > strlen ("BÁO CÁO") + 10)
            {
              g_autofree gchar *title = g_strndup (text, len);

              ct_meta_field_set (&doc->meta.title, title, 0.7);
            }
          after_report_word = g_str_equal (folded, "bao cao");
        }
    }

  guess_place (doc, cands, place);
  guess_province (doc);
  guess_period_and_year (doc, official->str, date_year);
  if (iso != NULL)
    ct_meta_field_set (&doc->meta.date, iso, 0.9);
  ct_metadata_resolve_place (doc);

  /* "TM. ỦY BAN NHÂN DÂN" signs for the council of the locality. */
  if (doc->meta.issuer.value == NULL && doc->meta.locality.value != NULL)
    {
      /* The signature closes the report. */
      gsize from = doc->text_len > SIGNATURE_SCAN ? doc->text_len - SIGNATURE_SCAN : 0;

      while (from > 0 && (doc->text[from] & 0xC0) == 0x80)
        from--;
      if (ct_reader_has_document_word (CT_DOCUMENT_WORDS_SIGNATURE, doc->text + from,
                                       doc->text_len - from, TRUE))
        {
          g_autofree gchar *issuer = g_strdup_printf ("UBND %s %s", doc->meta.level.value, doc->meta.locality.value);

          ct_meta_field_set (&doc->meta.issuer, issuer, 0.6);
        }
    }

  if (doc->meta.locality.value == NULL)
    g_ptr_array_add (doc->warnings,
                     g_strdup (_("The report does not name its locality; enter the district or town when importing.")));
  if (doc->meta.year.value == NULL)
    g_ptr_array_add (doc->warnings,
                     g_strdup (_("The report does not say its year; enter it when importing.")));
}
