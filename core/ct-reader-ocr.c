/* ct-reader-ocr.c: scanned PDFs read by Tesseract
 *
 * A page without a text layer is rendered by poppler at 300 dpi, turned to
 * grey and read by Tesseract with its Vietnamese data; the words it finds,
 * with their boxes, go to the same layout module as a PDF's text layer, so
 * a scan reads as the PDF it was printed from. Pages are read by as many
 * threads as the machine has cores, each with its own Tesseract (one is
 * not safe to share); poppler renders them one at a time, which it needs.
 * Each finished page is told to the caller's progress function, and a
 * cancelled read stops within the page Tesseract is reading.
 * A line holding a figure Tesseract is unsure of is remembered, so the
 * figures read from it can be marked for review.
 *
 * The words of the last few scans read are kept, by the checksum of the
 * file: the import dialog reads a file to fill its row and the import
 * reads it again, and a scan must not take its minutes twice.
 *
 * Built into the loadable engine module, not the core (ct-reader-engine.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-engine.h"
#include "ct-reader-layout.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <allheaders.h>
#include <poppler.h>
#include <stdbool.h>
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

/* Tesseract asks this between words: a cancelled read stops mid-page. */
static bool
stop_reading (void *cancellable,
              int   words)
{
  (void) words;
  return g_cancellable_is_cancelled (cancellable);
}

