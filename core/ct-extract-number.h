/* ct-extract-number.h: the grammar of numbers in Vietnamese reports
 *
 * '.' groups thousands and ',' marks decimals ("2.703,5", "11,327"), but
 * reports also drop separators ("7220"), mix them by mistake ("126,153.000",
 * "88.56") and glue units on ("0,51m3"). A number is read by rule and flagged
 * when the rule had to guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CT_NUMBER_DECIMAL      = 1 << 0, /* has a fractional part */
  CT_NUMBER_GROUPED      = 1 << 1, /* has thousands separators */
  CT_NUMBER_SUSPECT      = 1 << 2, /* separators mixed or against the Vietnamese rule */
  CT_NUMBER_LEADING_ZERO = 1 << 3, /* "05", "01": counts written on two digits */
} CtNumberFlags;

typedef struct
{
  gdouble value;
  gsize   start;    /* byte span in the scanned text */
  gsize   end;
  guint   flags;    /* CtNumberFlags */
  guint   n_digits; /* digits before the decimal mark */
} CtNumber;

/* Reads the number that starts at @pos (an ASCII digit) in @text. Returns
 * FALSE when the digits there do not form one number (a section number like
 * "3.1.2", a version-like "1.2.3"). A separator is part of the number only
 * when a digit follows it, so "đạt 60%." and "1.800, 2.500" stop where
 * they should. */
gboolean ct_number_scan  (const gchar *text,
                          gsize        len,
                          gsize        pos,
                          CtNumber    *out);
/* Reads a whole string as one number ("2.703,5"); FALSE if anything is
 * left over. */
gboolean ct_number_parse (const gchar *str,
                          gdouble     *value,
                          guint       *flags);

G_END_DECLS
