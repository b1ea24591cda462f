/* test-legacy.c: Vietnamese typed before Unicode (TCVN3, VNI, Windows-1258)
 *
 * The inputs are made here from a Unicode report: encoded with iconv for
 * text files (VNI by the inverse of the program's table), and for Word
 * and OpenDocument files as a .Vn or VNI font stores them (the old bytes
 * shown as Windows-1252 letters). Each must give the
 * text and the figures of the Unicode report, with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ct-data.h"
#include "ct-docx-writer.h"
#include "ct-document.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-reader.h"
#include "ct-test-util.h"

static const gchar *paragraphs[] = {
  "Báo cáo tình hình sản xuất nông nghiệp năm 2023",
  "Diện tích lạc được 312/350 ha, đạt 89,1% kế hoạch; tổng đàn lợn ước 8.420 con, bằng 97,5% so với cùng kỳ.",
  "Sản lượng mật ong đạt 46 tấn, tăng 6 tấn so với năm trước; trồng mới 120 ha rừng, đạt 100% kế hoạch.",
};

static gchar *
unicode_text (void)
{
  g_autofree gchar *joined = g_strjoinv ("\n\n", (gchar **) paragraphs);

  return g_strconcat (joined, "\n", NULL);
}

static gchar *as_vni (const gchar *utf8,
                      gsize       *out_len);

/* What a .Vn or VNI font stores: each byte of the old encoding as the
 * Windows-1252 letter. */
static gchar *
as_font (const gchar *font,
         const gchar *utf8)
{
  gsize len = 0;
  g_autofree gchar *bytes = NULL;

  if (g_str_has_prefix (font, ".Vn"))
    bytes = g_convert (utf8, -1, "TCVN5712-1", "UTF-8", NULL, &len, NULL);
  else
    bytes = as_vni (utf8, &len);
  g_assert_nonnull (bytes);
  return g_convert (bytes, (gssize) len, "UTF-8", "CP1252", NULL, NULL, NULL);
}

static CtDocument *
read_one (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

static CtDocument *
unicode_report (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("unicode.txt");
  g_autofree gchar *text = unicode_text ();

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return read_one (path);
}

static void
assert_same_report (const CtDocument *doc)
{
  g_autoptr(CtDocument) ref = unicode_report ();
  g_autoptr(GPtrArray) a = ct_extractor_run (ct_extractor_get_default (), ref);
  g_autoptr(GPtrArray) b = ct_extractor_run (ct_extractor_get_default (), doc);
  const gchar *warning;

  g_assert_cmpstr (doc->text, ==, ref->text);
  g_assert_cmpuint (doc->footnotes->len, ==, 0);
  g_assert_cmpuint (a->len, >=, 3);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CtObservation *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpfloat (x->value, ==, y->value);
    }
  g_assert_cmpuint (doc->warnings->len, >, 0);
  warning = g_ptr_array_index (doc->warnings, 0);
  g_assert_true (strstr (warning, "TCVN3") != NULL || strstr (warning, "Windows-1258") != NULL ||
                 strstr (warning, "VNI") != NULL);
}

static void
test_text_file (gconstpointer data)
{
  const gchar *encoding = data;
  g_autofree gchar *text = unicode_text ();
  g_autofree gchar *path = ct_test_tmp_path ("legacy.txt");
  gsize len = 0;
  g_autofree gchar *bytes = g_convert (text, -1, encoding, "UTF-8", NULL, &len, NULL);
  g_autoptr(CtDocument) doc = NULL;

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
  doc = read_one (path);
  assert_same_report (doc);
}

/* Unicode text as VNI stores it, by the inverse of the program's table:
 * each letter with a mark becomes the bytes its row gives. */
