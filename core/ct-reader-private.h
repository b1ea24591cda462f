/* ct-reader-private.h: what the format readers share
 *
 * Each format (text/Markdown, .docx) turns its source into a list of raw
 * paragraphs; one builder then does everything that must behave the same for
 * every format: footnote markers, paragraphs broken over lines, blocks,
 * tables, the outline and the metadata. That is what makes a report read the
 * same whether it arrives as .txt or as .docx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>

#include "ct-document.h"
#include "ct-reader.h"

G_BEGIN_DECLS

/* The caller's progress function, carried down to the reader that can
 * tell pages (NULL or func NULL: nobody asked). */
typedef struct
{
  CtReaderProgressFunc func;
  gpointer             data;
} CtReaderProgress;

/* Limits against hostile containers; see README "Limits". */
#define CT_READER_MAX_ENTRY_SIZE   (32 * 1024 * 1024)
#define CT_READER_MAX_TOTAL_SIZE   (128 * 1024 * 1024)
#define CT_READER_MAX_RATIO        200
#define CT_READER_MAX_ENTRIES      4096
/* Word's own dialog stops at 32767; a larger start only makes labels huge. */
#define CT_READER_MAX_LIST_NUMBER  32767
/* Tables inside table cells, inside ...: Word documents seldom go past 2. */
#define CT_READER_MAX_TABLE_DEPTH  8
/* Cells in one table row (Word allows 63 columns). */
#define CT_READER_MAX_ROW_CELLS    256
/* One paragraph's text: past it, a report is not prose any more. */
#define CT_READER_MAX_PARAGRAPH    (1024 * 1024)

/* Eight bytes of text at a time, for the scans that step over what
 * cannot concern them: whether the word @w (eight bytes in memory order)
 * holds the byte @b. Exact, with no false positive. */
static inline gboolean
ct_reader_word_has_byte (guint64 w,
                         guchar  b)
{
  guint64 x = w ^ (G_GUINT64_CONSTANT (0x0101010101010101) * b);

  return ((x - G_GUINT64_CONSTANT (0x0101010101010101)) & ~x & G_GUINT64_CONSTANT (0x8080808080808080)) != 0;
}

typedef enum
{
  CT_RAW_PARAGRAPH,
  CT_RAW_FOOTNOTE,  /* a footnote or endnote body */
  CT_RAW_TABLE_ROW,
} CtRawKind;

typedef struct
{
  gsize  offset; /* byte offset in the paragraph text */
  gchar *id;
} CtRawAnchor;

typedef struct
{
  CtRawKind  kind;
  gchar     *text;          /* NFC, spaces normalised, markup removed */
  guint      line;          /* first source line / paragraph number */
  gboolean   bold;          /* the whole paragraph is bold */
  guint      heading_level; /* Markdown "#" count or Word "Heading N"; 0 none */
  gchar     *note_id;       /* footnote bodies: their number */
  GPtrArray *cells;         /* table rows: cell texts (gchar *) */
  GArray    *spans;         /* table rows: guint col_span per cell */
  GArray    *row_spans;     /* table rows: guint row_span per cell (1 if none) */
  GArray    *cols;          /* table rows: guint first grid column per cell,
                             * NULL when cells follow each other */
  guint      table;         /* table rows: which table of the source */
  GArray    *anchors;       /* CtRawAnchor: markers the format already knew */
  GArray    *lines;         /* CtLineSpan relative to text (at least one) */
  gboolean   after_blank;   /* a blank line preceded it in the source */
} CtRawPara;

CtRawPara  *ct_raw_para_new         (CtRawKind    kind,
                                     const gchar *text,
                                     guint        line);
/* The same, taking @text (not NULL) rather than copying it. */
CtRawPara  *ct_raw_para_take        (CtRawKind    kind,
                                     gchar       *text,
                                     guint        line);
void        ct_raw_para_free        (CtRawPara   *para);
void        ct_raw_para_add_anchor  (CtRawPara   *para,
                                     gsize        offset,
                                     const gchar *id);
/* Removes text[start, end) and one space it leaves doubled, keeping the
 * anchors and line spans on the text around it. */
void        ct_raw_para_remove      (CtRawPara   *para,
                                     gsize        start,
                                     gsize        end);
/* Appends @other's text after a space, with its anchors and lines. */
void        ct_raw_para_append      (CtRawPara   *para,
                                     const CtRawPara *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtRawPara, ct_raw_para_free)

