/* ct-reader-outline.h: headings, sections and the results/targets part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-document.h"

G_BEGIN_DECLS

/* The numbering styles of Vietnamese administrative reports, outermost
 * first: "Phần thứ nhất", "A.", "I.", "1.", "1.1.", "1.1.1.", "a)". */
typedef enum
{
  CT_LABEL_NONE,
  CT_LABEL_PART,
  CT_LABEL_UPPER,
  CT_LABEL_ROMAN,
  CT_LABEL_ARABIC,
  CT_LABEL_ARABIC2,
  CT_LABEL_ARABIC3,
  CT_LABEL_LOWER,
} CtLabelKind;

/* What the format knew about a block beyond its text. */
typedef struct
{
  gboolean bold;          /* wholly bold */
  guint    heading_level; /* Markdown "#" or Word heading style; 0 none */
  gboolean after_blank;
} CtOutlineHint;

CtLabelKind ct_outline_parse_label (const gchar         *text,
                                    gsize               *label_len,
                                    gsize               *title_start);
gboolean    ct_outline_is_caps     (const gchar         *text,
                                    gssize               len);
/* Marks headings, fills doc->sections and every block's section and part. */
void        ct_outline_build       (CtDocument          *doc,
                                    const CtOutlineHint *hints);
/* The part a heading title announces on its own. */
CtPart      ct_outline_title_part  (const gchar         *title,
                                    gboolean            *matched);
/* "Trên đây là báo cáo …./.": where the body ends and the signature begins. */
gboolean    ct_outline_is_closing  (const gchar         *text,
                                    gsize                len);

G_END_DECLS
