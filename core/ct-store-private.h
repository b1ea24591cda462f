/* ct-store-private.h: what the ct-store-*.c files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-db.h"

#include "ct-catalog.h"
#include "ct-store.h"

G_BEGIN_DECLS

struct _CtStore
{
  CtDb       *db;
  gchar      *path;     /* shown and remembered: no password */
  gchar      *location; /* as given, for the import worker's connection */
  gchar      *author;   /* who this connection's corrections are by */
  CtCatalog  *catalog;    /* NULL until needed: ct_store_get_catalog() */
  GHashTable *statements; /* SQL text (static string) → CtDbStmt */
  gboolean    in_batch;   /* ct_store_import_files() holds a transaction */
  /* Inside a batch, the full-text rows wait for the batch's COMMIT: FTS5
   * flushes its pending terms at every SAVEPOINT once it has been written
   * in a transaction, which would undo the batching (ct-store-batch.c). */
  GArray     *fts_pending;      /* CtStorePendingFts */
  GString    *fts_pending_text; /* their folded words, one after the other */
  guint       fts_mark;         /* fts_pending's length when the document began */
  gsize       fts_mark_text;
};

/* One sentence's entry waiting for the full-text index. */
typedef struct
{
  gint64 rowid;
  gsize  at;
  gsize  len;
} CtStorePendingFts;

/* A sentence of a document: byte offsets into its text, its line, and
 * where its folded words lie in CtStoreRows.folded. */
typedef struct
{
  gsize start;
  gsize end;
  guint line;
  gsize folded_at;
  gsize folded_len;
} CtStoreSentence;

/* ct-store-rows.c: what a document's rows hold that needs no database,
 * worked out on the reading threads so the writer only binds and steps. */
typedef struct
{
  guchar  *packed;      /* the packed text (SQLite); NULL on PostgreSQL */
  gsize    packed_size;
  GArray  *sentences;   /* CtStoreSentence */
  GString *folded;      /* the sentences' words as the engine's index takes them */
  GString *spans;       /* the sentences as sentence_span holds them */
  GArray  *words;       /* gint64 per observation: its qualifier words packed, -1 none */
} CtStoreRows;

guint         ct_store_readers_allowed (guint n_threads,
                                        guint waiting);
gboolean      ct_store_batch_full      (guint files,
                                        gsize bytes,
                                        guint left);

CtStoreRows  *ct_store_rows_new  (const CtDocument *doc,
                                  GPtrArray        *observations,
                                  CtDbKind          kind);
void          ct_store_rows_free (CtStoreRows      *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtStoreRows, ct_store_rows_free)

/* sentence_span's text: appends a sentence after @last (zeros for the
 * first) and makes it the last. */
void          ct_store_spans_append  (GString         *spans,
                                      CtStoreSentence *last,
                                      gsize            start,
                                      gsize            end,
                                      guint            line);
/* The sentences (CtStoreSentence, folded fields 0) of a sentence_span
 * text; NULL when it is damaged. */
GArray       *ct_store_spans_decode  (const gchar     *spans,
                                      gsize            len);
/* SQLite's ct_spans() aggregate, which schema step 7 uses. */
gboolean      ct_store_register_span_functions (CtStore *self);

/* A sentence's words as the full-text index is given them: folded as the
 * search folds the user's (the words of ct_catalog_fold_phrase()), one
 * space between them. */
gchar        *ct_store_fold_for_index        (const gchar *text,
                                              gsize        len);
void          ct_store_append_fold_for_index (GString     *out,
                                              const gchar *text,
                                              gsize        len);

/* A prepared statement kept for the life of the connection, reset and with
 * its bindings cleared; NULL with CT_ERROR_DATABASE set. */
CtDbStmt *ct_store_prepare      (CtStore      *self,
                                     const gchar  *sql,
                                     GError      **error);
void          ct_store_set_error    (CtStore      *self,
                                     GError      **error);
/* Starts a transaction that writes (writers take turns). */
gboolean      ct_store_begin        (CtStore      *self,
                                     GError      **error);
gboolean      ct_store_exec         (CtStore      *self,
                                     const gchar  *sql,
                                     GError      **error);
