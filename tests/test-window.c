/* test-window.c: the main window, driven without a mouse
 *
 * Actions are invoked and models inspected, as a keyboard or a screen reader
 * would see them. With CT_SCREENSHOT_DIR set, the window and the import
 * dialog are also saved as PNG there (for the screenshots).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ct-application.h"
#include "ct-bar-chart.h"
#include "ct-print.h"
#include "ct-store-compare.h"
#include "ct-compare-item.h"
#include "ct-correction-dialog.h"
#include "ct-help-window.h"
#include "ct-search-dialog.h"
#include "ct-library-item.h"
#include "ct-import-dialog.h"
#include "ct-locale.h"
#include "ct-screenshot.h"
#include "ct-test-util.h"
#include "ct-window.h"

/* Spins the main loop until @widget is mapped and has painted once. */
static void
wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler = 0;
  GdkFrameClock *clock = NULL;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (g_nullify_pointer), &painted);
  /* g_nullify_pointer sets painted to NULL (0); start from TRUE to see it flip. */
  painted = TRUE;
  gtk_widget_queue_draw (widget);
  while (painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_false (painted);
}

static void
spin (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A worker computes the table's comparison: spins until it is shown. */
static void
wait_compared (CtWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ct_window_get_comparing (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ct_window_get_comparing (window));
}

/* Every label in the window: none may show a missing glyph. */
static guint
check_labels (GtkWidget *widget,
              GString   *all_text)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      g_string_append_printf (all_text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_labels (child, all_text);
  return n;
}

static guint
count_dark_pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  gsize stride = w * 4;
  g_autofree guchar *data = g_malloc (stride * h);
  guint dark = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = data + y * stride + x * 4;
        /* ARGB32 premultiplied, native endian: B G R A on little endian */
        if (p[3] > 200 && p[0] < 100 && p[1] < 100 && p[2] < 100)
          dark++;
      }
  return dark;
}

/* Saves a shot for the issue when CT_SCREENSHOT_DIR is set; always renders,
 * so a failing render fails the test. */
static void
shoot (GtkWidget   *widget,
       const gchar *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  const gchar *dir = g_getenv ("CT_SCREENSHOT_DIR");
  g_autofree gchar *path = NULL;

  wait_for_paint (widget);
  texture = ct_screenshot_render (widget);
  g_assert_nonnull (texture);
  g_assert_cmpuint (count_dark_pixels (texture), >, 500);
  path = dir != NULL ? g_build_filename (dir, name, NULL) : ct_test_tmp_path (name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static CtApplication *
new_app (void)
{
  CtApplication *app = ct_application_new ();
  g_autoptr(GError) error = NULL;

  /* Each test registers its own non-unique instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static void
on_busy_changed (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (void) pspec;
  *(gboolean *) user_data = ct_window_get_busy (CT_WINDOW (object));
}

/* Opens a window and waits, through its "busy" property, until the demo
 * samples (if any) are stored. */
static CtWindow *
open_window_full (CtApplication *app,
                  gboolean       demo)
{
  CtWindow *window = demo ? ct_window_new_demo (app) : ct_window_new (app);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean busy = ct_window_get_busy (window);

  g_signal_connect (window, "notify::busy", G_CALLBACK (on_busy_changed), &busy);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  while (busy && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (window, on_busy_changed, &busy);
  g_assert_false (ct_window_get_busy (window));
  wait_compared (window);
  wait_for_paint (GTK_WIDGET (window));
  return window;
}

static CtWindow *
open_window (CtApplication *app)
{
  return open_window_full (app, FALSE);
}

static gchar *
new_db_path (const gchar *name)
{
  gchar *path = ct_test_tmp_path (name);

  g_setenv ("CHITIEU_DB", path, TRUE);
  return path;
}

/* ------------------------------------------------------------------ */

/* A user's new library starts empty: the welcome page offers the import,
 * in Vietnamese, with no missing glyphs, and no demo report sneaks in. */
static void
test_first_start (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("first-start.db");
  g_autoptr(GString) text = g_string_new (NULL);
  CtWindow *window = open_window (app);
  CtLibrarySidebar *sidebar = ct_window_get_sidebar (window);
  g_autoptr(GPtrArray) reports = ct_store_list_reports (ct_window_get_store (window), NULL);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (sidebar), GTK_TYPE_PANED);

  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, ==, 0);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 0);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_cmpuint (check_labels (GTK_WIDGET (window), text), >, 2);
  g_assert_nonnull (strstr (text->str, "Chưa có báo cáo"));
  g_assert_true (ct_window_get_comparison (window) == NULL ||
                 ct_comparison_get_n_columns (ct_window_get_comparison (window)) == 0);
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "export")));
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "import")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chỉ tiêu");
  shoot (GTK_WIDGET (window), "window-empty.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A colleague's import (another process) shows in the open window without
 * a restart. */
static void
test_notices_others (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("shared.db");
  g_autofree gchar *report = ct_test_tmp_path ("dong-nghiep.txt");
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *import[] = { "import", "--db", db, "--locality", "Phong Điền", "--province",
                            "Huế", "--year", "2025", "--period", "cả năm", report, NULL };
  CtWindow *window = open_window (app);
  CtLibrarySidebar *sidebar = ct_window_get_sidebar (window);
  gint64 deadline;

  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 0);
  g_assert_true (g_file_set_contents (report,
    "BÁO CÁO TỔNG KẾT NĂM\nThu ngân sách nhà nước trên địa bàn đạt 812 tỷ đồng.\n", -1, NULL));
  g_assert_cmpint (ct_test_run_chitieu (import, &out, &err), ==, 0);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (ct_library_sidebar_get_n_reports (sidebar) == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Open Library…" switches to another library; one that cannot be reached
 * leaves the window on its own, with the reason in a toast. */
static void
test_open_library (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("rieng.db");
  g_autofree gchar *other = ct_test_tmp_path ("phong.db");
  g_autofree gchar *report = ct_test_tmp_path ("phong-ban.txt");
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  const gchar *import[] = { "import", "--db", other, "--locality", "Quảng Điền", "--province",
                            "Huế", "--year", "2024", "--period", "cả năm", report, NULL };
  CtWindow *window = open_window (app);
  CtLibrarySidebar *sidebar = ct_window_get_sidebar (window);

  g_assert_true (g_file_set_contents (report,
    "BÁO CÁO NĂM\nTổng vốn đầu tư phát triển toàn xã hội đạt 1.250 tỷ đồng.\n", -1, NULL));
  g_assert_cmpint (ct_test_run_chitieu (import, &out, &err), ==, 0);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 0);

  g_assert_true (ct_window_open_library (window, other));
  g_assert_cmpstr (ct_store_get_path (ct_window_get_store (window)), ==, other);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 1);

  g_assert_false (ct_window_open_library (window, "postgresql:///khong_co?host=/khong/co/may-chu"));
  g_assert_cmpstr (ct_store_get_path (ct_window_get_store (window)), ==, other);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, 1);

  /* The dialog offers the current library's location to edit. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-library", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
    GtkWidget *dialog = NULL;
    GtkWidget *entry;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w))
          dialog = GTK_WIDGET (w);
      }
    g_assert_nonnull (dialog);
    entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, other);
    shoot (dialog, "open-library.png");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo library (`chitieu --demo`, `make run`) is filled with the
 * fictional samples in a worker thread, and compares them at once. */
