/* ct-reader.c: files → CtDocument
 *
 * The format is told by the content, never by the name: a zip is a .docx
 * when it holds word/document.xml and otherwise a bundle of reports; text
 * is UTF-8 (with or without BOM) or UTF-16 with a BOM. Everything else gets
 * a specific error that says what the file seems to be and what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-reader-private.h"

#include <string.h>

#define MAX_ZIP_DEPTH 1

static GPtrArray *read_bytes (GBytes                 *bytes,
                              const gchar            *source_name,
                              guint                   depth,
                              const CtReaderProgress *progress,
                              GCancellable           *cancellable,
                              GError                **error);

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const gchar  *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Refuses the formats that are easy to mistake for a report. */
static gboolean
check_known_binary (const guint8 *data,
                    gsize         len,
                    const gchar  *source_name,
                    GError      **error)
{
  if (has_prefix (data, len, "GIF8", 4) || has_prefix (data, len, "\x1F\x8B", 2) ||
      has_prefix (data, len, "Rar!", 4) || has_prefix (data, len, "7z\xBC\xAF", 4) ||
      has_prefix (data, len, "\x7F" "ELF", 4))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_BINARY,
                   _("“%s” is an image, program or compressed file, not a report. Choose the report’s .docx, .txt or .md file."),
                   source_name);
      return FALSE;
    }
  return TRUE;
}

/* Latin text in UTF-16 has a zero in every other byte: odd ones for
 * little-endian, even ones for big-endian. Vietnamese has fewer (its
 * letters past U+00FF have none, about 15% of characters), so the test is
 * zeros in one order only, and bytes that decode in that order into text
 * with hardly any control characters. */
static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         len,
                  gsize         odd_nul,
                  gsize         even_nul)
{
  gsize units = len / 2, major = MAX (odd_nul, even_nul), minor = MIN (odd_nul, even_nul);
  g_autofree gchar *text = NULL;
  gsize text_len = 0, control = 0;

  if (units < 2 || major * 10 < units * 3 || minor * 20 > major)
    return FALSE;
  text = g_convert ((const gchar *) data, units * 2, "UTF-8",
                    odd_nul > even_nul ? "UTF-16LE" : "UTF-16BE", NULL, &text_len, NULL);
  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < text_len; i++)
    if ((guchar) text[i] < 0x20 && !g_ascii_isspace (text[i]))
      control++;
  return control * 100 <= text_len;
}

/* UTF-8 text out of the bytes, or a precise reason why not. */
static gchar *
decode_text (const guint8 *data,
             gsize         len,
             const gchar  *source_name,
             gsize        *out_len,
             GError      **error)
{
  const gchar *from = NULL;
  gsize skip = 0, nul = 0, odd_nul = 0, even_nul = 0, control = 0;

  if (has_prefix (data, len, "\x00\x00\xFE\xFF", 4) || has_prefix (data, len, "\xFF\xFE\x00\x00", 4))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("“%s” is in UTF-32, which Chỉ tiêu does not read. Save it as UTF-8 text."), source_name);
      return NULL;
    }
  if (has_prefix (data, len, "\xFF\xFE", 2))
    from = "UTF-16LE", skip = 2;
  else if (has_prefix (data, len, "\xFE\xFF", 2))
    from = "UTF-16BE", skip = 2;

  if (from != NULL)
    {
      g_autoptr(GError) local = NULL;
      gchar *out = g_convert ((const gchar *) data + skip, len - skip, "UTF-8", from, NULL, out_len, &local);

      if (out == NULL)
        g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                     _("“%s” starts as UTF-16 text but is broken (%s). Save it again as UTF-8 text."),
                     source_name, local->message);
      return out;
    }

  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    skip = 3;

  for (gsize i = skip; i < len; i++)
    {
      guint64 w;

      /* Eight bytes none of which is below 0x20 (nearly all of a text)
       * hold no NUL and no control character. */
      while (len - i >= 8 &&
             (memcpy (&w, data + i, 8),
              ((w - G_GUINT64_CONSTANT (0x2020202020202020)) & ~w & G_GUINT64_CONSTANT (0x8080808080808080)) == 0))
        i += 8;
      if (i >= len)
        break;
      if (data[i] == 0)
        {
          nul++;
          if ((i - skip) % 2 == 1)
            odd_nul++;
          else
            even_nul++;
        }
      else if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t' &&
               data[i] != '\f' && data[i] != '\v' && data[i] != 0x1B)
        control++;
    }
  if (nul > 0 && looks_like_utf16 (data + skip, len - skip, odd_nul, even_nul))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("“%s” looks like UTF-16 text without a byte-order mark. Save it as UTF-8 text or as UTF-16 with a byte-order mark."),
                   source_name);
      return NULL;
    }
  if (nul > 0 || control * 100 > len - skip + 1)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_BINARY,
                   _("“%s” is a binary file, not text. Choose the report’s .docx, .txt or .md file."),
                   source_name);
      return NULL;
    }

  /* Whether it is UTF-8 is found out by the lines' cleaning, which decodes
   * every character anyway: a pass of its own over the text was a twentieth
   * of extracting a report. */
  *out_len = len - skip;
  return g_strndup ((const gchar *) data + skip, len - skip);
}

