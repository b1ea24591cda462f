/* ct-store.h: the library of reports, in SQLite or PostgreSQL
 *
 * One CtStore is one connection to one database file. It is not thread-safe:
 * use it from one thread at a time. The async import opens a second
 * connection to the same file in a worker thread (WAL lets both work), so it
 * does not work on ":memory:" databases.
 *
 * What is stored: localities (name, level, province), reports (locality,
 * year, period, title, source name, sha256, format, normalised text),
 * sections, text blocks and sentences (with an FTS5 index over an ICU-folded
 * shadow so "duong" finds "Đường"), observations with provenance and flags,
 * the canonical indicators of resources/data/indicators.tsv with their
 * aliases, and user corrections kept in their own table.
 *
 * Corrections are keyed by the report's slot (locality, year, period) and a
 * content anchor of the observation (its folded clause and label, and the
 * occurrence number of that anchor in the report), not by row ids, so they
 * survive a re-import, a replaced file and a re-extraction. They are applied
 * whenever observations are read.
 *
 * Every function that returns a list returns a GPtrArray that owns its
 * elements (free function set); free it with g_ptr_array_unref().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-document.h"
#include "ct-figure.h"
#include "ct-locality.h"
#include "ct-observation.h"

G_BEGIN_DECLS

/* PRAGMA user_version written by this build. Older databases are migrated
 * in place on open; newer ones are refused with CT_ERROR_SCHEMA_TOO_NEW. */
#define CT_STORE_SCHEMA_VERSION 11

/* PRAGMA application_id of a Chỉ tiêu library ("CTie"): a SQLite file
 * without it that already holds tables belongs to another program and is
 * refused untouched (CT_ERROR_NOT_LIBRARY). */
#define CT_STORE_APPLICATION_ID 0x43546965

/* How long a command waits for another one's write (an import commits
 * report by report, so this is the longest one report may take). */
#define CT_STORE_BUSY_TIMEOUT_MS (5 * 60 * 1000)

typedef struct _CtStore CtStore;

/* $CHITIEU_DB when set, else g_get_user_data_dir()/chitieu/library.db. */
gchar       *ct_store_default_path   (void);

/* Opens (creating the file and its folder when missing) and migrates.
 * Errors: CT_ERROR_DATABASE (cannot open, damaged, read-only),
 * CT_ERROR_NOT_LIBRARY (not SQLite, or another program's database),
 * CT_ERROR_SCHEMA_TOO_NEW (written by a newer Chỉ tiêu); in the last two
 * nothing is written to the file. */
CtStore     *ct_store_open           (const gchar  *path,
                                      GError      **error);
void         ct_store_close          (CtStore      *self);
const gchar *ct_store_get_path       (CtStore      *self);
/* Changes when someone else (another process, another person on the
 * server, the import worker) has changed the library since the last call
 * that returned the same number: the window polls it to list again. */
gint64       ct_store_get_data_version (CtStore    *self);
/* TRUE when no report is stored (the window then imports the samples). */
gboolean     ct_store_is_empty       (CtStore      *self);

/* ------------------------------------------------------------------ */
/* Import                                                             */
/* ------------------------------------------------------------------ */

/* Metadata that wins over what the reader guessed. NULL / 0 fields keep the
 * guess. With replace, a different file for a locality, year and period
 * already present replaces the stored report (its corrections stay). */
typedef struct
{
  gchar    *locality;
  gchar    *level;    /* "huyện", "thị xã", "thành phố", "xã", "tỉnh" … */
  gchar    *province;
  gint      year;     /* 0: keep the guess */
  gchar    *period;   /* "6 tháng đầu năm", "cả năm", "9 tháng" … */
  gboolean  replace;
} CtImportOptions;

CtImportOptions *ct_import_options_new   (void);
CtImportOptions *ct_import_options_copy  (const CtImportOptions *options);
void             ct_import_options_free  (CtImportOptions       *options);

typedef enum
{
  CT_IMPORT_NEW,       /* stored */
  CT_IMPORT_UNCHANGED, /* the same bytes (sha256) are already stored: nothing
                        * written (with replace they are extracted again and
                        * the result is REPLACED; corrections stay) */
  CT_IMPORT_CONFLICT,  /* another file holds this locality/year/period; nothing
                        * written: ask the user, then import again with replace */
  CT_IMPORT_REPLACED,  /* replace was set and the other file was replaced */
  CT_IMPORT_FAILED,    /* only in the async import's results: see error */
} CtImportStatus;

