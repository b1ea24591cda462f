/* test-import-dialog.c: a scan read in the import dialog
 *
 * The dialog reads each file to fill its rows; a scan takes seconds a
 * page, so the row tells the page being read and Cancel stops the read
 * with nothing stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ct-import-dialog.h"
#include "ct-scan-writer.h"
#include "ct-store.h"
#include "ct-test-shot.h"
#include "ct-test-util.h"

static const gchar * const pages[] = {
  "<b>UBND XÃ BÌNH MINH</b>\n\nBÁO CÁO TÌNH HÌNH KINH TẾ – XÃ HỘI NĂM 2022\n\n"
  "Toàn xã đã nạo vét 8,4 km kênh thủy lợi, đạt 105% kế hoạch.",
  "Số hộ được vay vốn ưu đãi là 312 hộ, tăng 27 hộ so với năm trước.",
  "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,6%, vượt 1,6% chỉ tiêu.",
  NULL,
};

static void
on_flag (gpointer instance,
         gpointer user_data)
{
  (void) instance;
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until @flag is set or the status of the first row
 * says a page of the scan is read; returns that status (or NULL). */
static gchar *
wait_page_or_flag (CtImportDialog *dialog,
                   gboolean       *flag)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    {
      const gchar *status = ct_import_dialog_get_status (dialog, 0);

      if (strstr (status, " of 3") != NULL)
        return g_strdup (status);
      g_main_context_iteration (NULL, TRUE);
    }
  return NULL;
}

static void
wait_flag (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
}

static CtImportDialog *
open_scan (const gchar *name,
           CtStore     *store,
           gboolean    *detected)
{
  g_autofree gchar *path = ct_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtImportDialog *dialog;

  ct_scan_writer_write (path, pages);
  dialog = ct_import_dialog_new (NULL, store, &file, 1);
  g_signal_connect (dialog, "detected", G_CALLBACK (on_flag), detected);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Cancel once the first page is told: the row says the read stopped,
 * there is nothing to import and the library stays empty. */
static void
test_cancel_scan (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("cancel.db");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  gboolean detected = FALSE;
  CtImportDialog *dialog = open_scan ("cancel-scan.pdf", store, &detected);
  g_autofree gchar *first = wait_page_or_flag (dialog, &detected);

  if (first == NULL && strstr (ct_import_dialog_get_status (dialog, 0), "tesseract-ocr-vie") != NULL)
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, "Reading the scan by OCR: page 1 of 3");
  g_assert_true (ct_import_dialog_get_busy (dialog));
  ct_test_maybe_shoot (GTK_WIDGET (dialog), "import-scan-page.png");
  ct_import_dialog_cancel (dialog);
  wait_flag (&detected);
  g_assert_false (ct_import_dialog_get_busy (dialog));
  g_assert_nonnull (strstr (ct_import_dialog_get_status (dialog, 0), "nothing was stored"));
  g_assert_false (ct_import_dialog_can_import (dialog));
  ct_test_maybe_shoot (GTK_WIDGET (dialog), "import-scan-cancelled.png");
  ct_import_dialog_start (dialog);
  g_assert_true (ct_store_is_empty (store));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Left to finish, the row counts the pages up to the last, the fields
 * are filled from the scan and the import stores its figures. */
static void
test_scan_imported (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("scan.db");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(GPtrArray) reports = NULL;
  gboolean detected = FALSE, finished = FALSE;
  CtImportDialog *dialog = open_scan ("whole-scan.pdf", store, &detected);
  guint last = 0;

  while (!detected)
    {
      g_autofree gchar *status = wait_page_or_flag (dialog, &detected);
      guint page;

      if (status == NULL)
        break;
      g_assert_true (g_str_has_prefix (status, "Reading the scan by OCR: page "));
      page = (guint) g_ascii_strtoull (status + strlen ("Reading the scan by OCR: page "), NULL, 10);
      g_assert_cmpuint (page, >=, last);
      last = page;
      g_main_context_iteration (NULL, TRUE);
    }
  wait_flag (&detected);
  if (last == 0 && strstr (ct_import_dialog_get_status (dialog, 0), "tesseract-ocr-vie") != NULL)
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  g_assert_cmpuint (last, >=, 1);
  g_assert_true (ct_import_dialog_can_import (dialog));
  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_LOCALITY), "Bình Minh");
  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_PROVINCE), "Tây Ninh");
  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_YEAR), "2022");
  g_signal_connect (dialog, "finished", G_CALLBACK (on_flag), &finished);
  ct_import_dialog_start (dialog);
  wait_flag (&finished);
  reports = ct_store_list_reports (store, NULL);
  g_assert_cmpuint (reports->len, ==, 1);
  /* The same pages typed as text give two figures: the canal dredged and
   * the health insurance rate. */
  g_assert_cmpuint (((CtReportInfo *) g_ptr_array_index (reports, 0))->n_observations, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  if (ct_test_skip_without_display ())
    return 0;
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/import-dialog/cancel-scan", test_cancel_scan);
  g_test_add_func ("/import-dialog/scan-imported", test_scan_imported);
  return g_test_run ();
}
