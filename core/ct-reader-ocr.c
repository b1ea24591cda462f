/* ct-reader-ocr.c: scanned PDFs read by Tesseract
 *
 * A page without a text layer is rendered by poppler at 300 dpi, turned to
 * grey and read by Tesseract with its Vietnamese data; the words it finds,
 * with their boxes, go to the same layout module as a PDF's text layer, so
 * a scan reads as the PDF it was printed from. Pages are read by as many
 * threads as the machine has cores, each with its own Tesseract (one is
 * not safe to share); poppler renders them one at a time, which it needs.
 * A line holding a figure Tesseract is unsure of is remembered, so the
 * figures read from it can be marked for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-reader-layout.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <allheaders.h>
#include <poppler.h>
#include <string.h>
#include <tesseract/capi.h>

#define OCR_DPI 300
/* Under this confidence (0–100) a word with digits is worth a look. */
#define DOUBT_BELOW 75

typedef struct
{
  TessBaseAPI  *api;
  guint8       *grey;   /* a rendered page, or NULL when @pix is set */
  PIX          *pix;    /* an image file's picture */
  gint          width;
  gint          height;
  gint          dpi;
  CtLayoutPage *page;   /* filled by the thread */
} Job;

static TessBaseAPI *
new_engine (GError **error)
{
  TessBaseAPI *api = TessBaseAPICreate ();

  if (TessBaseAPIInit3 (api, NULL, "vie") != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                   _("This PDF is a scan and reading it needs the Vietnamese OCR data, which is not installed: install the package tesseract-ocr-vie."));
      return NULL;
    }
  /* Reports are laid out in blocks of text: let Tesseract find them. */
  TessBaseAPISetPageSegMode (api, PSM_AUTO);
  return api;
}

