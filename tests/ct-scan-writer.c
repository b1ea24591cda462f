/* ct-scan-writer.c: scanned reports for the OCR tests
 *
 * The text is drawn straight onto the picture (no PDF in between), so the
 * file has nothing but images for the reader to find: it must OCR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-scan-writer.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define DPI 300.0
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 72.0

static cairo_surface_t *
draw_page (const gchar *markup)
{
  gint w = (gint) (PAGE_W * DPI / 72.0), h = (gint) (PAGE_H * DPI / 72.0);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (image);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Serif 13");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, DPI / 72.0, DPI / 72.0);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  return image;
}

void
ct_scan_writer_write (const gchar         *path,
                      const gchar * const *pages)
{
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *out = cairo_create (pdf);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      cairo_surface_t *image = draw_page (pages[i]);

      cairo_save (out);
      cairo_scale (out, 72.0 / DPI, 72.0 / DPI);
      cairo_set_source_surface (out, image, 0, 0);
      cairo_paint (out);
      cairo_restore (out);
      cairo_show_page (out);
      cairo_surface_destroy (image);
    }
  cairo_destroy (out);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
}
