/* ct-format.c: Vietnamese number formatting on ICU unum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-format.h"

#include <math.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* The text shown for an absent figure: an en dash, as in printed tables. */
#define CT_FORMAT_ABSENT "\u2013"

/* One formatter per number of decimals, opened on first use and never
 * changed afterwards, so concurrent readers need no lock. Opening one costs
 * far more than formatting with it, which matters for charts of 700 bars. */
static UNumberFormat *
get_formatter (guint digits)
{
  static gsize once[CT_FORMAT_MAX_FRACTION_DIGITS + 1];
  static UNumberFormat *formatters[CT_FORMAT_MAX_FRACTION_DIGITS + 1];

  if (g_once_init_enter (&once[digits]))
    {
      UErrorCode status = U_ZERO_ERROR;
      UNumberFormat *fmt = unum_open (UNUM_DECIMAL, NULL, 0, "vi", NULL, &status);

      if (U_SUCCESS (status))
        {
          unum_setAttribute (fmt, UNUM_MIN_FRACTION_DIGITS, 0);
          unum_setAttribute (fmt, UNUM_MAX_FRACTION_DIGITS, (int32_t) digits);
          unum_setAttribute (fmt, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);
          formatters[digits] = fmt;
        }
      g_once_init_leave (&once[digits], 1);
    }
  return formatters[digits];
}

gchar *
ct_format_number (gdouble value,
                  guint   max_fraction_digits)
{
  UNumberFormat *fmt;
  UChar buf[64];
  char out[256];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (!isfinite (value))
    return g_strdup (CT_FORMAT_ABSENT);

  max_fraction_digits = MIN (max_fraction_digits, CT_FORMAT_MAX_FRACTION_DIGITS);
  fmt = get_formatter (max_fraction_digits);
  if (fmt != NULL)
    {
      len = unum_formatDouble (fmt, value, buf, G_N_ELEMENTS (buf), NULL, &status);
      if (U_SUCCESS (status))
        {
          u_strToUTF8 (out, sizeof out, NULL, buf, len, &status);
          if (U_SUCCESS (status) && status != U_STRING_NOT_TERMINATED_WARNING)
            return g_strdup (out);
        }
    }

  /* Only reached when ICU lacks its locale data, which Debian always ships. */
  return g_strdup_printf ("%.*f", (int) max_fraction_digits, value);
}

gchar *
ct_format_percent (gdouble percent,
                   guint   max_fraction_digits)
{
  g_autofree gchar *number = NULL;

  if (!isfinite (percent))
    return g_strdup (CT_FORMAT_ABSENT);
  number = ct_format_number (percent, max_fraction_digits);
  return g_strconcat (number, "%", NULL);
}