/* The page drawn on white at OCR_DPI, as one grey byte per pixel. */
static void
render_page (PopplerPage *ppage,
             Job         *job,
             gdouble      width,
             gdouble      height)
{
  gdouble scale = OCR_DPI / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  gint stride;

  job->width = (gint) (width * scale);
  job->height = (gint) (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, job->width, job->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (ppage, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  job->grey = g_malloc ((gsize) job->width * job->height);
  for (gint y = 0; y < job->height; y++)
    for (gint x = 0; x < job->width; x++)
      {
        const guint8 *px = data + (gsize) y * stride + (gsize) x * 4;

        job->grey[(gsize) y * job->width + x] = (guint8) ((px[0] * 29 + px[1] * 150 + px[2] * 77) >> 8);
      }
  cairo_surface_destroy (surface);
}

static gboolean
has_digit (const gchar *text)
{
  for (; *text != '\0'; text++)
    if (g_ascii_isdigit (*text))
      return TRUE;
  return FALSE;
}

static gpointer
read_page (gpointer data)
{
  Job *job = data;
  gdouble to_points = 72.0 / job->dpi;
  TessResultIterator *it;

  if (job->pix != NULL)
    TessBaseAPISetImage2 (job->api, job->pix);
  else
    TessBaseAPISetImage (job->api, job->grey, job->width, job->height, 1, job->width);
  TessBaseAPISetSourceResolution (job->api, job->dpi);
  if (TessBaseAPIRecognize (job->api, NULL) != 0)
    return NULL;
  it = TessBaseAPIGetIterator (job->api);
  if (it == NULL)
    return NULL;
  do
    {
      const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst (it);
      char *word = TessResultIteratorGetUTF8Text (it, RIL_WORD);
      int left, top, right, bottom;

      if (word != NULL && word[0] != '\0' && TessPageIteratorBoundingBox (pit, RIL_WORD, &left, &top, &right, &bottom))
        {
          gboolean doubtful = has_digit (word) && TessResultIteratorConfidence (it, RIL_WORD) < DOUBT_BELOW;

          ct_layout_page_add (job->page, word, left * to_points, top * to_points,
                              right * to_points, bottom * to_points, 0, FALSE);
          g_array_index (job->page->words, CtLayoutWord, job->page->words->len - 1).doubtful = doubtful;
        }
      if (word != NULL)
        TessDeleteText (word);
    }
  while (TessResultIteratorNext (it, RIL_WORD));
  TessResultIteratorDelete (it);
  TessBaseAPIClear (job->api);
  return NULL;
}

static void
free_engines (GPtrArray *engines)
{
  for (guint i = 0; i < engines->len; i++)
    {
      TessBaseAPIEnd (g_ptr_array_index (engines, i));
      TessBaseAPIDelete (g_ptr_array_index (engines, i));
    }
  g_ptr_array_unref (engines);
}

/* Reads pages [first, first + n) at once, one thread per page. */
static void
read_batch (PopplerDocument *doc,
            gint             first,
            guint            n,
            GPtrArray       *engines,
            GPtrArray       *pages)
{
  g_autofree Job *jobs = g_new0 (Job, n);
  g_autofree GThread **threads = g_new0 (GThread *, n);

  for (guint k = 0; k < n; k++)
    {
      PopplerPage *ppage = poppler_document_get_page (doc, first + (gint) k);
      gdouble width = 0, height = 0;

      if (ppage == NULL)
        continue;
      poppler_page_get_size (ppage, &width, &height);
      jobs[k].api = g_ptr_array_index (engines, k);
      jobs[k].dpi = OCR_DPI;
      jobs[k].page = ct_layout_page_new (width, height);
      render_page (ppage, &jobs[k], width, height);
      g_object_unref (ppage);
      threads[k] = g_thread_new ("ocr", read_page, &jobs[k]);
    }
  for (guint k = 0; k < n; k++)
    {
      if (threads[k] == NULL)
        continue;
      g_thread_join (threads[k]);
      g_free (jobs[k].grey);
      g_ptr_array_add (pages, jobs[k].page);
    }
}

GPtrArray *
ct_reader_ocr_pages (GBytes       *bytes,
                     const gchar  *source_name,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GError) local = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  guint cores = CLAMP (g_get_num_processors (), 1, 16);
  GPtrArray *engines = g_ptr_array_new ();
  GPtrArray *pages;
  gint n_pages;

  if (doc == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT, _("“%s” is a damaged PDF (%s). Ask the sender for the file again, or open it in a PDF reader and save it anew."),
                   source_name, local->message);
      g_ptr_array_unref (engines);
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (doc);
  for (guint k = 0; k < MIN (cores, (guint) MAX (n_pages, 1)); k++)
    {
      TessBaseAPI *api = new_engine (error);

      if (api == NULL)
        {
          free_engines (engines);
          g_object_unref (doc);
          return NULL;
        }
      g_ptr_array_add (engines, api);
    }
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  for (gint first = 0; first < n_pages; first += (gint) engines->len)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&pages, g_ptr_array_unref);
          break;
        }
      read_batch (doc, first, MIN (engines->len, (guint) (n_pages - first)), engines, pages);
    }
  free_engines (engines);
  g_object_unref (doc);
  return pages;
}

/* A photo or scan saved as an image (PNG, JPEG, TIFF): one page. */
GPtrArray *
ct_reader_ocr_image (GBytes       *bytes,
                     const gchar  *source_name,
                     GError      **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  PIX *pix;
  Job job = { 0 };
  GPtrArray *pages;

  /* Leptonica would print its complaints about a bad image on stderr. */
  setMsgSeverity (L_SEVERITY_NONE);
  pix = pixReadMem (data, len);
  if (pix == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is an image that cannot be decoded. Scan the page again, or save it as PNG."),
                   source_name);
      return NULL;
    }
  job.api = new_engine (error);
  if (job.api == NULL)
    {
      pixDestroy (&pix);
      return NULL;
    }
  job.pix = pix;
  /* A picture that does not say its resolution is taken as a 300 dpi scan. */
  job.dpi = pixGetXRes (pix) >= 70 ? pixGetXRes (pix) : OCR_DPI;
  job.page = ct_layout_page_new (pixGetWidth (pix) * 72.0 / job.dpi, pixGetHeight (pix) * 72.0 / job.dpi);
  read_page (&job);
  TessBaseAPIEnd (job.api);
  TessBaseAPIDelete (job.api);
  pixDestroy (&pix);
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  g_ptr_array_add (pages, job.page);
  return pages;
}
