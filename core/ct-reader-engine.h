/* ct-reader-engine.h: the PDF and OCR engines, loaded when first needed
 *
 * Poppler and Tesseract (with Leptonica and the image libraries under
 * them) are two thirds of what the dynamic loader maps for a command, yet
 * only a PDF or a scan needs them. They live in a loadable module built
 * beside the program (ct-reader-pdf.c, ct-reader-ocr.c and the two small
 * files they share with the core); the core opens it on the first PDF or
 * picture it reads, so `list`, `compare` or reading text files never map
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-reader-private.h"

#include <gmodule.h>

G_BEGIN_DECLS

/* The module's file name, for g_module_build_path(). */
#define CT_READER_ENGINE_MODULE "chitieu-pdf"
/* The symbol the module exports: const CtReaderEngine *(*) (void). */
#define CT_READER_ENGINE_SYMBOL "ct_reader_engine_module"
/* Raised whenever the table below changes, so a module of another build
 * is refused rather than called through a wrong table. */
#define CT_READER_ENGINE_ABI    1

typedef struct
{
  guint        abi;
  gsize        size;   /* sizeof (CtReaderEngine) in the module */
  GPtrArray *(*pdf_pages) (GBytes                 *bytes,
                           const gchar            *source_name,
                           gboolean               *out_has_text,
                           GError                **error);
  GPtrArray *(*ocr_pages) (GBytes                 *bytes,
                           const gchar            *source_name,
                           const CtReaderProgress *progress,
                           GCancellable           *cancellable,
                           GError                **error);
  GPtrArray *(*ocr_image) (GBytes                 *bytes,
                           const gchar            *source_name,
                           GCancellable           *cancellable,
                           GError                **error);
} CtReaderEngine;

/* The engines, loaded on the first call (thread-safe, ct-module.h); NULL
 * with @error set when the module is missing or of another build. */
const CtReaderEngine *ct_reader_engine_get (GError **error);

/* In the module only: its table. */
G_MODULE_EXPORT const CtReaderEngine *ct_reader_engine_module (void);

/* The module's halves of the engines (ct-reader-pdf.c, ct-reader-ocr.c). */
GPtrArray  *ct_reader_engine_pdf_pages (GBytes                 *bytes,
                                        const gchar            *source_name,
                                        gboolean               *out_has_text,
                                        GError                **error);
GPtrArray  *ct_reader_engine_ocr_pages (GBytes                 *bytes,
                                        const gchar            *source_name,
                                        const CtReaderProgress *progress,
                                        GCancellable           *cancellable,
                                        GError                **error);
GPtrArray  *ct_reader_engine_ocr_image (GBytes                 *bytes,
                                        const gchar            *source_name,
                                        GCancellable           *cancellable,
                                        GError                **error);

G_END_DECLS