static void
test_demo_library (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("demo.db");
  CtWindow *window = open_window_full (app, TRUE);
  CtLibrarySidebar *sidebar = ct_window_get_sidebar (window);
  g_autoptr(GPtrArray) reports = ct_store_list_reports (ct_window_get_store (window), NULL);
  CtComparison *comparison = ct_window_get_comparison (window);

  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, >, 0);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, reports->len);
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_ancestor (GTK_WIDGET (sidebar), GTK_TYPE_PANED)));
  g_assert_nonnull (comparison);
  g_assert_true (comparison == ct_compare_view_get_comparison (ct_window_get_compare_view (window)));
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), >=, 1);
  /* a province and a locality above the reports */
  g_assert_cmpuint (g_list_model_get_n_items (ct_library_sidebar_get_model (sidebar)), >=, reports->len + 2);
  shoot (GTK_WIDGET (window), "window-samples.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gint find_column (CtComparison *comparison,
                         gint64        report_id);

static GtkPaned *
table_pane (CtWindow *window)
{
  return GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (ct_window_get_compare_view (window)), GTK_TYPE_PANED));
}

/* The comparison as it was left comes back in the next window: the
 * reports chosen, the hidden one, the sort, the verdict filter,
 * "comparable only" and the table's height; a state file that is not one
 * is set aside. */
static void
test_state_across_restarts (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("state.db");
  g_autofree gchar *state = g_strconcat (db, ".view.ini", NULL);
  CtWindow *window = open_window_full (app, TRUE);
  g_autoptr(GPtrArray) reports = ct_store_list_reports (ct_window_get_store (window), NULL);
  gint64 ids[2];
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GArray) hidden = NULL;
  CtCompareView *view;
  guint column;
  GtkSortType order;

  g_assert_cmpuint (reports->len, >=, 2);
  ids[0] = ((CtReportInfo *) g_ptr_array_index (reports, 0))->id;
  ids[1] = ((CtReportInfo *) g_ptr_array_index (reports, 1))->id;
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), ids, 2);
  wait_compared (window);
  view = ct_window_get_compare_view (window);
  ct_compare_view_set_report_hidden (view, ids[1], TRUE);
  ct_compare_view_set_sort_key (view, CT_COMPARE_SORT_VERDICT);
  ct_compare_view_sort_by_column (view, find_column (ct_compare_view_get_comparison (view), ids[0]),
                                  GTK_SORT_DESCENDING);
  ct_compare_view_set_verdict_filter (view, CT_VERDICT_MET);
  ct_window_set_comparable_only (window, TRUE);
  gtk_paned_set_position (table_pane (window), 333);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));

  window = open_window_full (app, TRUE);
  view = ct_window_get_compare_view (window);
  chosen = ct_library_sidebar_get_selected_reports (ct_window_get_sidebar (window));
  g_assert_cmpuint (chosen->len, ==, 2);
  hidden = ct_compare_view_get_hidden_reports (view);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_cmpint (g_array_index (hidden, gint64, 0), ==, ids[1]);
  g_assert_true (ct_compare_view_get_sort (view, &column, &order));
  g_assert_cmpint (ct_comparison_get_column (ct_compare_view_get_comparison (view), column)->report_id, ==, ids[0]);
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  g_assert_cmpint (ct_compare_view_get_sort_key (view), ==, CT_COMPARE_SORT_VERDICT);
  g_assert_cmpint (ct_compare_view_get_verdict_filter (view), ==, CT_VERDICT_MET);
  g_assert_true (ct_window_get_comparable_only (window));
  g_assert_cmpint (gtk_paned_get_position (table_pane (window)), ==, 333);
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (g_file_set_contents (state, "\x01 not [a key file", -1, NULL));
  window = open_window_full (app, TRUE);
  view = ct_window_get_compare_view (window);
  g_assert_cmpint (ct_compare_view_get_verdict_filter (view), ==, CT_VERDICT_NONE);
  g_assert_false (ct_window_get_comparable_only (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static CtSearchDialog *
find_search_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (CT_IS_SEARCH_DIALOG (w))
        return CT_SEARCH_DIALOG (w);
    }
  return NULL;
}

/* Sentences of every report: a word of a stored figure's sentence finds
 * it; choosing a sentence opens it in the source pane. */
