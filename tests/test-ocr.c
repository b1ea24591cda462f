/* test-ocr.c: a scan's OCR tells its pages as it goes and stops when asked
 *
 * The scans are drawn here, three pages of a report as pictures; the
 * reader must OCR them page by page, say how far it is after each page,
 * leave off within the page in hand when the read is cancelled, and not
 * OCR again a scan it has just read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-document.h"
#include "ct-error.h"
#include "ct-reader.h"
#include "ct-reader-private.h"
#include "ct-scan-writer.h"
#include "ct-test-util.h"

static const gchar * const pages[] = {
  "<b>BÁO CÁO KẾT QUẢ NĂM 2023</b>\n\nXã Tân Phước tổ chức trồng mới 215 ha rừng phòng hộ, đạt 107,5% kế hoạch.",
  "Số trẻ em dưới năm tuổi được uống vitamin A là 1.240 em, đạt 98,4% kế hoạch.",
  "Kênh mương nội đồng được kiên cố hóa thêm 12,6 km, tăng 3,1 km so với năm trước.",
  NULL,
};

/* Another scan, for the reads that must not find the first one kept. */
static const gchar * const other_pages[] = {
  "<b>BÁO CÁO SƠ KẾT 6 THÁNG NĂM 2024</b>\n\nĐã làm mới 4,2 km đường giao thông nông thôn, đạt 84% kế hoạch.",
  "Thu hút 96 học viên học nghề ngắn hạn, tăng 11 người so với cùng kỳ.",
  "Toàn xã có 3 công trình nước sạch mới, nâng tỷ lệ hộ dùng nước sạch lên 71,5%.",
  NULL,
};

typedef struct
{
  GArray       *done;    /* guint: the counts told, in order */
  guint         n_pages;
  GCancellable *cancel_at_first; /* cancelled on the first call, or NULL */
} Told;

static void
on_page (guint    done,
         guint    n_pages,
         gpointer user_data)
{
  Told *told = user_data;

  g_array_append_val (told->done, done);
  told->n_pages = n_pages;
  if (told->cancel_at_first != NULL)
    g_cancellable_cancel (told->cancel_at_first);
}

static gchar *
scan_path (const gchar         *name,
           const gchar * const *texts)
{
  gchar *path = ct_test_tmp_path (name);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    ct_scan_writer_write (path, texts);
  return path;
}

/* Every page is told, one more each time, out of three. */
static void
test_progress (void)
{
  g_autofree gchar *path = scan_path ("three-pages.pdf", pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  Told told = { done, 0, NULL };
  CtDocument *doc;

  docs = ct_reader_read_file_full (path, on_page, &told, NULL, &error);
  if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM))
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (told.n_pages, ==, 3);
  g_assert_cmpuint (done->len, ==, 3);
  for (guint i = 0; i < done->len; i++)
    g_assert_cmpuint (g_array_index (done, guint, i), ==, i + 1);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_SCAN);
  /* The last page was read too, not only told. */
  g_assert_nonnull (strstr (doc->text, "12,6 km"));
}

/* Cancelled when the first page is done: no other page is told, the
 * third is never started, and the read ends with the cancellation. */
static void
test_cancel_after_first_page (void)
{
  g_autofree gchar *path = scan_path ("other-three-pages.pdf", other_pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Told told = { done, 0, cancellable };

  docs = ct_reader_read_file_full (path, on_page, &told, cancellable, &error);
  if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM))
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      return;
    }
  g_assert_null (docs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_cmpuint (g_array_index (done, guint, 0), ==, 1);
  g_assert_cmpuint (told.n_pages, ==, 3);

  /* What was cut short is not kept: read again, all three pages are. */
  g_array_set_size (done, 0);
  g_clear_error (&error);
  told.cancel_at_first = NULL;
  docs = ct_reader_read_file_full (path, on_page, &told, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 3);
}

/* The same scan under another name, read again: its words come back at
 * once, with no page told, and read the same. */
static void
test_read_again (void)
{
  g_autofree gchar *path = scan_path ("three-pages.pdf", pages);
  g_autofree gchar *copy = ct_test_tmp_path ("same-scan-again.pdf");
  g_autofree gchar *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  Told told = { done, 0, NULL };

  first = ct_reader_read_file (path, NULL, &error);
  if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM))
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) len, NULL));
  again = ct_reader_read_file_full (copy, on_page, &told, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 0);
  g_assert_cmpstr (((CtDocument *) g_ptr_array_index (again, 0))->text, ==,
                   ((CtDocument *) g_ptr_array_index (first, 0))->text);
}

/* A text file has no pages to tell: the function is never called. */
static void
test_text_tells_nothing (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("plain.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (guint));
  Told told = { done, 0, NULL };

  g_assert_true (g_file_set_contents (path, "Trồng mới 215 ha rừng phòng hộ, đạt 107,5% kế hoạch.\n", -1, NULL));
  docs = ct_reader_read_file_full (path, on_page, &told, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->len, ==, 0);
}

/* A line-opening Roman numbering misread by the OCR is put right; a
 * numbering that may be Arabic, or any other word, is left alone. */
static void
test_fix_numbering (void)
{
  static const struct
  {
    const gchar *word;
    const gchar *fixed;
  } cases[] = {
    { "L.", "I." }, { "|.", "I." }, { "Il.", "II." }, { "IL.", "II." }, { "IIl.", "III." },
    { "I.", NULL }, { "II.", NULL }, { "l.", NULL }, { "1.", NULL }, { "L", NULL },
    { "Lúa", NULL }, { "IV.", NULL }, { "ll.", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *fixed = ct_reader_ocr_fix_numbering (cases[i].word);

      g_assert_cmpstr (fixed, ==, cases[i].fixed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ocr/fix-numbering", test_fix_numbering);
  g_test_add_func ("/ocr/progress", test_progress);
  g_test_add_func ("/ocr/cancel-after-first-page", test_cancel_after_first_page);
  g_test_add_func ("/ocr/read-again", test_read_again);
  g_test_add_func ("/ocr/text-tells-nothing", test_text_tells_nothing);
  return g_test_run ();
}
