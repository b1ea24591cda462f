/* ct-extract-label.c: naming what a figure measures
 *
 * The label is the subject of the clause before the figure, without the
 * verbs and filler around it ("đã trồng được", "là", "ước đạt"), cut before
 * time details ("trong 6 tháng đầu năm"). When the clause after a colon is
 * only a verb or a short word, the phrase before the colon governs it and
 * leads the label ("Nuôi cá nước ngọt: diện tích thả nuôi").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-private.h"

#include <string.h>

#define MAX_LABEL_WORDS 14

static gboolean
is_trim_char (gchar c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '-' || c == '*' ||
         c == '+' || c == ',' || c == ':' || c == '_' || c == '#' || c == '>';
}

/* Moves [*from, *to) inwards past spaces, bullets and markup, and past the
 * label_drop words at both ends. */
static void
trim_span (const CtKeywords *keywords,
           const gchar      *text,
           const gchar      *lower,
           gsize            *from,
           gsize            *to)
{
  gboolean changed = TRUE;

  while (changed)
    {
      gsize e;

      changed = FALSE;
      while (*from < *to && is_trim_char (text[*from]))
        (*from)++, changed = TRUE;
      /* "đến ngày 31/5/2021 thu ngân sách": a date left by a dropped word. */
      {
        gsize d = *from;
        gboolean slash = FALSE;

        while (d < *to && (g_ascii_isdigit (text[d]) || text[d] == '/'))
          slash |= text[d++] == '/';
        if (slash && (d == *to || text[d] == ' ' || text[d] == ','))
          *from = d, changed = TRUE;
      }
      /* "[2: Đàn trâu …": the number of an inline footnote. */
      {
        gsize d = *from;

        while (d < *to && g_ascii_isdigit (text[d]))
          d++;
        if (d > *from && d < *to && text[d] == ':')
          *from = d + 1, changed = TRUE;
      }
      if (*from + 3 <= *to && memcmp (text + *from, "–", 3) == 0)
        *from += 3, changed = TRUE;
      while (*to > *from && (is_trim_char (text[*to - 1]) || text[*to - 1] == '('))
        (*to)--, changed = TRUE;
      if (ct_keywords_match_at (keywords, CT_KW_LABEL_DROP, lower, *from, *to, &e) != NULL &&
          e <= *to && *from < *to)
        *from = e, changed = TRUE;
      {
        gsize s;

        /* "… ước tăng", "… đạt hơn": the verb, direction and qualifier of
         * the figure that follows are no part of its name. */
        const CtKeyword *drop = ct_keywords_match_before (keywords, CT_KW_LABEL_DROP, lower,
                                                          *from, *to, &s);

        /* "phát triển" opens a clause as a verb but ends "Chi đầu tư phát
         * triển" as a noun: words marked "lead" drop only at the start. */
        if (((drop != NULL && !g_str_equal (drop->value, "lead")) ||
             ct_keywords_match_before (keywords, CT_KW_QUALIFIER, lower, *from, *to, &s) != NULL ||
             ct_keywords_match_before (keywords, CT_KW_CHANGE, lower, *from, *to, &s) != NULL) &&
            s > *from)
          *to = s, changed = TRUE;
      }
    }
}

guint
ct_extract_count_words (const gchar *text,
                        gsize        from,
                        gsize        to)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (gsize p = from; p < to; p++)
    {
      gboolean space = text[p] == ' ' || text[p] == '\n';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* Copies [from, to) with markup removed and spaces collapsed, the first
 * letter capitalised, and at most MAX_LABEL_WORDS words. */
static void
append_clean (GString     *out,
              const gchar *text,
              gsize        from,
              gsize        to)
{
  gboolean space = out->len > 0;
  guint words = 0;

  for (gsize p = from; p < to; p++)
    {
      gchar c = text[p];

      if (c == '*' || c == '_')
        continue;
      if (c == ' ' || c == '\n' || c == '\t')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          if (++words >= MAX_LABEL_WORDS)
            break;
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      g_string_append_c (out, c);
    }
}

static gchar *
capitalise (GString *str)
{
  gunichar c;
  gchar buf[6];
  gint n;
  const gchar *next;

  if (str->len == 0)
    return g_string_free (str, TRUE);
  c = g_utf8_get_char (str->str);
  next = g_utf8_next_char (str->str);
  n = g_unichar_to_utf8 (g_unichar_totitle (c), buf);
  if ((gsize) n == (gsize) (next - str->str))
    memcpy (str->str, buf, n);
  return g_string_free (str, FALSE);
}

/* The work a measure after it belongs to, in [from, to): from the last
 * word that names a work ("công trình", "dự án", "tuyến") to the end, or
 * else the comma-separated part just before @to. */
static void
work_object (const CtKeywords *keywords,
             const gchar      *text,
             const gchar      *lower,
             gsize             from,
             gsize             to,
             gsize            *object_from,
             gsize            *object_to)
{
  gsize f = G_MAXSIZE, t = to;

  for (gsize p = from; p < to; p++)
    if ((p == from || lower[p - 1] == ' ') &&
        ct_keywords_match_at (keywords, CT_KW_WORK_OBJECT, lower, p, to, NULL) != NULL)
      f = p;
  if (f == G_MAXSIZE)
    {
      f = to;
      while (f > from && text[f - 1] != ',' && text[f - 1] != ';')
        f--;
    }
  trim_span (keywords, text, lower, &f, &t);
  if (t > f && ct_extract_count_words (text, f, t) <= MAX_LABEL_WORDS)
    {
      *object_from = f;
      *object_to = t;
    }
}

/* "Năm 2023, thu ngân sách …": a clause opened by its year. */
static gboolean
opens_with_year (const gchar *lower,
                 gsize        from,
                 gsize        to)
{
  gsize p = from + strlen ("năm ");

  if (to - from < strlen ("năm 2023,") || memcmp (lower + from, "năm ", strlen ("năm ")) != 0)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (lower[p + i]))
      return FALSE;
  p += 4;
  while (p < to && lower[p] == ' ')
    p++;
  return p < to && lower[p] == ',';
}

