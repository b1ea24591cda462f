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

/* Lower case, tone marks and vowel marks removed, đ → d: "Đàn Trâu" → "dan trau".
 * Used for matching labels, catalogue aliases and full-text search. */
gchar *
ct_text_fold (const gchar *text,
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

/* Vietnamese collation (d < đ, a < ă < â) for sorting names. */
gint
ct_text_collate (const gchar *a,
                 const gchar *b)
{
  static UCollator *coll;
  static gsize coll_once;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r;

  if (g_once_init_enter (&coll_once))
    {
      coll = ucol_open ("vi", &status);
      g_once_init_leave (&coll_once, 1);
    }
  if (coll == NULL)
    return g_strcmp0 (a, b);

  status = U_ZERO_ERROR;
  r = ucol_strcollUTF8 (coll, a ? a : "", -1, b ? b : "", -1, &status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}
