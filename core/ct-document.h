/* ct-document.h: one report, read and normalised
 *
 * The reader turns any supported file into a CtDocument; everything after it
 * (extractor, store, views) works on this and never on the source bytes.
 * The normalised text is the coordinate system: every span is a byte offset
 * into doc->text, and every block remembers the source line it came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CT_FILE_FORMAT_TEXT,
  CT_FILE_FORMAT_MARKDOWN,
  CT_FILE_FORMAT_DOCX,
  CT_FILE_FORMAT_PDF,  /* a text layer read by position */
  CT_FILE_FORMAT_SCAN, /* a PDF or image without text, read by OCR */
  CT_FILE_FORMAT_ODT,
  CT_FILE_FORMAT_DOC,  /* Word 97–2003, through LibreOffice */
  CT_FILE_FORMAT_RTF,  /* through LibreOffice */
  CT_FILE_FORMAT_HTML,
} CtFileFormat;

typedef enum
{
  CT_BLOCK_PARAGRAPH,
  CT_BLOCK_HEADING,
  CT_BLOCK_TABLE_ROW,
  CT_BLOCK_FOOTNOTE,
} CtBlockKind;

/* Whether a block reports what happened in the period, or states tasks and
 * targets for the coming one ("phương hướng, nhiệm vụ 6 tháng cuối năm"). */
typedef enum
{
  CT_PART_RESULTS,
  CT_PART_TARGETS,
} CtPart;

typedef struct
{
  gsize       start;    /* byte offset of the block's text in doc->text */
  gsize       end;      /* exclusive; blocks are separated by one '\n' */
  guint       line;     /* 1-based source line (text) or paragraph number (docx) */
  CtBlockKind kind;
  CtPart      part;
  gint        section;  /* innermost enclosing heading in doc->sections, or -1 */
  gint        table;    /* index in doc->tables for table rows, else -1 */
  gint        row;      /* row number within that table, else -1 */
  gint        footnote; /* index in doc->footnotes for a footnote body, else -1 */
} CtBlock;

typedef struct
{
  gchar *label;  /* numbering as written: "A.", "I.", "1.2.", "a)"; "" for bold headings */
  gchar *title;  /* heading text without its numbering */
  gint   parent; /* enclosing section, or -1 */
  guint  level;  /* 0 for top-level headings */
  guint  block;  /* the heading's block */
  CtPart part;
} CtSection;

typedef struct
{
  gchar *id;     /* the marker as a plain number string: "1", "12" */
  gsize  anchor; /* byte offset in doc->text where the marker stood (it is removed);
                  * G_MAXSIZE when the body has no marker in the text */
  gint   block;  /* the footnote body's block, or -1 when the body is missing */
} CtFootnote;

typedef struct
{
  gsize start;    /* cell text span in doc->text */
  gsize end;
  guint row;
  guint col;
  guint col_span; /* > 1 for merged cells */
  guint row_span;
} CtCell;

typedef struct
{
  guint   first_block; /* block of row 0 */
  guint   n_rows;
  guint   n_cols;
  GArray *cells;       /* CtCell, in reading order */
} CtTable;

/* A metadata guess; value is NULL when nothing in the document says it. */
typedef struct
{
  gchar  *value;
  gdouble confidence; /* 0 … 1 */
} CtMetaField;

typedef struct
{
  CtMetaField locality; /* "Nam Đông" */
  CtMetaField level;    /* "huyện", "thị xã", "thành phố", "quận", "xã", "đặc khu", "tỉnh" */
  CtMetaField province; /* "Thừa Thiên Huế" */
  CtMetaField year;     /* "2023" */
  CtMetaField period;   /* "6 tháng đầu năm", "9 tháng", "cả năm", "quý I" … */
  CtMetaField date;     /* report date, ISO 8601 "2023-06-15" */
  CtMetaField issuer;   /* "UBND huyện Nam Đông" */
  CtMetaField title;
  /* The locality's name fits units of several provinces and nothing else
   * in the text says which: the provinces to ask about ("Long An", "Tiền
   * Giang" … for Châu Thành); NULL otherwise. */
  GStrv       province_choices;
} CtMetadata;

/* Where a stretch of doc->text came from: a block joined from several source
 * lines (a paragraph broken over a page, a heading over two lines) has one
 * entry per source line, so any offset maps back to its exact line. */
typedef struct
{
  gsize start; /* byte offset in doc->text where this line's text begins */
  guint line;  /* 1-based source line or paragraph number */
} CtLineSpan;

typedef struct _CtDocument CtDocument;

struct _CtDocument
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  gchar      *source_name; /* as given; "archive.zip/inner.docx" for zip members */
  CtFileFormat    format;
  gchar      *text;        /* NFC UTF-8 */
  gsize       text_len;
  GArray     *blocks;      /* CtBlock, in text order */
  GArray     *sections;    /* CtSection */
  GArray     *footnotes;   /* CtFootnote */
  GArray     *tables;      /* CtTable */
  CtMetadata  meta;
  GPtrArray  *warnings;    /* translated messages (gchar *) */
  gchar       sha256[65];  /* of the source bytes, lowercase hex */
  GArray     *line_map;    /* CtLineSpan sorted by start; may be empty, then
                            * each block's line stands for all its text */
  GArray     *page_lines;  /* guint: each page's first line (PDF, scans);
                            * NULL for formats without pages */
  GArray     *doubtful_lines; /* guint, sorted: scan lines with a figure the
                               * OCR was unsure of; NULL unless a scan */
};

CtDocument  *ct_document_new            (const gchar      *source_name,
                                         CtFileFormat          format);
CtDocument  *ct_document_ref            (CtDocument       *doc);
void         ct_document_unref          (CtDocument       *doc);

const CtBlock *ct_document_get_block    (const CtDocument *doc,
                                         guint             index);
guint        ct_document_get_n_blocks   (const CtDocument *doc);
gint         ct_document_block_at       (const CtDocument *doc,
                                         gsize             offset);
guint        ct_document_line_at        (const CtDocument *doc,
                                         gsize             offset);
gchar       *ct_document_section_path   (const CtDocument *doc,
                                         gint              section);
const CtFootnote *ct_document_footnote_at (const CtDocument *doc,
                                         gsize             start,
                                         gsize             end);
const gchar *ct_file_format_to_string        (CtFileFormat          format);
/* Whether text[start, end) touches a line the OCR was unsure of. */
gboolean     ct_document_span_doubtful  (const CtDocument *doc,
                                         gsize             start,
                                         gsize             end);
/* The 1-based page @line is on, or 0 when the source has no pages. */
guint        ct_document_page_of_line   (const CtDocument *doc,
                                         guint             line);
void         ct_meta_field_set          (CtMetaField      *field,
                                         const gchar      *value,
                                         gdouble           confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDocument, ct_document_unref)

G_END_DECLS
