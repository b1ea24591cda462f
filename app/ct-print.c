/* ct-print.c: chart pages for GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-print.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "ct-chart-render.h"
#include "ct-error.h"
#include "ct-format.h"

/* Sizes in points (the operation's unit). */
#define BODY_PT        9.0
#define TITLE_PT       15.0
#define ROW_PT         13.0
#define GAP_PT         8.0
/* The chart takes this share of the first page below the title block,
 * the table the rest (and further pages when it is long). */
#define CHART_SHARE    0.62
#define PRINT_FONT     "Noto Sans"

typedef struct
{
  CtChart *chart;
  gdouble  title_h;      /* height of the title block on page one */
  gdouble  chart_h;      /* height of the chart on page one */
  guint    rows_first;   /* table rows that fit on page one */
  guint    rows_other;   /* … and on each later page */
  guint    n_rows;
  gchar   *printed_on;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  ct_chart_unref (job->chart);
  g_free (job->printed_on);
  g_free (job);
}

static PangoLayout *
new_layout (GtkPrintContext *context,
            gdouble          size,
            gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string (PRINT_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static gchar *
subtitle_text (const CtChart *chart,
               const gchar   *printed_on)
{
  GString *s = g_string_new (NULL);
  const gchar *indicator = ct_chart_get_indicator (chart);

  if (indicator != NULL && g_strcmp0 (indicator, ct_chart_get_title (chart)) != 0)
    g_string_append (s, indicator);
  if (ct_chart_get_unit (chart) != NULL)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("Unit: %s"), ct_chart_get_unit (chart));
    }
  if (ct_chart_get_period (chart) != NULL)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, ct_chart_get_period (chart));
    }
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append_printf (s, _("Printed %s"), printed_on);
  return g_string_free (s, FALSE);
}

