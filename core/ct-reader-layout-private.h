/* ct-reader-layout-private.h: the lines the layout works on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-reader-layout.h"

G_BEGIN_DECLS

typedef struct
{
  gdouble  x0, x1;
  gchar   *text;
} CtLayoutSegment;

typedef struct
{
  guint      page;
  guint      number;   /* 1-based over the whole file */
  gdouble    x0, y0, x1, y1;
  gdouble    base;     /* baseline: the bottom of its normal-sized words */
  gdouble    size;     /* the size most of its characters have */
  gboolean   bold;     /* every word bold */
  gchar     *text;     /* words joined, raised markers as superscripts */
  GArray    *segments; /* CtLayoutSegment: runs of words split by wide gaps */
  gboolean   dropped;  /* running header, footer or page number */
  gboolean   doubtful; /* holds a word OCR was unsure of */
  gchar     *note_id;  /* the line opens a footnote body with this number */
} CtLayoutLine;

/* What holds for the whole file: the body's size, line pitch and margins. */
typedef struct
{
  gdouble size;
  gdouble pitch;
  gdouble left;
  gdouble right;
} CtLayoutMetrics;

/* Lines of every page in reading order (CtLayoutLine *). */
GPtrArray *ct_layout_lines          (GPtrArray             *pages,
                                     GArray                *page_lines);
void       ct_layout_drop_furniture (GPtrArray             *lines,
                                     GPtrArray             *pages);
void       ct_layout_measure        (GPtrArray             *lines,
                                     CtLayoutMetrics       *metrics);
GPtrArray *ct_layout_paragraphs     (GPtrArray             *lines,
                                     const CtLayoutMetrics *metrics);

G_END_DECLS
