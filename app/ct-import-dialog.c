/* ct-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-error.h"
#include "ct-import-dialog.h"
#include "ct-reader.h"

#define N_FIELDS 5

typedef struct
{
  gchar     *path;
  GtkWidget *fields[N_FIELDS];
  GtkWidget *status;
  gchar     *status_text;
} Row;

/* What the reader guessed for one file (worker thread → main thread). */
typedef struct
{
  gchar *values[N_FIELDS];
  gchar *error;
  guint  n_documents;
} Detected;

struct _CtImportDialog
{
  AdwWindow     parent_instance;

  CtStore      *store;
  GPtrArray    *rows;         /* Row * */
  GtkWidget    *grid;
  GtkWidget    *progress;
  GtkWidget    *replace_check;
  GtkWidget    *import_button;
  GtkWidget    *cancel_button;
  GCancellable *cancellable;
  gboolean      detecting;
  gboolean      importing;
  gboolean      finished;
};

G_DEFINE_FINAL_TYPE (CtImportDialog, ct_import_dialog, ADW_TYPE_WINDOW)

enum {
  DETECTED,
  IMPORTED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->path);
  g_free (row->status_text);
  g_free (row);
}

static void
detected_free (gpointer data)
{
  Detected *d = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (d->values[i]);
  g_free (d->error);
  g_free (d);
}

static void
set_status (Row         *row,
            const gchar *text,
            const gchar *css)
{
  g_free (row->status_text);
  row->status_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (row->status), text);
  gtk_widget_remove_css_class (row->status, "error");
  gtk_widget_remove_css_class (row->status, "success");
  gtk_widget_remove_css_class (row->status, "warning");
  if (css != NULL)
    gtk_widget_add_css_class (row->status, css);
}

static void
update_buttons (CtImportDialog *self)
{
  gboolean busy = self->detecting || self->importing;

  gtk_widget_set_sensitive (self->import_button, !busy && !self->finished && self->rows->len > 0);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        self->finished && !busy ? _("_Close") : _("_Cancel"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint f = 0; f < N_FIELDS; f++)
        gtk_editable_set_editable (GTK_EDITABLE (row->fields[f]), !busy && !self->finished);
    }
}

/* ------------------------------------------------------------------ */
/* Detection                                                          */
/* ------------------------------------------------------------------ */

static void
detect_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *paths = task_data;
  GPtrArray *out = g_ptr_array_new_with_free_func (detected_free);

  (void) source;
  for (guint i = 0; i < paths->len; i++)
    {
      Detected *d = g_new0 (Detected, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_add (out, d);
          continue;
        }
      docs = ct_reader_read_file (g_ptr_array_index (paths, i), cancellable, &error);
      if (docs == NULL)
        d->error = g_strdup (error->message);
      else if (docs->len > 0)
        {
          /* A zip of several reports: the first one's guess stands for the
           * file, and the rest keep their own (empty fields keep guesses). */
          CtDocument *doc = g_ptr_array_index (docs, 0);

          d->values[CT_IMPORT_FIELD_LOCALITY] = g_strdup (doc->meta.locality.value);
          d->values[CT_IMPORT_FIELD_LEVEL] = g_strdup (doc->meta.level.value);
          d->values[CT_IMPORT_FIELD_PROVINCE] = g_strdup (doc->meta.province.value);
          d->values[CT_IMPORT_FIELD_YEAR] = g_strdup (doc->meta.year.value);
          d->values[CT_IMPORT_FIELD_PERIOD] = g_strdup (doc->meta.period.value);
          d->n_documents = docs->len;
        }
      g_ptr_array_add (out, d);
    }
  g_task_return_pointer (task, out, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_detected (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CtImportDialog *self = CT_IMPORT_DIALOG (source);
  g_autoptr(GPtrArray) detected = g_task_propagate_pointer (G_TASK (result), NULL);

  (void) user_data;
  self->detecting = FALSE;
  for (guint i = 0; detected != NULL && i < detected->len && i < self->rows->len; i++)
    {
      Detected *d = g_ptr_array_index (detected, i);
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint f = 0; f < N_FIELDS; f++)
        if (d->values[f] != NULL && *gtk_editable_get_text (GTK_EDITABLE (row->fields[f])) == '\0')
          gtk_editable_set_text (GTK_EDITABLE (row->fields[f]), d->values[f]);
      if (d->error != NULL)
        set_status (row, d->error, "error");
      else if (d->n_documents > 1)
        {
          g_autofree gchar *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report inside",
                                                                 "%u reports inside", d->n_documents),
                                                    d->n_documents);
          set_status (row, text, NULL);
        }
      else
        set_status (row, _("Ready"), NULL);
    }
  update_buttons (self);
  g_signal_emit (self, signals[DETECTED], 0);
}

/* ------------------------------------------------------------------ */
/* Import                                                             */
/* ------------------------------------------------------------------ */

static void
on_progress (gdouble      fraction,
             const gchar *source_name,
             gpointer     user_data)
{
  CtImportDialog *self = user_data;
  g_autofree gchar *base = source_name != NULL ? g_path_get_basename (source_name) : NULL;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), base);
}

