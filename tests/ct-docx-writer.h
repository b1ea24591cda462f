/* ct-docx-writer.h: writes .docx files for the tests
 *
 * Test code of our own: a zip (libarchive) of plain WordprocessingML text,
 * enough for Word and for the reader: paragraphs, bold headings, real
 * footnotes, tables with merged cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-document.h"

G_BEGIN_DECLS

/* Writes @parts (zip member name → contents, written in name order) to
 * @path as a zip; members may be any bytes, so tests can build damaged or
 * hostile files too. */
gboolean ct_docx_write_parts    (const gchar      *path,
                                 GHashTable       *parts,
                                 GError          **error);

/* The document as a .docx: one Word paragraph per block (headings bold),
 * footnote bodies as real Word footnotes referenced at their anchors, table
 * rows as a Word table with gridSpan and vMerge for merged cells. */
gboolean ct_docx_write_document (const CtDocument *doc,
                                 const gchar      *path,
                                 GError          **error);

/* The minimal package parts around @document_xml (content types, rels). */
GHashTable *ct_docx_package     (const gchar      *document_xml,
                                 const gchar      *footnotes_xml);

G_END_DECLS
