/* test-html.c: a report saved as a web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-document.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-reader.h"
#include "ct-test-util.h"

/* The way Word saves a page: footnote "[1]" linked to #_ftn1, its body in
 * a div linked back to #_ftnref1; a script that is not text. */
static const gchar page[] =
  "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>x</title>"
  "<script>var tong = '999 tấn, đạt 1% kế hoạch';</script><style>p{}</style></head><body>\n"
  "<h2>I. Kết quả\nthực hiện</h2>\n"
  "<p>Tổng thu ngân sách được <b>18,4 tỷ đồng</b>, đạt 64,2% dự toán"
  "<a href=\"#_ftn1\" name=\"_ftnref1\"><span>[1]</span></a>; số hộ\nthoát nghèo 57 hộ, đạt 114% kế hoạch.</p>\n"
  "<ol><li>Trồng mới 35/40 ha quế, đạt 87,5% kế hoạch.</li></ol>\n"
  "<table><tr><th colspan=\"2\">Kết quả chủ yếu</th></tr>"
  "<tr><td>Số thôn đạt chuẩn văn hóa</td><td>12</td></tr></table>\n"
  "<div id=\"ftn1\"><p><a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> Thu từ đất 7,5 tỷ đồng.</p></div>\n"
  "</body></html>\n";

static const gchar same_as_text[] =
  "I. Kết quả thực hiện\n\n"
  "Tổng thu ngân sách được 18,4 tỷ đồng, đạt 64,2% dự toán¹; số hộ thoát nghèo 57 hộ, đạt 114% kế hoạch.\n\n"
  "¹ Thu từ đất 7,5 tỷ đồng.\n\n"
  "1. Trồng mới 35/40 ha quế, đạt 87,5% kế hoạch.\n";

static CtDocument *
read_string (const gchar *name,
             const gchar *content)
{
  g_autofree gchar *path = ct_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  docs = ct_reader_read_file (path, NULL, &error);
  g_assert_no_error (error);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

static void
test_saved_page (void)
{
  g_autoptr(CtDocument) html = read_string ("trang.htm", page);
  g_autoptr(CtDocument) text = read_string ("trang.txt", same_as_text);
  g_autoptr(GPtrArray) a = ct_extractor_run (ct_extractor_get_default (), html);
  g_autoptr(GPtrArray) b = ct_extractor_run (ct_extractor_get_default (), text);
  const CtTable *table;

  g_assert_cmpint (html->format, ==, CT_FILE_FORMAT_HTML);
  g_assert_null (strstr (html->text, "<"));
  g_assert_null (strstr (html->text, "999"));
  g_assert_true (g_str_has_prefix (html->text, "I. Kết quả thực hiện\n"));
  g_assert_cmpuint (html->sections->len, ==, text->sections->len);
  g_assert_cmpuint (html->footnotes->len, ==, 1);
  g_assert_cmpuint (g_array_index (html->footnotes, CtFootnote, 0).anchor, !=, G_MAXSIZE);
  g_assert_cmpint (g_array_index (html->footnotes, CtFootnote, 0).block, >=, 0);
  g_assert_cmpuint (html->tables->len, ==, 1);
  table = &g_array_index (html->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, 2);
  g_assert_cmpuint (g_array_index (table->cells, CtCell, 0).col_span, ==, 2);

  g_assert_cmpuint (b->len, >=, 2);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < b->len; i++)
    {
      const CtObservation *y = g_ptr_array_index (b, i);
      gboolean found = FALSE;

      for (guint j = 0; j < a->len && !found; j++)
        {
          const CtObservation *x = g_ptr_array_index (a, j);

          found = x->value == y->value && g_strcmp0 (x->label, y->label) == 0;
        }
      g_assert_true (found);
    }
}

static void
test_page_without_text (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<html><body><script>x</script></body></html>", 44);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "trong.html", NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/saved-page", test_saved_page);
  g_test_add_func ("/html/without-text", test_page_without_text);
  return g_test_run ();
}