static Row *
row_for_path (CtImportDialog *self,
              const gchar    *path)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->path, path) == 0)
        return row;
    }
  return NULL;
}

static gchar *
describe_result (const CtImportResult *r,
                 const gchar         **css)
{
  switch (r->status)
    {
    case CT_IMPORT_NEW:
      *css = "success";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stored: %u figure", "Stored: %u figures",
                                           r->n_observations), r->n_observations);
    case CT_IMPORT_UNCHANGED:
      *css = NULL;
      return g_strdup (_("Already in the library"));
    case CT_IMPORT_CONFLICT:
      *css = "warning";
      return g_strdup_printf (_("“%s” is stored for this locality and period. Tick “Replace” to store this one instead."),
                              r->conflict_source != NULL ? r->conflict_source : "");
    case CT_IMPORT_REPLACED:
      *css = "success";
      return g_strdup_printf (_("Replaced “%s”"), r->conflict_source != NULL ? r->conflict_source : "");
    case CT_IMPORT_FAILED:
    default:
      *css = "error";
      return g_strdup (r->error != NULL ? r->error->message : _("Could not be imported."));
    }
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CtImportDialog) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;

  results = ct_store_import_finish ((CtStore *) source, result, &error);
  self->importing = FALSE;
  self->finished = TRUE;
  if (results == NULL)
    {
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), error->message);
      /* Earlier documents may be stored: the library must show them. */
      stored = TRUE;
    }
  else
    {
      g_autoptr(GHashTable) texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, NULL);

      for (guint i = 0; i < results->len; i++)
        {
          const CtImportResult *r = g_ptr_array_index (results, i);
          Row *row = row_for_path (self, r->path);
          const gchar *css = NULL;
          g_autofree gchar *text = describe_result (r, &css);

          if (r->status == CT_IMPORT_NEW || r->status == CT_IMPORT_REPLACED)
            stored = TRUE;
          if (row == NULL)
            continue;
          /* A zip gives one line per report inside it. */
          if (g_hash_table_contains (texts, row))
            {
              g_autofree gchar *joined = g_strdup_printf ("%s\n%s", row->status_text, text);
              set_status (row, joined, css);
            }
          else
            set_status (row, text, css);
          g_hash_table_add (texts, row);
        }
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 1.0);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), _("Done"));
    }
  update_buttons (self);
  if (stored)
    g_signal_emit (self, signals[IMPORTED], 0);
  g_signal_emit (self, signals[FINISHED], 0);
}

static gchar *
field_text (Row           *row,
            CtImportField  field)
{
  g_autofree gchar *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->fields[field])));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
ct_import_dialog_start (CtImportDialog *self)
{
  g_autoptr(GPtrArray) requests = NULL;
  gboolean replace;

  g_return_if_fail (CT_IS_IMPORT_DIALOG (self));

  if (self->detecting || self->importing || self->finished)
    return;
  replace = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->replace_check));
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_request_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(CtImportOptions) options = ct_import_options_new ();
      g_autofree gchar *year = field_text (row, CT_IMPORT_FIELD_YEAR);

      options->locality = field_text (row, CT_IMPORT_FIELD_LOCALITY);
      options->level = field_text (row, CT_IMPORT_FIELD_LEVEL);
      options->province = field_text (row, CT_IMPORT_FIELD_PROVINCE);
      options->period = field_text (row, CT_IMPORT_FIELD_PERIOD);
      options->year = year != NULL ? (gint) g_ascii_strtoll (year, NULL, 10) : 0;
      if (year != NULL && (options->year < 1900 || options->year > 2200))
        {
          set_status (row, _("The year must be written as four digits, such as 2023."), "error");
          gtk_widget_add_css_class (row->fields[CT_IMPORT_FIELD_YEAR], "error");
          return;
        }
      gtk_widget_remove_css_class (row->fields[CT_IMPORT_FIELD_YEAR], "error");
      options->replace = replace;
      g_ptr_array_add (requests, ct_import_request_new (row->path, options));
      set_status (row, _("Waiting…"), NULL);
    }

  self->importing = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0.0);
  gtk_widget_set_visible (self->progress, TRUE);
  update_buttons (self);
  ct_store_import_async (self->store, requests, self->cancellable,
                         on_progress, g_object_ref (self), g_object_unref,
                         on_imported, g_object_ref (self));
}

void
ct_import_dialog_cancel (CtImportDialog *self)
{
  g_return_if_fail (CT_IS_IMPORT_DIALOG (self));

  if (self->importing || self->detecting)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_import_clicked (GtkButton *button,
                   gpointer   user_data)
{
  (void) button;
  ct_import_dialog_start (CT_IMPORT_DIALOG (user_data));
}

static void
on_cancel_clicked (GtkButton *button,
                   gpointer   user_data)
{
  (void) button;
  ct_import_dialog_cancel (CT_IMPORT_DIALOG (user_data));
}

/* Closing the window while importing cancels; the import's callback holds
 * its own reference, so the dialog outlives the worker. */
static gboolean
on_close_request (GtkWindow *window,
                  gpointer   user_data)
{
  CtImportDialog *self = CT_IMPORT_DIALOG (window);

  (void) user_data;
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Getters                                                            */
/* ------------------------------------------------------------------ */

guint
ct_import_dialog_get_n_files (CtImportDialog *self)
{
  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), 0);
  return self->rows->len;
}