/* Runs a prepared statement that returns no rows. */
gboolean      ct_store_step_done    (CtStore      *self,
                                     CtDbStmt *stmt,
                                     GError      **error);

/* NULL-aware binding and reading: NAN ↔ NULL, NULL strings ↔ NULL. */
void          ct_store_bind_double  (CtDbStmt *stmt,
                                     int           index,
                                     gdouble       value);
void          ct_store_bind_text    (CtDbStmt *stmt,
                                     int           index,
                                     const gchar  *text);
gdouble       ct_store_column_double (CtDbStmt *stmt,
                                      int           column);
gchar        *ct_store_column_text  (CtDbStmt *stmt,
                                     int           column);

gchar        *ct_store_now_iso      (void);

/* ct-store-text.c: report texts are stored packed (zlib); SQL reads them
 * through ct_unpack (text), which also passes plain older texts through. */
gboolean      ct_store_register_text_functions (CtStore      *self);
/* @text packed as report_text holds it (*@size bytes); NULL if zlib fails. */
guchar       *ct_store_pack_text               (const gchar  *text,
                                                gsize         len,
                                                gsize        *size);
/* Binds a packed text made by ct_store_pack_text(), taking it. */
gboolean      ct_store_bind_packed_blob        (CtDbStmt     *stmt,
                                                int           index,
                                                guchar       *blob,
                                                gsize         size);

/* An observation's anchor as the library keeps it: the first 15 hex digits
 * of its SHA-1 (60 bits) as an integer, -1 when hex is not one; SQL has it
 * as ct_anchor_key (text). Corrections keep it as 15 hex digits of text
 * (ct_store_anchor_text()). */
#define CT_STORE_ANCHOR_DIGITS 15
gint64        ct_store_anchor_key              (const gchar  *hex);
gchar        *ct_store_anchor_text             (gint64        key);

/* ct-store-open.c: refuses, untouched, a file that is not a library or
 * that cannot be read, with a message saying which (foreign, damaged,
 * newer, read-only). */
gboolean      ct_store_check_library   (CtStore      *self,
                                        GError      **error);
/* Sets a read-only error and returns TRUE when the library's folder or
 * file may not be written by this user. */
gboolean      ct_store_explain_access  (CtStore      *self,
                                        GError      **error);
/* One integer PRAGMA or COUNT into @out; CT_DB_OK when a row was read. */
CtDbResult    ct_store_query_int       (CtStore      *self,
                                        const gchar  *sql,
                                        gint         *out);
/* Like g_cancellable_set_error_if_cancelled() but in CT_ERROR_CANCELLED. */
gboolean      ct_store_check_cancelled (GCancellable *cancellable,
                                        GError      **error);
/* The name a report keeps in the library: the file's name without the
 * folders it was read from ("/home/…/bao-cao.zip/a.docx" → "bao-cao.zip/a.docx"),
 * so workbooks handed to others carry no paths of the user's machine. */
gchar        *ct_store_source_display_name (const gchar *source_name);
/* The folded key of a period ("6 Tháng đầu năm" → "6 thang dau nam"). */
gchar        *ct_store_fold_key     (const gchar  *text);

/* Splits a block of text into sentences: pairs of byte offsets relative to
 * text, appended to spans (gsize). */
void          ct_store_split_sentences (const gchar *text,
                                        gsize        len,
                                        GArray      *spans);

/* Observations: corrections applied. where is the tail of a query on
 * "observation o JOIN report r" (e.g. "o.report_id = ?1"), bound by bind. */
typedef void (*CtStoreBindFunc) (CtDbStmt *stmt,
                                 gpointer      data);
GPtrArray    *ct_store_query_observations (CtStore        *self,
                                           const gchar    *sql,
                                           CtStoreBindFunc bind,
                                           gpointer        bind_data,
                                           GError        **error);
/* The same without their section paths (obs->section NULL where the
 * section table gives it): a comparison shows none, and rebuilding paths
 * reads each report's sections. */
GPtrArray    *ct_store_query_figures      (CtStore        *self,
                                           const gchar    *sql,
                                           CtStoreBindFunc bind,
                                           gpointer        bind_data,
                                           GError        **error);
/* The SELECT list ct_store_query_observations expects, from
 * "observation o JOIN report r ON r.id = o.report_id
 *  LEFT JOIN indicator i ON i.id = o.indicator_id". */