/* The error for text that is not UTF-8, with the first byte that is not. */
static void
set_not_utf8 (const guint8 *data,
              gsize         len,
              const gchar  *source_name,
              GError      **error)
{
  gsize skip = has_prefix (data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  const gchar *end = (const gchar *) data + len;

  g_utf8_validate_len ((const gchar *) data + skip, len - skip, &end);
  g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
               _("“%s” is not UTF-8 text (the first invalid byte is at position %lu); it is probably in an old Vietnamese encoding such as Windows-1258, TCVN3 or VNI. Save it as UTF-8 text or as .docx."),
               source_name, (gulong) (end - (const gchar *) data));
}

static GPtrArray *
read_text (GBytes      *bytes,
           const gchar *source_name,
           GError     **error)
{
  gsize len, text_len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) local = NULL;
  g_autofree gchar *text = decode_text (data, len, source_name, &text_len, &local);
  g_autoptr(GPtrArray) paras = NULL;
  const gchar *legacy = NULL;
  gboolean markdown = FALSE;
  CtDocument *doc;

  if (text != NULL && (paras = ct_reader_text_parse (text, text_len, &markdown)) == NULL)
    {
      set_not_utf8 (data, len, source_name, &local);
      g_clear_pointer (&text, g_free);
    }
  /* Not UTF-8: perhaps typed before Unicode. */
  if (text == NULL && g_error_matches (local, CT_ERROR, CT_ERROR_ENCODING) &&
      (text = ct_reader_legacy_decode (data, len, &text_len, &legacy)) != NULL)
    paras = ct_reader_text_parse (text, text_len, &markdown);
  if (paras == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* The format a user is told is the file's: a .txt that happens to hold
   * a pipe table or a "#" heading is still a text file (the Reports sheet
   * said "markdown" for the seeds). */
  markdown = markdown && source_name != NULL &&
             (g_str_has_suffix (source_name, ".md") || g_str_has_suffix (source_name, ".markdown") ||
              g_str_has_suffix (source_name, ".MD"));
  doc = ct_reader_build (paras, source_name, markdown ? CT_FILE_FORMAT_MARKDOWN : CT_FILE_FORMAT_TEXT, bytes, error);
  if (doc == NULL)
    return NULL;
  if (legacy != NULL)
    g_ptr_array_insert (doc->warnings, 0,
                        g_strdup_printf (_("The file is in the old %s encoding and was converted to Unicode; check names with diacritics against the original."),
                                         legacy));
  return ct_reader_one_document (doc);
}

