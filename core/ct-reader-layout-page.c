/* ct-reader-layout-page.c: a page of positioned words
 *
 * The one part of the layout module the PDF and OCR engines use: they run in
 * the loadable module (ct-reader-engine.c), which is built with this file,
 * so it must not reach for anything else of the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-layout.h"

static void
clear_word (gpointer data)
{
  g_free (((CtLayoutWord *) data)->text);
}

CtLayoutPage *
ct_layout_page_new (gdouble width,
                    gdouble height)
{
  CtLayoutPage *page = g_new0 (CtLayoutPage, 1);

  page->width = width;
  page->height = height;
  page->words = g_array_new (FALSE, TRUE, sizeof (CtLayoutWord));
  g_array_set_clear_func (page->words, clear_word);
  return page;
}

void
ct_layout_page_free (CtLayoutPage *page)
{
  if (page == NULL)
    return;
  g_array_unref (page->words);
  g_free (page);
}

CtLayoutPage *
ct_layout_page_copy (const CtLayoutPage *page)
{
  CtLayoutPage *copy = ct_layout_page_new (page->width, page->height);

  for (guint i = 0; i < page->words->len; i++)
    {
      CtLayoutWord w = g_array_index (page->words, CtLayoutWord, i);

      w.text = g_strdup (w.text);
      g_array_append_val (copy->words, w);
    }
  return copy;
}

void
ct_layout_page_add (CtLayoutPage *page,
                    const gchar  *text,
                    gdouble       x0,
                    gdouble       y0,
                    gdouble       x1,
                    gdouble       y1,
                    gdouble       size,
                    gboolean      bold)
{
  CtLayoutWord w = { g_strdup (text), x0, y0, x1, y1, MAX (size, 0), bold, FALSE };

  g_array_append_val (page->words, w);
}