static gchar *
as_vni (const gchar *utf8,
        gsize       *out_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_load ("vni.tsv", 2, 2, &error);
  g_autoptr(GHashTable) bytes_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gchar *nfc = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);

      g_hash_table_insert (bytes_of, row->cols[0], row->cols[1]);
    }
  for (const gchar *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree gchar *ch = g_strndup (p, g_utf8_next_char (p) - p);
      const gchar *hex = g_hash_table_lookup (bytes_of, ch);
      g_auto(GStrv) parts = NULL;

      if (hex == NULL)
        {
          g_assert_cmpuint ((guchar) *p, <, 0x80);
          g_string_append_c (out, *p);
          continue;
        }
      parts = g_strsplit (hex, " ", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        g_string_append_c (out, (gchar) g_ascii_strtoull (parts[k], NULL, 16));
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* A report typed in VNI-Times and saved as text reads as the Unicode one,
 * every letter back (ơ, ư, đ, ỵ and the capitals too). */
static void
test_text_vni (void)
{
  static const gchar *vni_paragraphs[] = {
    "ĐƯỜNG GIAO THÔNG VÀ THỦY LỢI NĂM 2021",
    "Bê tông hóa được 7,5 km đường ngõ xóm, đạt 93,8% kế hoạch; nạo vét 14 km mương nội đồng, bằng 116,7% so với cùng kỳ.",
    "Ủy ban xã hỗ trợ 26 hộ xây mới nhà ở, tăng 4 hộ so với năm trước; lũy kế tỷ lệ hộ có nhà kiên cố đạt 78,2%, vượt 2,2% chỉ tiêu.",
  };
  g_autofree gchar *joined = g_strjoinv ("\n\n", (gchar **) vni_paragraphs);
  g_autofree gchar *text = g_strconcat (joined, "\n", NULL);
  g_autofree gchar *ref_path = ct_test_tmp_path ("vni-unicode.txt");
  g_autofree gchar *path = ct_test_tmp_path ("vni.txt");
  gsize len = 0;
  g_autofree gchar *bytes = as_vni (text, &len);
  g_autoptr(CtDocument) ref = NULL;
  g_autoptr(CtDocument) doc = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  /* Written in VNI the text is no UTF-8: the reader must decode it. */
  g_assert_false (g_utf8_validate (bytes, (gssize) len, NULL));
  g_assert_true (g_file_set_contents (ref_path, text, -1, NULL));
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, NULL));
  ref = read_one (ref_path);
  doc = read_one (path);
  g_assert_cmpstr (doc->text, ==, ref->text);
  g_assert_nonnull (strstr (g_ptr_array_index (doc->warnings, 0), "VNI"));
  a = ct_extractor_run (ct_extractor_get_default (), ref);
  b = ct_extractor_run (ct_extractor_get_default (), doc);
  g_assert_cmpuint (a->len, >=, 3);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CtObservation *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpfloat (x->value, ==, y->value);
      g_assert_true ((isnan (x->rate) && isnan (y->rate)) || x->rate == y->rate);
    }
}

static void
test_docx_vn_font (gconstpointer data)
{
  const gchar *font = data;
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  g_autofree gchar *path = ct_test_tmp_path ("old-font.docx");
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autofree gchar *vn = as_font (font, paragraphs[i]);
      g_autofree gchar *escaped = g_markup_escape_text (vn, -1);

      g_string_append_printf (xml, "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\"/></w:rPr>"
                                   "<w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", font, font, escaped);
    }
  g_string_append (xml, "</w:body></w:document>");
  parts = ct_docx_package (xml->str, NULL);
  g_string_free (xml, TRUE);
  g_assert_true (ct_docx_write_parts (path, parts, &error));
  g_assert_no_error (error);
  doc = read_one (path);
  assert_same_report (doc);
}

static void
test_odt_vn_font (gconstpointer data)
{
  const gchar *font = data;
  GString *xml = g_string_new (NULL);
  g_autofree gchar *path = ct_test_tmp_path ("old-font.odt");
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDocument) doc = NULL;
  gsize len;

  g_string_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\">"
    "<office:font-face-decls><style:font-face style:name=\"Old\" svg:font-family=\"'%s'\"/></office:font-face-decls>"
    "<office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\">"
    "<style:text-properties style:font-name=\"Old\"/></style:style></office:automatic-styles>"
    "<office:body><office:text>", font);

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autofree gchar *vn = as_font (font, paragraphs[i]);
      g_autofree gchar *escaped = g_markup_escape_text (vn, -1);

      g_string_append_printf (xml, "<text:p><text:span text:style-name=\"T1\">%s</text:span></text:p>", escaped);
    }
  g_string_append (xml, "</office:text></office:body></office:document-content>");
  len = xml->len;
  g_hash_table_insert (parts, (gpointer) "mimetype", g_bytes_new_static ("application/vnd.oasis.opendocument.text", 39));
  g_hash_table_insert (parts, (gpointer) "content.xml", g_bytes_new_take (g_string_free (xml, FALSE), len));
  g_assert_true (ct_docx_write_parts (path, parts, &error));
  g_assert_no_error (error);
  doc = read_one (path);
  assert_same_report (doc);
}

/* Bytes that read as Vietnamese in no encoding stay refused. */
static void
test_not_vietnamese (void)
{
  static const gchar noise[] = "\xa9\xae\xb5\xa9\xae\xb5 \xa9\xae\xb5\xa9\xae\xb5\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (noise, sizeof noise - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "noise.txt", NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_ENCODING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/legacy/text/tcvn3", "TCVN5712-1", test_text_file);
  g_test_add_data_func ("/legacy/text/windows-1258", "CP1258", test_text_file);
  g_test_add_func ("/legacy/text/vni", test_text_vni);
  g_test_add_data_func ("/legacy/docx-vn-font", ".VnTime", test_docx_vn_font);
  g_test_add_data_func ("/legacy/docx-vni-font", "VNI-Times", test_docx_vn_font);
  g_test_add_data_func ("/legacy/odt-vn-font", ".VnTime", test_odt_vn_font);
  g_test_add_data_func ("/legacy/odt-vni-font", "VNI-Times", test_odt_vn_font);
  g_test_add_func ("/legacy/not-vietnamese", test_not_vietnamese);
  return g_test_run ();
}
