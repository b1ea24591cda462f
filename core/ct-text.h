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

G_END_DECLS