/* Normalises one line of source text: NFC, every kind of space to ' ',
 * zero-width characters removed, runs of spaces collapsed, trimmed. */
gchar      *ct_reader_clean_line    (const gchar *text,
                                     gssize       len);
/* The same for a line of a file not yet known to be UTF-8: NULL when it
 * is not. */
gchar      *ct_reader_clean_new_line (const gchar *text,
                                      gsize        len);

/* Builds the document from raw paragraphs (consumed). */
CtDocument *ct_reader_build         (GPtrArray   *paras,
                                     const gchar *source_name,
                                     CtFileFormat     format,
                                     GBytes      *source,
                                     GError     **error);

/* Format readers; each returns raw paragraphs or NULL with @error set. */
/* NULL when @text is not UTF-8 (it is checked here, line by line). */
GPtrArray  *ct_reader_text_parse    (const gchar *text,
                                     gsize        len,
                                     gboolean    *out_markdown);
/* @out_legacy_runs (optional): runs converted from a .Vn font. */
GPtrArray  *ct_reader_docx_parse    (GBytes      *bytes,
                                     const gchar *source_name,
                                     guint       *out_legacy_runs,
                                     GError     **error);
/* Tells in @doc's warnings that @n runs were converted from TCVN3. */
void        ct_reader_legacy_warn   (CtDocument  *doc,
                                     guint        n);

/* The words of every page of a PDF with their positions
 * (CtLayoutPage *); @out_has_text tells whether any page has a text layer. */
GPtrArray  *ct_reader_pdf_pages     (GBytes      *bytes,
                                     const gchar *source_name,
                                     gboolean    *out_has_text,
                                     GError     **error);

/* An OpenDocument text from its zip members (name → GBytes). */
GPtrArray  *ct_reader_odt_parse     (GHashTable   *entries,
                                     const gchar  *source_name,
                                     guint        *out_legacy_runs,
                                     GError      **error);

/* Whether zip members (name → GBytes) are an OpenDocument package. */
gboolean    ct_reader_is_odf        (GHashTable   *entries);
GPtrArray  *ct_reader_odt_read      (GHashTable   *entries,
                                     GBytes       *bytes,
                                     const gchar  *source_name,
                                     GError      **error);

/* .doc and .rtf converted by LibreOffice, then read as .odt. */
GPtrArray  *ct_reader_convert_read  (GBytes       *bytes,
                                     const gchar  *source_name,
                                     CtFileFormat  format,
                                     GCancellable *cancellable,
                                     GError      **error);

/* The old encoding a font's name tells (.VnTime: TCVN3, VNI-Times: VNI). */
typedef enum
{
  CT_LEGACY_NONE = 0,
  CT_LEGACY_TCVN3,
  CT_LEGACY_VNI,
} CtLegacyFont;

/* Old Vietnamese encodings: a text file in TCVN3, Windows-1258 or VNI
 * decoded (NULL when none reads as Vietnamese), @out_label naming the
 * one used; runs set in a .Vn (TCVN3) or VNI font converted back to
 * Unicode (NULL when they cannot be). */
gchar      *ct_reader_legacy_decode (const guint8 *data,
                                     gsize         len,
                                     gsize        *out_len,
                                     const gchar **out_label);
CtLegacyFont ct_reader_legacy_font  (const gchar  *font);
gchar      *ct_reader_legacy_convert_run (CtLegacyFont kind,
                                          const gchar *text,
                                          gssize       len);

/* Text typed in VNI (resources/data/vni.tsv), as UTF-8; whether @c is a
 * Vietnamese letter with a mark; whether every row of the table is one
 * letter and its bytes. */
gchar      *ct_reader_vni_decode    (const guint8 *data,
                                     gsize         len,
                                     gsize        *out_len);
gboolean    ct_reader_vni_is_letter (gunichar      c);
gboolean    ct_reader_vni_check_table (GError    **error);

/* Whether the bytes are an HTML page, and its report. */
gboolean    ct_reader_is_html       (const guint8 *data,
                                     gsize         len);
GPtrArray  *ct_reader_html_read     (GBytes       *bytes,
                                     const gchar  *source_name,
                                     GError      **error);

