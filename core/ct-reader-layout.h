/* ct-reader-layout.h: positioned words → raw paragraphs
 *
 * A PDF's text layer and an OCR engine both give words with boxes and no
 * structure. This module rebuilds the structure from geometry alone: lines
 * from baselines, paragraphs from gaps, indents and short last lines,
 * tables from columns of words, footnotes from raised markers, and drops
 * running headers, footers and page numbers. Both readers share it, so a
 * scan reads the same as the PDF it was printed from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-reader-private.h"

G_BEGIN_DECLS

typedef struct
{
  gchar   *text;       /* one word, UTF-8, no spaces */
  gdouble  x0, y0;     /* top left, in points, y growing downwards */
  gdouble  x1, y1;     /* bottom right */
  gdouble  size;       /* font size in points; 0 until its line is known (OCR) */
  gboolean bold;
  gboolean doubtful;   /* OCR: a figure read with low confidence */
} CtLayoutWord;

typedef struct
{
  gdouble  width;
  gdouble  height;
  GArray  *words;      /* CtLayoutWord, in any order */
} CtLayoutPage;

CtLayoutPage *ct_layout_page_new   (gdouble       width,
                                    gdouble       height);
void          ct_layout_page_free  (CtLayoutPage *page);
CtLayoutPage *ct_layout_page_copy  (const CtLayoutPage *page);
/* @size 0: unknown (OCR); the line's height then stands for it. */
void          ct_layout_page_add   (CtLayoutPage *page,
                                    const gchar  *text,
                                    gdouble       x0,
                                    gdouble       y0,
                                    gdouble       x1,
                                    gdouble       y1,
                                    gdouble       size,
                                    gboolean      bold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtLayoutPage, ct_layout_page_free)

/* Raw paragraphs of @pages (CtLayoutPage *) in reading order. A raw
 * paragraph's line is the number of its first visible line counted over
 * the whole file; @out_page_lines (optional) gets, for each page, the
 * number of its first line, and @out_doubtful_lines (optional) the lines
 * with a doubtful word, in order. */
GPtrArray    *ct_layout_build      (GPtrArray    *pages,
                                    GArray      **out_page_lines,
                                    GArray      **out_doubtful_lines);

G_END_DECLS