static void
test_find_sentences (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("find.db");
  CtWindow *window = open_window_full (app, TRUE);
  CtStore *store = ct_window_get_store (window);
  g_autoptr(GPtrArray) reports = ct_store_list_reports (store, NULL);
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(CtSourceSpan) span = NULL;
  g_autofree gchar *clause = NULL;
  g_autofree gchar *highlighted = NULL;
  g_auto(GStrv) words = NULL;
  const gchar *word = NULL;
  CtSearchDialog *dialog;
  gsize start, end;

  g_assert_cmpuint (reports->len, >, 0);
  observations = ct_store_list_observations (store, ((CtReportInfo *) g_ptr_array_index (reports, 0))->id, NULL);
  g_assert_nonnull (observations);
  g_assert_cmpuint (observations->len, >, 0);
  span = ct_store_get_source (store, ((CtStoredObservation *) g_ptr_array_index (observations, 0))->id, NULL);
  clause = g_strndup (span->text + span->start, span->end - span->start);
  /* its longest word */
  words = g_strsplit_set (clause, " ,.;:()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (word == NULL || g_utf8_strlen (words[i], -1) > g_utf8_strlen (word, -1))
      word = words[i];
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "find-sentences"));

  /* as the window's action opens it */
  g_action_group_activate_action (G_ACTION_GROUP (window), "find-sentences", NULL);
  dialog = find_search_dialog ();
  g_assert_nonnull (dialog);
  ct_search_dialog_set_query (dialog, "   ");
  g_assert_cmpuint (ct_search_dialog_get_n_hits (dialog), ==, 0);
  ct_search_dialog_set_query (dialog, word);
  g_assert_cmpuint (ct_search_dialog_get_n_hits (dialog), >, 0);
  g_assert_nonnull (strstr (ct_search_dialog_get_hit_sentence (dialog, 0), word));
  shoot (GTK_WIDGET (dialog), "find-in-reports.png");
  g_assert_true (ct_search_dialog_activate_hit (dialog, 0));
  g_assert_false (ct_search_dialog_activate_hit (dialog, 100000));
  highlighted = ct_source_view_get_highlighted (ct_window_get_source_view (window), &start, &end);
  g_assert_nonnull (highlighted);
  g_assert_nonnull (strstr (ct_search_dialog_get_hit_sentence (dialog, 0), word));
  ct_search_dialog_set_query (dialog, "zzqxj khôngcótừnày");
  g_assert_cmpuint (ct_search_dialog_get_n_hits (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (void) object;
  (void) pspec;
  (*(guint *) user_data)++;
}

/* "Comparable only" is a property: the action, the property and the view
 * agree whichever side changes it. */
static void
test_comparable_only_property (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("comparable.db");
  CtWindow *window = open_window_full (app, TRUE);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "shared-only");
  guint notified = 0;
  g_autoptr(GVariant) state = NULL;

  g_signal_connect (window, "notify::comparable-only", G_CALLBACK (count_notify), &notified);
  g_assert_false (ct_window_get_comparable_only (window));
  g_action_change_state (action, g_variant_new_boolean (TRUE));
  g_assert_true (ct_window_get_comparable_only (window));
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (window, "comparable-only", FALSE, NULL);
  state = g_action_get_state (action);
  g_assert_false (g_variant_get_boolean (state));
  g_assert_false (ct_window_get_comparable_only (window));
  g_assert_cmpuint (notified, ==, 2);
  /* setting the same value again says nothing */
  g_object_set (window, "comparable-only", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_func (window, count_notify, &notified);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label (GtkWidget   *widget,
            const gchar *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Three district reports of a province's budget, in words of their own;
 * their ids by locality: Phong Điền, Quảng Điền (2025), A Lưới (2024). */
static void
import_budget_reports (const gchar *db,
                       gint64       ids[3])
{
  static const gchar * const localities[] = { "Phong Điền", "Quảng Điền", "A Lưới" };
  static const gchar * const texts[] = {
    "BÁO CÁO KINH TẾ - XÃ HỘI NĂM\nTổng thu ngân sách trên địa bàn ước đạt 640 tỷ đồng, bằng 104% dự toán.\n",
    "BÁO CÁO KINH TẾ - XÃ HỘI NĂM\nThu ngân sách nhà nước trên địa bàn đạt 512 tỷ đồng.\n",
    "BÁO CÁO KINH TẾ - XÃ HỘI NĂM\nThu ngân sách nhà nước trên địa bàn đạt 388 tỷ đồng.\n",
  };
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree gchar *name = g_strdup_printf ("ngan-sach-%u.txt", i);
      g_autofree gchar *report = ct_test_tmp_path (name);
      g_autofree gchar *out = NULL;
      g_autofree gchar *err = NULL;
      const gchar *import[] = { "import", "--db", db, "--locality", localities[i], "--province", "Huế",
                                "--year", i < 2 ? "2025" : "2024", "--period", "cả năm", report, NULL };

      g_assert_true (g_file_set_contents (report, texts[i], -1, NULL));
      g_assert_cmpint (ct_test_run_chitieu (import, &out, &err), ==, 0);
    }
  store = ct_store_open (db, NULL);
  reports = ct_store_list_reports (store, NULL);
  g_assert_cmpuint (reports->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    for (guint r = 0; r < reports->len; r++)
      if (g_strcmp0 (((CtReportInfo *) g_ptr_array_index (reports, r))->locality, localities[i]) == 0)
        ids[i] = ((CtReportInfo *) g_ptr_array_index (reports, r))->id;
}

/* The comparison is computed by a worker: the window shows before it,
 * saying so over the table; of two requests only the newer one's table is
 * shown; a window closed while its worker runs goes away cleanly. */
static void
test_compares_in_worker (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("worker.db");
  gint64 ids[3] = { 0 };
  CtWindow *window;
  GtkWidget *saying;
  CtComparison *comparison;
  guint notified = 0;
  gint64 deadline;

  import_budget_reports (db, ids);
  window = ct_window_new (app);
  /* Built, and nothing computed yet: the main loop has not turned. */
  g_assert_true (ct_window_get_comparing (window));
  g_assert_null (ct_window_get_comparison (window));
  saying = find_label (GTK_WIDGET (window), "Đang so sánh 2 báo cáo");
  g_assert_nonnull (saying);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (saying)));
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (GTK_LABEL (saying))), ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  gtk_window_present (GTK_WINDOW (window));
  wait_compared (window);
  wait_for_paint (GTK_WIDGET (window));
  comparison = ct_window_get_comparison (window);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), ==, 2);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (saying)));

  /* One locality chosen, then another before the first is compared. */
  g_signal_connect (window, "notify::comparison", G_CALLBACK (count_notify), &notified);
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &ids[2], 1);
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &ids[0], 1);
  wait_compared (window);
  g_assert_cmpuint (notified, ==, 1);
  comparison = ct_window_get_comparison (window);
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), ==, 1);
  g_assert_cmpint (ct_comparison_get_column (comparison, 0)->report_id, ==, ids[0]);
  g_signal_handlers_disconnect_by_func (window, count_notify, &notified);

  /* Closed once the worker has started: the window goes at once, and the
   * worker's end, a moment later, finds nothing to fill. */
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &ids[2], 1);
  g_assert_true (ct_window_get_comparing (window));
  spin (1);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      spin (10);
      g_usleep (10 * 1000);
    }
}

/* Export writes the workbook in a worker thread: the action is off while
 * it runs, the file appears whole, and a folder that does not exist leaves
 * nothing behind. */
