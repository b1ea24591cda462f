/* test-bad-input.c: every kind of bad file gets its own clear error
 *
 * And nothing else happens: no document, no file written or changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ct-docx-writer.h"
#include "ct-error.h"
#include "ct-reader.h"
#include "ct-test-util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const gchar **) a, *(const gchar **) b);
}

static gchar *
listing (void)
{
  g_autoptr(GDir) d = g_dir_open (ct_test_tmpdir (), 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const gchar *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (ct_test_tmpdir (), name, NULL);
      g_autofree gchar *sum = NULL;
      gchar *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_free (contents);
      g_ptr_array_add (names, g_strdup_printf ("%s %s", name, sum != NULL ? sum : "-"));
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (const gchar *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

/* Reads @path, expects @code and a message naming the file and holding
 * @needle, and checks the scratch folder did not change. */
static void
expect_error (const gchar *path,
              gint         code,
              const gchar *needle)
{
  g_autofree gchar *before = listing ();
  g_autofree gchar *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  after = listing ();
  g_assert_cmpstr (before, ==, after);
}

static gchar *
write_file (const gchar *name,
            const gchar *data,
            gsize        len)
{
  gchar *path = ct_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, data, len == G_MAXSIZE ? strlen (data) : len, NULL));
  return path;
}

static gchar *
write_docx (const gchar *name,
            const gchar *document_xml)
{
  g_autoptr(GHashTable) parts = ct_docx_package (document_xml, NULL);
  g_autoptr(GError) error = NULL;
  gchar *path = ct_test_tmp_path (name);

  g_assert_true (ct_docx_write_parts (path, parts, &error));
  return path;
}

static void
test_empty (void)
{
  g_autofree gchar *empty = write_file ("empty.txt", "", 0);
  g_autofree gchar *blank = write_file ("blank.txt", " \r\n\t\n\xc2\xa0\n", 8);

  expect_error (empty, CT_ERROR_EMPTY, NULL);
  expect_error (blank, CT_ERROR_EMPTY, NULL);
}

