/* ct-text.h: Unicode helpers on ICU (NFC, folding, collation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar *ct_text_normalize_nfc (const gchar *text,
                              gssize       len,
                              GError     **error);
/* Whether NFC keeps @c as it is whatever surrounds it (a starter whose NFC
 * quick check is "yes"): a text made only of such characters is its own
 * NFC, which is nearly every line of every report. */
gboolean ct_text_is_nfc_stable (gunichar c);
/* ct_text_is_nfc_stable() of the characters below CT_TEXT_NFC_TABLE_END
 * (Latin, Vietnamese, Greek, Cyrillic, punctuation), for a loop over a
 * text to look up rather than call. */
#define CT_TEXT_NFC_TABLE_END 0x3000
const guint8 *ct_text_nfc_stable_table (void);

/* The character at @p, which holds @avail bytes, as
 * g_utf8_get_char_validated() gives it, with the two- and three-byte forms
 * of Vietnamese decoded here rather than in a call per character. */
static inline gunichar
ct_text_get_char_validated (const gchar *p,
                            gssize       avail)
{
  const guchar *u = (const guchar *) p;

  if (avail >= 2 && u[0] >= 0xC2 && u[0] <= 0xDF && (u[1] & 0xC0) == 0x80)
    return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
  /* Three bytes, neither overlong (E0 80..9F) nor a surrogate (ED A0..BF). */
  if (avail >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
      !(u[0] == 0xE0 && u[1] < 0xA0) && !(u[0] == 0xED && u[1] >= 0xA0))
    return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  return g_utf8_get_char_validated (p, avail);
}

/* Lower case without any mark, đ as d: "Đường" → "duong". For matching
 * where a user may type without a Vietnamese keyboard. */
gchar *ct_text_fold          (const gchar *text,
                              gssize       len);
/* Lower case without the five tone marks, keeping the letters â ă ê ô ơ
 * ư đ: "Lúa" → "lua", "luân" → "luân", "Đường" → "đương". For searching
 * names, where "lúa" must not find "luân chuyển". */
gchar *ct_text_fold_tones    (const gchar *text,
                              gssize       len);
gint   ct_text_collate       (const gchar *a,
                              const gchar *b);
/* A key whose byte order (strcmp) is ct_text_collate()'s order, for
 * sorting many names each compared many times. */
gchar *ct_text_collate_key   (const gchar *text);

G_END_DECLS
