/* ct-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-application.h"
#include "ct-help-window.h"
#include "ct-screenshot.h"
#include "ct-window.h"

struct _CtApplication
{
  AdwApplication parent_instance;

  gchar    *screenshot_path;
  int       exit_status;
  gboolean  demo;
};

G_DEFINE_FINAL_TYPE (CtApplication, ct_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the program version"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo library of fictional reports, kept apart from your own"), NULL },
  /* For tests and documentation: save the window as PNG once its table is
   * shown, then quit. */
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL, NULL, N_("FILE") },
  { NULL }
};

CtApplication *
ct_application_new (void)
{
  return g_object_new (CT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/chitieu/Chitieu",
                       NULL);
}

/* g_application_run() reports only start-up failures; this adds the
 * failures of work the window was asked to do (such as --screenshot). */
int
ct_application_get_exit_status (CtApplication *self)
{
  g_return_val_if_fail (CT_IS_APPLICATION (self), 1);

  return self->exit_status;
}

static gint
ct_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CtApplication *self = CT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("chitieu %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      /* The demo library is another library: never hand it to a window
       * already open on the user's own. */
      self->demo = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path))
    {
      /* A screenshot run must not hand itself to an instance already open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
on_screenshot_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CtApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ct_screenshot_save_finish (GTK_WIDGET (source), result, &error))
    {
      g_printerr ("chitieu: %s\n", error->message);
      self->exit_status = 1;
    }
  g_application_quit (G_APPLICATION (self));
}

static void
on_library_ready (CtWindow *window,
                  gpointer  user_data)
{
  GPtrArray *pending = user_data;

  g_signal_handlers_disconnect_by_func (window, on_library_ready, user_data);
  ct_window_import_files (window, (GFile **) pending->pdata, pending->len);
}

/* A screenshot shows the window as a user looks at it: the library
 * listed, the demo's samples stored, the table compared by its worker.
 * Checked in an idle: the samples' end clears "busy" just before it asks
 * for the comparison. */
static void shoot_when_settled (CtApplication *self,
                                CtWindow      *window);

static gboolean
recheck_settled (gpointer user_data)
{
  CtWindow *window = user_data;
  CtApplication *self = CT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (self != NULL)
    shoot_when_settled (self, window);
  return G_SOURCE_REMOVE;
}

static void
on_window_settling (GObject    *window,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  (void) pspec;
  (void) user_data;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recheck_settled, g_object_ref (window), g_object_unref);
}

static void
shoot_when_settled (CtApplication *self,
                    CtWindow      *window)
{
  g_signal_handlers_disconnect_by_func (window, on_window_settling, self);
  if (ct_window_get_busy (window) || ct_window_get_comparing (window))
    {
      g_signal_connect (window, "notify::busy", G_CALLBACK (on_window_settling), self);
      g_signal_connect (window, "notify::comparing", G_CALLBACK (on_window_settling), self);
      return;
    }
  ct_screenshot_save_async (GTK_WIDGET (window), self->screenshot_path,
                            NULL, on_screenshot_saved, self);
}

static CtWindow *
ensure_window (CtApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (self->demo ? ct_window_new_demo (self) : ct_window_new (self));
  return CT_WINDOW (window);
}

static void
ct_application_activate (GApplication *app)
{
  CtApplication *self = CT_APPLICATION (app);
  CtWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));

  if (self->screenshot_path != NULL)
    shoot_when_settled (self, window);
}

/* `chitieu FILE…`, from a file manager or a second process (GApplication
 * hands the files to the instance already running): the import dialog. */
static void
ct_application_open (GApplication  *app,
                     GFile        **files,
                     gint           n_files,
                     const gchar   *hint)
{
  CtApplication *self = CT_APPLICATION (app);
  CtWindow *window = ensure_window (self);

  (void) hint;
  gtk_window_present (GTK_WINDOW (window));
  if (self->screenshot_path != NULL)
    {
      shoot_when_settled (self, window);
      return;
    }
  if (ct_window_get_busy (window))
    {
      /* The demo samples are still being stored: import once they are. */
      GPtrArray *pending = g_ptr_array_new_with_free_func (g_object_unref);

      for (gint i = 0; i < n_files; i++)
        g_ptr_array_add (pending, g_object_ref (files[i]));
      g_signal_connect_data (window, "library-changed", G_CALLBACK (on_library_ready), pending,
                             (GClosureNotify) (void (*) (void)) g_ptr_array_unref, G_CONNECT_DEFAULT);
      return;
    }
  ct_window_import_files (window, files, (guint) n_files);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const gchar *developers[] = { "The Chỉ tiêu team", NULL };
  GtkWidget *about;

  (void) action;
  (void) param;
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Chỉ tiêu"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Chỉ tiêu team"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Extract the indicators of socio-economic reports and compare localities and years side by side. Every number leads back to its sentence."),
                        "copyright", "© 2026 The Chỉ tiêu team",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* The gazetteer's lists come with their own licences (README.md,
   * "Localities"); the MIT one asks for its notice in every copy. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Administrative units"),
                                      _("Units before 1 July 2025: list of the General Statistics Office of "
                                        "2025-03-01, as transcribed by daohoangson/dvhcvn (GPL-3.0). Units from "
                                        "1 July 2025 and the map between them: Công văn 915 and 1027/CTK-CSCL "
                                        "and resolutions 1654–1687/NQ-UBTVQH15, as transcribed by "
                                        "dvhcvn/20250701, © 2025 dvhcvn."),
                                      GTK_LICENSE_MIT_X11, NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  (void) action;
  (void) param;
  gtk_window_present (ct_help_window_new (gtk_application_get_active_window (app)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  (void) action;
  (void) param;
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "help", help_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
ct_application_startup (GApplication *app)
{
  static const gchar *quit_accels[] = { "<Control>q", NULL };
  static const gchar *help_accels[] = { "F1", NULL };
  static const gchar *next_pane_accels[] = { "F6", NULL };
  static const gchar *previous_pane_accels[] = { "<Shift>F6", NULL };
  static const gchar *import_accels[] = { "<Control>o", NULL };
  static const gchar *export_accels[] = { "<Control>e", NULL };
  static const gchar *print_accels[] = { "<Control>p", NULL };
  static const gchar *print_table_accels[] = { "<Control><Shift>p", NULL };
  static const gchar *undo_accels[] = { "<Control>z", NULL };
  static const gchar *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const gchar *correct_accels[] = { "F2", NULL };
  static const gchar *find_accels[] = { "<Control>f", NULL };
  static const gchar *find_sentences_accels[] = { "<Control><Shift>f", NULL };
  static const gchar *shared_accels[] = { "<Control><Shift>s", NULL };
  static const gchar *all_accels[] = { "<Control><Shift>a", NULL };

  G_APPLICATION_CLASS (ct_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.next-pane", next_pane_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.previous-pane", previous_pane_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print-table", print_table_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.correct", correct_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find-sentences", find_sentences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.shared-only", shared_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.compare-all", all_accels);
}

static void
ct_application_finalize (GObject *object)
{
  CtApplication *self = CT_APPLICATION (object);

  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (ct_application_parent_class)->finalize (object);
}

static void
ct_application_class_init (CtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ct_application_finalize;
  app_class->handle_local_options = ct_application_handle_local_options;
  app_class->startup = ct_application_startup;
  app_class->activate = ct_application_activate;
  app_class->open = ct_application_open;
}

static void
ct_application_init (CtApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
