/* test-hostile-input.c: files built to hurt the reader
 *
 * Each case is the smallest form of a file an attack campaign found:
 * list numbers at the edge of int, huge roman labels, empty parts, a DTD
 * hidden behind UTF-16, nested and oversized tables, names that are not
 * UTF-8, UTF-16 text without a byte-order mark. The reader must answer
 * each with text or a clear error, never with undefined behaviour, a
 * GLib-CRITICAL (fatal under g_test) or gigabytes of memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-docx-writer.h"
#include "ct-error.h"
#include "ct-reader.h"
#include "ct-test-util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOC_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
#define DOC_CLOSE "</w:body></w:document>"

static void
put_part (GHashTable  *parts,
          const gchar *name,
          const gchar *data,
          gsize        len)
{
  g_hash_table_replace (parts, g_strdup (name), g_bytes_new (data, len));
}

static GPtrArray *
read_parts (const gchar  *name,
            GHashTable   *parts,
            GError      **error)
{
  g_autofree gchar *path = ct_test_tmp_path (name);
  g_autoptr(GError) local = NULL;

  g_assert_true (ct_docx_write_parts (path, parts, &local));
  g_assert_no_error (local);
  return ct_reader_read_file (path, NULL, error);
}

/* A document whose paragraphs all belong to list 1, level 0, formatted
 * @fmt and starting at @start. */
static GPtrArray *
read_list (const gchar  *name,
           const gchar  *fmt,
           const gchar  *start,
           guint         paragraphs,
           GError      **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autofree gchar *numbering = g_strdup_printf (
    "<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"4\"><w:lvl w:ilvl=\"0\">"
    "<w:start w:val=\"%s\"/><w:numFmt w:val=\"%s\"/><w:lvlText w:val=\"%%1.\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"4\"/></w:num></w:numbering>",
    start, fmt);
  GString *doc = g_string_new (DOC_OPEN);

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (doc, "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/>"
                                 "</w:numPr></w:pPr><w:r><w:t>Mục thứ %u của danh sách</w:t></w:r></w:p>", i);
  g_string_append (doc, DOC_CLOSE);
  parts = ct_docx_package (doc->str, NULL);
  g_string_free (doc, TRUE);
  put_part (parts, "word/numbering.xml", numbering, strlen (numbering));
  return read_parts (name, parts, error);
}

static const gchar *
doc_text (GPtrArray *docs)
{
  g_assert_nonnull (docs);
  g_assert_cmpuint (docs->len, ==, 1);
  return ((CtDocument *) g_ptr_array_index (docs, 0))->text;
}

static void
test_list_start_at_int_max (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_list ("intmax.docx", "decimal", "2147483647", 3, &error);
  const gchar *text;

  g_assert_no_error (error);
  text = doc_text (docs);
  /* The start is held to Word's own bound and the count stops there,
   * rather than overflowing into negative numbers. */
  g_assert_null (strstr (text, "2147483647"));
  g_assert_null (strstr (text, "-"));
  g_assert_nonnull (strstr (text, "32767. Mục thứ 0"));
  g_assert_nonnull (strstr (text, "32767. Mục thứ 2"));
}

static void
test_list_roman_huge_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_list ("roman.docx", "upperRoman", "900000000", 2, &error);
  const gchar *text;

  g_assert_no_error (error);
  text = doc_text (docs);
  /* 900 million in roman numerals would be 900 000 "M"s per label. */
  g_assert_cmpuint (strlen (text), <, 400);
  g_assert_true (g_str_has_prefix (text, "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVII."));
}

static void
test_empty_parts (void)
{
  const gchar *const part_names[] = { "word/numbering.xml", "word/document.xml", "word/styles.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      g_autoptr(GHashTable) parts = ct_docx_package (DOC_OPEN "<w:p><w:r><w:t>Có chữ</w:t></w:r></w:p>" DOC_CLOSE, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      put_part (parts, part_names[i], "", 0);
      docs = read_parts ("empty-part.docx", parts, &error);
      g_assert_null (docs);
      g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, part_names[i]));
    }
}

