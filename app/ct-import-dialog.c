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
  gboolean   unreadable;  /* the reader refused the file: typing cannot help */
  gboolean   done;        /* stored, or already in the library */
  GStrv      province_choices; /* the locality's name is in these provinces
                                * and the report does not say which */
} Row;

/* What the reader guessed for one file (worker thread → main thread). */
typedef struct
{
  gchar *values[N_FIELDS];
  gchar *error;
  guint  n_documents;
  GStrv  province_choices;
} Detected;

struct _CtImportDialog
{
  AdwWindow     parent_instance;

  CtStore      *store;
  GPtrArray    *rows;         /* Row * */
  GCancellable *cancellable;
  gboolean      detecting;
  gboolean      importing;
  gboolean      finished;     /* an import has run: Cancel reads Close */

  /* template children */
  GtkWidget    *grid;
  GtkWidget    *progress;
  GtkWidget    *summary_label;
  GtkWidget    *replace_check;
  GtkWidget    *import_button;
  GtkWidget    *cancel_button;
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
  g_strfreev (row->province_choices);
  g_free (row);
}

static void
detected_free (gpointer data)
{
  Detected *d = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (d->values[i]);
  g_free (d->error);
  g_strfreev (d->province_choices);
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

static gchar *
field_text (Row           *row,
            CtImportField  field)
{
  g_autofree gchar *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->fields[field])));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* A row can still be imported: readable and not yet stored. After a
 * failure (a locality to type, a conflict to replace) it stays open. */
static gboolean
row_pending (const Row *row)
{
  return !row->unreadable && !row->done;
}

static void
update_buttons (CtImportDialog *self)
{
  gboolean busy = self->detecting || self->importing;
  gboolean pending = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      pending |= row_pending (row);
      for (guint f = 0; f < N_FIELDS; f++)
        gtk_editable_set_editable (GTK_EDITABLE (row->fields[f]), !busy && row_pending (row));
    }
  gtk_widget_set_sensitive (self->import_button, !busy && pending);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        self->finished && !busy ? _("_Close") : _("_Cancel"));
}

/* What the report leaves unsaid, asked in the row itself before anything
 * is stored; NULL when the row has all it needs. */
static const gchar *
missing_field_message (Row            *row,
                       CtImportField  *field)
{
  g_autofree gchar *year = field_text (row, CT_IMPORT_FIELD_YEAR);
  g_autofree gchar *locality = field_text (row, CT_IMPORT_FIELD_LOCALITY);
  g_autofree gchar *province = field_text (row, CT_IMPORT_FIELD_PROVINCE);
  gint64 y = year != NULL ? g_ascii_strtoll (year, NULL, 10) : 0;

  if (locality == NULL)
    {
      *field = CT_IMPORT_FIELD_LOCALITY;
      return _("The report does not name its locality: type it (and its province).");
    }
  if (year == NULL)
    {
      *field = CT_IMPORT_FIELD_YEAR;
      return _("The report does not say its year: type it.");
    }
  if (y < 1900 || y > 2200)
    {
      *field = CT_IMPORT_FIELD_YEAR;
      return _("The year must be written as four digits, such as 2023.");
    }
  /* A shared name ("Châu Thành") is never filed under a guessed province. */
  if (province == NULL && row->province_choices != NULL)
    {
      *field = CT_IMPORT_FIELD_PROVINCE;
      return _("Several provinces have a locality of this name and the report does not say which: "
               "type its province (the field lists them).");
    }
  return NULL;
}

/* Marks what is missing in @row; TRUE when it is complete. */
static gboolean
check_row (Row *row)
{
  CtImportField field = CT_IMPORT_FIELD_LOCALITY;
  const gchar *missing = missing_field_message (row, &field);

  gtk_widget_remove_css_class (row->fields[CT_IMPORT_FIELD_LOCALITY], "error");
  gtk_widget_remove_css_class (row->fields[CT_IMPORT_FIELD_YEAR], "error");
  gtk_widget_remove_css_class (row->fields[CT_IMPORT_FIELD_PROVINCE], "error");
  if (missing == NULL)
    return TRUE;
  gtk_widget_add_css_class (row->fields[field], "error");
  set_status (row, missing, "warning");
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Detection                                                          */
/* ------------------------------------------------------------------ */

/* What the detecting thread needs: the files, and where to tell how far
 * the OCR of a scan is. */
typedef struct
{
  GPtrArray      *paths;
  CtImportDialog *self;    /* kept alive by the task, its source */
  GMainContext   *context; /* the dialog's */
  guint           file;    /* the row being read */
} DetectJob;

static void
detect_job_free (gpointer data)
{
  DetectJob *job = data;

  g_ptr_array_unref (job->paths);
  g_main_context_unref (job->context);
  g_free (job);
}

/* One page of a scan read (detecting thread → main thread). */
typedef struct
{
  CtImportDialog *self;    /* a reference */
  guint           file;
  guint           done;
  guint           n_pages;
} PageRead;

static void
page_read_free (gpointer data)
{
  PageRead *ev = data;

  g_object_unref (ev->self);
  g_free (ev);
}

static gboolean
show_page_read (gpointer data)
{
  PageRead *ev = data;
  CtImportDialog *self = ev->self;
  g_autofree gchar *text = NULL;

  /* A late page of a read already cancelled or finished says nothing. */
  if (!self->detecting || g_cancellable_is_cancelled (self->cancellable) || ev->file >= self->rows->len)
    return G_SOURCE_REMOVE;
  text = g_strdup_printf (_("Reading the scan by OCR: page %u of %u"), ev->done, ev->n_pages);
  set_status (g_ptr_array_index (self->rows, ev->file), text, NULL);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), (gdouble) ev->done / MAX (ev->n_pages, 1));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), text);
  gtk_widget_set_visible (self->progress, TRUE);
  return G_SOURCE_REMOVE;
}

