/* test-odt.c: OpenDocument text read natively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-docx-writer.h"
#include "ct-document.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-reader.h"
#include "ct-test-util.h"

#define ODF_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
               "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
               "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""

static const gchar content[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-content " ODF_NS ">"
  "<office:automatic-styles>"
  "<style:style style:name=\"B\" style:family=\"paragraph\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<text:list-style style:name=\"L1\">"
  "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
  "<text:list-level-style-number text:level=\"2\" style:num-format=\"a\" style:num-suffix=\")\"/>"
  "</text:list-style>"
  "</office:automatic-styles>"
  "<office:body><office:text>"
  "<text:p text:style-name=\"B\">BÁO CÁO TÌNH HÌNH THỰC HIỆN NĂM 2024</text:p>"
  "<text:h text:outline-level=\"1\">I. KẾT QUẢ</text:h>"
  "<text:list text:style-name=\"L1\">"
  "<text:list-item><text:p text:style-name=\"B\">Kinh tế</text:p>"
  "<text:list><text:list-item><text:p>Thu ngân sách được 9,85 tỷ đồng, đạt 72,4% dự toán"
  "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
  "<text:note-body><text:p>Trong đó thu thuế 3,2 tỷ đồng, đạt 80% dự toán.</text:p></text:note-body></text:note>"
  ", tăng<text:s/>12% so với cùng kỳ.</text:p></text:list-item>"
  "<text:list-item><text:p>Sản lượng chè búp tươi 640/700 tấn, đạt 91,4% kế hoạch.</text:p></text:list-item></text:list>"
  "</text:list-item>"
  "<text:list-item><text:p text:style-name=\"B\">Xã hội</text:p></text:list-item>"
  "</text:list>"
  "<table:table><table:table-row>"
  "<table:table-cell table:number-columns-spanned=\"2\"><text:p>Chỉ tiêu và kết quả</text:p></table:table-cell>"
  "<table:covered-table-cell/></table:table-row>"
  "<table:table-row><table:table-cell><text:p>Số trẻ được tiêm chủng</text:p></table:table-cell>"
  "<table:table-cell><text:p>412 trẻ</text:p></table:table-cell></table:table-row>"
  "</table:table>"
  "</office:text></office:body></office:document-content>";

static const gchar as_text[] =
  "BÁO CÁO TÌNH HÌNH THỰC HIỆN NĂM 2024\n\n"
  "I. KẾT QUẢ\n\n"
  "1. Kinh tế\n\n"
  "a) Thu ngân sách được 9,85 tỷ đồng, đạt 72,4% dự toán¹, tăng 12% so với cùng kỳ.\n\n"
  "¹ Trong đó thu thuế 3,2 tỷ đồng, đạt 80% dự toán.\n\n"
  "b) Sản lượng chè búp tươi 640/700 tấn, đạt 91,4% kế hoạch.\n\n"
  "2. Xã hội\n";

static GHashTable *
package (const gchar *body)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);

  g_hash_table_insert (parts, (gpointer) "mimetype", g_bytes_new_static ("application/vnd.oasis.opendocument.text", 39));
  g_hash_table_insert (parts, (gpointer) "content.xml", g_bytes_new_static (body, strlen (body)));
  g_hash_table_insert (parts, (gpointer) "META-INF/manifest.xml", g_bytes_new_static ("<manifest/>", 11));
  return parts;
}

static CtDocument *
read_one (const gchar *path,
          GError     **error)
{
  g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, error);

  return docs != NULL ? ct_document_ref (g_ptr_array_index (docs, 0)) : NULL;
}

static gchar *
block_text (const CtDocument *doc,
            guint             i)
{
  const CtBlock *b = ct_document_get_block (doc, i);

  return g_strndup (doc->text + b->start, b->end - b->start);
}

static void
test_structure (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("bao-cao.odt");
  g_autofree gchar *txt_path = ct_test_tmp_path ("bao-cao.txt");
  g_autoptr(GHashTable) parts = package (content);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;
  g_autoptr(CtDocument) text = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree gchar *first_item = NULL;
  const CtTable *table;

  g_assert_true (ct_docx_write_parts (path, parts, &error));
  doc = read_one (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_ODT);
  /* No raw XML: the text is the document's. */
  g_assert_null (strstr (doc->text, "<text:"));

  /* List numbers as the list style shows them, nested. */
  first_item = block_text (doc, 2);
  g_assert_cmpstr (first_item, ==, "1. Kinh tế");
  g_assert_nonnull (strstr (doc->text, "\na) Thu ngân sách"));
  g_assert_nonnull (strstr (doc->text, "\nb) Sản lượng chè"));
  g_assert_nonnull (strstr (doc->text, "\n2. Xã hội"));

  g_assert_cmpuint (doc->footnotes->len, ==, 1);
  g_assert_cmpuint (g_array_index (doc->footnotes, CtFootnote, 0).anchor, !=, G_MAXSIZE);

  g_assert_cmpuint (doc->tables->len, ==, 1);
  table = &g_array_index (doc->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, 2);
  g_assert_cmpuint (table->n_cols, ==, 2);
  g_assert_cmpuint (g_array_index (table->cells, CtCell, 0).col_span, ==, 2);

  /* The same report as text gives the same figures. */
  g_assert_true (g_file_set_contents (txt_path, as_text, -1, NULL));
  text = read_one (txt_path, &error);
  g_assert_no_error (error);
  a = ct_extractor_run (ct_extractor_get_default (), doc);
  b = ct_extractor_run (ct_extractor_get_default (), text);
  g_assert_cmpuint (b->len, >=, 1);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < b->len; i++)
    {
      const CtObservation *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpfloat (x->value, ==, y->value);
      if (y->plan == y->plan)
        g_assert_cmpfloat (x->plan, ==, y->plan);
      if (y->rate == y->rate)
        g_assert_cmpfloat (x->rate, ==, y->rate);
    }
}