/* Draws (or, with draw FALSE, only measures) the title block. */
static gdouble
title_block (GtkPrintContext *context,
             PrintJob        *job,
             gboolean         draw)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) title = new_layout (context, TITLE_PT, TRUE);
  g_autoptr(PangoLayout) sub = new_layout (context, BODY_PT, FALSE);
  g_autofree gchar *sub_text = subtitle_text (job->chart, job->printed_on);
  const gchar *title_text = ct_chart_get_title (job->chart);
  PangoRectangle r1, r2;

  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (title, title_text != NULL ? title_text : _("Achievement of plan"), -1);
  pango_layout_set_width (sub, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (sub, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (sub, sub_text, -1);
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

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gdouble height = gtk_print_context_get_height (context);
  gdouble below;
  guint n_pages = 1;

  job->title_h = title_block (context, job, FALSE);
  below = height - job->title_h;
  job->n_rows = ct_chart_get_n_categories (job->chart) * ct_chart_get_n_series (job->chart);
  job->chart_h = below * (job->n_rows > 0 ? CHART_SHARE : 1.0);
  /* one row is the table's header, on every page */
  job->rows_first = (guint) MAX (floor ((below - job->chart_h - GAP_PT) / ROW_PT) - 1, 0);
  job->rows_other = (guint) MAX (floor (height / ROW_PT) - 1, 1);
  if (job->n_rows > job->rows_first)
    n_pages += (job->n_rows - job->rows_first + job->rows_other - 1) / job->rows_other;
  gtk_print_operation_set_n_pages (operation, (gint) n_pages);
}

typedef struct
{
  const gchar *header;
  gdouble      share;  /* of the page width */
  gboolean     numeric;
} Column;

static void
draw_cell (cairo_t     *cr,
           PangoLayout *layout,
           const gchar *text,
           gdouble      x,
           gdouble      y,
           gdouble      w,
           gboolean     right)
{
  PangoRectangle r;

  pango_layout_set_width (layout, (int) ((w - 8) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &r);
  cairo_move_to (cr, x + 4, y + (ROW_PT - r.height / (gdouble) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

static gchar *
amount (gdouble      value,
        const gchar *unit)
{
  g_autofree gchar *number = ct_format_number (value, 3);

  if (isnan (value) || unit == NULL)
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

static void
draw_table (GtkPrintContext *context,
            PrintJob        *job,
            guint            first,
            guint            count,
            gdouble          y)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) head = new_layout (context, BODY_PT, TRUE);
  g_autoptr(PangoLayout) body = new_layout (context, BODY_PT, FALSE);
  guint n_ser = ct_chart_get_n_series (job->chart);
  const Column columns[] = {
    { ct_chart_get_category_title (job->chart) != NULL ? ct_chart_get_category_title (job->chart)
                                                       : _("Report"),
      n_ser > 1 ? 0.30 : 0.40, FALSE },
    { _("Series"), n_ser > 1 ? 0.10 : 0.0, FALSE },
    { _("Value"), 0.15, TRUE },
    { _("Plan"), 0.15, TRUE },
    { _("Achieved"), 0.10, TRUE },
    { _("Notes"), 0.20, FALSE },
  };
  gdouble x;

  x = 0;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      if (columns[k].share <= 0)
        continue;
      draw_cell (cr, head, columns[k].header, x, y, width * columns[k].share, columns[k].numeric);
      x += width * columns[k].share;
    }
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, y + ROW_PT);
  cairo_line_to (cr, width, y + ROW_PT);
  cairo_stroke (cr);
  y += ROW_PT;

  for (guint i = first; i < first + count && i < job->n_rows; i++)
    {
      /* rows category by category, series within each, as on the chart */
      guint c = i / n_ser, s = i % n_ser;
      const CtChartPoint *p = ct_chart_get_point (job->chart, s, c);
      const gchar *unit = ct_chart_point_get_unit (job->chart, p);
      g_autofree gchar *value = amount (p->value, unit);
      g_autofree gchar *plan = amount (p->plan, unit);
      g_autofree gchar *rate = ct_format_percent (p->rate, 1);
      g_autoptr(GString) notes = g_string_new (NULL);
      const gchar *cells[G_N_ELEMENTS (columns)];

      if (isnan (p->rate))
        g_string_append (notes, _("no data"));
      if (p->flags != 0)
        g_string_append_printf (notes, "%s! %s", notes->len > 0 ? "; " : "", _("check the source"));
      cells[0] = ct_chart_get_category (job->chart, c);
      cells[1] = ct_chart_get_series_name (job->chart, s);
      cells[2] = value;
      cells[3] = plan;
      cells[4] = rate;
      cells[5] = notes->str;

      /* every other row shaded, to follow a line across the page */
      if ((i - first) % 2 == 1)
        {
          cairo_rectangle (cr, 0, y, width, ROW_PT);
          cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      x = 0;
      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          if (columns[k].share <= 0)
            continue;
          draw_cell (cr, body, cells[k], x, y, width * columns[k].share, columns[k].numeric);
          x += width * columns[k].share;
        }
      y += ROW_PT;
    }
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              gint               page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);

  (void) operation;
  if (page == 0)
    {
      CtChartStyle style = CT_CHART_STYLE_INIT;
      /* The renderer lays out in CSS pixels; the page is in points. */
      gdouble scale = 72.0 / 96.0;

      title_block (context, job, TRUE);
      style.omit_title = TRUE;
      cairo_save (cr);
      cairo_translate (cr, 0, job->title_h);
      cairo_scale (cr, scale, scale);
      ct_chart_render (job->chart, cr, width / scale, job->chart_h / scale, &style, NULL);
      cairo_restore (cr);
      if (job->n_rows > 0)
        draw_table (context, job, 0, job->rows_first, job->title_h + job->chart_h + GAP_PT);
    }
  else
    draw_table (context, job, job->rows_first + (page - 1) * job->rows_other, job->rows_other, 0);
}

GtkPrintOperation *
ct_print_operation_new (CtChart *chart)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job;

  g_return_val_if_fail (chart != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->chart = ct_chart_ref (chart);
  job->printed_on = g_date_time_format (now, "%d/%m/%Y");

  /* A4 landscape: what the offices print on, and wide enough for a row
   * of districts. The user can still change it in the dialog. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 14, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 14, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, ct_chart_get_title (chart) != NULL
                                                 ? ct_chart_get_title (chart) : _("Chart"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "ct-print-job", job, (GDestroyNotify) print_job_free);
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
      dialog = adw_message_dialog_new (parent, _("Could not print the chart"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_clear_object (&parent);
  g_object_unref (operation);
}

void
ct_print_chart (GtkWindow *parent,
                CtChart   *chart)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (chart != NULL);

  operation = ct_print_operation_new (chart);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done),
                    parent != NULL ? g_object_ref (parent) : NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
}

gboolean
ct_print_chart_to_pdf (CtChart      *chart,
                       const gchar  *path,
                       GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *dir = NULL;
  g_autofree gchar *base = NULL;
  g_autofree gchar *tmp_path = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside the target and renamed when whole, like every export. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("Could not write the chart to “%s”: %s. Choose a folder you can write to, with free space."),
                   path, g_strerror (errno));
      return FALSE;
    }
  close (fd);

  operation = ct_print_operation_new (chart);
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
