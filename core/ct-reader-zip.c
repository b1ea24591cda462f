/* ct-reader-zip.c: the members of a zip, read within limits
 *
 * Nothing is written to disk, so member names cannot escape anywhere; what
 * a hostile zip can still do is expand without end. Each member is capped
 * (CT_READER_MAX_ENTRY_SIZE), so is the sum (CT_READER_MAX_TOTAL_SIZE) and
 * the expansion over the zip's own size (CT_READER_MAX_RATIO), all counted
 * while inflating, so a member that lies about its size is caught too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <archive.h>
#include <archive_entry.h>

#define CHUNK 65536
/* Small files compress well for honest reasons; the ratio only counts
 * beyond this much inflated data. */
#define RATIO_FLOOR (1024 * 1024)

/* libarchive's message may quote a member name in whatever bytes the zip
 * holds; messages must be UTF-8 to be shown, printed as JSON or stored. */
static gchar *
zip_error (struct archive *a)
{
  const gchar *message = archive_error_string (a);

  /* Some of its messages end in a newline, which would split ours. */
  return g_strstrip (g_utf8_make_valid (message != NULL ? message : "?", -1));
}

GHashTable *
ct_reader_zip_read (GBytes      *bytes,
                    const gchar *source_name,
                    GPtrArray  **out_names,
                    GError     **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  struct archive *a = archive_read_new ();
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint64 total = 0;
  guint count = 0;
  struct archive_entry *entry;
  gint r;

  archive_read_support_format_zip (a);
#ifdef CT_FUZZING
  /* Lets the fuzzer mutate stored members without fixing their checksums. */
  archive_read_set_format_option (a, "zip", "ignorecrc32", "1");
#endif
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      g_autofree gchar *why = zip_error (a);

      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is a damaged zip file (%s). Save or download it again."),
                   source_name, why);
      archive_read_free (a);
      return NULL;
    }

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const gchar *raw = archive_entry_pathname_utf8 (entry);
      g_autofree gchar *name = NULL;
      GByteArray *buf;
      guint8 chunk[CHUNK];
      la_ssize_t n;

      /* Zips made on Windows often hold names in a code page: they become
       * valid UTF-8 (U+FFFD for what cannot be read) before going anywhere. */
      if (raw == NULL)
        raw = archive_entry_pathname (entry);
      name = raw != NULL ? g_utf8_make_valid (raw, -1) : NULL;
      if (++count > CT_READER_MAX_ENTRIES)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_HOSTILE,
                       _("“%s” holds more than %d files; Chỉ tiêu refuses it as a possible zip bomb."),
                       source_name, CT_READER_MAX_ENTRIES);
          archive_read_free (a);
          return NULL;
        }
      if (archive_entry_filetype (entry) != AE_IFREG || name == NULL)
        continue;
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > CT_READER_MAX_ENTRY_SIZE)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_TOO_LARGE,
                       _("“%s” holds “%s”, which is larger than %d MB; a report is never that large."),
                       source_name, name, CT_READER_MAX_ENTRY_SIZE / (1024 * 1024));
          archive_read_free (a);
          return NULL;
        }

      buf = g_byte_array_new ();
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        {
          total += n;
          if (buf->len + n > CT_READER_MAX_ENTRY_SIZE || total > CT_READER_MAX_TOTAL_SIZE ||
              (total > RATIO_FLOOR && total / MAX (len, 1) > CT_READER_MAX_RATIO))
            {
              g_set_error (error, CT_ERROR, CT_ERROR_HOSTILE,
                           _("“%s” expands far beyond its size (a zip bomb); Chỉ tiêu stopped reading it."),
                           source_name);
              g_byte_array_unref (buf);
              archive_read_free (a);
              return NULL;
            }
          g_byte_array_append (buf, chunk, n);
        }
      if (n < 0)
        {
          g_autofree gchar *why = zip_error (a);

          g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                       _("“%s” is damaged: “%s” cannot be unpacked (%s). Save or download it again."),
                       source_name, name, why);
          g_byte_array_unref (buf);
          archive_read_free (a);
          return NULL;
        }
      if (!g_hash_table_contains (entries, name))
        g_ptr_array_add (names, g_strdup (name));
      g_hash_table_replace (entries, g_strdup (name), g_byte_array_free_to_bytes (buf));
    }

  if (r != ARCHIVE_EOF)
    {
      g_autofree gchar *why = zip_error (a);

      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is a damaged zip file (%s). Save or download it again."),
                   source_name, why);
      archive_read_free (a);
      return NULL;
    }
  archive_read_free (a);

  if (out_names != NULL)
    *out_names = g_steal_pointer (&names);
  return g_steal_pointer (&entries);
}