static void
test_not_a_text_document (void)
{
  static const gchar sheet[] =
    "<?xml version=\"1.0\"?><office:document-content " ODF_NS ">"
    "<office:body><office:spreadsheet/></office:body></office:document-content>";
  g_autofree gchar *path = ct_test_tmp_path ("bang.ods");
  g_autoptr(GHashTable) parts = package (sheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;

  g_assert_true (ct_docx_write_parts (path, parts, &error));
  doc = read_one (path, &error);
  g_assert_null (doc);
  g_assert_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED);
}

/* A DTD in UTF-16 has no ASCII "<!DOCTYPE" for a byte search to find:
 * the parser refuses it, as for .docx, and the entity never expands. */
static void
test_dtd_in_utf16 (void)
{
  static const gchar xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY bimat \"BÍ MẬT\">]>"
    "<office:document-content " ODF_NS "><office:body><office:text>"
    "<text:p>Giá trị &bimat; ở đây</text:p></office:text></office:body></office:document-content>";
  g_autofree gchar *path = ct_test_tmp_path ("utf16-dtd.odt");
  g_autoptr(GHashTable) parts = package ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;
  gsize len = 0;
  g_autofree gchar *utf16 = g_convert (xml, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  gchar *with_bom = g_malloc (len + 2);

  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, len);
  g_assert_null (g_strstr_len (with_bom, len + 2, "<!DOCTYPE"));
  g_hash_table_insert (parts, (gpointer) "content.xml", g_bytes_new_take (with_bom, len + 2));
  g_assert_true (ct_docx_write_parts (path, parts, &error));
  doc = read_one (path, &error);
  g_assert_null (doc);
  g_assert_error (error, CT_ERROR, CT_ERROR_HOSTILE);
}

/* Heading levels that disagree with the numbering shown: B. set one
 * level below A., and its "1." set at the top level. */
static void
test_numbering_over_levels (void)
{
  static const gchar body[] =
    "<?xml version=\"1.0\"?><office:document-content " ODF_NS "><office:body><office:text>"
    "<text:h text:outline-level=\"1\">A. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM</text:h>"
    "<text:h text:outline-level=\"2\">1. Nông nghiệp</text:h>"
    "<text:p>Sản lượng lúa vụ đông xuân được 2.150 tấn, đạt 52% kế hoạch năm.</text:p>"
    "<text:h text:outline-level=\"2\">B. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM</text:h>"
    "<text:h text:outline-level=\"1\">1. Nông nghiệp</text:h>"
    "<text:p>Phấn đấu sản lượng lúa cả năm đạt 4.150 tấn.</text:p>"
    "</office:text></office:body></office:document-content>";
  g_autofree gchar *path = ct_test_tmp_path ("cap-de.odt");
  g_autoptr(GHashTable) parts = package (body);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;
  const CtBlock *last;
  g_autofree gchar *where = NULL;

  g_assert_true (ct_docx_write_parts (path, parts, &error));
  doc = read_one (path, &error);
  g_assert_no_error (error);
  last = ct_document_get_block (doc, doc->blocks->len - 1);
  g_assert_cmpint (last->part, ==, CT_PART_TARGETS);
  where = ct_document_section_path (doc, last->section);
  g_assert_cmpstr (where, ==, "B. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM › 1. Nông nghiệp");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/odt/structure", test_structure);
  g_test_add_func ("/odt/not-text", test_not_a_text_document);
  g_test_add_func ("/odt/dtd-in-utf16", test_dtd_in_utf16);
  g_test_add_func ("/odt/numbering-over-levels", test_numbering_over_levels);
  return g_test_run ();
}