/* Runs in the detecting thread, one call at a time. */
static void
on_page_read (guint    done,
              guint    n_pages,
              gpointer user_data)
{
  DetectJob *job = user_data;
  PageRead *ev = g_new0 (PageRead, 1);

  ev->self = g_object_ref (job->self);
  ev->file = job->file;
  ev->done = done;
  ev->n_pages = n_pages;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, show_page_read, ev, page_read_free);
}

static void
detect_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DetectJob *job = task_data;
  GPtrArray *paths = job->paths;
  GPtrArray *out = g_ptr_array_new_with_free_func (detected_free);

  (void) source;
  for (guint i = 0; i < paths->len; i++)
    {
      Detected *d = g_new0 (Detected, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          d->error = g_strdup (_("Reading was stopped; nothing was stored. Open the file again to read it."));
          g_ptr_array_add (out, d);
          continue;
        }
      job->file = i;
      docs = ct_reader_read_file_full (g_ptr_array_index (paths, i), on_page_read, job, cancellable, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        d->error = g_strdup (_("Reading was stopped; nothing was stored. Open the file again to read it."));
      else if (docs == NULL)
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
          d->province_choices = g_strdupv (doc->meta.province_choices);
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
  /* Shown while a scan was read; the import shows it again. */
  gtk_widget_set_visible (self->progress, FALSE);
  for (guint i = 0; detected != NULL && i < detected->len && i < self->rows->len; i++)
    {
      Detected *d = g_ptr_array_index (detected, i);
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint f = 0; f < N_FIELDS; f++)
        if (d->values[f] != NULL && *gtk_editable_get_text (GTK_EDITABLE (row->fields[f])) == '\0')
          gtk_editable_set_text (GTK_EDITABLE (row->fields[f]), d->values[f]);
      row->unreadable = d->error != NULL;
      if (d->province_choices != NULL)
        {
          g_autofree gchar *choices = g_strjoinv (", ", d->province_choices);

          g_strfreev (row->province_choices);
          row->province_choices = g_strdupv (d->province_choices);
          gtk_entry_set_placeholder_text (GTK_ENTRY (row->fields[CT_IMPORT_FIELD_PROVINCE]), choices);
          gtk_widget_set_tooltip_text (row->fields[CT_IMPORT_FIELD_PROVINCE], choices);
        }
      if (d->error != NULL)
        set_status (row, d->error, "error");
      else if (!check_row (row))
        continue;
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

/* One line over the rows: how many files are stored, how many could not
 * be read and how many wait for a correction, so a run where every file
 * failed does not end on a bare "Done". */
static void
show_summary (CtImportDialog *self)
{
  guint stored = 0, unreadable = 0, waiting = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (self->rows, i);

      if (row->done)
        stored++;
      else if (row->unreadable)
        unreadable++;
      else
        waiting++;
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u file is in the library.",
                                             "%u files are in the library.", stored), stored);
  if (unreadable > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u file could not be read.",
                                                 "%u files could not be read.", unreadable), unreadable);
    }
  if (waiting > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u file was not imported: correct its row and import again.",
                                                 "%u files were not imported: correct their rows and import again.",
                                                 waiting), waiting);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), text->str);
  gtk_widget_set_visible (self->summary_label, TRUE);
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
      show_summary (self);
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
          row->done = r->status == CT_IMPORT_NEW || r->status == CT_IMPORT_REPLACED ||
                      r->status == CT_IMPORT_UNCHANGED;
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
      show_summary (self);
    }
  update_buttons (self);
  if (stored)
    g_signal_emit (self, signals[IMPORTED], 0);
  g_signal_emit (self, signals[FINISHED], 0);
}

