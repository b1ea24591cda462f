/* ct-chart-export.c: PNG, SVG and PDF through Cairo surfaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-export.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Cairo image surfaces stop at 32767 pixels a side; sizes beyond a wall
 * poster are a typing mistake rather than a wish. */
#define MAX_SIDE_PX   20000.0
#define MIN_SIDE_PX   100.0
#define MIN_DPI       24.0
#define MAX_DPI       1200.0

gboolean
ct_chart_format_from_path (const gchar    *path,
                           CtChartFormat  *format,
                           GError        **error)
{
  const gchar *dot;
  g_autofree gchar *ext = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    {
      ext = g_ascii_strdown (dot + 1, -1);
      if (g_str_equal (ext, "png"))
        *format = CT_CHART_FORMAT_PNG;
      else if (g_str_equal (ext, "svg"))
        *format = CT_CHART_FORMAT_SVG;
      else if (g_str_equal (ext, "pdf"))
        *format = CT_CHART_FORMAT_PDF;
      else
        ext = (g_free (ext), NULL);
    }
  if (ext == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED,
                   _("Cannot tell the image format of “%s”: end the file name with .png, .svg or .pdf."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* Where the surface writes. The first failed write is remembered here:
 * cairo's PDF surface does not pass a stream error on to its status, so a
 * full disk used to leave a truncated PDF that looked written. */
typedef struct
{
  FILE *file;
  int   error;
} Sink;

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  errno = 0;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->error = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError      **error,
                 const gchar  *path,
                 int           saved_errno)
{
  g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
               _("Could not write the chart to “%s”: %s. Choose a folder you can write to, with free space."),
               path, g_strerror (saved_errno));
}

/* Draws into a surface made for @sink; returns the cairo status of the
 * finished surface. */
static cairo_status_t
render_to_file (const CtChart      *chart,
                Sink               *sink,
                CtChartFormat       format,
                gdouble             width,
                gdouble             height,
                gdouble             dpi,
                const CtChartStyle *style)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  gdouble scale = 1.0;

  switch (format)
    {
    case CT_CHART_FORMAT_PNG:
      scale = dpi / 96.0;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    case CT_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_file, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case CT_CHART_FORMAT_PDF:
      /* PDF pages are measured in points: 72 a inch against our 96. */
      scale = 72.0 / 96.0;
      surface = cairo_pdf_surface_create_for_stream (write_to_file, sink,
                                                     width * scale, height * scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chỉ tiêu");
      if (ct_chart_get_title (chart) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        ct_chart_get_title (chart));
      break;
    default:
      g_return_val_if_reached (CAIRO_STATUS_INVALID_FORMAT);
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ct_chart_render (chart, cr, width, height, style, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == CT_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_file, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
ct_chart_export (const CtChart      *chart,
                 const gchar        *path,
                 CtChartFormat       format,
                 gdouble             width,
                 gdouble             height,
                 gdouble             dpi,
                 const CtChartStyle *style,
                 GError            **error)
{
  g_autofree gchar *dir = NULL;
  g_autofree gchar *base = NULL;
  g_autofree gchar *tmp_path = NULL;
  cairo_status_t status;
  FILE *file;
  Sink sink = { NULL, 0 };
  int fd, saved_errno;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = width > 0 ? width : CT_CHART_EXPORT_DEFAULT_WIDTH;
  height = height > 0 ? height : CT_CHART_EXPORT_DEFAULT_HEIGHT;
  dpi = dpi > 0 ? dpi : CT_CHART_EXPORT_DEFAULT_DPI;
  if (width < MIN_SIDE_PX || height < MIN_SIDE_PX
      || width > MAX_SIDE_PX || height > MAX_SIDE_PX)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between %.0f and %.0f pixels wide and high; %.0f × %.0f was asked for."),
                   MIN_SIDE_PX, MAX_SIDE_PX, width, height);
      return FALSE;
    }
  if (dpi < MIN_DPI || dpi > MAX_DPI
      || (format == CT_CHART_FORMAT_PNG
          && MAX (width, height) * dpi / 96.0 > MAX_SIDE_PX))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("A resolution of %.0f dpi is out of range: use %.0f to %.0f dpi, and keep the image under %.0f pixels a side."),
                   dpi, MIN_DPI, MAX_DPI, MAX_SIDE_PX);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno);
      return FALSE;
    }

  sink.file = file;
  status = render_to_file (chart, &sink, format, width, height, dpi, style);
  saved_errno = status == CAIRO_STATUS_SUCCESS ? 0 : (errno != 0 ? errno : EIO);
  if (sink.error != 0 || ferror (file))
    {
      status = CAIRO_STATUS_WRITE_ERROR;
      saved_errno = sink.error != 0 ? sink.error : EIO;
    }
  if (status == CAIRO_STATUS_SUCCESS && (fflush (file) != 0 || fsync (fileno (file)) != 0))
    {
      status = CAIRO_STATUS_WRITE_ERROR;
      saved_errno = errno;
    }
  if (fclose (file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      status = CAIRO_STATUS_WRITE_ERROR;
      saved_errno = errno;
    }
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp_path, path) != 0)
    {
      status = CAIRO_STATUS_WRITE_ERROR;
      saved_errno = errno;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (status == CAIRO_STATUS_WRITE_ERROR)
        set_write_error (error, path, saved_errno);
      else
        g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                     _("Could not draw the chart for “%s”: %s. Try a smaller size."),
                     path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