/* The words of a scanned PDF's pages read by OCR (CtLayoutPage *). */
GPtrArray  *ct_reader_ocr_pages     (GBytes                 *bytes,
                                     const gchar            *source_name,
                                     const CtReaderProgress *progress,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* The Roman numbering a line-opening OCR word stands for ("L." → "I."),
 * or NULL when the word is no misread numbering. */
gchar      *ct_reader_ocr_fix_numbering (const gchar *word);

/* A picture (PNG, JPEG, TIFF) read by OCR as one page. */
GPtrArray  *ct_reader_ocr_image     (GBytes       *bytes,
                                     const gchar  *source_name,
                                     GCancellable *cancellable,
                                     GError      **error);
/* The document of positioned pages (consumed by the caller) from a text
 * layer or, when @scan, from OCR. */
GPtrArray  *ct_reader_pages_read    (GPtrArray    *pages,
                                     gboolean      scan,
                                     GBytes       *bytes,
                                     const gchar  *source_name,
                                     GError      **error);
GPtrArray  *ct_reader_image_read    (GBytes       *bytes,
                                     const gchar  *source_name,
                                     GCancellable *cancellable,
                                     GError      **error);

/* A PDF's documents: its text layer read by position. */
GPtrArray  *ct_reader_pdf_read      (GBytes                 *bytes,
                                     const gchar            *source_name,
                                     const CtReaderProgress *progress,
                                     GCancellable           *cancellable,
                                     GError                **error);
/* The list of documents a single-report file gives (takes @doc). */
GPtrArray  *ct_reader_one_document  (CtDocument   *doc);

/* Every regular file of a zip, name → GBytes, read within the limits
 * above; @out_names (optional) gets the names in archive order. */
GHashTable *ct_reader_zip_read      (GBytes      *bytes,
                                     const gchar *source_name,
                                     GPtrArray  **out_names,
                                     GError     **error);

/* Reads a data table from the core resources: rows of tab-separated
 * fields, comments (#) and blank lines skipped. */
GPtrArray  *ct_reader_load_table    (const gchar *name);
/* Parses the XML part @part of a word-processor file, refusing any DTD
 * (CT_ERROR_HOSTILE) whatever its encoding; a part that is not XML is
 * CT_ERROR_CORRUPT with advice to save it again in @editor. */
xmlDoc     *ct_reader_parse_xml_part (GBytes       *bytes,
                                      const gchar  *source_name,
                                      const gchar  *part,
                                      const gchar  *editor,
                                      GError      **error);

/* The words of the administrative form (resources/data/document-words.tsv). */
typedef enum
{
  CT_DOCUMENT_WORDS_STATE_HEADER,
  CT_DOCUMENT_WORDS_TITLE,
  CT_DOCUMENT_WORDS_RECIPIENT,
  CT_DOCUMENT_WORDS_SIGNATURE,
  CT_N_DOCUMENT_WORDS,
} CtDocumentWords;

/* Whether @text (folded) starts with one of the words of @role, or holds
 * one anywhere. */
gboolean    ct_reader_has_document_word (CtDocumentWords  role,
                                         const gchar     *text,
                                         gsize            len,
                                         gboolean         anywhere);

/* A set of literal strings, all looked for in one pass over a text. */
typedef struct _CtNeedles CtNeedles;
typedef void (*CtNeedleFunc) (guint    needle,
                              gsize    at,
                              gsize    needle_len,
                              gpointer user_data);

CtNeedles  *ct_needles_new          (const gchar * const *needles,
                                     guint                n_needles);
void        ct_needles_free         (CtNeedles       *set);
/* Calls @found for each needle (its index) wherever it occurs in @text,
 * left to right, each occurrence starting after the end of the needle's
 * previous one: what strstr (hit + needle_len) repeated finds, for all
 * needles at once. */
void        ct_needles_each         (const CtNeedles *set,
                                     const gchar     *text,
                                     gsize            len,
                                     CtNeedleFunc     found,
                                     gpointer         user_data);
/* Whether what follows a needle, from @end on, will do. */
typedef gboolean (*CtNeedleAccept) (const gchar *text,
                                    gsize        len,
                                    gsize        end);
/* The first offset from @from on where one of the needles starts (and,
 * given @accept, is followed by what it accepts), or -1. */
gssize      ct_needles_find         (const CtNeedles *set,
                                     const gchar     *text,
                                     gsize            len,
                                     gsize            from,
                                     CtNeedleAccept   accept);

/* Loads every table of the reader with its column counts checked: the test
 * suite calls it so a malformed row fails before a user meets it. */
gboolean    ct_reader_check_tables  (GError     **error);

G_END_DECLS
