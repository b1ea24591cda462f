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

GPtrArray *ct_reader_read_file  (const gchar  *path,
                                 GCancellable *cancellable,
                                 GError      **error);
GPtrArray *ct_reader_read_bytes (GBytes       *bytes,
                                 const gchar  *source_name,
                                 GCancellable *cancellable,
                                 GError      **error);

G_END_DECLS