typedef struct
{
  gchar          *path;            /* the file as given */
  gchar          *source_name;     /* the document ("archive.zip/inner.docx") */
  CtImportStatus  status;
  gint64          report_id;       /* stored report; the existing one for
                                    * UNCHANGED and CONFLICT; 0 for FAILED */
  guint           n_observations;  /* stored (or already stored) */
  guint           n_matched;       /* of those, mapped to a catalogue indicator */
  gchar          *locality;        /* the metadata used (after overrides) */
  gchar          *level;
  gchar          *province;
  gint            year;
  gchar          *period;
  gchar          *conflict_source; /* UNCHANGED/CONFLICT/REPLACED: the stored file's source name */
  GError         *error;           /* FAILED only */
} CtImportResult;

void         ct_import_result_free   (CtImportResult *result);
const gchar *ct_import_status_to_string (CtImportStatus status);

/* Called between stages and documents: fraction in 0 … 1, the document or
 * file being worked on. In the async import it runs in the caller's
 * thread-default main context. */
typedef void (*CtImportProgressFunc) (gdouble      fraction,
                                      const gchar *source_name,
                                      gpointer     user_data);

/* Reads FILE (one file may hold several documents: a zip), extracts, and
 * stores each document in its own transaction. Returns CtImportResult per
 * document. A read error, a missing locality or year (say which override to
 * give: CT_ERROR_INVALID_ARGUMENT), a cancellation (CT_ERROR_CANCELLED) or a
 * database error returns NULL; documents stored before it stay stored. */
GPtrArray   *ct_store_import_file    (CtStore                *self,
                                      const gchar            *path,
                                      const CtImportOptions  *options,
                                      GCancellable           *cancellable,
                                      CtImportProgressFunc    progress,
                                      gpointer                progress_data,
                                      GError                **error);

/* Stores one document already read. observations: CtObservation * from
 * ct_extractor_run(), or NULL to run the default extractor. */
CtImportResult *ct_store_import_document (CtStore                *self,
                                          CtDocument             *doc,
                                          GPtrArray              *observations,
                                          const CtImportOptions  *options,
                                          GCancellable           *cancellable,
                                          GError                **error);

/* One file of an async import, with its own overrides (the import dialog
 * lets the user edit each row). */
typedef struct
{
  gchar           *path;
  CtImportOptions *options; /* may be NULL */
} CtImportRequest;

CtImportRequest *ct_import_request_new  (const gchar           *path,
                                         const CtImportOptions *options);
void             ct_import_request_free (CtImportRequest       *request);

/* Imports requests (CtImportRequest *) here, in order, each document in its
 * own transaction, while worker threads read and extract the next files
 * (a few ahead, so memory stays bounded). A failing file does not stop the
 * others: its result has status CT_IMPORT_FAILED. Returns every result, or
 * NULL with CT_ERROR_CANCELLED (documents stored before stay) or a database
 * error. progress runs on this thread. */
GPtrArray   *ct_store_import_files   (CtStore               *self,
                                      GPtrArray             *requests,
                                      GCancellable          *cancellable,
                                      CtImportProgressFunc   progress,
                                      gpointer               progress_data,
                                      GError               **error);

/* Imports requests (CtImportRequest *) in a worker thread with its own
 * connection. A failing file does not stop the others: it gets a result with
 * status CT_IMPORT_FAILED. The finish function returns all results
 * (CtImportResult *), or NULL with CT_ERROR_CANCELLED when cancelled (the
 * document being stored then is rolled back; earlier ones stay). progress
 * and progress_destroy run in the caller's thread-default main context. */
void         ct_store_import_async   (CtStore               *self,
                                      GPtrArray             *requests,
                                      GCancellable          *cancellable,
                                      CtImportProgressFunc   progress,
                                      gpointer               progress_data,
                                      GDestroyNotify         progress_destroy,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data);
GPtrArray   *ct_store_import_finish  (CtStore               *self,
                                      GAsyncResult          *result,
                                      GError               **error);

/* Imports the demo reports compiled into the program (resources/samples,
 * listed in its index.tsv with their metadata). Returns the number stored. */
guint        ct_store_import_samples (CtStore               *self,
                                      GCancellable          *cancellable,
                                      GError               **error);

/* Copies every report, observation, sentence and correction of from into
 * to, between SQLite and PostgreSQL either way, keeping ids; to must hold
 * no report nor correction yet (else CT_ERROR_INVALID_ARGUMENT and nothing
 * is copied). One transaction: a failure leaves to as it was. */
gboolean     ct_store_copy           (CtStore               *from,
                                      CtStore               *to,
                                      GCancellable          *cancellable,
                                      GError               **error);

/* Removes a report and its observations (corrections stay with the slot). */
gboolean     ct_store_delete_report  (CtStore               *self,
                                      gint64                 report_id,
                                      GError               **error);

