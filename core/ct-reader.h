/* ct-reader.h: files → CtDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-document.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define CT_READER_MAX_FILE_SIZE (64 * 1024 * 1024)

/* Told each time the OCR of a scan has read one more page: @done of
 * @n_pages. It runs in one of the reader's threads, one call at a time,
 * and must return quickly (hand the figures to a main loop). */
typedef void (*CtReaderProgressFunc) (guint    done,
                                      guint    n_pages,
                                      gpointer user_data);

GPtrArray *ct_reader_read_file  (const gchar  *path,
                                 GCancellable *cancellable,
                                 GError      **error);
/* The same, telling @progress (may be NULL) how far the OCR of a scan is;
 * @cancellable stops it within the page being read. */
GPtrArray *ct_reader_read_file_full (const gchar          *path,
                                     CtReaderProgressFunc  progress,
                                     gpointer              progress_data,
                                     GCancellable         *cancellable,
                                     GError              **error);
GPtrArray *ct_reader_read_bytes (GBytes       *bytes,
                                 const gchar  *source_name,
                                 GCancellable *cancellable,
                                 GError      **error);

G_END_DECLS
