/* ct-store-text.c: a report's text, stored once and compressed
 *
 * The text is a quarter of its size compressed and is read whole only to
 * show a source or judge a figure, so report_text holds it packed: a BLOB
 * of a magic, its length (4 bytes, little-endian) and the compressed
 * stream. "CTS1" is a Zstandard frame (level 3, 8 kB blocks), which the
 * reading threads make for every report of an import. Packed so, the five
 * seeds 10 times over (callgrind): level 1 0.323 of the text, 116 M
 * instructions; 2 0.319, 125 M; 3 0.291, 119 M; 4 0.291, 124 M; 5 0.283,
 * 319 M; 6 0.272, 417 M (what earlier builds wrote; zlib's default level
 * 0.266 for 509 M). Level 3 takes 7% more bytes than 6 for 29% of its
 * work, and the library stays well under 1.5 times its text. Any level
 * reads back the same way. "CTZ1", a zlib stream, is what earlier
 * versions wrote; it is still read. The SQL function ct_unpack() gives any
 * stored text back, packed or plain (libraries written before packing),
 * so the statements that read texts, the search's substrings among them,
 * read it as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-db-sqlite.h"

#include <string.h>
#include <zlib.h>
#include <zstd.h>

#define PACK_MAGIC      "CTS1"
#define ZLIB_MAGIC      "CTZ1"
#define PACK_HEADER     8
#define PACK_LEVEL      3
#define PACK_BLOCK      8192

static void
free_cctx (gpointer cctx)
{
  ZSTD_freeCCtx (cctx);
}

/* One compression context per reading thread, kept from report to report. */
static GPrivate zstd_cctx = G_PRIVATE_INIT (free_cctx);

/* The text as one frame of blocks of PACK_BLOCK bytes: Zstandard decodes
 * a block whole, so ct_unpack_head() then decodes at most a block more
 * than it is asked for (one block for the whole text made the judge
 * unpack every text whole: 75% more instructions for a comparison than
 * zlib's inflate, which stops where it is asked). 0 on failure. */
static gsize
compress_blocks (ZSTD_CCtx   *cctx,
                 const gchar *text,
                 gsize        len,
                 guchar      *out,
                 gsize        capacity)
{
  ZSTD_outBuffer output = { out, capacity, 0 };
  gsize at = 0;

  ZSTD_CCtx_reset (cctx, ZSTD_reset_session_and_parameters);
  if (ZSTD_isError (ZSTD_CCtx_setParameter (cctx, ZSTD_c_compressionLevel, PACK_LEVEL))
      || ZSTD_isError (ZSTD_CCtx_setPledgedSrcSize (cctx, len)))
    return 0;
  do
    {
      gsize n = MIN (PACK_BLOCK, len - at);
      ZSTD_inBuffer input = { text + at, n, 0 };
      ZSTD_EndDirective end = at + n >= len ? ZSTD_e_end : ZSTD_e_flush;
      gsize rc;

      do
        rc = ZSTD_compressStream2 (cctx, &output, &input, end);
      while (rc != 0 && !ZSTD_isError (rc) && output.pos < output.size);
      if (rc != 0)
        return 0;
      at += n;
    }
  while (at < len);
  return output.pos;
}

guchar *
ct_store_pack_text (const gchar *text,
                    gsize        len,
                    gsize       *size)
{
  gsize bound = ZSTD_compressBound (len);
  ZSTD_CCtx *cctx = g_private_get (&zstd_cctx);
  gsize packed_len;
  guchar *blob;

  if (len > G_MAXUINT32)
    return NULL;
  if (cctx == NULL)
    {
      cctx = ZSTD_createCCtx ();
      if (cctx == NULL)
        return NULL;
      g_private_set (&zstd_cctx, cctx);
    }
  blob = g_malloc (PACK_HEADER + bound);
  memcpy (blob, PACK_MAGIC, 4);
  for (guint i = 0; i < 4; i++)
    blob[4 + i] = (len >> (8 * i)) & 0xff;
  packed_len = compress_blocks (cctx, text, len, blob + PACK_HEADER, bound);
  if (packed_len == 0)
    {
      g_free (blob);
      return NULL;
    }
  *size = PACK_HEADER + packed_len;
  return blob;
}

/* The length a packed BLOB says its text has; 0 with *zstd unset when it
 * is not a packed BLOB. */
