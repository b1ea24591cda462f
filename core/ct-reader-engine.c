/* ct-reader-engine.c: loading the PDF and OCR engines on first use
 *
 * The module is opened once per process and never closed: the pages it
 * returns are freed with its own functions, and Tesseract's threads may
 * outlive a single read. A missing or foreign module is remembered too, so
 * every later PDF gets the same clear error without searching again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-engine.h"
#include "ct-error.h"
#include "ct-i18n.h"

typedef struct
{
  const CtReaderEngine *engine;
  GError               *error;
} Loaded;

/* Where to look, in order: the tests' and benchmarks' folder, beside the
 * running program (the build tree, a relocated install), the install. */
static GPtrArray *
module_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const gchar *env = g_getenv ("CHITIEU_MODULE_DIR");
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (dirs, g_strdup (env));
  if (self != NULL)
    g_ptr_array_add (dirs, g_path_get_dirname (self));
  g_ptr_array_add (dirs, g_strdup (CT_MODULEDIR));
  return dirs;
}

static const CtReaderEngine *
open_module (const gchar *path,
             GError     **error)
{
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  const CtReaderEngine *(*entry) (void) = NULL;
  const CtReaderEngine *engine = NULL;

  if (module == NULL)
    {
      /* The loader says which library is missing, in English: for the log. */
      g_debug ("%s: %s", path, g_module_error ());
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                   _("Reading PDFs and scans needs the libraries poppler-glib and Tesseract, which are missing or damaged. Reinstall Chỉ tiêu with them."));
      return NULL;
    }
  if (g_module_symbol (module, CT_READER_ENGINE_SYMBOL, (gpointer *) &entry) && entry != NULL)
    engine = entry ();
  if (engine == NULL || engine->abi != CT_READER_ENGINE_ABI || engine->size != sizeof (CtReaderEngine))
    {
      g_module_close (module);
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                   _("The PDF reader found beside Chỉ tiêu (%s) belongs to another version of the program. Reinstall Chỉ tiêu."),
                   path);
      return NULL;
    }
  g_module_make_resident (module);
  return engine;
}

static Loaded *
load (void)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GPtrArray) dirs = module_dirs ();

  for (guint i = 0; i < dirs->len && loaded->engine == NULL && loaded->error == NULL; i++)
    {
      g_autofree gchar *path = g_module_build_path (g_ptr_array_index (dirs, i), CT_READER_ENGINE_MODULE);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        loaded->engine = open_module (path, &loaded->error);
    }
  if (loaded->engine == NULL && loaded->error == NULL)
    g_set_error (&loaded->error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                 _("Reading PDFs and scans needs the program’s PDF reader (%s), which is not installed beside it. Reinstall Chỉ tiêu."),
                 CT_READER_ENGINE_MODULE);
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
