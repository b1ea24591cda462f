/* ct-print-preview.c: Print Preview that shows something on every system
 *
 * GTK hands a preview to an outside PDF viewer (gtk-print-preview-command);
 * on a system without one, pressing Preview did nothing visible. When that
 * viewer is missing the pages are drawn here instead, by the same
 * draw-page handlers that print them, and shown in a window of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ct-print-private.h"

#define PREVIEW_DPI 72.0  /* an A4 landscape page is 842 × 595 px: it fits the window */

typedef struct
{
  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  GtkWindow                *parent;
  GPtrArray                *pages;  /* GdkTexture */
  cairo_surface_t          *surface;
  cairo_t                  *cr;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_pointer (&job->cr, cairo_destroy);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_clear_object (&job->parent);
  g_clear_object (&job->operation);
  g_clear_object (&job->preview);
  g_clear_object (&job->context);
  g_free (job);
}

/* Whether the program GTK would start for a preview is installed. */
static gboolean
have_outside_previewer (void)
{
  g_autofree gchar *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree gchar *found = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-print-preview-command", &command, NULL);
  if (command == NULL || !g_shell_parse_argv (command, NULL, &argv, NULL) || argv[0] == NULL)
    return FALSE;
  found = g_find_program_in_path (argv[0]);
  return found != NULL;
}

/* Each page gets a white surface of its size; draw-page paints on it. */
static void
start_page (PreviewJob      *job,
            GtkPrintContext *context,
            GtkPageSetup    *setup)
{
  gdouble w = gtk_page_setup_get_paper_width (setup, GTK_UNIT_INCH) * PREVIEW_DPI;
  gdouble h = gtk_page_setup_get_paper_height (setup, GTK_UNIT_INCH) * PREVIEW_DPI;

  g_clear_pointer (&job->cr, cairo_destroy);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
  job->cr = cairo_create (job->surface);
  cairo_set_source_rgb (job->cr, 1, 1, 1);
  cairo_paint (job->cr);
  /* GTK moves the origin to the margins itself before each page. */
  gtk_print_context_set_cairo_context (context, job->cr, PREVIEW_DPI, PREVIEW_DPI);
}

static void
on_got_page_size (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  GtkPageSetup             *setup,
                  PreviewJob               *job)
{
  (void) preview;
  start_page (job, context, setup);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                 cairo_image_surface_get_height (surface),
                                 GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
show_pages (PreviewJob *job)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), job->parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 920, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_margin_top (pages, 18);
  gtk_widget_set_margin_bottom (pages, 18);
  for (guint i = 0; i < job->pages->len; i++)
    {
      GtkWidget *picture = gtk_picture_new_for_paintable (g_ptr_array_index (job->pages, i));
      g_autofree gchar *label = g_strdup_printf (_("Page %u of %u"), i + 1, job->pages->len);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (pages), picture);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), pages);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (window), "ct-preview-pages", GUINT_TO_POINTER (job->pages->len));
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_ready (GtkPrintOperationPreview *preview,
          GtkPrintContext          *context,
          PreviewJob               *job)
{
  gint n_pages = 0;

  (void) context;
  g_object_get (job->operation, "n-pages-to-print", &n_pages, NULL);
  for (gint i = 0; i < n_pages; i++)
    if (gtk_print_operation_preview_is_selected (preview, i))
      {
        gtk_print_operation_preview_render_page (preview, i);
        if (job->surface != NULL)
          g_ptr_array_add (job->pages, texture_from_surface (job->surface));
      }
  gtk_print_operation_preview_end_preview (preview);
  g_signal_handlers_disconnect_by_data (preview, job);
  show_pages (job);
  preview_job_free (job);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            gpointer                  user_data)
{
  PreviewJob *job;

  (void) user_data;
  if (have_outside_previewer ())
    return FALSE;
  job = g_new0 (PreviewJob, 1);
  job->operation = g_object_ref (operation);
  job->preview = g_object_ref (preview);
  job->context = g_object_ref (context);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->pages = g_ptr_array_new_with_free_func (g_object_unref);
  /* Pagination measures text before the first page has its size. */
  start_page (job, context, gtk_print_operation_get_default_page_setup (operation));
  g_signal_connect (preview, "got-page-size", G_CALLBACK (on_got_page_size), job);
  g_signal_connect (preview, "ready", G_CALLBACK (on_ready), job);
  return TRUE;
}

void
_ct_print_handle_preview (GtkPrintOperation *operation)
{
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), NULL);
}
