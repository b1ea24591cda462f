/* ct-chart-export.h: a chart as a PNG, SVG or PDF file
 *
 * Width and height are in CSS pixels (1/96 inch), the unit the renderer
 * lays out in. PNG files get width × dpi / 96 by height × dpi / 96 pixels,
 * so dpi 192 gives a sharp image of the same layout at twice the pixels;
 * SVG and PDF are vectors at width × height (PDF in points: × 0.75), with
 * text kept as text in the PDF and its fonts embedded.
 *
 * Files are written to a temporary file in the target folder and renamed
 * over the target only when complete, so a failure never leaves a broken
 * or half-written chart behind and never damages an existing file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-chart.h"
#include "ct-chart-render.h"

G_BEGIN_DECLS

typedef enum
{
  CT_CHART_FORMAT_PNG,
  CT_CHART_FORMAT_SVG,
  CT_CHART_FORMAT_PDF,
} CtChartFormat;

#define CT_CHART_EXPORT_DEFAULT_WIDTH  1000.0
#define CT_CHART_EXPORT_DEFAULT_HEIGHT 620.0
#define CT_CHART_EXPORT_DEFAULT_DPI    96.0

/* The format from the file name's extension (.png, .svg, .pdf, any case);
 * CT_ERROR_UNSUPPORTED for anything else. */
gboolean ct_chart_format_from_path (const gchar        *path,
                                    CtChartFormat      *format,
                                    GError            **error);

/* Writes @chart to @path. Sizes of 0 take the defaults above; @style may
 * be NULL (light). Errors: CT_ERROR_INVALID_ARGUMENT for sizes out of
 * range, CT_ERROR_WRITE when the folder cannot be written. */
gboolean ct_chart_export           (const CtChart      *chart,
                                    const gchar        *path,
                                    CtChartFormat       format,
                                    gdouble             width,
                                    gdouble             height,
                                    gdouble             dpi,
                                    const CtChartStyle *style,
                                    GError            **error);

G_END_DECLS