/* "Trong 6 tháng đầu năm 2023, giá trị sản xuất được …", "Theo Cục Thống
 * kê, trong quý I, chỉ số giá …", "So với cùng kỳ, tổng đàn lợn …": time,
 * source and base phrases opening the clause leave the subject after
 * their commas. */
static gsize
skip_lead_ins (const CtKeywords *keywords,
               const gchar      *text,
               const gchar      *lower,
               gsize             from,
               gsize             to)
{
  for (guint round = 0; round < 4; round++)
    {
      gsize f = from;
      const gchar *comma;

      while (f < to && is_trim_char (text[f]))
        f++;
      from = f;
      if (ct_keywords_match_at (keywords, CT_KW_LABEL_CUT, lower, f, to, NULL) == NULL &&
          ct_keywords_match_at (keywords, CT_KW_LEAD_IN, lower, f, to, NULL) == NULL &&
          ct_keywords_match_at (keywords, CT_KW_YOY, lower, f, to, NULL) == NULL &&
          !opens_with_year (lower, f, to))
        break;
      comma = memchr (text + f, ',', to - f);
      if (comma == NULL || memchr (text + f, '(', comma - (text + f)) != NULL)
        break;
      from = comma + 1 - text;
    }
  return from;
}

static gboolean
is_phrase_colon (const gchar *text,
                 gsize        from,
                 gsize        to,
                 gsize        p)
{
  return text[p] == ':' &&
         !(p > from && p + 1 < to && g_ascii_isdigit (text[p - 1]) && g_ascii_isdigit (text[p + 1]));
}

gchar *
ct_extract_label (const CtKeywords *keywords,
                  const gchar      *text,
                  const gchar      *lower,
                  gsize             from,
                  gsize             to)
{
  GString *out = g_string_new (NULL);
  gsize colon = G_MAXSIZE;
  gsize head_from = from, head_to = from;
  gsize object_from = 0, object_to = 0;
  gsize cut;

  /* The last colon splits a governing phrase from the clause; one between
   * digits ("ISO 9001:2015", "8:30") is part of a name or a time. */
  for (gsize p = from; p < to; p++)
    if (is_phrase_colon (text, from, to, p))
      colon = p;
  if (colon != G_MAXSIZE)
    {
      head_to = colon;
      for (gsize p = from; p < colon; p++)
        if (is_phrase_colon (text, from, to, p))
          head_from = p + 1;
      from = colon + 1;
    }

  from = skip_lead_ins (keywords, text, lower, from, to);

  /* Time and place details end the label. */
  for (gsize p = from; p < to; p++)
    {
      gsize s;

      if (p > from && lower[p - 1] != ' ')
        continue;
      if (ct_keywords_match_at (keywords, CT_KW_LABEL_CUT, lower, p, to, &s) != NULL &&
          ct_extract_count_words (text, from, p) >= 2)
        {
          to = p;
          break;
        }
    }
  trim_span (keywords, text, lower, &from, &to);

  /* A long clause names its subject last: "Công tác khám chữa bệnh …, với
   * tổng số lần khám bệnh toàn ngành là 10.864/24.000 lượt". */
  if (ct_extract_count_words (text, from, to) > 14)
    {
      for (gsize p = to; p > from; p--)
        if (text[p - 1] == ',')
          {
            gsize f = p, t = to;

            trim_span (keywords, text, lower, &f, &t);
            if (ct_extract_count_words (text, f, t) >= 3)
              {
                /* "…, dự án nâng cấp đường Nguyễn Thế Lịch, khối lượng
                 * thực hiện hoàn thành 35%": a generic measure belongs to
                 * the work named before it. */
                if (ct_keywords_match_at (keywords, CT_KW_GENERIC_LABEL, lower, f, t, NULL) != NULL)
                  work_object (keywords, text, lower, from, p - 1, &object_from, &object_to);
                from = f;
                to = t;
              }
            break;
          }
    }

  if (colon != G_MAXSIZE)
    {
      trim_span (keywords, text, lower, &head_from, &head_to);
      cut = ct_extract_count_words (text, head_from, head_to);
      /* Only a generic measure ("Diện tích", "trồng") or nothing after the
       * colon needs the phrase before it: "Đàn trâu" stands alone. */
      /* Nothing after the colon: the phrase before it is the label,
       * however long ("Số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ: …"). */
      if (head_to > head_from &&
          (from >= to ||
           (cut <= 8 && ct_extract_count_words (text, from, to) < 3 &&
            ct_keywords_match_at (keywords, CT_KW_GENERIC_LABEL, lower, from, to, NULL) != NULL)))
        {
          append_clean (out, text, head_from, head_to);
          if (to > from)
            {
              g_string_append (out, ":");
              append_clean (out, text, from, to);
            }
          return capitalise (out);
        }
    }
  if (object_to > object_from)
    {
      append_clean (out, text, object_from, object_to);
      g_string_append (out, ":");
    }
  if (to > from)
    append_clean (out, text, from, to);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return capitalise (out);
}