/* ------------------------------------------------------------------ */
/* Listing                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  gint64  locality_id;
  gchar  *locality;
  gchar  *level;
  gchar  *province;      /* may be NULL */
  gint    year;
  gchar  *period;
  gchar  *title;         /* may be NULL */
  gchar  *source_name;
  gchar  *sha256;
  gchar  *format;        /* "text", "markdown", "docx" */
  gchar  *imported_at;   /* ISO 8601 UTC */
  guint   n_observations;
  guint   n_matched;     /* mapped to an indicator (after corrections) */
  guint   n_flagged;
  guint   n_corrected;
  gchar  *report_date;     /* ISO 8601, may be NULL */
  const CtLocality *province_now; /* the province of July 2025 it is part
                            * of (the gazetteer's); NULL when unknown */
  gchar  *province_former; /* the report's province when it has another
                            * name now ("Thừa Thiên Huế trước 1/2025") */
} CtReportInfo;

typedef struct
{
  gint64  id;
  gchar  *name;
  gchar  *level;
  gchar  *province;  /* may be NULL */
  guint   n_reports;
} CtLocalityInfo;

typedef struct
{
  gint64    id;
  gchar    *code;        /* "NN_LUONG_THUC" */
  gchar    *name;        /* Vietnamese */
  gchar    *name_en;
  gchar    *sector;      /* Vietnamese sector name, also the row group */
  gchar    *unit;        /* canonical unit */
  gboolean  higher_is_better;
  guint     n_observations;
} CtIndicatorInfo;

void         ct_report_info_free     (CtReportInfo    *info);
void         ct_locality_info_free   (CtLocalityInfo  *info);
void         ct_indicator_info_free  (CtIndicatorInfo *info);

/* Sorted by current province (else the report's), locality (Vietnamese
 * collation), year, period. */
GPtrArray   *ct_store_list_reports   (CtStore      *self,
                                      GError      **error);
CtReportInfo *ct_store_get_report    (CtStore      *self,
                                      gint64        report_id,
                                      GError      **error);
GPtrArray   *ct_store_list_localities (CtStore     *self,
                                       GError     **error);
/* All catalogue indicators (with only_observed: those with observations),
 * in catalogue order (grouped by sector). */
GPtrArray   *ct_store_list_indicators (CtStore     *self,
                                       gboolean     only_observed,
                                       GError     **error);
/* By code (exact, case-insensitive), name or alias (folded); NULL with
 * CT_ERROR_NOT_FOUND otherwise. */
CtIndicatorInfo *ct_store_find_indicator (CtStore     *self,
                                          const gchar *code_or_name,
                                          GError     **error);

/* ------------------------------------------------------------------ */
/* Observations                                                       */
/* ------------------------------------------------------------------ */

typedef enum
{
  CT_CORRECTION_VALUE         = 1 << 0,
  CT_CORRECTION_PLAN          = 1 << 1,
  CT_CORRECTION_RATE          = 1 << 2,
  CT_CORRECTION_UNIT          = 1 << 3,
  CT_CORRECTION_INDICATOR     = 1 << 4, /* linked to another indicator */
  CT_CORRECTION_NOT_INDICATOR = 1 << 5, /* marked "not an indicator" */
} CtCorrectionField;

typedef struct
{
  gint64          id;
  gint64          report_id;
  CtObservation  *obs;             /* effective values: corrections applied,
                                    * rate_computed recomputed from them */
  gchar          *indicator_code;  /* NULL: unclassified or not an indicator */
  gchar          *indicator_name;
  gchar          *sector;
  gdouble         value_normalized; /* value in the indicator's unit, NAN when
                                     * the units do not convert */
  gdouble         plan_normalized;
  gchar          *unit_normalized;  /* the indicator's unit, or obs->unit */
  guint           corrected;        /* CtCorrectionField bits in effect */
  gboolean        not_indicator;
  /* Set by ct_store_judge_observations() only, else CT_VERDICT_NONE. */
  CtVerdict       verdict;
  CtVerdict       reported;
  /* What its words say, as its import read them (ct_qualifier_words_pack()
   * of this program's qualifier table); -1 when the library keeps none of
   * that version, and the judge reads the report's text. */
  gint64          words;
} CtStoredObservation;

void         ct_stored_observation_free (CtStoredObservation *obs);

/* Judges each observation as the comparison judges its cells (qualifiers
 * from label and context, ct_figure_judge()): fills verdict and reported. */
gboolean     ct_store_judge_observations (CtStore    *self,
                                          GPtrArray  *observations,
                                          GError    **error);

/* One report's observations in text order (not-indicator ones included,
 * marked). */