static GPtrArray *
read_docx (GBytes      *bytes,
           const gchar *source_name,
           GError     **error)
{
  guint legacy_runs = 0;
  g_autoptr(GPtrArray) paras = ct_reader_docx_parse (bytes, source_name, &legacy_runs, error);
  CtDocument *doc;
  GPtrArray *docs;

  if (paras == NULL)
    return NULL;
  doc = ct_reader_build (paras, source_name, CT_FILE_FORMAT_DOCX, bytes, error);
  if (doc == NULL)
    return NULL;
  ct_reader_legacy_warn (doc, legacy_runs);
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_document_unref);
  g_ptr_array_add (docs, doc);
  return docs;
}

static gboolean
is_skipped_member (const gchar *name)
{
  const gchar *base = strrchr (name, '/');

  base = base != NULL ? base + 1 : name;
  return base[0] == '\0' || base[0] == '.' || g_str_has_prefix (name, "__MACOSX/") ||
         g_str_has_prefix (base, "~$");
}

/* A zip that is not a .docx: every report in it becomes a document. */
static GPtrArray *
read_zip (GBytes                 *bytes,
          const gchar            *source_name,
          guint                   depth,
          const CtReaderProgress *progress,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) entries = ct_reader_zip_read (bytes, source_name, &names, error);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) first_error = NULL;
  GPtrArray *docs;

  if (entries == NULL)
    return NULL;

  if (g_hash_table_contains (entries, "word/document.xml"))
    return read_docx (bytes, source_name, error);
  if (ct_reader_is_odf (entries))
    return ct_reader_odt_read (entries, bytes, source_name, error);
  if (g_hash_table_contains (entries, "[Content_Types].xml") || g_hash_table_contains (entries, "word/styles.xml"))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is an Office file without word/document.xml: it is not a Word document or it is damaged. Open it in Word and save it again as .docx."),
                   source_name);
      return NULL;
    }
  if (depth >= MAX_ZIP_DEPTH)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED,
                   _("“%s” is a zip inside a zip; unpack the outer one first."), source_name);
      return NULL;
    }

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_document_unref);
  for (guint i = 0; i < names->len; i++)
    {
      const gchar *name = g_ptr_array_index (names, i);
      g_autofree gchar *member = g_strdup_printf ("%s/%s", source_name, name);
      g_autoptr(GPtrArray) inner = NULL;
      g_autoptr(GError) local = NULL;

      if (is_skipped_member (name))
        continue;
      inner = read_bytes (g_hash_table_lookup (entries, name), member, depth + 1, progress, cancellable, &local);
      if (inner == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              g_ptr_array_unref (docs);
              return NULL;
            }
          g_ptr_array_add (warnings, g_strdup (local->message));
          if (first_error == NULL)
            first_error = g_steal_pointer (&local);
          continue;
        }
      g_ptr_array_extend_and_steal (docs, g_steal_pointer (&inner));
    }

  if (docs->len == 0)
    {
      g_ptr_array_unref (docs);
      if (first_error != NULL)
        g_propagate_error (error, g_steal_pointer (&first_error));
      else
        g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                     _("“%s” holds no report (.docx, .txt or .md)."), source_name);
      return NULL;
    }
  /* What could not be read is told with the first report of the bundle. */
  for (guint w = 0; w < warnings->len; w++)
    g_ptr_array_add (((CtDocument *) g_ptr_array_index (docs, 0))->warnings,
                     g_strdup (g_ptr_array_index (warnings, w)));
  return docs;
}

