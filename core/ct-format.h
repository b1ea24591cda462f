/* ct-format.h: numbers written the Vietnamese way for people to read
 *
 * "2.703,5" and "98,5%": '.' groups thousands, ',' marks decimals (ICU,
 * locale "vi"). Machine output (jsonl, SQLite) keeps plain numbers; use
 * these only where a person reads the figure (charts, tables, tsv for humans).
 *
 * Thread-safe: the ICU formatters are created once and then only read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_FORMAT_MAX_FRACTION_DIGITS 6

/* Returns a newly allocated string: "2.703,5" for 2703.5 with up to
 * @max_fraction_digits decimals (trailing zeros dropped, clamped to
 * 0..CT_FORMAT_MAX_FRACTION_DIGITS). NAN and infinities give "–". */
gchar *ct_format_number  (gdouble value,
                          guint   max_fraction_digits);
/* "98,5%" for 98.5 (a percentage already multiplied by 100); NAN gives "–". */
gchar *ct_format_percent (gdouble percent,
                          guint   max_fraction_digits);

G_END_DECLS