static void
test_dtd_in_utf16 (void)
{
  static const gchar xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w:document [<!ENTITY tenbien \"BÍ MẬT\">]>"
    "<w:document " W_NS "><w:body><w:p><w:r><w:t>Giá trị &tenbien; ở đây</w:t></w:r></w:p>" DOC_CLOSE;
  g_autoptr(GHashTable) parts = ct_docx_package (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  gsize len = 0;
  g_autofree gchar *utf16 = g_convert (xml, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autofree gchar *with_bom = g_malloc (len + 2);

  /* No ASCII "<!DOCTYPE" anywhere in the bytes: only the parser sees it. */
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, len);
  g_assert_null (g_strstr_len (with_bom, len + 2, "<!DOCTYPE"));
  put_part (parts, "word/document.xml", with_bom, len + 2);
  docs = read_parts ("utf16-dtd.docx", parts, &error);
  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_HOSTILE);
}

static gchar *
nested_tables (guint        depth,
               const gchar *inner_text)
{
  GString *xml = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô ngoài</w:t></w:r></w:p>");
  g_string_append_printf (xml, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", inner_text);
  for (guint i = 0; i < depth; i++)
    g_string_append (xml, "</w:tc></w:tr></w:tbl>");
  return g_string_free (xml, FALSE);
}

static void
test_nested_table_kept (void)
{
  g_autofree gchar *tables = nested_tables (2, "Diện tích rừng trồng mới 312 ha");
  g_autofree gchar *xml = g_strconcat (DOC_OPEN, tables, "<w:p/>", DOC_CLOSE, NULL);
  g_autoptr(GHashTable) parts = ct_docx_package (xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_parts ("nested.docx", parts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc_text (docs), "Diện tích rừng trồng mới 312 ha"));
}

static void
test_nesting_too_deep (void)
{
  g_autofree gchar *tables = nested_tables (40, "Sâu quá");
  g_autofree gchar *xml = g_strconcat (DOC_OPEN, tables, DOC_CLOSE, NULL);
  g_autoptr(GHashTable) parts = ct_docx_package (xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_parts ("deep.docx", parts, &error);

  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_HOSTILE);
  g_assert_nonnull (strstr (error->message, "nested"));
}

static void
test_row_too_wide (void)
{
  GString *xml = g_string_new (DOC_OPEN "<w:tbl><w:tr>");
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (xml, "<w:tc><w:p><w:r><w:t>%u</w:t></w:r></w:p></w:tc>", i);
  g_string_append (xml, "</w:tr></w:tbl>" DOC_CLOSE);
  parts = ct_docx_package (xml->str, NULL);
  g_string_free (xml, TRUE);
  docs = read_parts ("wide.docx", parts, &error);
  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_HOSTILE);
}

static void
test_paragraph_too_long (void)
{
  GString *xml = g_string_new (DOC_OPEN "<w:p><w:r><w:t>");
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  /* Varied, so the zip does not compress it like a bomb. */
  for (guint i = 0; xml->len < 1100 * 1024; i++)
    g_string_append_printf (xml, "thôn %u có %u hộ dùng nước sạch, đạt %u%% kế hoạch; ",
                            i, g_random_int_range (10, 99999), g_random_int_range (1, 200));
  g_string_append (xml, "</w:t></w:r></w:p>" DOC_CLOSE);
  parts = ct_docx_package (xml->str, NULL);
  g_string_free (xml, TRUE);
  docs = read_parts ("one-paragraph.docx", parts, &error);
  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_TOO_LARGE);
}

static void
test_utf16_without_bom (void)
{
  static const gchar text[] = "Tổng vốn đầu tư phát triển ước đạt 512 tỷ đồng, bằng 93% kế hoạch năm.\n"
                              "Số lao động được đào tạo nghề 1.240 người.\n";
  const gchar *const orders[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      gsize len = 0;
      g_autofree gchar *bytes = g_convert (text, -1, orders[i], "UTF-8", NULL, &len, NULL);
      g_autofree gchar *path = ct_test_tmp_path ("khong-bom.txt");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      g_assert_true (g_file_set_contents (path, bytes, len, NULL));
      docs = ct_reader_read_file (path, NULL, &error);
      g_assert_null (docs);
      /* Not "binary": the message must say what to do about UTF-16. */
      g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, "UTF-16"));
    }
}

static void
test_member_names_not_utf8 (void)
{
  static const gchar report[] = "Sản lượng chè búp tươi 2.150 tấn, đạt 102% kế hoạch.\n";
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  /* "bá" and "ö" in Windows code pages, as old zip tools store them. */
  put_part (parts, "b\xe1o-c\xe1o.txt", report, sizeof report - 1);
  put_part (parts, "h\xf6ng.bin", "\x7f" "ELF\x01\x02", 6);
  docs = read_parts ("ten-la.zip", parts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (docs);
  for (guint i = 0; i < docs->len; i++)
    {
      const CtDocument *doc = g_ptr_array_index (docs, i);

      g_assert_true (g_utf8_validate (doc->source_name, -1, NULL));
      for (guint w = 0; w < doc->warnings->len; w++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (doc->warnings, w), -1, NULL));
    }
}

/* A report whose own file name is not UTF-8: its JSON lines stay UTF-8. */
static void
test_file_name_not_utf8 (void)
{
  static const gchar report[] = "Tỷ lệ che phủ rừng đạt 57,3%, chỉ tiêu 57%.\n";
  g_autofree gchar *path = ct_test_tmp_path ("t\xeann-l\xff.txt");
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *args[] = { "extract", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_true (g_file_set_contents (path, report, -1, NULL));
  docs = ct_reader_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (((CtDocument *) g_ptr_array_index (docs, 0))->source_name, -1, NULL));

  g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"file\""));
  g_assert_true (g_utf8_validate (out, -1, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile-input/list-start-int-max", test_list_start_at_int_max);
  g_test_add_func ("/hostile-input/list-roman-huge-start", test_list_roman_huge_start);
  g_test_add_func ("/hostile-input/empty-parts", test_empty_parts);
  g_test_add_func ("/hostile-input/dtd-in-utf16", test_dtd_in_utf16);
  g_test_add_func ("/hostile-input/nested-table-kept", test_nested_table_kept);
  g_test_add_func ("/hostile-input/nesting-too-deep", test_nesting_too_deep);
  g_test_add_func ("/hostile-input/row-too-wide", test_row_too_wide);
  g_test_add_func ("/hostile-input/paragraph-too-long", test_paragraph_too_long);
  g_test_add_func ("/hostile-input/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/hostile-input/member-names-not-utf8", test_member_names_not_utf8);
  g_test_add_func ("/hostile-input/file-name-not-utf8", test_file_name_not_utf8);
  return g_test_run ();
}