gchar *
ct_extract_label_polish (const CtKeywords *keywords,
                         gchar            *label)
{
  GString *out;
  g_autofree gchar *lower = NULL;
  gsize len, s;

  if (label == NULL)
    return NULL;
  len = strlen (label);
  /* An aside cut off by the word limit ("… (Điểm của tỉnh có Bộ Quốc
   * phòng") goes whole. */
  {
    gsize open = G_MAXSIZE;
    gint depth = 0;

    for (gsize i = 0; i < len; i++)
      if (label[i] == '(' && depth++ == 0)
        open = i;
      else if (label[i] == ')' && depth > 0)
        depth--;
    if (depth > 0 && open > 0)
      {
        len = open;
        while (len > 0 && label[len - 1] == ' ')
          len--;
      }
  }
  lower = ct_extract_lower (label, len);
  /* One word at a time, and never the first word. */
  while (ct_keywords_match_before (keywords, CT_KW_LABEL_TAIL, lower, 0, len, &s) != NULL && s > 0)
    {
      while (s > 0 && strchr (" ,;:-(", label[s - 1]) != NULL)
        s--;
      if (s == 0)
        break;
      len = s;
    }
  out = g_string_new_len (label, len);
  g_free (label);
  return capitalise (out);
}

static gboolean
is_upper_word (const gchar *text,
               gsize        p)
{
  gunichar c = g_utf8_get_char (text + p);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

/* Whether [from, to) is a place name: two to four capitalised words. */
static gboolean
is_name (const gchar *text,
         gsize        from,
         gsize        to)
{
  guint words = 0;
  gsize p = from;

  while (p < to)
    {
      while (p < to && text[p] == ' ')
        p++;
      if (p >= to)
        break;
      if (!is_upper_word (text, p))
        return FALSE;
      words++;
      while (p < to && text[p] != ' ')
        {
          if (!g_unichar_isalpha (g_utf8_get_char (text + p)) &&
              g_utf8_get_char (text + p) != '-')
            return FALSE;
          p = g_utf8_next_char (text + p) - text;
        }
    }
  return words >= 2 && words <= 4;
}

GPtrArray *
ct_extract_places (const CtKeywords *keywords,
                   const gchar      *text,
                   const gchar      *lower,
                   gsize             from,
                   gsize             to,
                   guint             min_names)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *level = "Xã";
  gsize p;

  trim_span (keywords, text, lower, &from, &to);
  for (gsize q = from; q < to; q++)
    if (text[q] == ':')
      from = q + 1;
  p = from;
  while (p < to)
    {
      gsize s = p, e, item_end;
      const CtKeyword *kw;

      while (s < to && text[s] == ' ')
        s++;
      e = s;
      while (e < to && text[e] != ',' && !(e + 4 <= to && memcmp (text + e, " và ", 4) == 0))
        e++;
      item_end = e;
      kw = ct_keywords_match_at (keywords, CT_KW_PLACE, lower, s, item_end, &s);
      /* "Thôn 9, xã Hương Xuân" names one place at two levels, not two
       * places of one level. */
      if (kw != NULL && names->len > 0 && !g_str_equal (kw->value, level))
        return NULL;
      if (kw != NULL)
        level = kw->value;
      while (s < item_end && text[s] == ' ')
        s++;
      while (item_end > s && text[item_end - 1] == ' ')
        item_end--;
      if (!is_name (text, s, item_end))
        return NULL;
      g_ptr_array_add (names, g_strdup_printf ("%s %.*s", level, (int) (item_end - s), text + s));
      p = (e < to && text[e] == ',') ? e + 1 : e + 4;
    }
  if (names->len < MAX (min_names, 1))
    return NULL;
  return g_steal_pointer (&names);
}
