/* ct-reader-convert.c: .doc and .rtf through LibreOffice's converter
 *
 * Word 97 and RTF are converted to OpenDocument by `soffice --headless`
 * and then read by the .odt reader. LibreOffice runs with a profile of its
 * own in a temporary folder (so it neither touches nor waits for the
 * user's running LibreOffice), under a time limit, and everything it wrote
 * is removed afterwards. The report says that it was converted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <glib/gstdio.h>
#include <string.h>

/* A report converts in seconds; a hung converter must not hang the import. */
#define CONVERT_SECONDS 120

static void
remove_tree (const gchar *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs soffice on @input, waiting at most CONVERT_SECONDS. */
static gboolean
run_soffice (const gchar  *soffice,
             const gchar  *tmp,
             const gchar  *input,
             const gchar  *source_name,
             GCancellable *cancellable,
             GError      **error)
{
  g_autofree gchar *profile = g_build_filename (tmp, "profile", NULL);
  g_autofree gchar *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree gchar *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GSource) timer = NULL;
  gboolean done = FALSE, timed_out = FALSE;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, error,
                           soffice, env, "--headless", "--norestore", "--nologo", "--convert-to", "odt",
                           "--outdir", tmp, input, NULL);
  if (proc == NULL)
    return FALSE;
  g_main_context_push_thread_default (context);
  timer = g_timeout_source_new_seconds (CONVERT_SECONDS);
  g_source_set_callback (timer, on_timeout, &timed_out, NULL);
  g_source_attach (timer, context);
  g_subprocess_wait_async (proc, NULL, on_exited, &done);
  while (!done)
    {
      if (timed_out || g_cancellable_is_cancelled (cancellable))
        g_subprocess_force_exit (proc);
      g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timer);
  g_main_context_pop_thread_default (context);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (timed_out)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                   _("LibreOffice took more than %d seconds to convert “%s” and was stopped. Open the file in Word or LibreOffice and save it as .docx."),
                   CONVERT_SECONDS, source_name);
      return FALSE;
    }
  return TRUE;
}

static gchar *
find_soffice (void)
{
  gchar *path = g_find_program_in_path ("soffice");

  return path != NULL ? path : g_find_program_in_path ("libreoffice");
}

GPtrArray *
ct_reader_convert_read (GBytes       *bytes,
                        const gchar  *source_name,
                        CtFileFormat  format,
                        GCancellable *cancellable,
                        GError      **error)
{
  const gchar *what = format == CT_FILE_FORMAT_RTF ? "RTF" : "Word 97–2003 (.doc)"; /* format names, not translated */
  g_autofree gchar *soffice = find_soffice ();
  g_autofree gchar *tmp = NULL;
  g_autofree gchar *input = NULL;
  g_autofree gchar *output = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GPtrArray) paras = NULL;
  CtDocument *doc = NULL;

  if (soffice == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM,
                   _("“%s” is in %s format. Chỉ tiêu reads it through LibreOffice, which is not installed: install the package libreoffice-writer-nogui, or open the file in Word and save it as .docx."),
                   source_name, what);
      return NULL;
    }
  tmp = g_dir_make_tmp ("chitieu-convert-XXXXXX", error);
  if (tmp == NULL)
    return NULL;
  input = g_build_filename (tmp, format == CT_FILE_FORMAT_RTF ? "report.rtf" : "report.doc", NULL);
  output = g_build_filename (tmp, "report.odt", NULL);
  if (g_file_set_contents (input, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error) &&
      run_soffice (soffice, tmp, input, source_name, cancellable, error))
    {
      gchar *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (output, &data, &len, NULL))
        g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                     _("LibreOffice could not convert “%s”: it is damaged or not a %s document. Open it in Word and save it as .docx."),
                     source_name, what);
      else
        odt = g_bytes_new_take (data, len);
    }
  remove_tree (tmp);
  if (odt == NULL)
    return NULL;
  entries = ct_reader_zip_read (odt, source_name, NULL, error);
  if (entries != NULL)
    paras = ct_reader_odt_parse (entries, source_name, NULL, error);
  if (paras != NULL)
    doc = ct_reader_build (paras, source_name, format, bytes, error);
  if (doc == NULL)
    return NULL;
  g_ptr_array_add (doc->warnings,
                   g_strdup_printf (_("Converted from %s by LibreOffice before reading; check figures in tables against the original."), what));
  return ct_reader_one_document (doc);
}
