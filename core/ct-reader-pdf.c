/* ct-reader-pdf.c: a PDF's text layer → raw paragraphs
 *
 * Poppler gives each character of a page with its box and font; the
 * characters become words here (split at spaces, at gaps the PDF left
 * without a space, and where the size or baseline jumps, so a raised
 * footnote marker stands alone), and the layout module rebuilds lines,
 * paragraphs, footnotes and tables from their positions. A signed PDF
 * reads like any other: the signature does not touch the text.
 *
 * Built into the loadable engine module, not the core (ct-reader-engine.h);
 * the core makes documents of the pages in ct-reader-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-engine.h"
#include "ct-reader-layout.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <poppler.h>
#include <string.h>

typedef struct
{
  GString *text;
  gdouble  x0, y0, x1, y1;
  gdouble  size;
  gboolean bold;
} Word;

static void
flush (Word         *w,
       CtLayoutPage *page)
{
  if (w->text->len > 0)
    ct_layout_page_add (page, w->text->str, w->x0, w->y0, w->x1, w->y1, w->size, w->bold);
  g_string_truncate (w->text, 0);
}

static gboolean
is_bold_font (const gchar *name)
{
  g_autofree gchar *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return strstr (lower, "bold") != NULL || strstr (lower, "black") != NULL ||
         strstr (lower, "heavy") != NULL || strstr (lower, "semibold") != NULL;
}

/* Whether the character at @r starts a new word after the word so far. */
static gboolean
starts_word (const Word             *w,
             const PopplerRectangle *r,
             gdouble                 size)
{
  gdouble em = MAX (size, w->size);

  if (w->text->len == 0)
    return FALSE;
  return r->x1 - w->x1 > em * 0.25 || r->x1 < w->x0 - em * 0.1 ||
         ABS (size - w->size) > w->size * 0.1 || ABS (r->y2 - w->y1) > em * 0.15;
}

static void
page_words (PopplerPage  *ppage,
            CtLayoutPage *page)
{
  g_autofree gchar *text = poppler_page_get_text (ppage);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0, ci = 0;
  GList *attrs = poppler_page_get_text_attributes (ppage);
  GList *a = attrs;
  Word w = { g_string_new (NULL), 0, 0, 0, 0, 0, FALSE };
  gboolean newline = FALSE;

  if (text == NULL || !poppler_page_get_text_layout (ppage, &rects, &n_rects))
    {
      poppler_page_free_text_attributes (attrs);
      g_string_free (w.text, TRUE);
      return;
    }
  for (const gchar *p = text; *p != '\0' && ci < n_rects; p = g_utf8_next_char (p), ci++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *r = &rects[ci];
      PopplerTextAttributes *ta;
      gdouble size = 0;
      gboolean bold = FALSE;

      while (a != NULL && ((PopplerTextAttributes *) a->data)->end_index < (gint) ci)
        a = a->next;
      ta = a != NULL && ((PopplerTextAttributes *) a->data)->start_index <= (gint) ci ? a->data : NULL;
      if (ta != NULL)
        size = ta->font_size, bold = is_bold_font (ta->font_name);
      if (size <= 0)
        size = r->y2 - r->y1;

      /* Poppler ends a line where a wide glyph makes the next one step
       * back ("ể" drawn as e and its marks); a word that goes on at the same
       * height and place is not cut there. */
      if (c == '\n')
        {
          newline = TRUE;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0xA0)
        {
          flush (&w, page);
          newline = FALSE;
          continue;
        }
      if (newline && !(ABS (r->y2 - w.y1) < size * 0.15 && r->x1 >= w.x0 && r->x1 <= w.x1 + size * 0.1))
        flush (&w, page);
      newline = FALSE;
      /* A combining mark sits over its letter wherever its box says. */
      if (g_unichar_ismark (c) && w.text->len > 0)
        {
          g_string_append_unichar (w.text, c);
          continue;
        }
      if (starts_word (&w, r, size))
        flush (&w, page);
      if (w.text->len == 0)
        {
          w.x0 = r->x1, w.y0 = r->y1, w.x1 = r->x2, w.y1 = r->y2;
          w.size = size, w.bold = bold;
        }
      g_string_append_unichar (w.text, c);
      w.x0 = MIN (w.x0, r->x1), w.y0 = MIN (w.y0, r->y1);
      w.x1 = MAX (w.x1, r->x2), w.y1 = MAX (w.y1, r->y2);
      w.bold = w.bold && bold;
    }
  flush (&w, page);
  g_string_free (w.text, TRUE);
  poppler_page_free_text_attributes (attrs);
}

static PopplerDocument *
open_document (GBytes      *bytes,
               const gchar *source_name,
               GError     **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &local);

  if (doc != NULL)
    return doc;
  if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED,
                 _("“%s” is a PDF protected by a password. Open it with its password and save or print an unprotected copy."),
                 source_name);
  else
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is a damaged PDF. Ask the sender for the file again, or open it in a PDF reader and save it anew."),
                   source_name);
      /* Poppler says why in English only: for the debug log, not the reader. */
      g_debug ("%s: %s", source_name, local->message);
    }
  return NULL;
}

GPtrArray *
ct_reader_engine_pdf_pages (GBytes      *bytes,
                            const gchar *source_name,
                            gboolean    *out_has_text,
                            GError     **error)
{
  PopplerDocument *doc = open_document (bytes, source_name, error);
  GPtrArray *pages;
  guint words = 0;

  if (doc == NULL)
    return NULL;
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  for (gint i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *ppage = poppler_document_get_page (doc, i);
      gdouble width = 0, height = 0;
      CtLayoutPage *page;

      if (ppage == NULL)
        continue;
      poppler_page_get_size (ppage, &width, &height);
      page = ct_layout_page_new (width, height);
      page_words (ppage, page);
      g_object_unref (ppage);
      words += page->words->len;
      g_ptr_array_add (pages, page);
    }
  g_object_unref (doc);
  *out_has_text = words > 0;
  return pages;
}
