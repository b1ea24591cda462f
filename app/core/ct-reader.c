/* ct-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <string.h>

static void
set_sha256 (CtDocument *doc,
            GBytes     *bytes)
{
  g_autofree gchar *hex = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  g_strlcpy (doc->sha256, hex, sizeof doc->sha256);
}

/* Plain UTF-8 text: one block per non-empty source line. */
static CtDocument *
read_text (GBytes       *bytes,
           const gchar  *source_name,
           GError      **error)
{
  gsize len;
  const gchar *data = g_bytes_get_data (bytes, &len);
  g_autoptr(CtDocument) doc = ct_document_new (source_name, CT_FORMAT_TEXT);
  GString *text = g_string_sized_new (len);
  const gchar *p = data, *end = data + len;
  guint line = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  if (!g_utf8_validate_len (p, end - p, NULL))
    {
      g_set_error (error, CT_ERROR, CT_ERROR_ENCODING,
                   _("“%s” is not valid UTF-8 text."), source_name);
      g_string_free (text, TRUE);
      return NULL;
    }

  while (p < end)
    {
      const gchar *nl = memchr (p, '\n', end - p);
      const gchar *le = nl ? nl : end;
      g_autofree gchar *nfc = NULL;
      gchar *s;
      CtBlock block = { 0 };

      line++;
      if (le > p && le[-1] == '\r')
        le--;
      nfc = ct_text_normalize_nfc (p, le - p, error);
      if (nfc == NULL)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      s = g_strstrip (nfc);
      if (*s != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          block.start = text->len;
          g_string_append (text, s);
          block.end = text->len;
          block.line = line;
          block.kind = CT_BLOCK_PARAGRAPH;
          block.section = -1;
          block.table = -1;
          block.row = -1;
          block.footnote = -1;
          g_array_append_val (doc->blocks, block);
        }
      p = nl ? nl + 1 : end;
    }

  if (doc->blocks->len == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                   _("“%s” holds no text."), source_name);
      g_string_free (text, TRUE);
      return NULL;
    }

  g_free (doc->text);
  doc->text_len = text->len;
  doc->text = g_string_free (text, FALSE);
  set_sha256 (doc, bytes);
  return g_steal_pointer (&doc);
}

GPtrArray *
ct_reader_read_bytes (GBytes       *bytes,
                      const gchar  *source_name,
                      GCancellable *cancellable,
                      GError      **error)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_document_unref);
  CtDocument *doc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (docs);
      return NULL;
    }

  doc = read_text (bytes, source_name, error);
  if (doc == NULL)
    {
      g_ptr_array_unref (docs);
      return NULL;
    }
  g_ptr_array_add (docs, doc);
  return docs;
}

GPtrArray *
ct_reader_read_file (const gchar  *path,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return ct_reader_read_bytes (bytes, path, cancellable, error);
}