static GPtrArray *
read_bytes (GBytes                 *bytes,
            const gchar            *source_name,
            guint                   depth,
            const CtReaderProgress *progress,
            GCancellable           *cancellable,
            GError                **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (len == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                   _("“%s” is empty. Check that it is the report itself and not an empty copy."), source_name);
      return NULL;
    }
  if (len > CT_READER_MAX_FILE_SIZE)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB, more than any report; check that it is the right file."),
                   source_name, CT_READER_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (has_prefix (data, len, "PK\x03\x04", 4) || has_prefix (data, len, "PK\x05\x06", 4))
    return read_zip (bytes, source_name, depth, progress, cancellable, error);
  if (has_prefix (data, len, "%PDF", 4))
    return ct_reader_pdf_read (bytes, source_name, progress, cancellable, error);
  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return ct_reader_convert_read (bytes, source_name, CT_FILE_FORMAT_DOC, cancellable, error);
  if (has_prefix (data, len, "{\\rtf", 5))
    return ct_reader_convert_read (bytes, source_name, CT_FILE_FORMAT_RTF, cancellable, error);
  /* A page photographed or scanned to a picture. */
  if (has_prefix (data, len, "\x89PNG", 4) || has_prefix (data, len, "\xFF\xD8\xFF", 3) ||
      has_prefix (data, len, "II*\0", 4) || has_prefix (data, len, "MM\0*", 4))
    return ct_reader_image_read (bytes, source_name, cancellable, error);
  if (!check_known_binary (data, len, source_name, error))
    return NULL;
  if (ct_reader_is_html (data, len))
    return ct_reader_html_read (bytes, source_name, error);
  return read_text (bytes, source_name, error);
}

/* Both entry points: the name made UTF-8, then the bytes read. */
static GPtrArray *
read_named_bytes (GBytes                 *bytes,
                  const gchar            *source_name,
                  const CtReaderProgress *progress,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autofree gchar *display = NULL;

  /* The name travels into messages, JSON, the library and workbooks, all
   * UTF-8: a name in another encoding is shown as the file chooser would. */
  if (!g_utf8_validate (source_name, -1, NULL))
    source_name = display = g_filename_display_name (source_name);
  return read_bytes (bytes, source_name, 0, progress, cancellable, error);
}

GPtrArray *
ct_reader_read_bytes (GBytes       *bytes,
                      const gchar  *source_name,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  return read_named_bytes (bytes, source_name, NULL, cancellable, error);
}

/* GLib's reasons reach the reader half in English ("Error when getting
 * information for file …" has no Vietnamese in GLib's catalogue): ours
 * say what happened and what to do; cancelling stays a cancellation. */
static void
set_unreadable (GError      **error,
                GError       *local,
                const gchar  *name)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local);
      return;
    }
  g_debug ("%s: %s", name, local->message);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                 _("“%s” does not exist; check the file name and its folder."), name);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                 _("“%s” cannot be opened: you may not read it. Copy it to a folder of yours, or ask its owner."),
                 name);
  else
    g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                 _("“%s” cannot be read. Check that its disk or network folder is reachable, then try again."),
                 name);
  g_error_free (local);
}

GPtrArray *
ct_reader_read_file (const gchar  *path,
                     GCancellable *cancellable,
                     GError      **error)
{
  return ct_reader_read_file_full (path, NULL, NULL, cancellable, error);
}

GPtrArray *
ct_reader_read_file_full (const gchar          *path,
                          CtReaderProgressFunc  progress,
                          gpointer              progress_data,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree gchar *display = NULL;
  CtReaderProgress told = { progress, progress_data };
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  if (!g_utf8_validate (path, -1, NULL))
    display = g_filename_display_name (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      set_unreadable (error, g_steal_pointer (&local), display != NULL ? display : path);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is a folder; choose the report files inside it."), display != NULL ? display : path);
      return NULL;
    }
  /* Refused before reading, so a huge file costs nothing. */
  if (g_file_info_get_size (info) > CT_READER_MAX_FILE_SIZE)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB, more than any report; check that it is the right file."),
                   display != NULL ? display : path, CT_READER_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &local);
  if (bytes == NULL)
    {
      set_unreadable (error, g_steal_pointer (&local), display != NULL ? display : path);
      return NULL;
    }
  return read_named_bytes (bytes, path, &told, cancellable, error);
}