static void
test_binary (void)
{
  guint8 noise[512];
  g_autofree gchar *path = NULL;
  g_autofree gchar *png = write_file ("picture.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree gchar *pdf = write_file ("report.docx", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15);
  g_autofree gchar *doc = write_file ("report.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autofree gchar *soffice = g_find_program_in_path ("soffice");

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (i * 7919 + 13) % 251;
  path = write_file ("noise.txt", (const gchar *) noise, sizeof noise);

  expect_error (path, CT_ERROR_BINARY, NULL);
  /* Pictures are read by OCR now; this one is only a PNG's head. */
  expect_error (png, CT_ERROR_CORRUPT, NULL);
  /* Both formats are read now; these heads of files are not whole ones. */
  expect_error (pdf, CT_ERROR_CORRUPT, "PDF");
  expect_error (doc, soffice != NULL ? CT_ERROR_CORRUPT : CT_ERROR_MISSING_PROGRAM, ".doc");
}

static void
test_encodings (void)
{
  /* Bytes no old Vietnamese encoding reads as words (Windows-1258 and
   * TCVN3 files are read now), and a UTF-16 file that lost its BOM. */
  g_autofree gchar *legacy = write_file ("cp1258.txt", "\xa9\xae\xb5\xa9\xae\xb5 \xa9\xae\xb5\n", G_MAXSIZE);
  g_autofree gchar *no_bom = write_file ("utf16.txt", "B\0\xe1\0o\0 \0c\0\xe1\0o\0\n\0", 16);
  g_autofree gchar *no_bom_be = write_file ("utf16be.txt", "\0B\0o\0 \0c\0a\0o\0\n", 14);
  g_autofree gchar *broken = write_file ("broken16.txt", "\xff\xfe" "B\0\x00\xd8" "a\0", 8);
  g_autofree gchar *utf32 = write_file ("utf32.txt", "\xff\xfe\0\0B\0\0\0", 8);

  expect_error (legacy, CT_ERROR_ENCODING, "Windows-1258");
  expect_error (no_bom, CT_ERROR_ENCODING, "UTF-16");
  expect_error (no_bom_be, CT_ERROR_ENCODING, "UTF-16");
  expect_error (broken, CT_ERROR_ENCODING, "UTF-16");
  expect_error (utf32, CT_ERROR_ENCODING, "UTF-32");
}

/* A text file is found not to be UTF-8 while its lines are cleaned, not
 * in a pass of its own: a bad byte deep in the file, in a line of each
 * kind the cleaning treats apart (plain, a tab-separated table row, a line
 * NFC changes, the file's last bytes, a line ended by CR alone), is still
 * refused, at the position of that byte. */
static void
test_late_bad_byte (void)
{
  static const struct
  {
    const gchar *before;
    const gchar *after;
  } cases[] = {
    { "Diện tích gieo cấy vụ mùa ", "ước 640 ha.\r\n" },
    { "Hạng mục\tSố lượng\tGhi chú\r\nCầu treo\t", "3\tmới\r\nĐường bê tông\t12\tkm\r\n" },
    { "So\xcc\x82\xcc\x81 hộ nghèo ", "giảm 41 hộ.\n" },
    { "Hết", "" },
    { "Kinh phí hỗ trợ ", "\rđược cấp đủ.\r" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
      g_autofree gchar *name = g_strdup_printf ("late-bad-%u.txt", c);
      g_autofree gchar *path = NULL;
      g_autofree gchar *where = NULL;

      for (guint i = 0; i < 30; i++)
        g_string_append_printf (text, "Xã %u có %u thôn đạt chuẩn nông thôn mới.\r\n", i + 1, i % 7);
      g_string_append (text, cases[c].before);
      /* A lead byte with no continuation after it. */
      where = g_strdup_printf ("position %" G_GSIZE_FORMAT ")", text->len);
      g_string_append_c (text, '\xC3');
      g_string_append (text, cases[c].after);
      for (guint i = 0; c != 3 && i < 5; i++)
        g_string_append (text, "Tỷ lệ tiêm chủng đạt 98,5%.\n");
      path = write_file (name, text->str, text->len);
      expect_error (path, CT_ERROR_ENCODING, where);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
test_broken_docx (void)
{
  g_autofree gchar *not_zip = write_file ("fake.docx", "PK\x03\x04 this is not really a zip file at all", G_MAXSIZE);
  g_autoptr(GHashTable) parts = ct_docx_package (NULL, NULL);
  g_autofree gchar *no_document = ct_test_tmp_path ("no-document.docx");
  g_autofree gchar *bad_xml = write_docx ("bad-xml.docx", "<w:document " W_NS "><w:body><w:p>");
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_docx_write_parts (no_document, parts, &error));
  expect_error (not_zip, CT_ERROR_CORRUPT, NULL);
  expect_error (no_document, CT_ERROR_CORRUPT, "word/document.xml");
  expect_error (bad_xml, CT_ERROR_CORRUPT, "word/document.xml");
}

static void
test_xml_entities (void)
{
  g_autofree gchar *laughs = write_docx ("laughs.docx",
    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"hahahahahahahahaha\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<w:document " W_NS "><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>");
  g_autofree gchar *external = write_docx ("external.docx",
    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<w:document " W_NS "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>");

  expect_error (laughs, CT_ERROR_HOSTILE, "DOCTYPE");
  expect_error (external, CT_ERROR_HOSTILE, "DOCTYPE");
}

static GBytes *
zeros (gsize len)
{
  return g_bytes_new_take (g_malloc0 (len), len);
}

static void
test_zip_limits (void)
{
  g_autoptr(GHashTable) big = ct_docx_package ("<w:document " W_NS "><w:body/></w:document>", NULL);
  g_autoptr(GHashTable) bomb = ct_docx_package ("<w:document " W_NS "><w:body/></w:document>", NULL);
  g_autofree gchar *big_path = ct_test_tmp_path ("big-entry.docx");
  g_autofree gchar *bomb_path = ct_test_tmp_path ("bomb.zip");
  g_autoptr(GError) error = NULL;

  /* One member larger than any report… */
  g_hash_table_replace (big, g_strdup ("word/media/image1.png"), zeros (40 * 1024 * 1024));
  g_assert_true (ct_docx_write_parts (big_path, big, &error));
  /* …and one that is small on disk but inflates a thousandfold. */
  g_hash_table_replace (bomb, g_strdup ("word/media/image1.png"), zeros (16 * 1024 * 1024));
  g_assert_true (ct_docx_write_parts (bomb_path, bomb, &error));

  expect_error (big_path, CT_ERROR_TOO_LARGE, "word/media/image1.png");
  expect_error (bomb_path, CT_ERROR_HOSTILE, NULL);
}

static void
test_file_size_limit (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("huge.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);

  /* Sparse: its size is over the limit without using the disk. */
  g_assert_nonnull (out);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (out), (goffset) CT_READER_MAX_FILE_SIZE + 1, NULL, NULL));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL));
  expect_error (path, CT_ERROR_TOO_LARGE, NULL);
}

static void
test_message_translated (void)
{
  g_autofree gchar *path = write_file ("cp1258-vi.txt", "\xa9\xae\xb5\xa9\xae\xb5\n", G_MAXSIZE);
  g_autofree gchar *err = NULL;
  const gchar *args[] = { "inspect", path, NULL };

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (args, NULL, &err), ==, 1);
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (err, "không phải văn bản UTF-8"));
}

