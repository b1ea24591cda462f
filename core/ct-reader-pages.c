/* ct-reader-pages.c: PDFs and pictures, from positioned pages to documents
 *
 * The engines (text layer, OCR) give pages of positioned words; this is
 * the core's side: the layout module makes paragraphs of them, and a scan
 * where no word was read is an error that says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-reader-layout.h"
#include "ct-error.h"
#include "ct-i18n.h"

/* A scan's pages (consumed), or NULL with @error set when none could be
 * read or not a word was found in them. */
static GPtrArray *
ocr_pages (GPtrArray   *pages,
           const gchar *source_name,
           GError     **error)
{
  guint words = 0;

  for (guint i = 0; pages != NULL && i < pages->len; i++)
    words += ((CtLayoutPage *) g_ptr_array_index (pages, i))->words->len;
  if (pages != NULL && words == 0)
    {
      g_ptr_array_unref (pages);
      g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                   _("“%s” is a scanned PDF in which no text could be read. Scan the paper again at 300 dpi, or ask for the report’s .docx."),
                   source_name);
      return NULL;
    }
  return pages;
}

/* The document of positioned pages, from a text layer or from OCR. */
GPtrArray *
ct_reader_pages_read (GPtrArray   *pages,
                      gboolean     scan,
                      GBytes      *bytes,
                      const gchar *source_name,
                      GError     **error)
{
  g_autoptr(GPtrArray) paras = NULL;
  GArray *page_lines = NULL, *doubtful = NULL;
  CtDocument *doc;

  paras = ct_layout_build (pages, &page_lines, &doubtful);
  doc = ct_reader_build (paras, source_name, scan ? CT_FILE_FORMAT_SCAN : CT_FILE_FORMAT_PDF, bytes, error);
  if (doc == NULL)
    {
      g_array_unref (page_lines);
      g_array_unref (doubtful);
      return NULL;
    }
  doc->page_lines = page_lines;
  if (scan)
    {
      doc->doubtful_lines = doubtful;
      g_ptr_array_insert (doc->warnings, 0,
                          g_strdup_printf (_("Read from a scan by OCR (%u pages); %u lines hold a figure the OCR was unsure of, marked for review."),
                                           page_lines->len, doubtful->len));
    }
  else
    g_array_unref (doubtful);
  return ct_reader_one_document (doc);
}

GPtrArray *
ct_reader_pdf_read (GBytes                 *bytes,
                    const gchar            *source_name,
                    const CtReaderProgress *progress,
                    GCancellable           *cancellable,
                    GError                **error)
{
  gboolean has_text = FALSE;
  g_autoptr(GPtrArray) pages = ct_reader_pdf_pages (bytes, source_name, &has_text, error);

  if (pages == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!has_text)
    {
      g_ptr_array_unref (g_steal_pointer (&pages));
      pages = ocr_pages (ct_reader_ocr_pages (bytes, source_name, progress, cancellable, error), source_name, error);
      if (pages == NULL)
        return NULL;
    }
  return ct_reader_pages_read (pages, !has_text, bytes, source_name, error);
}

GPtrArray *
ct_reader_image_read (GBytes       *bytes,
                      const gchar  *source_name,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(GPtrArray) pages = ocr_pages (ct_reader_ocr_image (bytes, source_name, cancellable, error),
                                         source_name, error);

  if (pages == NULL)
    return NULL;
  return ct_reader_pages_read (pages, TRUE, bytes, source_name, error);
}
