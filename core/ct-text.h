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
gchar *ct_text_fold          (const gchar *text,
                              gssize       len);
gint   ct_text_collate       (const gchar *a,
                              const gchar *b);

G_END_DECLS
