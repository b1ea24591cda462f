/* ct-reader-legacy.c: Vietnamese text from before Unicode
 *
 * Archives hold text typed in TCVN3 (the .VnTime family of fonts, the
 * TCVN 5712 encoding), VNI (the VNI-Times family) and Windows-1258. A
 * text file in one of them is not UTF-8; which one it is shows in what
 * each decoding makes of its words: the right one gives Vietnamese
 * syllables (Vietnamese letters, at most one tone mark each), the wrong
 * one symbols ("®µn tr©u"), letters Vietnamese has not ("Vieät") or
 * words with two tones.
 * In .docx and .odt files the text is Unicode already, but a run set in a
 * .Vn font stores TCVN3 bytes as Latin-1 letters; those runs are decoded
 * back by their font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-text.h"
#include "ct-i18n.h"

#include <string.h>

typedef struct
{
  const gchar *iconv_name; /* NULL: VNI, which iconv does not know */
  const gchar *label;
} Candidate;

/* On a tie the earlier wins: Windows-1258 read as VNI gives the same
 * plausible words (its letters are mostly Latin-1 ones), never more. */
static const Candidate candidates[] = {
  { "TCVN5712-1", "TCVN3 (TCVN 5712)" },
  { "CP1258", "Windows-1258" },
  { NULL, "VNI" },
};

CtLegacyFont
ct_reader_legacy_font (const gchar *font)
{
  if (font == NULL)
    return CT_LEGACY_NONE;
  if (g_ascii_strncasecmp (font, ".Vn", 3) == 0)
    return CT_LEGACY_TCVN3;
  if (g_ascii_strncasecmp (font, "VNI-", 4) == 0 || g_ascii_strncasecmp (font, "VNI ", 4) == 0)
    return CT_LEGACY_VNI;
  return CT_LEGACY_NONE;
}

/* A run in a .Vn or VNI font: its characters are the code points of the
 * old encoding's bytes as Windows-1252 shows them. */
gchar *
ct_reader_legacy_convert_run (CtLegacyFont kind,
                              const gchar *text,
                              gssize       len)
{
  g_autofree gchar *bytes = NULL;
  gsize n = 0;

  if (kind == CT_LEGACY_NONE)
    return NULL;
  bytes = g_convert (text, len, "CP1252", "UTF-8", NULL, &n, NULL);
  if (bytes == NULL)
    return NULL;
  if (kind == CT_LEGACY_VNI)
    return ct_reader_vni_decode ((const guint8 *) bytes, n, NULL);
  return g_convert (bytes, n, "UTF-8", "TCVN5712-1", NULL, NULL, NULL);
}

static gboolean
has_tone (gunichar c)
{
  gunichar d[8];
  gsize n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));

  for (gsize i = 0; i < n; i++)
    if (d[i] == 0x0300 || d[i] == 0x0301 || d[i] == 0x0303 || d[i] == 0x0309 || d[i] == 0x0323)
      return TRUE;
  return FALSE;
}

/* Symbols ("®", "©", "±") and controls never stand inside a word. */
static gboolean
is_odd (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return t == G_UNICODE_OTHER_SYMBOL || t == G_UNICODE_MATH_SYMBOL ||
         t == G_UNICODE_CURRENCY_SYMBOL || t == G_UNICODE_MODIFIER_SYMBOL ||
         t == G_UNICODE_CONTROL || t == G_UNICODE_UNASSIGNED || t == G_UNICODE_PRIVATE_USE;
}

/* Words that read as Vietnamese syllables minus words that cannot. */
static gint
plausibility (const gchar *utf8)
{
  g_autofree gchar *nfc = ct_text_normalize_nfc (utf8, -1, NULL);
  gint score = 0;
  const gchar *p = nfc;

  if (nfc == NULL)
    return G_MININT;
  while (*p != '\0')
    {
      guint tones = 0, odd = 0, foreign = 0;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      for (; *p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x80)
            continue;
          foreign++;
          if (is_odd (c) || (g_unichar_isalpha (c) && !ct_reader_vni_is_letter (c)))
            odd++;
          else if (has_tone (c))
            tones++;
        }
      if (odd > 0 || tones > 1)
        score -= 3;
      else if (foreign > 0)
        score++;
    }
  return score;
}

gchar *
ct_reader_legacy_decode (const guint8 *data,
                         gsize         len,
                         gsize        *out_len,
                         const gchar **out_label)
{
  gchar *best = NULL;
  gint best_score = 0;

  /* UTF-16 and binary files have NULs; no 8-bit text does. */
  if (memchr (data, 0, len) != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      gsize n = 0;
      gchar *text = candidates[i].iconv_name == NULL
                    ? ct_reader_vni_decode (data, len, &n)
                    : g_convert ((const gchar *) data, len, "UTF-8", candidates[i].iconv_name, NULL, &n, NULL);
      gint score;

      if (text == NULL)
        continue;
      score = plausibility (text);
      if (score > best_score)
        {
          g_free (best);
          best = text;
          best_score = score;
          *out_len = n;
          *out_label = candidates[i].label;
        }
      else
        g_free (text);
    }
  return best;
}

void
ct_reader_legacy_warn (CtDocument *doc,
                       guint       n)
{
  if (n == 0)
    return;
  g_ptr_array_insert (doc->warnings, 0,
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u run of text set in an old font (TCVN3 .Vn or VNI) was converted to Unicode; check names with diacritics against the original.",
                                                    "%u runs of text set in old fonts (TCVN3 .Vn or VNI) were converted to Unicode; check names with diacritics against the original.",
                                                    n), n));
}