static void
test_export_workbook (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("export.db");
  g_autofree gchar *path = ct_test_tmp_path ("so-sanh.xlsx");
  g_autofree gchar *missing = ct_test_tmp_path ("no-such-folder/so-sanh.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  CtWindow *window = open_window_full (app, TRUE);
  GAction *export = g_action_map_lookup_action (G_ACTION_MAP (window), "export");
  g_autofree gchar *contents = NULL;
  gsize len = 0;
  gint64 deadline;

  g_assert_nonnull (ct_compare_view_get_comparison (ct_window_get_compare_view (window)));
  g_assert_true (g_action_get_enabled (export));
  ct_window_export_workbook (window, file);
  g_assert_true (ct_window_get_exporting (window));
  g_assert_false (g_action_get_enabled (export));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (ct_window_get_exporting (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ct_window_get_exporting (window));
  g_assert_true (g_action_get_enabled (export));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);

  ct_window_export_workbook (window, bad);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (ct_window_get_exporting (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_action_get_enabled (export));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_menu_actions (void)
{
  g_autoptr(CtApplication) app = new_app ();

  /* startup has run: the application actions exist with their shortcuts */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
    g_assert_cmpstr (accels[0], ==, "<Control>q");
  }
  {
    g_auto(GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");
    g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.redo");
    g_auto(GStrv) correct = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.correct");
    g_auto(GStrv) import = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import");

    g_assert_cmpstr (undo[0], ==, "<Control>z");
    g_assert_cmpstr (redo[0], ==, "<Shift><Control>z");
    g_assert_cmpstr (correct[0], ==, "F2");
    g_assert_cmpstr (import[0], ==, "<Control>o");
  }
}

/* ------------------------------------------------------------------ */
/* The seeds                                                          */
/* ------------------------------------------------------------------ */

static gchar *
seed_path (const gchar *prefix)
{
  const gchar *shared = ct_test_shared_dir ();
  g_autofree gchar *dir = g_build_filename (shared, "seeds", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const gchar *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* Imports the five seeds into the library at CHITIEU_DB and returns the
 * report ids of 000 … 004. */
static GArray *
import_seeds (void)
{
  g_autofree gchar *path = ct_store_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (path, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree gchar *prefix = g_strdup_printf ("00%u_", i);
      g_autofree gchar *file = seed_path (prefix);
      g_autoptr(CtImportOptions) options = ct_import_options_new ();
      g_autoptr(GPtrArray) results = NULL;

      g_assert_nonnull (file);
      if (i == 0)
        {
          /* 000 does not name its district in a way a reader can be sure of. */
          options->locality = g_strdup ("Nam Đông");
          options->province = g_strdup ("Thừa Thiên Huế");
        }
      results = ct_store_import_file (store, file, options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 1);
      g_array_append_val (ids, ((CtImportResult *) g_ptr_array_index (results, 0))->report_id);
    }
  return ids;
}

static gint
find_column (CtComparison *comparison,
             gint64        report_id)
{
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    if (ct_comparison_get_column (comparison, c)->report_id == report_id)
      return (gint) c;
  return -1;
}

/* The five seeds side by side at three window sizes: the report columns
 * fill the table and all five fit from 1400 px. */
static void
table_sizes (CtApplication *app,
             GArray        *ids)
{
  static const gint sizes[3][2] = { { 1024, 700 }, { 1400, 900 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree gchar *library = ct_store_default_path ();
      g_autofree gchar *state = g_strconcat (library, ".view.ini", NULL);
      CtWindow *window;
      CtCompareView *view;
      guint on_screen, width;

      /* each size as on a first start, without the last window's panes */
      g_unlink (state);
      window = ct_window_new (app);
      view = ct_window_get_compare_view (window);

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_paint (GTK_WIDGET (window));
      ct_library_sidebar_select_reports (ct_window_get_sidebar (window), (gint64 *) ids->data, 5);
      wait_compared (window);
      spin (50);
      wait_for_paint (GTK_WIDGET (window));
      on_screen = ct_compare_view_get_columns_on_screen (view);
      width = ct_compare_view_get_report_width (view);
      g_test_message ("%dx%d: %u reports on screen, %u px each", sizes[i][0], sizes[i][1], on_screen, width);
      if (sizes[i][0] >= 1400)
        g_assert_cmpuint (on_screen, ==, 5);
      else
        g_assert_cmpuint (on_screen, >=, 2);
      /* the columns take the room: less than one column's width is left */
      g_assert_cmpuint (on_screen * width + width, >, (guint) gtk_widget_get_width (GTK_WIDGET (view)) - 300 - 190 - 40);
      {
        g_autofree gchar *name = g_strdup_printf ("compare-five-%dx%d.png", sizes[i][0], sizes[i][1]);

        shoot (GTK_WIDGET (window), name);
      }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_seeds_compare_and_source (void)
{
  g_autoptr(CtApplication) app = NULL;
  g_autofree gchar *db = NULL;
  g_autoptr(GArray) ids = NULL;
  CtWindow *window;
  CtCompareView *view;
  CtComparison *comparison;
  GListModel *rows;
  guint n_shared = 0, n_shown = 0;
  gint chosen_row = -1;
  g_autofree gchar *highlighted = NULL;
  gsize start = 0, end = 0;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("no shared seeds");
      return;
    }
  app = new_app ();
  db = new_db_path ("seeds.db");
  ids = import_seeds ();
  window = open_window (app);

  /* The library: five reports, grouped by province and locality. */
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window)), ==, 5);
  /* every province and every district says how many reports it holds,
   * the last of each province too */
  {
    GListModel *tree = ct_library_sidebar_get_model (ct_window_get_sidebar (window));
    guint localities = 0;

    for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
        CtLibraryItem *item = gtk_tree_list_row_get_item (row);

        if (ct_library_item_get_kind (item) != CT_LIBRARY_REPORT)
          {
            const gchar *count = ct_library_item_get_subtitle (item);

            g_assert_nonnull (count);
            g_assert_true (strpbrk (count, "0123456789") != NULL);
          }
        localities += ct_library_item_get_kind (item) == CT_LIBRARY_LOCALITY;
        g_object_unref (item);
      }
    g_assert_cmpuint (localities, ==, 4);
  }
  shoot (GTK_WIDGET (window), "library-seeds.png");

  /* Choose 002, 003 and 004 in the library: three columns, in that order. */
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &g_array_index (ids, gint64, 2), 3);
  wait_compared (window);
  view = ct_window_get_compare_view (window);
  comparison = ct_compare_view_get_comparison (view);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (find_column (comparison, g_array_index (ids, gint64, 2 + i)), >=, 0);

  /* Only the indicators at least two of them report. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "shared-only", NULL);
  g_assert_true (ct_compare_view_get_shared_only (view));
  rows = ct_compare_view_get_model (view);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);
      guint n_cells = 0;
      gint row;

      if (ct_compare_item_is_header ((CtCompareItem *) item))
        continue;
      row = ct_compare_item_get_row ((CtCompareItem *) item);
      n_shown++;
      for (guint c = 0; c < 3; c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (comparison, row, c);
          g_autoptr(CtStoredObservation) obs = NULL;

          if (cell->observation_id == 0)
            continue;
          n_cells++;
          /* every figure shown is one the store has for that report and row */
          obs = ct_store_get_observation (ct_window_get_store (window), cell->observation_id, NULL);
          g_assert_nonnull (obs);
          g_assert_cmpint (obs->report_id, ==, ct_comparison_get_column (comparison, c)->report_id);
          g_assert_cmpstr (obs->indicator_code, ==, ct_comparison_get_row (comparison, row)->code);
          if (!isnan (obs->obs->value))
            g_assert_cmpfloat_with_epsilon (obs->obs->value, cell->value, 1e-9);
        }
      g_assert_cmpuint (n_cells, >=, 2);
      n_shared++;
      if (chosen_row < 0 && ct_comparison_get_cell (comparison, row, 0)->observation_id != 0
          && !isnan (ct_comparison_get_cell (comparison, row, 0)->value))
        chosen_row = row;
    }
  /* Three districts' half-year reports share their main figures. */
  g_assert_cmpuint (n_shared, >=, 3);
  g_assert_cmpuint (n_shown, ==, n_shared);
  g_assert_cmpint (chosen_row, >=, 0);

  /* Choosing a cell shows its sentence, highlighted. */
  g_assert_true (ct_compare_view_select_cell (view, chosen_row, 0));
  spin (20);
  shoot (GTK_WIDGET (window), "compare-002-003-004.png");
  {
    const CtCompareCell *cell = ct_comparison_get_cell (comparison, chosen_row, 0);
    g_autoptr(CtSourceSpan) span = ct_store_get_source (ct_window_get_store (window), cell->observation_id, NULL);
    CtSourceView *source = ct_window_get_source_view (window);
    g_autofree gchar *expected = NULL;
    g_autofree gchar *digits = NULL;
    gdouble integer = floor (fabs (cell->value));

    g_assert_nonnull (span);
    g_assert_cmpint (ct_window_get_current_observation (window), ==, cell->observation_id);
    g_assert_cmpint (ct_source_view_get_observation_id (source), ==, cell->observation_id);
    highlighted = ct_source_view_get_highlighted (source, &start, &end);
    g_assert_nonnull (highlighted);
    g_assert_cmpuint (start, ==, span->start);
    g_assert_cmpuint (end, ==, span->end);
    expected = g_strndup (span->text + span->start, span->end - span->start);
    g_assert_cmpstr (highlighted, ==, expected);
    /* the clause holds the figure: its last three integer digits at least */
    digits = g_strdup_printf ("%03.0f", fmod (integer, 1000.0));
    if (integer < 1000)
      {
        g_free (digits);
        digits = g_strdup_printf ("%.0f", integer);
      }
    g_assert_nonnull (strstr (highlighted, digits));
    g_assert_cmpstr (ct_source_view_get_section (source), ==, span->section);
    /* the chosen indicator is charted, so it can be printed */
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
    wait_for_paint (GTK_WIDGET (window));
    shoot (GTK_WIDGET (window), "source-view.png");

    /* From the text, another figure of the paragraph opens its own sentence. */
    if (ct_source_view_get_siblings (source)->len > 0)
      {
        gint64 other = g_array_index (ct_source_view_get_siblings (source), gint64, 0);
        g_autoptr(CtStoredObservation) obs = ct_store_get_observation (ct_window_get_store (window), other, NULL);

        g_assert_true (ct_source_view_activate_at (source, obs->obs->start));
        g_assert_cmpint (ct_source_view_get_observation_id (source), ==, other);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  table_sizes (app, ids);
}

static CtCorrectionDialog *
find_correction_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (CT_IS_CORRECTION_DIALOG (w))
        return CT_CORRECTION_DIALOG (w);
    }
  return NULL;
}