GPtrArray   *ct_store_list_observations (CtStore     *self,
                                         gint64       report_id,
                                         GError     **error);
CtStoredObservation *ct_store_get_observation (CtStore  *self,
                                               gint64    observation_id,
                                               GError  **error);

/* Where an observation came from, for the source view. */
typedef struct
{
  gint64   observation_id;
  gint64   report_id;
  gchar   *source_name;
  gchar   *text;          /* the report's whole normalised text */
  gsize    text_len;
  gsize    start;         /* the clause, byte offsets into text */
  gsize    end;
  gsize    block_start;   /* its paragraph */
  gsize    block_end;
  guint    line;          /* source line */
  gchar   *section;       /* heading path, may be NULL */
  GArray  *siblings;      /* gint64: other observations of the paragraph, text order */
  gchar   *page_lines;    /* first line of each page, "1,48,97"; NULL without pages */
} CtSourceSpan;

void         ct_source_span_free     (CtSourceSpan *span);
/* The 1-based page of a PDF or scan that span->line is on; 0 without pages. */
guint        ct_source_span_get_page (const CtSourceSpan *span);
CtSourceSpan *ct_store_get_source    (CtStore      *self,
                                      gint64        observation_id,
                                      GError      **error);

/* ------------------------------------------------------------------ */
/* Corrections                                                        */
/* ------------------------------------------------------------------ */

/* The state of one corrected field. number is used by VALUE, PLAN, RATE
 * (NAN = "the report has no such figure"); text by UNIT and INDICATOR (a
 * catalogue code); NOT_INDICATOR needs neither. */
typedef struct
{
  CtCorrectionField  field;
  gdouble            number;
  gchar             *text;
  gchar             *created_at; /* ISO 8601 UTC, filled by the store */
  gchar             *created_by; /* who made it, filled by the store: the
                                  * database role on a server, the OS user
                                  * for a file; NULL before schema 4 */
} CtCorrection;

CtCorrection *ct_correction_new      (CtCorrectionField field,
                                      gdouble           number,
                                      const gchar      *text);
CtCorrection *ct_correction_copy     (const CtCorrection *correction);
void          ct_correction_free     (CtCorrection   *correction);
const gchar  *ct_correction_field_to_string (CtCorrectionField field);

/* The correction of one field in effect, or NULL (no error) when the field
 * is as extracted. Undo: read it before ct_store_set_correction(), then
 * restore it with ct_store_set_correction() or ct_store_clear_correction(). */
CtCorrection *ct_store_get_correction (CtStore            *self,
                                       gint64              observation_id,
                                       CtCorrectionField   field,
                                       GError            **error);
/* All corrections of an observation (CtCorrection *). */
GPtrArray    *ct_store_list_corrections (CtStore          *self,
                                         gint64            observation_id,
                                         GError          **error);
/* Sets one field. INDICATOR checks the code (CT_ERROR_NOT_FOUND) and makes
 * the observation's folded label an alias of that indicator, so later
 * imports match it too; it also clears NOT_INDICATOR, and NOT_INDICATOR
 * clears INDICATOR. A UNIT must be a unit the program knows
 * (CT_ERROR_INVALID_ARGUMENT). */
gboolean      ct_store_set_correction   (CtStore            *self,
                                         gint64              observation_id,
                                         const CtCorrection *correction,
                                         GError            **error);
/* Back to the extracted value. Removing an INDICATOR link keeps the alias
 * only when another correction still uses it. */
gboolean      ct_store_clear_correction (CtStore            *self,
                                         gint64              observation_id,
                                         CtCorrectionField   field,
                                         GError            **error);

/* ------------------------------------------------------------------ */
/* Full-text search                                                   */
/* ------------------------------------------------------------------ */

typedef struct
{
  gint64   report_id;
  gchar   *locality;
  gint     year;
  gchar   *period;
  gchar   *sentence;     /* the matching sentence as written */
  gsize    start;        /* its span in the report's text */
  gsize    end;
  guint    line;
  gint64   observation_id; /* first observation inside the sentence, or 0 */
} CtSearchHit;

void         ct_search_hit_free      (CtSearchHit  *hit);
/* Every word of query must occur (prefix match on the last one), accents,
 * tones, đ and case ignored. Best matches first; limit 0 = 200. */
GPtrArray   *ct_store_search         (CtStore      *self,
                                      const gchar  *query,
                                      guint         limit,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtStore, ct_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtImportOptions, ct_import_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtImportResult, ct_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtReportInfo, ct_report_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtIndicatorInfo, ct_indicator_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtStoredObservation, ct_stored_observation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtSourceSpan, ct_source_span_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCorrection, ct_correction_free)

G_END_DECLS