/* A report copied or downloaded only in part, and one with bytes spoiled
 * inside: under a Vietnamese interface the error is Vietnamese throughout,
 * with none of the libraries' English reasons ("ZIP decompression failed
 * (-5)") dropped into it. */
static void
expect_vietnamese (const gchar *path,
                   const gchar *words)
{
  static const gchar *english[] = { "ZIP", "failed", "Failed", "Truncated", "CRC", "damaged", "(-", "error", "Error", "file" };
  const gchar *args[] = { "inspect", path, NULL };
  g_autofree gchar *err = NULL;

  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (args, NULL, &err), ==, 1);
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (err, words));
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    if (strstr (err, english[i]) != NULL)
      g_error ("English in a Vietnamese message: %s", err);
}

static void
test_cut_short_vi (void)
{
  g_autoptr(GString) body = g_string_new ("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  g_autofree gchar *whole = NULL;
  g_autofree gchar *bytes = NULL;
  g_autofree gchar *half = NULL;
  g_autofree gchar *spoiled = NULL;
  g_autofree gchar *pdf = NULL;
  gsize len;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (body, "<w:p><w:r><w:t>Số trường đạt chuẩn là %u, vượt kế hoạch.</w:t></w:r></w:p>", i);
  g_string_append (body, "</w:body></w:document>");
  whole = write_docx ("whole.docx", body->str);
  g_assert_true (g_file_get_contents (whole, &bytes, &len, NULL));
  half = write_file ("half.docx", bytes, len / 2);
  expect_vietnamese (half, "không đầy đủ");
  /* the directory intact, the packed text spoiled */
  for (gsize i = len / 3; i < len / 3 + 64; i++)
    bytes[i] ^= 0x5a;
  spoiled = write_file ("spoiled.docx", bytes, len);
  expect_vietnamese (spoiled, "bị hỏng");
  pdf = write_file ("half.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", G_MAXSIZE);
  expect_vietnamese (pdf, "PDF bị hỏng");
  /* and a report that is not there at all */
  g_clear_pointer (&half, g_free);
  half = ct_test_tmp_path ("gone.docx");
  expect_vietnamese (half, "không tồn tại");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/bad-input/empty", test_empty);
  g_test_add_func ("/bad-input/binary", test_binary);
  g_test_add_func ("/bad-input/encodings", test_encodings);
  g_test_add_func ("/bad-input/late-bad-byte", test_late_bad_byte);
  g_test_add_func ("/bad-input/broken-docx", test_broken_docx);
  g_test_add_func ("/bad-input/xml-entities", test_xml_entities);
  g_test_add_func ("/bad-input/zip-limits", test_zip_limits);
  g_test_add_func ("/bad-input/file-size-limit", test_file_size_limit);
  g_test_add_func ("/bad-input/message-translated", test_message_translated);
  g_test_add_func ("/bad-input/cut-short-vi", test_cut_short_vi);

  return g_test_run ();
}
