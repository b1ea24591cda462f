/* test-locality-view.c: the 2025 reform where the user sees it
 *
 * The import dialog asks for the province of a shared name instead of
 * guessing, the library files a former province under the current one,
 * and the table says when its columns straddle 1 July 2025.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "ct-compare-view.h"
#include "ct-import-dialog.h"
#include "ct-library-item.h"
#include "ct-library-sidebar.h"
#include "ct-locality-private.h"
#include "ct-store.h"
#include "ct-test-shot.h"
#include "ct-test-util.h"

static void
on_flag (gpointer instance,
         gpointer user_data)
{
  (void) instance;
  *(gboolean *) user_data = TRUE;
}

static void
wait_flag (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
}

static gchar *
write_report (const gchar *name,
              const gchar *council,
              const gchar *place_line,
              const gchar *title)
{
  gchar *path = ct_test_tmp_path (name);
  g_autofree gchar *text = g_strdup_printf ("ỦY BAN NHÂN DÂN\n%s\n\n%s\n\nBÁO CÁO\n%s\n\nI. KẾT QUẢ\n\n"
                                            "Tổng sản lượng lương thực có hạt đạt 2.310 tấn, bằng 97,5%% "
                                            "kế hoạch.\n\nTrên đây là báo cáo của %s./.\n",
                                            council, place_line, title, council);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Châu Thành is a district of ten provinces: the row waits for one. */
static void
test_import_asks_province (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("ask.db");
  g_autofree gchar *path = write_report ("chau-thanh.txt", "UBND HUYỆN CHÂU THÀNH",
                                         "Châu Thành, ngày 30 tháng 12 năm 2022",
                                         "Kết quả thực hiện nhiệm vụ năm 2022");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) reports = NULL;
  CtImportDialog *dialog;
  gboolean detected = FALSE, finished = FALSE;
  const gchar *placeholder;

  g_assert_nonnull (store);
  dialog = ct_import_dialog_new (NULL, store, &file, 1);
  g_signal_connect (dialog, "detected", G_CALLBACK (on_flag), &detected);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_flag), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_flag (&detected);

  g_assert_cmpstr (gtk_editable_get_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_LOCALITY)), ==,
                   "Châu Thành");
  g_assert_cmpstr (gtk_editable_get_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_PROVINCE)), ==, "");
  placeholder = gtk_entry_get_placeholder_text (GTK_ENTRY (ct_import_dialog_get_field (dialog, 0,
                                                                                       CT_IMPORT_FIELD_PROVINCE)));
  g_assert_nonnull (strstr (placeholder, "Bến Tre"));
  g_assert_nonnull (strstr (placeholder, "Sóc Trăng"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 360);

  /* Importing now stores nothing: the row asks. */
  ct_import_dialog_start (dialog);
  g_assert_false (ct_import_dialog_get_busy (dialog));
  g_assert_cmpstr (ct_import_dialog_get_status (dialog, 0), !=, "");
  g_assert_true (ct_store_is_empty (store));
  ct_test_maybe_shoot (GTK_WIDGET (dialog), "import-shared-name.png");

  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_PROVINCE), "Bến Tre");
  ct_import_dialog_start (dialog);
  wait_flag (&finished);
  reports = ct_store_list_reports (store, NULL);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (((CtReportInfo *) g_ptr_array_index (reports, 0))->province, ==, "Bến Tre");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A 2022 report of Thừa Thiên Huế and a 2026 one of Huế: one group,
 * titled by the city, the former province's name under it. */
static void
test_sidebar_groups (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("groups.db");
  g_autofree gchar *old = write_report ("phong-dien.txt", "UBND HUYỆN QUẢNG ĐIỀN",
                                        "Quảng Điền, ngày 20 tháng 12 năm 2022",
                                        "Báo cáo tình hình kinh tế - xã hội năm 2022 của tỉnh Thừa Thiên Huế");
  g_autofree gchar *new = write_report ("dan-dien.txt", "UBND XÃ ĐAN ĐIỀN", "Đan Điền, ngày 05 tháng 12 năm 2026",
                                        "Báo cáo tình hình kinh tế - xã hội năm 2026");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(GPtrArray) reports = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sidebar = ct_library_sidebar_new ();
  GListModel *model;
  g_autoptr(GtkTreeListRow) first = NULL;
  CtLibraryItem *group;
  guint n_groups = 0, n_localities = 0;

  g_assert_nonnull (ct_store_import_file (store, old, NULL, NULL, NULL, NULL, NULL));
  g_assert_nonnull (ct_store_import_file (store, new, NULL, NULL, NULL, NULL, NULL));
  reports = ct_store_list_reports (store, NULL);
  g_assert_cmpuint (reports->len, ==, 2);
  gtk_window_set_child (GTK_WINDOW (window), sidebar);
  ct_library_sidebar_set_reports (CT_LIBRARY_SIDEBAR (sidebar), reports);

  model = ct_library_sidebar_get_model (CT_LIBRARY_SIDEBAR (sidebar));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      n_groups += gtk_tree_list_row_get_depth (row) == 0;
    }
  g_assert_cmpuint (n_groups, ==, 1);
  first = g_list_model_get_item (model, 0);
  group = CT_LIBRARY_ITEM (gtk_tree_list_row_get_item (first));
  g_assert_cmpstr (ct_library_item_get_title (group), ==, "Thành phố Huế");
  g_assert_nonnull (strstr (ct_library_item_get_subtitle (group), "Thừa Thiên Huế"));
  g_assert_nonnull (strstr (ct_library_item_get_subtitle (group), "1/2025"));
  g_object_unref (group);

  /* Each locality's row names its units on the other side of the reform. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(CtLibraryItem) item = gtk_tree_list_row_get_item (row);
      const gchar *title = ct_library_item_get_title (item);
      const gchar *tooltip = ct_library_item_get_tooltip (item);

      if (g_str_equal (title, "Huyện Quảng Điền"))
        {
          g_assert_true (g_str_has_prefix (tooltip, "From 1 July 2025 covered by:"));
          g_assert_nonnull (strstr (tooltip, "Xã Đan Điền"));
          n_localities++;
        }
      else if (g_str_equal (title, "Xã Đan Điền"))
        {
          g_assert_true (g_str_has_prefix (tooltip, "Formed on 1 July 2025 from:"));
          g_assert_nonnull (strstr (tooltip, "Xã Quảng Thái (Huyện Quảng Điền)"));
          n_localities++;
        }
    }
  g_assert_cmpuint (n_localities, ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Listing a province's library draws its rows without the country's
 * gazetteer: a locality's reform tooltip is written when first asked for
 * (in a process of its own, where nothing else has loaded it). */