/* Correct a figure through the dialog, then undo and redo from the keyboard's actions. */
static void
test_correction_undo_redo (void)
{
  g_autoptr(CtApplication) app = NULL;
  g_autofree gchar *db = NULL;
  g_autoptr(GArray) ids = NULL;
  CtWindow *window;
  CtCompareView *view;
  CtComparison *comparison;
  CtCorrectionDialog *dialog;
  guint row = 0, column = 0;
  gint64 id;
  gdouble before;
  gboolean found = FALSE;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("no shared seeds");
      return;
    }
  app = new_app ();
  db = new_db_path ("corrections.db");
  ids = import_seeds ();
  window = open_window (app);
  view = ct_window_get_compare_view (window);
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &g_array_index (ids, gint64, 0), 1);
  wait_compared (window);
  comparison = ct_compare_view_get_comparison (view);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), ==, 1);
  for (guint r = 0; !found && r < ct_comparison_get_n_rows (comparison); r++)
    for (guint c = 0; !found && c < ct_comparison_get_n_columns (comparison); c++)
      if (ct_comparison_get_cell (comparison, r, c)->observation_id != 0
          && !isnan (ct_comparison_get_cell (comparison, r, c)->value))
        {
          row = r;
          column = c;
          found = TRUE;
        }
  g_assert_true (found);
  g_assert_true (ct_compare_view_select_cell (view, row, column));
  id = ct_window_get_current_observation (window);
  before = ct_comparison_get_cell (comparison, row, column)->value;
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "correct", NULL);
  dialog = find_correction_dialog ();
  g_assert_nonnull (dialog);
  /* a value that is not a number is refused and the dialog stays */
  gtk_editable_set_text (ct_correction_dialog_get_entry (dialog, "value"), "mười hai");
  g_assert_false (ct_correction_dialog_save (dialog));
  shoot (GTK_WIDGET (dialog), "correction-dialog.png");
  gtk_editable_set_text (ct_correction_dialog_get_entry (dialog, "value"), "1.234,5");
  g_assert_true (ct_correction_dialog_save (dialog));
  wait_compared (window);

  comparison = ct_compare_view_get_comparison (view);
  g_assert_cmpint (ct_window_get_current_observation (window), ==, id);
  g_assert_true (ct_compare_view_get_current_cell (view, &row, &column));
  g_assert_cmpfloat_with_epsilon (ct_comparison_get_cell (comparison, row, column)->value, 1234.5, 1e-9);
  g_assert_true (ct_comparison_get_cell (comparison, row, column)->corrected & CT_CORRECTION_VALUE);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  wait_compared (window);
  comparison = ct_compare_view_get_comparison (view);
  g_assert_true (ct_compare_view_get_current_cell (view, &row, &column));
  g_assert_cmpfloat_with_epsilon (ct_comparison_get_cell (comparison, row, column)->value, before, 1e-9);
  g_assert_cmpuint (ct_comparison_get_cell (comparison, row, column)->corrected, ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  wait_compared (window);
  comparison = ct_compare_view_get_comparison (view);
  g_assert_true (ct_compare_view_get_current_cell (view, &row, &column));
  g_assert_cmpfloat_with_epsilon (ct_comparison_get_cell (comparison, row, column)->value, 1234.5, 1e-9);

  /* "Not an indicator" takes the figure out of its row; undo puts it back. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "correct", NULL);
  dialog = find_correction_dialog ();
  g_assert_nonnull (dialog);
  ct_correction_dialog_set_not_indicator (dialog, TRUE);
  g_assert_true (ct_correction_dialog_save (dialog));
  wait_compared (window);
  comparison = ct_compare_view_get_comparison (view);
  {
    g_autoptr(CtStoredObservation) obs = ct_store_get_observation (ct_window_get_store (window), id, NULL);

    g_assert_nonnull (obs);
    g_assert_true (obs->not_indicator);
    g_assert_null (obs->indicator_code);
  }
  for (guint r = 0; r < ct_comparison_get_n_rows (comparison); r++)
    g_assert_cmpint (ct_comparison_get_cell (comparison, r, 0)->observation_id, !=, id);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  {
    g_autoptr(CtStoredObservation) obs = ct_store_get_observation (ct_window_get_store (window), id, NULL);

    g_assert_false (obs->not_indicator);
    g_assert_nonnull (obs->indicator_code);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_signal_flag (gpointer instance,
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

/* The import dialog shows what was detected, takes edits, and a bad file
 * does not stop the good one. */
static void
test_import_dialog (void)
{
  g_autoptr(CtApplication) app = NULL;
  g_autofree gchar *db = NULL;
  g_autofree gchar *seed = NULL;
  g_autofree gchar *bad = NULL;
  g_autoptr(GFile) seed_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  CtWindow *window;
  CtImportDialog *dialog;
  gboolean detected = FALSE, finished = FALSE;
  guint before;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("no shared seeds");
      return;
    }
  app = new_app ();
  db = new_db_path ("import.db");
  window = open_window (app);
  before = ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window));

  seed = seed_path ("002_");
  bad = ct_test_tmp_path ("not-a-report.docx");
  g_assert_true (g_file_set_contents (bad, "PK\003\004 broken", -1, NULL));
  seed_file = g_file_new_for_path (seed);
  bad_file = g_file_new_for_path (bad);
  {
    GFile *files[] = { seed_file, bad_file };

    dialog = CT_IMPORT_DIALOG (ct_window_import_files (window, files, 2));
  }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ct_import_dialog_get_n_files (dialog), ==, 2);
  g_signal_connect (dialog, "detected", G_CALLBACK (on_signal_flag), &detected);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_signal_flag), &finished);
  wait_flag (&detected);

  /* 002 is the Hạ Lang report of the first half of 2021. */
  g_assert_cmpstr (gtk_editable_get_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_LOCALITY)), ==, "Hạ Lang");
  g_assert_cmpstr (gtk_editable_get_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_YEAR)), ==, "2021");
  g_assert_cmpstr (ct_import_dialog_get_status (dialog, 1), !=, "");
  shoot (GTK_WIDGET (dialog), "import-dialog.png");

  /* the user names the province before storing */
  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_PROVINCE), "Cao Bằng");
  ct_import_dialog_start (dialog);
  wait_flag (&finished);
  spin (10);
  g_assert_true (g_str_has_prefix (ct_import_dialog_get_status (dialog, 0), "Đã lưu"));
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window)), ==, before + 1);
  {
    g_autoptr(GPtrArray) reports = ct_store_list_reports (ct_window_get_store (window), NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < reports->len; i++)
      {
        CtReportInfo *info = g_ptr_array_index (reports, i);

        if (g_strcmp0 (info->locality, "Hạ Lang") == 0)
          {
            g_assert_cmpstr (info->province, ==, "Cao Bằng");
            g_assert_cmpint (info->year, ==, 2021);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A dropped folder gives one row per report inside it. */
  {
    g_autofree gchar *seeds = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (seeds);
    GtkWindow *folder_dialog = ct_window_import_files (window, &folder, 1);

    g_assert_nonnull (folder_dialog);
    g_object_ref (folder_dialog);
    g_assert_cmpuint (ct_import_dialog_get_n_files (CT_IMPORT_DIALOG (folder_dialog)), ==, 5);
    /* Cancel stops the reading; the dialog stays until closed. */
    ct_import_dialog_cancel (CT_IMPORT_DIALOG (folder_dialog));
    spin (10);
    gtk_window_destroy (folder_dialog);
    g_object_unref (folder_dialog);
  }

  /* Files dropped on the window open the same dialog. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    g_autoptr(GSList) dropped = g_slist_append (NULL, seed_file);
    g_auto(GValue) value = G_VALUE_INIT;
    GList *toplevels;
    GtkDropTarget *target = NULL;
    CtImportDialog *drop_dialog = NULL;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gdk_content_formats_get_gtypes (
      gtk_drop_target_get_formats (target), NULL)[0]));
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (dropped));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);

    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CT_IS_IMPORT_DIALOG (l->data))
        drop_dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (drop_dialog);
    g_assert_cmpuint (ct_import_dialog_get_n_files (drop_dialog), ==, 1);
    ct_import_dialog_cancel (drop_dialog);
    spin (10);
    gtk_window_destroy (GTK_WINDOW (drop_dialog));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A report that does not name its locality is asked for it in its row
 * (not "Ready", then a failure naming command-line flags); a broken file
 * stays broken; once the locality is typed the report is stored, and the
 * summary says what happened to each file. */
static void
test_import_dialog_asks_what_is_missing (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("import-missing.db");
  g_autofree gchar *nameless = ct_test_tmp_path ("bao-cao-khong-ten.txt");
  g_autofree gchar *broken = ct_test_tmp_path ("hong.docx");
  g_autoptr(GFile) nameless_file = g_file_new_for_path (nameless);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  GFile *files[] = { nameless_file, broken_file };
  CtWindow *window;
  CtImportDialog *dialog;
  GtkWidget *locality;
  gboolean detected = FALSE, finished = FALSE;

  g_assert_true (g_file_set_contents (nameless,
    "BÁO CÁO\nKết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024\n\n"
    "Tổng sản lượng cây có hạt ước đạt 1.840/3.100 tấn, đạt 59,4% kế hoạch.\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "PK\003\004 broken", -1, NULL));
  window = open_window (app);
  dialog = CT_IMPORT_DIALOG (ct_window_import_files (window, files, 2));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "detected", G_CALLBACK (on_signal_flag), &detected);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_signal_flag), &finished);
  wait_flag (&detected);

  locality = GTK_WIDGET (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_LOCALITY));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (locality)), ==, "");
  g_assert_true (gtk_widget_has_css_class (locality, "error"));
  g_assert_cmpstr (ct_import_dialog_get_status (dialog, 0), !=, "Sẵn sàng");
  g_assert_null (strstr (ct_import_dialog_get_status (dialog, 0), "--"));
  g_assert_true (ct_import_dialog_can_import (dialog));

  /* Import with the locality still empty stores nothing and keeps asking. */
  ct_import_dialog_start (dialog);
  g_assert_false (ct_import_dialog_get_busy (dialog));
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window)), ==, 0);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (locality)));

  gtk_editable_set_text (GTK_EDITABLE (locality), "Mường Lát");
  gtk_editable_set_text (ct_import_dialog_get_field (dialog, 0, CT_IMPORT_FIELD_PROVINCE), "Thanh Hóa");
  ct_import_dialog_start (dialog);
  wait_flag (&finished);
  spin (10);
  g_assert_true (g_str_has_prefix (ct_import_dialog_get_status (dialog, 0), "Đã lưu"));
  g_assert_false (gtk_widget_has_css_class (locality, "error"));
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (ct_window_get_sidebar (window)), ==, 1);
  /* One stored, one that cannot be: said in one line, and nothing left to import. */
  g_assert_nonnull (strstr (ct_import_dialog_get_summary (dialog), "1"));
  g_assert_cmpstr (ct_import_dialog_get_summary (dialog), !=, "");
  g_assert_false (ct_import_dialog_can_import (dialog));
  shoot (GTK_WIDGET (dialog), "import-dialog-summary.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Removing reports hides them at once; Undo brings them back untouched;
 * when the toast goes the store forgets them. */
static void
test_remove_with_undo (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("remove.db");
  CtWindow *window = open_window_full (app, TRUE);
  CtLibrarySidebar *sidebar = ct_window_get_sidebar (window);
  g_autoptr(GPtrArray) before = ct_store_list_reports (ct_window_get_store (window), NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CtStore) reopened = NULL;
  gint64 id;
  guint n;

  n = before->len;
  g_assert_cmpuint (n, >=, 2);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "remove-reports"));
  id = ((CtReportInfo *) g_ptr_array_index (before, 0))->id;
  ct_library_sidebar_select_reports (sidebar, &id, 1);
  spin (5);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "remove-reports"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "remove-reports", NULL);
  wait_compared (window);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, n - 1);
  shoot (GTK_WIDGET (window), "window-removed.png");
  for (guint c = 0; c < ct_comparison_get_n_columns (ct_window_get_comparison (window)); c++)
    g_assert_cmpint (ct_comparison_get_column (ct_window_get_comparison (window), c)->report_id, !=, id);
  /* still in the store: undo needs nothing but showing it again */
  after = ct_store_list_reports (ct_window_get_store (window), NULL);
  g_assert_cmpuint (after->len, ==, n);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-remove", NULL);
  spin (5);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, n);

  /* removed again, and this time the window closes before any undo: the
   * time to undo is over and the store forgets the report */
  ct_library_sidebar_select_reports (sidebar, &id, 1);
  spin (5);
  g_action_group_activate_action (G_ACTION_GROUP (window), "remove-reports", NULL);
  spin (5);
  g_assert_cmpuint (ct_library_sidebar_get_n_reports (sidebar), ==, n - 1);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (5);

  reopened = ct_store_open (db, NULL);
  g_assert_nonnull (reopened);
  after = ct_store_list_reports (reopened, NULL);
  g_assert_cmpuint (after->len, ==, n - 1);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((CtReportInfo *) g_ptr_array_index (after, i))->id, !=, id);
}

