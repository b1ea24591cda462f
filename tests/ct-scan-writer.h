/* ct-scan-writer.h: scanned reports for the OCR tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes to @path a PDF without a text layer, as a scanner makes one: one
 * A4 page per string of @pages (NULL-terminated, Pango markup), each drawn
 * as a 300 dpi grey picture of the printed page. */
void ct_scan_writer_write (const gchar         *path,
                           const gchar * const *pages);

G_END_DECLS
