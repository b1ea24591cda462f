/* bench-pdf.c: text PDFs read at 20 pages a second, scans at 6 a minute
 *
 * The demo reports are set on A4 pages with Cairo and Pango (justified,
 * 12 pt) into a PDF with a text layer, and its first pages are printed to
 * 300 dpi pictures into a PDF without one, as a scanner makes it. The
 * figures are pages per second for the text layer (median of several
 * reads) and pages per minute for OCR, on every core the machine has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "ct-reader.h"

#define TEXT_GOAL_PAGES_PER_S 20.0
#define OCR_GOAL_PAGES_PER_MIN 6.0
#define RUNS 5
#define SCAN_PAGES 2

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Every paragraph of every demo report, page after page; returns pages. */
static guint
write_text_pdf (const gchar *path)
{
  g_autoptr(GDir) dir = g_dir_open (CT_SAMPLES_DIR, 0, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Serif 12");
  const gchar *name;
  gdouble y = 60;
  guint pages = 1;

  g_assert (dir != NULL);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 460 * PANGO_SCALE);
  pango_layout_set_justify (layout, TRUE);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *file = g_build_filename (CT_SAMPLES_DIR, name, NULL);
      g_autofree gchar *text = NULL;
      g_auto(GStrv) paras = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (file, &text, NULL, NULL))
        continue;
      paras = g_strsplit (text, "\n", -1);
      for (guint i = 0; paras[i] != NULL; i++)
        {
          gint height;

          if (paras[i][0] == '\0')
            continue;
          pango_layout_set_text (layout, paras[i], -1);
          pango_layout_get_pixel_size (layout, NULL, &height);
          if (y + height > 780)
            {
              cairo_show_page (cr);
              pages++;
              y = 60;
            }
          cairo_move_to (cr, 68, y);
          pango_cairo_show_layout (cr, layout);
          y += height + 6;
        }
    }
  cairo_show_page (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}

static void
write_scan (const gchar *from,
            const gchar *to)
{
  g_autofree gchar *uri = g_filename_to_uri (from, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (to, 595, 842);
  cairo_t *out = cairo_create (pdf);

  for (gint i = 0; i < SCAN_PAGES; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2480, 3508);
      cairo_t *cr = cairo_create (image);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 300 / 72.0, 300 / 72.0);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      cairo_save (out);
      cairo_scale (out, 72 / 300.0, 72 / 300.0);
      cairo_set_source_surface (out, image, 0, 0);
      cairo_paint (out);
      cairo_restore (out);
      cairo_show_page (out);
      cairo_surface_destroy (image);
      g_object_unref (page);
    }
  cairo_destroy (out);
  cairo_surface_destroy (pdf);
  g_object_unref (doc);
}

static gdouble
read_seconds (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, &error);

  if (docs == NULL)
    {
      g_printerr ("bench-pdf: %s\n", error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  g_autofree gchar *tmp = g_dir_make_tmp ("chitieu-bench-XXXXXX", NULL);
  g_autofree gchar *text_pdf = g_build_filename (tmp, "text.pdf", NULL);
  g_autofree gchar *scan_pdf = g_build_filename (tmp, "scan.pdf", NULL);
  gdouble times[RUNS], text_rate, ocr_rate;
  guint pages;
  gboolean ok;

  setlocale (LC_ALL, "");
  pages = write_text_pdf (text_pdf);
  for (guint r = 0; r < RUNS; r++)
    times[r] = read_seconds (text_pdf);
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  text_rate = pages / times[RUNS / 2];

  write_scan (text_pdf, scan_pdf);
  ocr_rate = SCAN_PAGES * 60.0 / read_seconds (scan_pdf);

  ok = text_rate >= TEXT_GOAL_PAGES_PER_S && ocr_rate >= OCR_GOAL_PAGES_PER_MIN;
  g_print ("pdf: text layer %u pages, %.1f pages/s (goal ≥ %.0f) %s\n", pages, text_rate,
           TEXT_GOAL_PAGES_PER_S, text_rate >= TEXT_GOAL_PAGES_PER_S ? "OK" : "MISSED");
  g_print ("pdf: OCR %u pages at 300 dpi on %u cores, %.1f pages/min (goal ≥ %.0f) %s\n", SCAN_PAGES,
           g_get_num_processors (), ocr_rate, OCR_GOAL_PAGES_PER_MIN,
           ocr_rate >= OCR_GOAL_PAGES_PER_MIN ? "OK" : "MISSED");
  g_unlink (text_pdf);
  g_unlink (scan_pdf);
  g_rmdir (tmp);
  return ok ? 0 : 1;
}