static void
test_sidebar_tooltips_when_asked (void)
{
  if (!g_test_subprocess ())
    {
      g_autofree gchar *db = ct_test_tmp_path ("tooltips-later.db");
      g_autofree gchar *old = write_report ("quang-dien-sau.txt", "UBND HUYỆN QUẢNG ĐIỀN",
                                            "Quảng Điền, ngày 18 tháng 6 năm 2023",
                                            "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2023");
      g_autoptr(CtStore) store = ct_store_open (db, NULL);

      g_assert_nonnull (ct_store_import_file (store, old, NULL, NULL, NULL, NULL, NULL));
      /* The child has a temporary folder of its own. */
      g_setenv ("CT_TEST_TOOLTIP_DB", db, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  {
    g_autoptr(CtStore) store = ct_store_open (g_getenv ("CT_TEST_TOOLTIP_DB"), NULL);
    g_autoptr(GPtrArray) reports = ct_store_list_reports (store, NULL);
    GtkWidget *window = gtk_window_new ();
    GtkWidget *sidebar = ct_library_sidebar_new ();
    GListModel *model = ct_library_sidebar_get_model (CT_LIBRARY_SIDEBAR (sidebar));
    const gchar *tooltip = NULL;

    g_assert_cmpuint (reports->len, ==, 1);
    gtk_window_set_child (GTK_WINDOW (window), sidebar);
    ct_library_sidebar_set_reports (CT_LIBRARY_SIDEBAR (sidebar), reports);
    gtk_window_present (GTK_WINDOW (window));
    for (guint i = 0; i < 50; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (ct_gazetteer_peek ());

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
        g_autoptr(CtLibraryItem) item = gtk_tree_list_row_get_item (row);

        if (ct_library_item_get_kind (item) == CT_LIBRARY_LOCALITY)
          tooltip = ct_library_item_get_tooltip (item);
      }
    g_assert_nonnull (tooltip);
    g_assert_true (g_str_has_prefix (tooltip, "From 1 July 2025 covered by:"));
    g_assert_nonnull (strstr (tooltip, "Xã Đan Điền"));
    g_assert_nonnull (ct_gazetteer_peek ());
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static GtkWidget *
find_label_with (GtkWidget   *widget,
                 const gchar *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A district of 2023 beside a commune of 2026: the note shows above the
 * table; two reports of 2023 show none. */
static void
test_table_note (void)
{
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  CtCompareRow rows[1] = {
    { (gchar *) "NN_LUONG_THUC", (gchar *) "Sản lượng lương thực có hạt", (gchar *) "Grain output",
      (gchar *) "Nông nghiệp", (gchar *) "tấn", TRUE, CT_DIRECTION_HIGHER, CT_MEASURE_FLOW,
      { { NULL }, 0, 0, 0 }, NULL, 2 },
  };
  CtCompareColumn mixed[2] = {
    { 1, 1, (gchar *) "Quảng Điền · cả năm 2023", (gchar *) "Quảng Điền", (gchar *) "huyện",
      (gchar *) "Thừa Thiên Huế", 2023, (gchar *) "cả năm", (gchar *) "a.txt" },
    { 2, 2, (gchar *) "Đan Điền · cả năm 2026", (gchar *) "Đan Điền", (gchar *) "xã",
      (gchar *) "Huế", 2026, (gchar *) "cả năm", (gchar *) "b.txt" },
  };
  CtCompareColumn same[2] = { mixed[0], mixed[0] };
  CtCompareCell cells[2];
  g_autoptr(CtComparison) across = NULL;
  g_autoptr(CtComparison) before = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ct_compare_view_new ();
  GtkWidget *label;

  memset (cells, 0, sizeof cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i].value = cells[i].value_high = cells[i].value_normalized = NAN;
      cells[i].plan = cells[i].plan_normalized = NAN;
      cells[i].rate = cells[i].rate_computed = cells[i].yoy = NAN;
    }
  same[1].report_id = 3;
  across = ct_comparison_new (query, rows, 1, mixed, 2, cells);
  before = ct_comparison_new (query, rows, 1, same, 2, cells);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  ct_compare_view_set_comparison (CT_COMPARE_VIEW (view), across);
  label = find_label_with (view, "1 July 2025");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 300);
  ct_test_maybe_shoot (view, "compare-reform-note.png");

  ct_compare_view_set_comparison (CT_COMPARE_VIEW (view), before);
  g_assert_false (gtk_widget_get_visible (label));
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/locality-view/import-asks-province", test_import_asks_province);
  g_test_add_func ("/locality-view/sidebar-groups", test_sidebar_groups);
  g_test_add_func ("/locality-view/sidebar-tooltips-when-asked", test_sidebar_tooltips_when_asked);
  g_test_add_func ("/locality-view/table-note", test_table_note);
  return g_test_run ();
}