#define CT_STORE_OBSERVATION_COLUMNS \
  "o.id, o.report_id, o.kind, o.label, o.section, o.value, o.value_high, " \
  "o.qualifier, o.unit, o.plan, o.basis, o.rate, o.rate_computed, o.yoy, " \
  "o.status, o.flags, o.start, o.end, o.line, i.code, r.locality_id, r.year, " \
  "r.period_folded, o.anchor, o.ordinal, o.section_idx, o.words, r.words_version"

/* Each report's counts of figures as report_counts holds them, from its
 * rows (portable SQL; a report without figures gets no row). Since schema
 * 11 no trigger counts a figure as it is inserted: an import writes its
 * report's row once, after its figures (a trigger made each figure's
 * INSERT a statement of its own to undo), and a copy counts the library
 * once; triggers still follow corrections and removals. */
#define CT_STORE_COUNT_FIGURES \
  "INSERT INTO report_counts (report_id, n, matched, flagged)" \
  " SELECT report_id, count (*), count (indicator_id), sum (CASE WHEN flags <> 0 THEN 1 ELSE 0 END)" \
  " FROM observation"

/* Deletes a report with its sentences (FTS entries too); no transaction. */
gboolean      ct_store_delete_report_rows (CtStore  *self,
                                           gint64    report_id,
                                           GError  **error);
/* The full-text entries of a report's stored sentences, folded from its
 * stored text (a copied library builds its index in its own form). */
gboolean      ct_store_index_report       (CtStore          *self,
                                           gint64            report_id,
                                           GError          **error);
/* The same for every report: a copied library, or an index made anew by
 * a schema step (the sentences' words then change form). */
gboolean      ct_store_index_all_reports  (CtStore          *self,
                                           GError          **error);
/* The report's sentences and their words for the full-text index; inside
 * a batch the words wait for ct_store_flush_fts(). */
gboolean      ct_store_index_sentences    (CtStore           *self,
                                           gint64             report_id,
                                           const CtStoreRows *rows,
                                           GError           **error);
/* Writes the full-text rows a batch holds back (ct-store-batch.c). */
gboolean      ct_store_flush_fts          (CtStore          *self,
                                           GError          **error);
/* Stores a document whose rows were worked out beforehand (rows may be
 * NULL: worked out here). */
CtImportResult *ct_store_import_prepared  (CtStore                *self,
                                           CtDocument             *doc,
                                           GPtrArray              *observations,
                                           CtStoreRows            *rows,
                                           const CtImportOptions  *options,
                                           GCancellable           *cancellable,
                                           GError                **error);

/* Opens a database and migrates it only up to version (tests of migration). */
CtStore      *ct_store_open_at_version    (const gchar  *path,
                                           gint          version,
                                           GError      **error);

/* The reports as ct_store_list_reports() sorts them, with what a
 * comparison's columns show: no counts, title, checksum, format or
 * import time. */
GPtrArray    *ct_store_list_report_columns (CtStore  *self,
                                            GError  **error);
/* Every correction in effect: observation id (gint64 *) → GPtrArray of
 * CtCorrection. */
GHashTable   *ct_store_load_corrections   (CtStore  *self,
                                           GError  **error);
/* Applies corrections (CtCorrection *) to an observation just read. */
void          ct_store_apply_corrections  (CtStoredObservation *so,
                                           GPtrArray           *corrections);

/* The program's catalogue with the library's own aliases, built on first
 * use (a library synced with it needs it only to import, match or compare). */
CtCatalog    *ct_store_get_catalog        (CtStore  *self);

/* Re-reads user aliases into the catalogue (after open and after links). */
gboolean      ct_store_load_aliases       (CtStore  *self,
                                           GError  **error);

/* ct-store-pg.c: the PostgreSQL library's schema steps, version and check. */
const gchar  *ct_store_pg_migration       (gint      version);
CtDbResult    ct_store_pg_read_version    (CtStore  *self,
                                           gint     *version);
CtDbResult    ct_store_pg_write_version   (CtStore  *self,
                                           gint      version);
gboolean      ct_store_pg_check_library   (CtStore  *self,
                                           GError  **error);

G_END_DECLS