static gboolean
focus_in (CtWindow  *window,
          GtkWidget *pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* F6 goes round the panes, Shift+F6 back, as the shortcuts window says. */
static void
test_pane_focus (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("panes.db");
  CtWindow *window = open_window_full (app, TRUE);
  GtkWidget *sidebar = GTK_WIDGET (ct_window_get_sidebar (window));
  GtkWidget *table = GTK_WIDGET (ct_window_get_compare_view (window));
  GtkWidget *source = GTK_WIDGET (ct_window_get_source_view (window));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.next-pane");

  g_assert_cmpstr (accels[0], ==, "F6");
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-pane", NULL);
  g_assert_true (focus_in (window, sidebar));
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-pane", NULL);
  g_assert_true (focus_in (window, table));
  g_action_group_activate_action (G_ACTION_GROUP (window), "next-pane", NULL);
  g_assert_true (focus_in (window, source));
  g_action_group_activate_action (G_ACTION_GROUP (window), "previous-pane", NULL);
  g_assert_true (focus_in (window, table));
  g_action_group_activate_action (G_ACTION_GROUP (window), "previous-pane", NULL);
  g_assert_true (focus_in (window, sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_library_changed (CtWindow *window,
                    gpointer  user_data)
{
  (void) window;
  (*(guint *) user_data)++;
}

/* The demo's samples are imported by a worker with a connection of its own,
 * then listed: the watch for changes made by others (every 2 s) must not
 * take that import for one and list the library again. */
static void
test_own_import_listed_once (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("own-import.db");
  CtWindow *window = open_window_full (app, TRUE);
  CtComparison *comparison = ct_window_get_comparison (window);
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint listed = 0;

  g_assert_nonnull (comparison);
  g_signal_connect (window, "library-changed", G_CALLBACK (on_library_changed), &listed);
  while (g_get_monotonic_time () < until)
    {
      spin (50);
      g_usleep (20 * 1000);
    }
  g_assert_cmpuint (listed, ==, 0);
  g_assert_true (ct_window_get_comparison (window) == comparison);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The source pane shows the current cell's sentence or nothing: after the
 * comparison changes to reports that do not hold that cell, it is empty. */
static void
test_source_follows_comparison (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("source-follows.db");
  CtWindow *window = open_window_full (app, TRUE);
  CtComparison *comparison = ct_window_get_comparison (window);
  CtSourceView *source = ct_window_get_source_view (window);
  g_autoptr(GPtrArray) reports = ct_store_list_reports (ct_window_get_store (window), NULL);
  gint64 shown = 0, other = 0;
  guint row = 0;

  g_assert_nonnull (comparison);
  /* a filled cell of the first column */
  while (row < ct_comparison_get_n_rows (comparison) &&
         ct_comparison_get_cell (comparison, row, 0)->observation_id == 0)
    row++;
  g_assert_cmpuint (row, <, ct_comparison_get_n_rows (comparison));
  ct_compare_view_select_cell (ct_window_get_compare_view (window), row, 0);
  spin (5);
  g_assert_cmpint (ct_source_view_get_observation_id (source), !=, 0);

  shown = ct_comparison_get_column (comparison, 0)->report_id;
  for (guint i = 0; i < reports->len && other == 0; i++)
    if (((CtReportInfo *) g_ptr_array_index (reports, i))->id != shown)
      other = ((CtReportInfo *) g_ptr_array_index (reports, i))->id;
  g_assert_cmpint (other, !=, 0);
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), &other, 1);
  wait_compared (window);
  g_assert_cmpint (ct_source_view_get_observation_id (source), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* F1 opens the user guide in the user's language, on top of the window. */
static void
test_help (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *db = new_db_path ("help.db");
  CtWindow *window = open_window (app);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  GtkWindow *guide = NULL;
  GList *toplevels;

  g_assert_cmpstr (accels[0], ==, "F1");
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  spin (10);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CT_IS_HELP_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      guide = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (guide);
  g_assert_cmpuint (check_labels (GTK_WIDGET (guide), text), >, 3);
  g_assert_nonnull (strstr (text->str, "Ctrl+Shift+P"));
  shoot (GTK_WIDGET (guide), "user-guide.png");
  gtk_window_destroy (guide);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bar chart widget inside the window. */
static CtBarChart *
find_bar_chart (GtkWidget *widget)
{
  if (CT_IS_BAR_CHART (widget))
    return CT_BAR_CHART (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CtBarChart *found = find_bar_chart (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows the window again at another size and waits for it to paint. */
static void
resize_window (CtWindow *window,
               gint      width,
               gint      height)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (20);
  wait_for_paint (GTK_WIDGET (window));
}

/* Every report of the library side by side, one indicator charted where
 * some reports give a rate and some do not: the labels leave the shared
 * period to the subtitle, the pane's choices reach the chart that prints,
 * and the pane is shot at 1024×700 and 1920×1080. */
static void
test_chart_pane (void)
{
  g_autoptr(CtApplication) app = new_app ();
  g_autofree gchar *seed = NULL;
  g_autofree gchar *db = NULL;
  g_autofree gchar *pdf = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const gchar *dir = g_getenv ("CT_SCREENSHOT_DIR");
  CtWindow *window;
  CtComparison *comparison;
  CtBarChart *chart;
  CtChart *shown;
  const gchar *period;
  gboolean one_period = TRUE;
  gint row = -1, column = -1;
  guint n_shown;

  seed = seed_path ("000_");
  if (seed == NULL)
    {
      g_test_skip ("no shared seeds");
      return;
    }
  db = new_db_path ("chart-pane.db");
  ids = import_seeds ();
  window = open_window (app);
  ct_library_sidebar_select_reports (ct_window_get_sidebar (window), (gint64 *) ids->data, ids->len);
  wait_compared (window);
  comparison = ct_window_get_comparison (window);
  g_assert_cmpuint (ct_comparison_get_n_columns (comparison), ==, ids->len);
  period = ct_comparison_get_column (comparison, 0)->period;
  for (guint c = 1; c < ct_comparison_get_n_columns (comparison); c++)
    one_period &= g_strcmp0 (period, ct_comparison_get_column (comparison, c)->period) == 0;
  for (guint r = 0; r < ct_comparison_get_n_rows (comparison) && row < 0; r++)
    {
      guint rated = 0, empty = 0;
      gint first = -1;

      for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (comparison, r, c);

          if (cell->observation_id == 0)
            empty++;
          else if (!isnan (ct_compare_cell_get_rate (cell)) && rated++ == 0)
            first = (gint) c;
        }
      if (rated >= 3 && empty >= 1)
        {
          row = (gint) r;
          column = first;
        }
    }
  g_assert_cmpint (row, >=, 0);
  g_assert_true (ct_compare_view_select_cell (ct_window_get_compare_view (window), row, column));
  spin (20);
  chart = find_bar_chart (GTK_WIDGET (window));
  g_assert_nonnull (chart);
  shown = ct_bar_chart_get_chart (chart);
  g_assert_nonnull (shown);
  g_assert_cmpuint (ct_chart_get_n_categories (shown), ==, ids->len);
  /* a period every report shares is said once, never under each bar */
  if (one_period && period != NULL)
    {
      g_assert_nonnull (strstr (ct_chart_get_period (shown), period));
      for (guint c = 0; c < ct_chart_get_n_categories (shown); c++)
        g_assert_null (strstr (ct_chart_get_category (shown, c), period));
    }
  resize_window (window, 1024, 700);
  shoot (GTK_WIDGET (window), "chart-pane-1024x700.png");

  /* the pane's choices, by the chart's menu actions */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "bar-chart.hide-missing", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "bar-chart.sort-by-rate", NULL));
  shown = ct_bar_chart_get_chart (chart);
  n_shown = ct_chart_get_n_categories (shown);
  g_assert_cmpuint (n_shown, <, ids->len);
  g_assert_false (ct_chart_has_missing (shown));
  for (guint c = 1; c < n_shown; c++)
    g_assert_cmpfloat (ct_chart_get_point (shown, 0, c - 1)->rate, >=, ct_chart_get_point (shown, 0, c)->rate);
  resize_window (window, 1920, 1080);
  shoot (GTK_WIDGET (window), "chart-pane-1920x1080-sorted.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "bar-chart.horizontal", NULL));
  {
    /* the pressed look of the toggle fades in: let it finish */
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  shoot (GTK_WIDGET (window), "chart-pane-1920x1080-horizontal.png");

  /* what prints is what is shown */
  pdf = dir != NULL ? g_build_filename (dir, "chart-page.pdf", NULL) : ct_test_tmp_path ("chart-page.pdf");
  g_assert_true (ct_print_chart_to_pdf (ct_bar_chart_get_chart (chart), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ct_chart_get_orientation (ct_bar_chart_get_chart (chart)), ==, CT_CHART_HORIZONTAL);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (ct_test_skip_without_display ())
    return 0;

  g_setenv ("LANGUAGE", "vi", TRUE);
  ct_locale_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/first-start", test_first_start);
  g_test_add_func ("/window/demo-library", test_demo_library);
  g_test_add_func ("/window/notices-others", test_notices_others);
  g_test_add_func ("/window/open-library", test_open_library);
  g_test_add_func ("/window/state-across-restarts", test_state_across_restarts);
  g_test_add_func ("/window/find-sentences", test_find_sentences);
  g_test_add_func ("/window/comparable-only-property", test_comparable_only_property);
  g_test_add_func ("/window/compares-in-worker", test_compares_in_worker);
  g_test_add_func ("/window/remove-with-undo", test_remove_with_undo);
  g_test_add_func ("/window/help", test_help);
  g_test_add_func ("/window/pane-focus", test_pane_focus);
  g_test_add_func ("/window/source-follows-comparison", test_source_follows_comparison);
  g_test_add_func ("/window/own-import-listed-once", test_own_import_listed_once);
  g_test_add_func ("/window/actions", test_menu_actions);
  g_test_add_func ("/window/export-workbook", test_export_workbook);
  g_test_add_func ("/window/seeds-compare-and-source", test_seeds_compare_and_source);
  g_test_add_func ("/window/chart-pane", test_chart_pane);
  g_test_add_func ("/window/correction-undo-redo", test_correction_undo_redo);
  g_test_add_func ("/window/import-dialog", test_import_dialog);
  g_test_add_func ("/window/import-dialog-asks-what-is-missing", test_import_dialog_asks_what_is_missing);

  return g_test_run ();
}