void
ct_import_dialog_start (CtImportDialog *self)
{
  g_autoptr(GPtrArray) requests = NULL;
  gboolean replace;

  g_return_if_fail (CT_IS_IMPORT_DIALOG (self));

  if (self->detecting || self->importing)
    return;
  replace = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->replace_check));
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_request_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(CtImportOptions) options = NULL;
      g_autofree gchar *year = NULL;

      /* Only what is still to do, and only rows that say who and when. */
      if (!row_pending (row) || !check_row (row))
        continue;
      options = ct_import_options_new ();
      year = field_text (row, CT_IMPORT_FIELD_YEAR);
      options->locality = field_text (row, CT_IMPORT_FIELD_LOCALITY);
      options->level = field_text (row, CT_IMPORT_FIELD_LEVEL);
      options->province = field_text (row, CT_IMPORT_FIELD_PROVINCE);
      options->period = field_text (row, CT_IMPORT_FIELD_PERIOD);
      options->year = (gint) g_ascii_strtoll (year, NULL, 10);
      options->replace = replace;
      g_ptr_array_add (requests, ct_import_request_new (row->path, options));
      set_status (row, _("Waiting…"), NULL);
    }
  if (requests->len == 0)
    return;

  self->importing = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0.0);
  gtk_widget_set_visible (self->progress, TRUE);
  gtk_widget_set_visible (self->summary_label, FALSE);
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
ct_import_dialog_get_summary (CtImportDialog *self)
{
  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->summary_label)
         ? gtk_label_get_text (GTK_LABEL (self->summary_label)) : "";
}

gboolean
ct_import_dialog_can_import (CtImportDialog *self)
{
  g_return_val_if_fail (CT_IS_IMPORT_DIALOG (self), FALSE);
  return gtk_widget_get_sensitive (self->import_button);
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
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_IMPORT_DIALOG);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chitieu/Chitieu/ui/ct-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, replace_check);
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CtImportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, ct_import_dialog_start);
  gtk_widget_class_bind_template_callback (widget_class, ct_import_dialog_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
}

static void
ct_import_dialog_init (CtImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

static const gchar *field_titles[N_FIELDS] = {
  N_("Locality"), N_("Level"), N_("Province"), N_("Year"), N_("Period"),
};

static void
attach_headers (CtImportDialog *self)
{
  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("File")), 0, 0, 1, 1);
  for (guint f = 0; f < N_FIELDS; f++)
    gtk_grid_attach (GTK_GRID (self->grid), header_label (_(field_titles[f])), (int) f + 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), header_label (_("Status")), N_FIELDS + 1, 0, 1, 1);
}

/* One line of the grid: the file's name, an entry per field, its status. */
static Row *
add_row (CtImportDialog *self,
         GFile          *file)
{
  static const gint field_widths[N_FIELDS] = { 14, 8, 14, 5, 14 };
  g_autofree gchar *base = g_file_get_basename (file);
  int line = (int) self->rows->len + 1;
  GtkWidget *name;
  Row *row;

  if (!g_file_is_native (file) || g_file_peek_path (file) == NULL)
    return NULL;
  row = g_new0 (Row, 1);
  row->path = g_file_get_path (file);
  name = gtk_label_new (base);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_width_chars (GTK_LABEL (name), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_widget_set_tooltip_text (name, row->path);
  gtk_grid_attach (GTK_GRID (self->grid), name, 0, line, 1, 1);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree gchar *label = g_strdup_printf ("%s: %s", _(field_titles[f]), base);

      row->fields[f] = gtk_entry_new ();
      gtk_widget_set_valign (row->fields[f], GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (row->fields[f]), field_widths[f]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->fields[f]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_grid_attach (GTK_GRID (self->grid), row->fields[f], (int) f + 1, line, 1, 1);
    }
  row->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->status), 0);
  gtk_label_set_wrap (GTK_LABEL (row->status), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->status), 30);
  gtk_widget_set_hexpand (row->status, TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), row->status, N_FIELDS + 1, line, 1, 1);
  set_status (row, _("Reading…"), NULL);
  g_ptr_array_add (self->rows, row);
  return row;
}

CtImportDialog *
ct_import_dialog_new (GtkWindow  *parent,
                      CtStore    *store,
                      GFile     **files,
                      guint       n_files)
{
  CtImportDialog *self;
  DetectJob *job;
  GTask *task;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = store;
  attach_headers (self);
  job = g_new0 (DetectJob, 1);
  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->self = self;
  job->context = g_main_context_ref_thread_default ();
  for (guint i = 0; i < n_files; i++)
    {
      Row *row = add_row (self, files[i]);

      if (row != NULL)
        g_ptr_array_add (job->paths, g_strdup (row->path));
    }

  /* Reading a report takes a moment: the dialog shows at once. */
  self->detecting = TRUE;
  update_buttons (self);
  task = g_task_new (self, self->cancellable, on_detected, NULL);
  g_task_set_task_data (task, job, detect_job_free);
  /* Cancelled, the rows still get their results: "stopped", not a
   * "Reading…" that never ends. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, detect_thread);
  g_object_unref (task);
  return self;
}