static void
read_page (Job          *job,
           GCancellable *cancellable)
{
  gdouble to_points = 72.0 / job->dpi;
  ETEXT_DESC *monitor = TessMonitorCreate ();
  TessResultIterator *it = NULL;

  TessMonitorSetCancelFunc (monitor, stop_reading);
  TessMonitorSetCancelThis (monitor, cancellable);
  if (job->pix != NULL)
    TessBaseAPISetImage2 (job->api, job->pix);
  else
    TessBaseAPISetImage (job->api, job->grey, job->width, job->height, 1, job->width);
  TessBaseAPISetSourceResolution (job->api, job->dpi);
  if (TessBaseAPIRecognize (job->api, monitor) == 0 && !g_cancellable_is_cancelled (cancellable))
    it = TessBaseAPIGetIterator (job->api);
  TessMonitorDelete (monitor);
  if (it == NULL)
    {
      TessBaseAPIClear (job->api);
      return;
    }
  do
    {
      const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst (it);
      char *word = TessResultIteratorGetUTF8Text (it, RIL_WORD);
      int left, top, right, bottom;

      if (word != NULL && word[0] != '\0' && TessPageIteratorBoundingBox (pit, RIL_WORD, &left, &top, &right, &bottom))
        {
          gboolean doubtful = has_digit (word) && TessResultIteratorConfidence (it, RIL_WORD) < DOUBT_BELOW;
          g_autofree gchar *numbering = TessPageIteratorIsAtBeginningOf (pit, RIL_TEXTLINE)
                                        ? ct_reader_ocr_fix_numbering (word) : NULL;

          ct_layout_page_add (job->page, numbering != NULL ? numbering : word, left * to_points, top * to_points,
                              right * to_points, bottom * to_points, 0, FALSE);
          g_array_index (job->page->words, CtLayoutWord, job->page->words->len - 1).doubtful = doubtful;
        }
      if (word != NULL)
        TessDeleteText (word);
    }
  while (TessResultIteratorNext (it, RIL_WORD));
  TessResultIteratorDelete (it);
  TessBaseAPIClear (job->api);
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

/* The pages of one scan, shared by the threads that read them: each takes
 * the next page not yet taken, so a cancelled read stops after the pages
 * in hand, and progress is told page by page in any order they finish. */
typedef struct
{
  GMutex                  lock;     /* guards what follows, and poppler */
  PopplerDocument        *doc;
  gint                    next;
  gint                    n_pages;
  guint                   done;
  CtLayoutPage          **pages;    /* n_pages slots, NULL until read */
  GCancellable           *cancellable;
  const CtReaderProgress *progress;
} Queue;

typedef struct
{
  Queue       *queue;
  TessBaseAPI *api;
} Worker;

/* Takes the next page and renders it (poppler is not safe to share);
 * FALSE when every page is taken or the read was cancelled. */
static gboolean
take_page (Queue *q,
           Job   *job,
           gint  *index)
{
  gboolean taken = FALSE;

  g_mutex_lock (&q->lock);
  while (!taken && q->next < q->n_pages && !g_cancellable_is_cancelled (q->cancellable))
    {
      PopplerPage *ppage = poppler_document_get_page (q->doc, q->next);
      gdouble width = 0, height = 0;

      *index = q->next++;
      if (ppage == NULL)
        continue;
      poppler_page_get_size (ppage, &width, &height);
      job->dpi = OCR_DPI;
      job->page = ct_layout_page_new (width, height);
      render_page (ppage, job, width, height);
      g_object_unref (ppage);
      taken = TRUE;
    }
  g_mutex_unlock (&q->lock);
  return taken;
}

static gpointer
work (gpointer data)
{
  Worker *w = data;
  Queue *q = w->queue;
  gint index = 0;
  Job job = { .api = w->api };

  while (take_page (q, &job, &index))
    {
      read_page (&job, q->cancellable);
      g_clear_pointer (&job.grey, g_free);
      g_mutex_lock (&q->lock);
      q->pages[index] = g_steal_pointer (&job.page);
      q->done++;
      /* Told under the lock, so the caller gets one call at a time with a
       * count that only rises. */
      if (q->progress != NULL && q->progress->func != NULL && !g_cancellable_is_cancelled (q->cancellable))
        q->progress->func (q->done, (guint) q->n_pages, q->progress->data);
      g_mutex_unlock (&q->lock);
    }
  return NULL;
}

/* Reads every page of @q, one thread per engine. */
static void
read_pages (Queue     *q,
            GPtrArray *engines)
{
  g_autofree Worker *workers = g_new0 (Worker, engines->len);
  g_autofree GThread **threads = g_new0 (GThread *, engines->len);

  for (guint k = 0; k < engines->len; k++)
    {
      workers[k].queue = q;
      workers[k].api = g_ptr_array_index (engines, k);
      threads[k] = g_thread_new ("ocr", work, &workers[k]);
    }
  for (guint k = 0; k < engines->len; k++)
    g_thread_join (threads[k]);
}

/* Keeps the pages read, in order; NULL with @error when cancelled. */
static GPtrArray *
collect_pages (Queue   *q,
               GError **error)
{
  GPtrArray *pages = NULL;

  if (!g_cancellable_set_error_if_cancelled (q->cancellable, error))
    pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  for (gint i = 0; i < q->n_pages; i++)
    {
      if (pages != NULL && q->pages[i] != NULL)
        g_ptr_array_add (pages, q->pages[i]);
      else
        ct_layout_page_free (q->pages[i]);
    }
  return pages;
}

/* The words of the last scans read, most recent first. */
#define KEPT_SCANS 4

typedef struct
{
  gchar     *checksum;
  GPtrArray *pages;    /* CtLayoutPage * */
} Kept;

static GMutex kept_lock;
static GQueue kept = G_QUEUE_INIT;

static GPtrArray *
copy_pages (GPtrArray *pages)
{
  GPtrArray *copy = g_ptr_array_new_full (pages->len, (GDestroyNotify) ct_layout_page_free);

  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (copy, ct_layout_page_copy (g_ptr_array_index (pages, i)));
  return copy;
}

/* A copy of the pages kept for @checksum, or NULL. */
static GPtrArray *
kept_pages (const gchar *checksum)
{
  GPtrArray *pages = NULL;

  g_mutex_lock (&kept_lock);
  for (GList *l = kept.head; l != NULL && pages == NULL; l = l->next)
    {
      Kept *k = l->data;

      if (g_str_equal (k->checksum, checksum))
        pages = copy_pages (k->pages);
    }
  g_mutex_unlock (&kept_lock);
  return pages;
}

static void
keep_pages (const gchar *checksum,
            GPtrArray   *pages)
{
  Kept *k = g_new0 (Kept, 1);

  k->checksum = g_strdup (checksum);
  k->pages = copy_pages (pages);
  g_mutex_lock (&kept_lock);
  g_queue_push_head (&kept, k);
  while (kept.length > KEPT_SCANS)
    {
      Kept *old = g_queue_pop_tail (&kept);

      g_free (old->checksum);
      g_ptr_array_unref (old->pages);
      g_free (old);
    }
  g_mutex_unlock (&kept_lock);
}

/* OCRs every page of the PDF in @bytes. */
static GPtrArray *
ocr_document (GBytes                 *bytes,
              const gchar            *source_name,
              const CtReaderProgress *progress,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(GError) local = NULL;
  guint cores = CLAMP (g_get_num_processors (), 1, 16);
  GPtrArray *engines = g_ptr_array_new ();
  GPtrArray *pages;
  Queue q = { .cancellable = cancellable, .progress = progress };

  q.doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (q.doc == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT, _("“%s” is a damaged PDF. Ask the sender for the file again, or open it in a PDF reader and save it anew."),
                   source_name);
      /* Poppler says why in English only: for the debug log, not the reader. */
      g_debug ("%s: %s", source_name, local->message);
      g_ptr_array_unref (engines);
      return NULL;
    }
  q.n_pages = MAX (poppler_document_get_n_pages (q.doc), 0);
  for (guint k = 0; k < MIN (cores, (guint) MAX (q.n_pages, 1)); k++)
    {
      TessBaseAPI *api = new_engine (error);

      if (api == NULL)
        {
          free_engines (engines);
          g_object_unref (q.doc);
          return NULL;
        }
      g_ptr_array_add (engines, api);
    }
  g_mutex_init (&q.lock);
  q.pages = g_new0 (CtLayoutPage *, MAX (q.n_pages, 1));
  read_pages (&q, engines);
  pages = collect_pages (&q, error);
  g_free (q.pages);
  g_mutex_clear (&q.lock);
  free_engines (engines);
  g_object_unref (q.doc);
  return pages;
}

GPtrArray *
ct_reader_engine_ocr_pages (GBytes                 *bytes,
                            const gchar            *source_name,
                            const CtReaderProgress *progress,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_autofree gchar *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  GPtrArray *pages = kept_pages (checksum);

  if (pages != NULL)
    return pages;
  pages = ocr_document (bytes, source_name, progress, cancellable, error);
  /* A cancelled or failed read is not kept: it has no pages. */
  if (pages != NULL)
    keep_pages (checksum, pages);
  return pages;
}

/* A photo or scan saved as an image (PNG, JPEG, TIFF): one page. */
GPtrArray *
ct_reader_engine_ocr_image (GBytes       *bytes,
                            const gchar  *source_name,
                            GCancellable *cancellable,
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
  read_page (&job, cancellable);
  TessBaseAPIEnd (job.api);
  TessBaseAPIDelete (job.api);
  pixDestroy (&pix);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      ct_layout_page_free (job.page);
      return NULL;
    }
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  g_ptr_array_add (pages, job.page);
  return pages;
}
