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

/* A zip ends with its directory's end record ("PK\5\6", within the last
 * 64 KiB and 22 bytes); a file cut short by a copy or download lacks it. */
static gboolean
has_end_record (const guint8 *data,
                gsize         len)
{
  gsize from = len > 65557 ? len - 65557 : 0;

  for (gsize i = len >= 4 ? len - 4 : 0; len >= 4 && i + 1 > from; i--)
    if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6)
      return TRUE;
  return FALSE;
}

/* libarchive's reasons are English only ("ZIP decompression failed
 * (-5)"): the reader is told what happened and what to do in words of
 * his language, and the reason goes to the debug log. */
static void
set_damaged (GError       **error,
             struct archive *a,
             const guint8  *data,
             gsize          len,
             const gchar   *source_name,
             const gchar   *member)
{
  const gchar *why = archive_error_string (a);

  g_debug ("%s: %s", source_name, why != NULL ? why : "?");
  if (!has_end_record (data, len))
    g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                 _("“%s” is incomplete: the file ends too early, as when a copy or download is cut short. "
                   "Save or download it again."), source_name);
  else if (member != NULL)
    g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                 _("“%s” is damaged: “%s” inside it cannot be unpacked. Save or download it again."),
                 source_name, member);
  else
    g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                 _("“%s” is a damaged zip file. Save or download it again."), source_name);
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
      set_damaged (error, a, data, len, source_name, NULL);
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
          set_damaged (error, a, data, len, source_name, name);
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
      set_damaged (error, a, data, len, source_name, NULL);
      archive_read_free (a);
      return NULL;
    }
  archive_read_free (a);

  if (out_names != NULL)
    *out_names = g_steal_pointer (&names);
  return g_steal_pointer (&entries);
}
