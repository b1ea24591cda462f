/* ct-reader-engine.c: loading the PDF and OCR engines on first use
 *
 * The module is opened once per process and never closed (ct-module.c):
 * the pages it returns are freed with its own functions. A missing or
 * foreign module is remembered too, so every later PDF gets the same clear
 * error without searching again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-engine.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-module.h"

typedef struct
{
  const CtReaderEngine *engine;
  GError               *error;
} Loaded;

static Loaded *
load (void)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  CtModuleStatus status;
  const gchar *path = NULL;
  const CtReaderEngine *(*entry) (void) = ct_module_symbol (CT_READER_ENGINE_MODULE, CT_READER_ENGINE_SYMBOL,
                                                            &status, &path);
  const CtReaderEngine *engine = entry != NULL ? entry () : NULL;

  if (status == CT_MODULE_MISSING)
    g_set_error (&loaded->error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                 _("Reading PDFs and scans needs the program’s PDF reader (%s), which is not installed beside it. Reinstall Chỉ tiêu."),
                 CT_READER_ENGINE_MODULE);
  else if (status == CT_MODULE_BROKEN)
    g_set_error (&loaded->error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                 _("Reading PDFs and scans needs the libraries poppler-glib and Tesseract, which are missing or damaged. Reinstall Chỉ tiêu with them."));
  else if (engine == NULL || engine->abi != CT_READER_ENGINE_ABI || engine->size != sizeof (CtReaderEngine))
    g_set_error (&loaded->error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                 _("The PDF reader found beside Chỉ tiêu (%s) belongs to another version of the program. Reinstall Chỉ tiêu."),
                 path);
  else
    loaded->engine = engine;
  return loaded;
}

const CtReaderEngine *
ct_reader_engine_get (GError **error)
{
  static Loaded *loaded = NULL;

  if (g_once_init_enter (&loaded))
    g_once_init_leave (&loaded, load ());
  if (loaded->error != NULL)
    g_propagate_error (error, g_error_copy (loaded->error));
  return loaded->engine;
}

GPtrArray *
ct_reader_pdf_pages (GBytes      *bytes,
                     const gchar *source_name,
                     gboolean    *out_has_text,
                     GError     **error)
{
  const CtReaderEngine *engine = ct_reader_engine_get (error);

  return engine != NULL ? engine->pdf_pages (bytes, source_name, out_has_text, error) : NULL;
}

GPtrArray *
ct_reader_ocr_pages (GBytes                 *bytes,
                     const gchar            *source_name,
                     const CtReaderProgress *progress,
                     GCancellable           *cancellable,
                     GError                **error)
{
  const CtReaderEngine *engine = ct_reader_engine_get (error);

  return engine != NULL ? engine->ocr_pages (bytes, source_name, progress, cancellable, error) : NULL;
}

GPtrArray *
ct_reader_ocr_image (GBytes       *bytes,
                     const gchar  *source_name,
                     GCancellable *cancellable,
                     GError      **error)
{
  const CtReaderEngine *engine = ct_reader_engine_get (error);

  return engine != NULL ? engine->ocr_image (bytes, source_name, cancellable, error) : NULL;
}
