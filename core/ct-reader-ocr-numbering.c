/* ct-reader-ocr-numbering.c: a line's numbering as OCR misreads it
 *
 * Kept apart from ct-reader-ocr.c so the core (and its tests) have it
 * without Tesseract; the OCR engine's loadable module is built with it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"

#include <string.h>

/* The Roman numbering that opens a line, as Tesseract misreads it now and
 * then below 300 dpi: "L." or "|." for "I.", "Il." or "IL." for "II.".
 * Read as a letter, "L." would close part B of a report and open a part
 * L. A lone "l." is left alone: it is as often a misread "1.". Returns the
 * numbering to use, or NULL to keep the word. */
gchar *
ct_reader_ocr_fix_numbering (const gchar *word)
{
  gsize len = strlen (word);
  gboolean capital = FALSE;
  gchar *fixed;

  if (len < 2 || len > 5 || word[len - 1] != '.' || g_str_equal (word, "l."))
    return NULL;
  for (gsize i = 0; i + 1 < len; i++)
    {
      if (word[i] != 'I' && word[i] != 'l' && word[i] != 'L' && word[i] != '|')
        return NULL;
      capital |= word[i] == 'I' || word[i] == 'L' || word[i] == '|';
    }
  if (!capital || strspn (word, "I") == len - 1)
    return NULL;
  fixed = g_strdup (word);
  for (gsize i = 0; i + 1 < len; i++)
    fixed[i] = 'I';
  return fixed;
}
