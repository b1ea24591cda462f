/* ct-print-page.c: page setup, title, page numbers and PDF export shared
 * by the chart and table printers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ct-error.h"
#include "ct-print-private.h"

#define BODY_PT   9.0
#define TITLE_PT  15.0
#define GAP_PT    8.0

/* "Print to File" writes output.pdf into the working directory unless
 * told otherwise: a name after the job in the Documents folder instead. */
static GtkPrintSettings *
default_settings (const gchar *job_name)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  const gchar *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree gchar *safe = g_strdup (job_name != NULL ? job_name : _("Chart"));
  g_autofree gchar *name = NULL;
  g_autofree gchar *path = NULL;
  g_autofree gchar *uri = NULL;

  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  name = g_strconcat (safe, ".pdf", NULL);
  path = g_build_filename (dir != NULL ? dir : g_get_home_dir (), name, NULL);
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  return settings;
}

GtkPrintOperation *
_ct_print_operation_new (const gchar *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) settings = default_settings (job_name);

  /* A4 landscape: what the offices print on, and wide enough for a row
   * of districts. The user can still change it in the dialog. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 14, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 14, GTK_UNIT_MM);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name != NULL ? job_name : _("Chart"));
  _ct_print_handle_preview (operation);
  return operation;
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could not print"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_object (&parent);
  g_object_unref (operation);
}

void
_ct_print_run_dialog (GtkPrintOperation *operation,
                      GtkWindow         *parent)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done),
                    parent != NULL ? g_object_ref (parent) : NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
}

gboolean
_ct_print_export_pdf (GtkPrintOperation  *operation,
                      const gchar        *path,
                      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *base = g_path_get_basename (path);
  g_autofree gchar *tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  GtkPrintOperationResult result;
  int fd;

  /* Written beside the target and renamed when whole, like every export. */
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("Could not write the chart to “%s”: %s. Choose a folder you can write to, with free space."),
                   path, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  gtk_print_operation_set_export_filename (operation, tmp_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("Could not write the chart to “%s”: %s. Choose a folder you can write to, with free space."),
                   path, local_error != NULL ? local_error->message : g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

PangoLayout *
_ct_print_layout (GtkPrintContext *context,
                  gdouble          size,
                  gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (CT_PRINT_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

void
_ct_print_text (cairo_t     *cr,
                PangoLayout *layout,
                const gchar *text,
                gdouble      x,
                gdouble      y,
                gdouble      w,
                gdouble      h,
                gboolean     right,
                gint         max_lines)
{
  PangoRectangle r;

  pango_layout_set_width (layout, (int) ((w - 8) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A negative height is a number of lines: wrap, then ellipsize. */
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &r);
  cairo_move_to (cr, x + 4, y + (h - r.height / (gdouble) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* Measures, or draws, the title and its grey subtitle. */
static gdouble
title_block (GtkPrintContext *context,
             const gchar     *title_text,
             const gchar     *sub_text,
             gboolean         draw)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) title = _ct_print_layout (context, TITLE_PT, TRUE);
  g_autoptr(PangoLayout) sub = _ct_print_layout (context, BODY_PT, FALSE);
  PangoRectangle r1, r2;

  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (title, title_text != NULL ? title_text : "", -1);
  pango_layout_set_width (sub, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (sub, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (sub, sub_text != NULL ? sub_text : "", -1);
  pango_layout_get_extents (title, NULL, &r1);
  pango_layout_get_extents (sub, NULL, &r2);
  if (draw)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, title);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, 0, r1.height / (gdouble) PANGO_SCALE + 2);
      pango_cairo_show_layout (cr, sub);
    }
  return (r1.height + r2.height) / (gdouble) PANGO_SCALE + 2 + GAP_PT;
}

gdouble
_ct_print_title_height (GtkPrintContext *context,
                        const gchar     *title,
                        const gchar     *subtitle)
{
  return title_block (context, title, subtitle, FALSE);
}

gdouble
_ct_print_title (GtkPrintContext *context,
                 const gchar     *title,
                 const gchar     *subtitle)
{
  return title_block (context, title, subtitle, TRUE);
}

void
_ct_print_page_number (GtkPrintContext *context,
                       gint             page,
                       gint             n_pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  gdouble height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) layout = _ct_print_layout (context, BODY_PT - 1, FALSE);
  /* TRANSLATORS: page number at the foot of a printed page: "Page 2 of 5" */
  g_autofree gchar *text = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  _ct_print_text (cr, layout, text, 0, height - CT_PRINT_FOOTER_PT, width, CT_PRINT_FOOTER_PT, TRUE, 1);
}
