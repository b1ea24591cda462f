/* ct-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-text.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>

/* UTF-8 → UTF-16 for ICU; NULL on invalid input. */
static UChar *
to_utf16 (const gchar *text,
          gssize       len,
          int32_t     *out_len)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  UChar *buf;

  if (len < 0)
    len = strlen (text);
  u_strFromUTF8 (NULL, 0, &n, text, len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  buf = g_new (UChar, n + 1);
  u_strFromUTF8 (buf, n + 1, out_len, text, len, &status);
  if (U_FAILURE (status))
    {
      g_free (buf);
      return NULL;
    }
  return buf;
}

static gchar *
to_utf8 (const UChar *text,
         int32_t      len)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  gchar *buf;

  u_strToUTF8 (NULL, 0, &n, text, len, &status);
  status = U_ZERO_ERROR;
  buf = g_malloc (n + 1);
  u_strToUTF8 (buf, n + 1, NULL, text, len, &status);
  buf[n] = '\0';
  return buf;
}

/* Whether NFC keeps @c as it is, whatever surrounds it: a starter (class 0)
 * whose NFC quick check is "yes". */
static gboolean
is_stable_starter (gunichar c)
{
  return u_getCombiningClass (c) == 0 &&
         u_getIntPropertyValue (c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

#define STABLE_TABLE_END 0x3000

/* is_stable_starter() below STABLE_TABLE_END, asked of ICU once. */
static const guint8 *
stable_table (void)
{
  static guint8 *table;
  static gsize table_once;

  if (g_once_init_enter (&table_once))
    {
      guint8 *t = g_new0 (guint8, STABLE_TABLE_END);

      for (gunichar c = 0; c < STABLE_TABLE_END; c++)
        t[c] = is_stable_starter (c);
      table = t;
      g_once_init_leave (&table_once, 1);
    }
  return table;
}

gboolean
ct_text_is_nfc_stable (gunichar c)
{
  return c < STABLE_TABLE_END ? stable_table ()[c] : is_stable_starter (c);
}

const guint8 *
ct_text_nfc_stable_table (void)
{
  G_STATIC_ASSERT (STABLE_TABLE_END == CT_TEXT_NFC_TABLE_END);
  return stable_table ();
}

/* Unicode's NFC quick check, on the UTF-8 bytes: TRUE when @text is valid
 * UTF-8 and every character is a starter that NFC keeps as it is. Then the
 * text is NFC and needs no trip through UTF-16 (the reader asks this of
 * every line, and the answer is nearly always yes). A FALSE says only that
 * ICU must decide. */
static gboolean
is_surely_nfc (const gchar *text,
               gsize        len)
{
  const guint8 *stable = stable_table ();
  const gchar *p = text, *end = text + len;

  while (p < end)
    {
      gunichar c;
      guint64 w;

      /* Eight ASCII bytes and no NUL at a time: most of a line. */
      if (end - p >= 8)
        {
          memcpy (&w, p, 8);
          if ((w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0 &&
              ((w - G_GUINT64_CONSTANT (0x0101010101010101)) & ~w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              continue;
            }
        }
      if ((guchar) *p < 0x80)
        {
          if (*p == '\0')
            return FALSE;
          p++;
          continue;
        }
      c = ct_text_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (c < STABLE_TABLE_END ? !stable[c] : !is_stable_starter (c))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

gchar *
ct_text_normalize_nfc (const gchar *text,
                       gssize       len,
                       GError     **error)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  g_autofree UChar *src = NULL;
  g_autofree UChar *dst = NULL;
  int32_t src_len = 0, dst_len;

  if (len < 0)
    len = strlen (text);
  if (is_surely_nfc (text, len))
    return g_strndup (text, len);

  /* Most reports are already NFC: skip the round trip when ICU agrees. */
  src = to_utf16 (text, len, &src_len);
  if (src == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("The text is not valid UTF-8."));
      return NULL;
    }
  if (unorm2_isNormalized (nfc, src, src_len, &status) && U_SUCCESS (status))
    return g_strndup (text, len);

  status = U_ZERO_ERROR;
  dst_len = unorm2_normalize (nfc, src, src_len, NULL, 0, &status);
  status = U_ZERO_ERROR;
  dst = g_new (UChar, dst_len + 1);
  unorm2_normalize (nfc, src, src_len, dst, dst_len + 1, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("The text could not be normalised: %s"), u_errorName (status));
      return NULL;
    }
  return to_utf8 (dst, dst_len);
}

/* The fold by ICU itself: decompose, drop the marks, đ → d, lower case. */
static gchar *
fold_icu (const gchar *text,
          gssize       len)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance (&status);
  g_autofree UChar *src = NULL;
  g_autofree UChar *dec = NULL;
  int32_t src_len = 0, dec_len, out = 0;

  src = to_utf16 (text, len, &src_len);
  if (src == NULL)
    return g_utf8_make_valid (text, len);

  dec_len = unorm2_normalize (nfd, src, src_len, NULL, 0, &status);
  status = U_ZERO_ERROR;
  dec = g_new (UChar, dec_len + 1);
  unorm2_normalize (nfd, src, src_len, dec, dec_len + 1, &status);

  for (int32_t i = 0; i < dec_len; i++)
    {
      UChar c = dec[i];

      if (u_charType (c) == U_NON_SPACING_MARK)
        continue;
      if (c == 0x0111 || c == 0x0110)
        c = 'd';
      dec[out++] = u_tolower (c);
    }
  return to_utf8 (dec, out);
}

/* Folding works character by character (the marks it drops are all that
 * decomposition could reorder), so the fold of every character below
 * FOLD_TABLE_END (Latin, Vietnamese, Greek, Cyrillic, punctuation) is
 * computed once with ICU and looked up after that; the reader folds every
 * report's first pages, and the table is what makes that cheap. It is
 * filled a block of 256 characters at a time, when a character of the
 * block is first folded: all of it at once cost 33 M instructions, a
 * third of a `list` command, where Vietnamese text needs five blocks. */
#define FOLD_TABLE_END 0x3000
#define FOLD_BLOCK     256
#define FOLD_MAX_BYTES 15

typedef struct
{
  guint8 len;
  gchar  bytes[FOLD_MAX_BYTES];
} FoldEntry;

static FoldEntry *
fold_block_compute (gunichar first)
{
  FoldEntry *t = g_new0 (FoldEntry, FOLD_BLOCK);

  for (gunichar c = first; c < first + FOLD_BLOCK; c++)
    {
      gchar utf8[8];
      gint n = g_unichar_to_utf8 (c, utf8);
      g_autofree gchar *folded = NULL;
      gsize flen;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      folded = fold_icu (utf8, n);
      flen = strlen (folded);
      /* A character that folds to nothing (a mark) has len 0; one whose
       * fold would not fit is marked for ICU at each use. */
      t[c - first].len = flen <= FOLD_MAX_BYTES ? flen : G_MAXUINT8;
      if (flen <= FOLD_MAX_BYTES)
        memcpy (t[c - first].bytes, folded, flen);
    }
  return t;
}

/* The block of the table holding @c (< FOLD_TABLE_END). */
static const FoldEntry *
fold_block (gunichar c)
{
  static FoldEntry *blocks[FOLD_TABLE_END / FOLD_BLOCK];
  static gsize once[FOLD_TABLE_END / FOLD_BLOCK];
  guint b = c / FOLD_BLOCK;

  if (g_once_init_enter (&once[b]))
    {
      blocks[b] = fold_block_compute (b * FOLD_BLOCK);
      g_once_init_leave (&once[b], 1);
    }
  return blocks[b];
}

/* Lower case, tone marks and vowel marks removed, đ → d: "Đàn Trâu" → "dan trau".
 * Used for matching labels, catalogue aliases and full-text search. */
gchar *
ct_text_fold (const gchar *text,
              gssize       len)
{
  const FoldEntry *block = NULL;
  gunichar block_first = G_MAXUINT;
  const gchar *p, *end;
  gchar *out;
  gsize cap, o = 0;

  if (len < 0)
    len = strlen (text);

  /* Written straight into the buffer (a GString append per character was
   * a fifth of the import's folding): an ASCII byte writes one byte for
   * the one it reads, so room for the rest of the text plus one folded
   * character is checked only after a character that is not ASCII.
   * Validated as it goes: one pass over the text, not two. */
  cap = len + FOLD_MAX_BYTES + 1;
  out = g_malloc (cap);
  for (p = text, end = text + len; p < end;)
    {
      guchar b = (guchar) *p;
      gunichar c;
      gsize n;

      if (b < 0x80 && b != 0)
        {
          out[o++] = b >= 'A' && b <= 'Z' ? b + 32 : b;
          p++;
          continue;
        }
      c = ct_text_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          g_free (out);
          return fold_icu (text, len);
        }
      n = g_utf8_next_char (p) - p;
      if (c < FOLD_TABLE_END && c - c % FOLD_BLOCK != block_first)
        {
          block_first = c - c % FOLD_BLOCK;
          block = fold_block (c);
        }
      if (c < FOLD_TABLE_END && block[c - block_first].len != G_MAXUINT8)
        {
          memcpy (out + o, block[c - block_first].bytes, block[c - block_first].len);
          o += block[c - block_first].len;
        }
      else
        {
          g_autofree gchar *one = fold_icu (p, n);
          gsize one_len = strlen (one);

          if (o + one_len + (end - p) + FOLD_MAX_BYTES + 1 > cap)
            out = g_realloc (out, cap = o + one_len + (end - p) + FOLD_MAX_BYTES + 1);
          memcpy (out + o, one, one_len);
          o += one_len;
        }
      p += n;
      if (o + (end - p) + FOLD_MAX_BYTES + 1 > cap)
        out = g_realloc (out, cap = 2 * cap + FOLD_MAX_BYTES);
    }
  out[o] = '\0';
  return out;
}

/* The five tones as combining marks after NFD: grave, acute, tilde, hook
 * above, dot below. Circumflex (U+0302), breve (U+0306) and horn (U+031B)
 * make letters of their own and stay. */
static gboolean
is_tone_mark (gunichar c)
{
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

gchar *
ct_text_fold_tones (const gchar *text,
                    gssize       len)
{
  g_autofree gchar *lower = NULL;
  g_autofree gchar *nfd = NULL;
  GString *out;

  if (len < 0)
    len = strlen (text);
  lower = g_utf8_strdown (text, len);
  nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (nfd == NULL) /* not UTF-8: fold what can be folded */
    return ct_text_fold (text, len);
  out = g_string_sized_new (strlen (nfd));
  for (const gchar *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_tone_mark (c))
        g_string_append_unichar (out, c);
    }
  {
    g_autofree gchar *marked = g_string_free (out, FALSE);

    return g_utf8_normalize (marked, -1, G_NORMALIZE_NFC);
  }
}

static UCollator *
vi_collator (void)
{
  static UCollator *coll;
  static gsize coll_once;

  if (g_once_init_enter (&coll_once))
    {
      UErrorCode status = U_ZERO_ERROR;

      coll = ucol_open ("vi", &status);
      g_once_init_leave (&coll_once, 1);
    }
  return coll;
}

/* Vietnamese collation (d < đ, a < ă < â) for sorting names. */
gint
ct_text_collate (const gchar *a,
                 const gchar *b)
{
  UCollator *coll = vi_collator ();
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r;

  if (coll == NULL)
    return g_strcmp0 (a, b);

  status = U_ZERO_ERROR;
  r = ucol_strcollUTF8 (coll, a ? a : "", -1, b ? b : "", -1, &status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

gchar *
ct_text_collate_key (const gchar *text)
{
  UCollator *coll = vi_collator ();
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *u = NULL;
  int32_t n = 0, size;
  guint8 *key;

  if (text == NULL)
    text = "";
  if (coll == NULL)
    return g_strdup (text);
  /* Ill-formed bytes become U+FFFD, as ucol_strcollUTF8() reads them. */
  u_strFromUTF8WithSub (NULL, 0, &n, text, -1, 0xFFFD, NULL, &status);
  status = U_ZERO_ERROR;
  u = g_new (UChar, n + 1);
  u_strFromUTF8WithSub (u, n + 1, &n, text, -1, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    return g_strdup (text);
  /* Most names' keys fit the first guess; ICU says the length it needs. */
  key = g_malloc (4 * n + 16);
  size = ucol_getSortKey (coll, u, n, key, 4 * n + 16);
  if (size > 4 * n + 16)
    {
      key = g_realloc (key, size);
      ucol_getSortKey (coll, u, n, key, size);
    }
  return (gchar *) key;
}
