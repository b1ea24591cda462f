/* ct-store-text.c: a report's text, stored once and compressed
 *
 * The text is a quarter of its size through zlib and is read whole only
 * to show a source or judge a figure, so report_text holds it packed: a
 * BLOB of "CTZ1", its length (4 bytes, little-endian) and the zlib stream.
 * The SQL function ct_unpack() gives any stored text back, packed or plain
 * (libraries written before packing), so the statements that read texts,
 * the search's substrings among them, read it as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-db-sqlite.h"

#include <string.h>
#include <zlib.h>

#define PACK_MAGIC      "CTZ1"
#define PACK_HEADER     8
/* Above the default level the texts shrink by under 1% for twice the time. */
#define PACK_LEVEL      6

guchar *
ct_store_pack_text (const gchar *text,
                    gsize        len,
                    gsize       *size)
{
  uLongf packed_len = compressBound (len);
  guchar *blob;

  if (len > G_MAXUINT32)
    return NULL;
  blob = g_malloc (PACK_HEADER + packed_len);
  memcpy (blob, PACK_MAGIC, 4);
  for (guint i = 0; i < 4; i++)
    blob[4 + i] = (len >> (8 * i)) & 0xff;
  if (compress2 (blob + PACK_HEADER, &packed_len, (const Bytef *) text, len, PACK_LEVEL) != Z_OK)
    {
      g_free (blob);
      return NULL;
    }
  *size = PACK_HEADER + packed_len;
  return blob;
}

gboolean
ct_store_bind_packed_blob (CtDbStmt *stmt,
                           int       index,
                           guchar   *blob,
                           gsize     size)
{
  sqlite3_stmt *handle = ct_db_sqlite_stmt_handle (stmt);

  if (handle == NULL || blob == NULL)
    {
      g_free (blob);
      return FALSE;
    }
  return sqlite3_bind_blob64 (handle, index, blob, size, g_free) == SQLITE_OK;
}

/* The text of a packed BLOB, NULL when it is not one or is damaged. */
static gchar *
unpack (const guchar *blob,
        gsize         size,
        gsize        *out_len)
{
  uLongf len = 0;
  gchar *text;

  if (size < PACK_HEADER || memcmp (blob, PACK_MAGIC, 4) != 0)
    return NULL;
  for (guint i = 0; i < 4; i++)
    len |= (uLongf) blob[4 + i] << (8 * i);
  text = g_malloc (len + 1);
  *out_len = len;
  if (uncompress ((Bytef *) text, &len, blob + PACK_HEADER, size - PACK_HEADER) != Z_OK
      || len != *out_len)
    {
      g_free (text);
      return NULL;
    }
  text[len] = '\0';
  return text;
}

static void
sql_unpack (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  const guchar *blob;
  gchar *text;
  gsize len = 0;

  (void) argc;
  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB)
    {
      sqlite3_result_value (ctx, argv[0]);
      return;
    }
  blob = sqlite3_value_blob (argv[0]);
  text = unpack (blob, sqlite3_value_bytes (argv[0]), &len);
  if (text == NULL)
    {
      sqlite3_result_error (ctx, "a report's stored text is damaged", -1);
      return;
    }
  sqlite3_result_text64 (ctx, text, len, g_free, SQLITE_UTF8);
}

/* ct_unpack_head (text, n): the first n bytes of a stored text (fewer when
 * it is shorter; the last character may be cut). Inflating stops there:
 * judging a figure needs the text up to a little after it, not a whole
 * report for each report a comparison shows. */
static void
sql_unpack_head (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  sqlite3_int64 want = sqlite3_value_int64 (argv[1]);
  const guchar *data = sqlite3_value_blob (argv[0]);
  gsize size = sqlite3_value_bytes (argv[0]);
  z_stream z = { 0 };
  guchar *text;
  int rc;

  (void) argc;
  if (want < 0)
    want = 0;
  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB)
    {
      sqlite3_result_text64 (ctx, (const gchar *) data, MIN (size, (gsize) want),
                             SQLITE_TRANSIENT, SQLITE_UTF8);
      return;
    }
  if (size < PACK_HEADER || memcmp (data, PACK_MAGIC, 4) != 0 || inflateInit (&z) != Z_OK)
    {
      sqlite3_result_error (ctx, "a report's stored text is damaged", -1);
      return;
    }
  text = g_malloc (want + 1);
  z.next_in = (Bytef *) data + PACK_HEADER;
  z.avail_in = size - PACK_HEADER;
  z.next_out = text;
  z.avail_out = want;
  do
    rc = inflate (&z, Z_SYNC_FLUSH);
  while (rc == Z_OK && z.avail_out > 0 && z.avail_in > 0);
  inflateEnd (&z);
  if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && z.avail_out == 0))
    {
      g_free (text);
      sqlite3_result_error (ctx, "a report's stored text is damaged", -1);
      return;
    }
  sqlite3_result_text64 (ctx, (gchar *) text, z.total_out, g_free, SQLITE_UTF8);
}

static void
sql_pack (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  gsize size = 0;
  guchar *blob;

  (void) argc;
  if (sqlite3_value_type (argv[0]) != SQLITE_TEXT)
    {
      sqlite3_result_value (ctx, argv[0]);
      return;
    }
  blob = ct_store_pack_text ((const gchar *) sqlite3_value_text (argv[0]), sqlite3_value_bytes (argv[0]), &size);
  if (blob == NULL)
    {
      sqlite3_result_error (ctx, "a report's text could not be compressed", -1);
      return;
    }
  sqlite3_result_blob64 (ctx, blob, size, g_free);
}

/* PostgreSQL libraries define the same names in SQL (ct-store-pg.c). */
gboolean
ct_store_register_text_functions (CtStore *self)
{
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  sqlite3 *db = ct_db_sqlite_handle (self->db);

  if (db == NULL)
    return TRUE;
  return sqlite3_create_function (db, "ct_unpack", 1, flags, NULL, sql_unpack, NULL, NULL) == SQLITE_OK
         && sqlite3_create_function (db, "ct_unpack_head", 2, flags, NULL, sql_unpack_head, NULL, NULL) == SQLITE_OK
         && sqlite3_create_function (db, "ct_pack", 1, flags, NULL, sql_pack, NULL, NULL) == SQLITE_OK;
}
