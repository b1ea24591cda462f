/* ct-chart-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-chart-save.h"

#include <adwaita.h>
#include <glib/gi18n.h>

static const struct
{
  CtChartFormat  format;
  const gchar   *extension;
  const gchar   *mime_type;
  const gchar   *name;
} formats[] = {
  { CT_CHART_FORMAT_PNG, ".png", "image/png", N_("PNG image") },
  { CT_CHART_FORMAT_SVG, ".svg", "image/svg+xml", N_("SVG drawing") },
  { CT_CHART_FORMAT_PDF, ".pdf", "application/pdf", N_("PDF document") },
};

gchar *
ct_chart_save_path_for (const gchar   *path,
                        CtChartFormat  format)
{
  CtChartFormat named;

  g_return_val_if_fail (path != NULL, NULL);

  if (ct_chart_format_from_path (path, &named, NULL))
    return g_strdup (path);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return g_strconcat (path, formats[i].extension, NULL);
  return g_strconcat (path, ".png", NULL);
}

gboolean
ct_chart_save_to_path (CtChart        *chart,
                       const gchar    *path,
                       CtChartFormat   fallback_format,
                       GError        **error)
{
  g_autofree gchar *target = ct_chart_save_path_for (path, fallback_format);
  CtChartFormat format;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!ct_chart_format_from_path (target, &format, error))
    return FALSE;
  return ct_chart_export (chart, target, format, 0, 0,
                          format == CT_CHART_FORMAT_PNG ? CT_CHART_SAVE_PNG_DPI : 0,
                          NULL, error);
}

static void
on_response (GtkNativeDialog *dialog,
             gint             response,
             CtChart         *chart)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  CtChartFormat format = CT_CHART_FORMAT_PNG;
  GtkFileFilter *filter;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Charts can only be saved to a local folder. Choose a folder on this computer."));
    }
  else
    {
      filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      if (filter != NULL)
        format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "ct-format"));
      ct_chart_save_to_path (chart, path, format, &error);
    }

  if (error != NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (parent, _("Could not save the chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
ct_chart_save_dialog (GtkWindow *parent,
                      CtChart   *chart)
{
  GtkFileChooserNative *dialog;
  g_autofree gchar *name = NULL;
  const gchar *title;

  g_return_if_fail (chart != NULL);

  dialog = gtk_file_chooser_native_new (_("Save Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, formats[i].extension + 1);
      g_object_set_data (G_OBJECT (filter), "ct-format", GINT_TO_POINTER (formats[i].format));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_object_unref (filter);
    }
  /* Named after what it shows; '/' would start a folder. */
  title = ct_chart_get_title (chart);
  name = g_strconcat (title != NULL ? title : _("Chart"), ".png", NULL);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         ct_chart_ref (chart), (GClosureNotify) (void (*) (void)) ct_chart_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