static gboolean
read_header (const guchar *blob,
             gsize         size,
             gsize        *len,
             gboolean     *zstd)
{
  if (size < PACK_HEADER)
    return FALSE;
  if (memcmp (blob, PACK_MAGIC, 4) == 0)
    *zstd = TRUE;
  else if (memcmp (blob, ZLIB_MAGIC, 4) == 0)
    *zstd = FALSE;
  else
    return FALSE;
  *len = 0;
  for (guint i = 0; i < 4; i++)
    *len |= (gsize) blob[4 + i] << (8 * i);
  return TRUE;
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
  gsize len = 0;
  gboolean zstd = FALSE, ok;
  gchar *text;

  if (!read_header (blob, size, &len, &zstd))
    return NULL;
  text = g_malloc (len + 1);
  *out_len = len;
  if (zstd)
    {
      gsize got = ZSTD_decompress (text, len, blob + PACK_HEADER, size - PACK_HEADER);

      ok = !ZSTD_isError (got) && got == len;
    }
  else
    {
      uLongf got = len;

      ok = uncompress ((Bytef *) text, &got, blob + PACK_HEADER, size - PACK_HEADER) == Z_OK
           && got == len;
    }
  if (!ok)
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

/* The first @want bytes of a zlib stream into @text; -1 if damaged. */
static gssize
head_zlib (const guchar *data,
           gsize         size,
           guchar       *text,
           gsize         want)
{
  z_stream z = { 0 };
  int rc;

  if (inflateInit (&z) != Z_OK)
    return -1;
  z.next_in = (Bytef *) data;
  z.avail_in = size;
  z.next_out = text;
  z.avail_out = want;
  do
    rc = inflate (&z, Z_SYNC_FLUSH);
  while (rc == Z_OK && z.avail_out > 0 && z.avail_in > 0);
  inflateEnd (&z);
  if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && z.avail_out == 0))
    return -1;
  return z.total_out;
}

/* One decompression context per thread, kept: a comparison reads the head
 * of every report it shows. */
static void
free_context (gpointer dctx)
{
  ZSTD_freeDCtx (dctx);
}

static GPrivate zstd_context = G_PRIVATE_INIT (free_context);

/* The first @want bytes of a Zstandard frame into @text; -1 if damaged. */
static gssize
head_zstd (const guchar *data,
           gsize         size,
           guchar       *text,
           gsize         want)
{
  ZSTD_DCtx *dctx = g_private_get (&zstd_context);
  ZSTD_inBuffer in = { data, size, 0 };
  ZSTD_outBuffer out = { text, want, 0 };
  gsize rc = 1;

  if (dctx == NULL)
    {
      dctx = ZSTD_createDCtx ();
      if (dctx == NULL)
        return -1;
      g_private_set (&zstd_context, dctx);
    }
  ZSTD_DCtx_reset (dctx, ZSTD_reset_session_only);
  while (out.pos < out.size && rc != 0)
    {
      gsize before = in.pos + out.pos;

      rc = ZSTD_decompressStream (dctx, &out, &in);
      if (ZSTD_isError (rc) || (rc != 0 && in.pos + out.pos == before))
        return -1;
    }
  return out.pos;
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
  gsize len = 0;
  gboolean zstd = FALSE;
  guchar *text;
  gssize got;

  (void) argc;
  if (want < 0)
    want = 0;
  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB)
    {
      sqlite3_result_text64 (ctx, (const gchar *) data, MIN (size, (gsize) want),
                             SQLITE_TRANSIENT, SQLITE_UTF8);
      return;
    }
  if (!read_header (data, size, &len, &zstd))
    {
      sqlite3_result_error (ctx, "a report's stored text is damaged", -1);
      return;
    }
  want = MIN ((gsize) want, len);
  text = g_malloc (want + 1);
  got = zstd ? head_zstd (data + PACK_HEADER, size - PACK_HEADER, text, want)
             : head_zlib (data + PACK_HEADER, size - PACK_HEADER, text, want);
  if (got < 0)
    {
      g_free (text);
      sqlite3_result_error (ctx, "a report's stored text is damaged", -1);
      return;
    }
  sqlite3_result_text64 (ctx, (gchar *) text, got, g_free, SQLITE_UTF8);
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

gint64
ct_store_anchor_key (const gchar *hex)
{
  guint64 key = 0;

  if (hex == NULL)
    return -1;
  for (guint i = 0; i < CT_STORE_ANCHOR_DIGITS; i++)
    {
      gint digit = g_ascii_xdigit_value (hex[i]);

      if (digit < 0)
        return -1;
      key = key << 4 | (guint) digit;
    }
  return (gint64) key;
}

gchar *
ct_store_anchor_text (gint64 key)
{
  return g_strdup_printf ("%015" G_GINT64_MODIFIER "x", (guint64) key);
}

static void
sql_anchor_key (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  gint64 key;

  (void) argc;
  key = ct_store_anchor_key ((const gchar *) sqlite3_value_text (argv[0]));
  if (key < 0)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_int64 (ctx, key);
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
         && sqlite3_create_function (db, "ct_pack", 1, flags, NULL, sql_pack, NULL, NULL) == SQLITE_OK
         && sqlite3_create_function (db, "ct_anchor_key", 1, flags, NULL, sql_anchor_key, NULL, NULL) == SQLITE_OK;
}