gboolean
ct_import_dialog_get_busy (CtImportDialog *self)
{
  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), FALSE);
  return self->detecting || self->importing;
}

GtkEditable *
ct_import_dialog_get_field (CtImportDialog *self,
                            guint           file,
                            CtImportField   field)
{
  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (file < self->rows->len && (guint) field < N_FIELDS, NULL);
  return GTK_EDITABLE (((Row *) g_ptr_array_index (self->rows, file))->fields[field]);
}

const gchar *
ct_import_dialog_get_status (CtImportDialog *self,
                             guint           file)
{
  Row *row;

  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (file < self->rows->len, NULL);
  row = g_ptr_array_index (self->rows, file);
  return row->status_text != NULL ? row->status_text : "";
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
ct_import_dialog_dispose (GObject *object)
{
  CtImportDialog *self = CT_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (ct_import_dialog_parent_class)->dispose (object);
}

static void
ct_import_dialog_finalize (GObject *object)
{
  CtImportDialog *self = CT_IMPORT_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ct_import_dialog_parent_class)->finalize (object);
}

static void
ct_import_dialog_class_init (CtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_import_dialog_dispose;
  object_class->finalize = ct_import_dialog_finalize;

  /* The metadata of every file was read into the rows. */
  signals[DETECTED] = g_signal_new ("detected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something was stored: the library must be listed again. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The import ended (done, failed or cancelled). */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ct_import_dialog_init (CtImportDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->cancellable = g_cancellable_new ();
}

static GtkWidget *
header_label (const gchar *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

CtImportDialog *
ct_import_dialog_new (GtkWindow  *parent,
                      CtStore    *store,
                      GFile     **files,
                      guint       n_files)
{
  static const gchar *field_titles[N_FIELDS] = {
    N_("Locality"), N_("Level"), N_("Province"), N_("Year"), N_("Period"),
  };
  static const gint field_widths[N_FIELDS] = { 14, 8, 14, 5, 14 };
  CtImportDialog *self;
  GtkWidget *content, *header, *body, *intro, *scroller;
  GPtrArray *paths;
  GTask *task;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CT_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Import Reports"),
                       "default-width", 1100,
                       "default-height", 520,
                       NULL);
  self->store = store;
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_button_set_use_underline (GTK_BUTTON (self->cancel_button), TRUE);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (content), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  intro = gtk_label_new (_("Check what was detected in each file and correct it before storing. Empty fields keep what the report says."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (body), intro);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("File")), 0, 0, 1, 1);
  for (guint f = 0; f < N_FIELDS; f++)
    gtk_grid_attach (GTK_GRID (self->grid), header_label (_(field_titles[f])), (int) f + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("Status")), N_FIELDS + 1, 0, 1, 1);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    {
      Row *row = g_new0 (Row, 1);
      g_autofree gchar *base = g_file_get_basename (files[i]);
      GtkWidget *name = gtk_label_new (base);

      row->path = g_file_get_path (files[i]);
      if (row->path == NULL)
        {
          row_free (row);
          continue;
        }
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
      gtk_widget_set_tooltip_text (name, row->path);
      gtk_grid_attach (GTK_GRID (self->grid), name, 0, (int) self->rows->len + 1, 1, 1);
      for (guint f = 0; f < N_FIELDS; f++)
        {
          g_autofree gchar *label = g_strdup_printf ("%s: %s", _(field_titles[f]), base);

          row->fields[f] = gtk_entry_new ();
          gtk_widget_set_valign (row->fields[f], GTK_ALIGN_CENTER);
          gtk_editable_set_width_chars (GTK_EDITABLE (row->fields[f]), field_widths[f]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->fields[f]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_grid_attach (GTK_GRID (self->grid), row->fields[f], (int) f + 1, (int) self->rows->len + 1, 1, 1);
        }
      row->status = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->status), 0);
      gtk_label_set_wrap (GTK_LABEL (row->status), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (row->status), 30);
      gtk_widget_set_hexpand (row->status, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), row->status, N_FIELDS + 1, (int) self->rows->len + 1, 1, 1);
      set_status (row, _("Reading…"), NULL);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (paths, g_strdup (row->path));
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->grid);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (body), scroller);

  self->replace_check = gtk_check_button_new_with_mnemonic (_("_Replace reports already stored for the same locality, year and period"));
  gtk_box_append (GTK_BOX (body), self->replace_check);
  self->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress), TRUE);
  gtk_widget_set_visible (self->progress, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  gtk_box_append (GTK_BOX (body), self->progress);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);

  self->detecting = TRUE;
  update_buttons (self);
  task = g_task_new (self, self->cancellable, on_detected, NULL);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, detect_thread);
  g_object_unref (task);
  return self;
}
