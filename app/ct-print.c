/* ct-print.c: chart pages for GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-print.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-chart-render.h"
#include "ct-figure.h"
#include "ct-format.h"
#include "ct-print-private.h"

/* Sizes in points (the operation's unit). */
#define BODY_PT        9.0
#define ROW_PT         13.0
#define GAP_PT         8.0
/* The chart takes this share of the first page below the title block,
 * the table the rest (and further pages when it is long). */
#define CHART_SHARE    0.62

typedef struct
{
  CtChart *chart;
  gdouble  title_h;      /* height of the title block on page one */
  gdouble  chart_h;      /* height of the chart on page one */
  guint    rows_first;   /* table rows that fit on page one */
  guint    rows_other;   /* … and on each later page */
  guint    n_rows;
  guint    n_pages;
  gchar   *printed_on;
  gchar   *subtitle;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  ct_chart_unref (job->chart);
  g_free (job->printed_on);
  g_free (job->subtitle);
  g_free (job);
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

static const gchar *
chart_title (PrintJob *job)
{
  const gchar *title = ct_chart_get_title (job->chart);

  return title != NULL ? title : _("Achievement of plan");
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gdouble height = gtk_print_context_get_height (context) - CT_PRINT_FOOTER_PT;
  gdouble below;
  guint n_pages = 1;

  job->title_h = _ct_print_title_height (context, chart_title (job), job->subtitle);
  below = height - job->title_h;
  job->n_rows = ct_chart_get_n_categories (job->chart) * ct_chart_get_n_series (job->chart);
  job->chart_h = below * (job->n_rows > 0 ? CHART_SHARE : 1.0);
  /* one row is the table's header, on every page */
  job->rows_first = (guint) MAX (floor ((below - job->chart_h - GAP_PT) / ROW_PT) - 1, 0);
  job->rows_other = (guint) MAX (floor (height / ROW_PT) - 1, 1);
  if (job->n_rows > job->rows_first)
    n_pages += (job->n_rows - job->rows_first + job->rows_other - 1) / job->rows_other;
  job->n_pages = n_pages;
  gtk_print_operation_set_n_pages (operation, (gint) n_pages);
}

typedef struct
{
  const gchar *header;
  gdouble      share;  /* of the page width */
  gboolean     numeric;
} Column;

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
  g_autoptr(PangoLayout) head = _ct_print_layout (context, BODY_PT, TRUE);
  g_autoptr(PangoLayout) body = _ct_print_layout (context, BODY_PT, FALSE);
  guint n_ser = ct_chart_get_n_series (job->chart);
  const Column columns[] = {
    { ct_chart_get_category_title (job->chart) != NULL ? ct_chart_get_category_title (job->chart)
                                                       : _("Report"),
      n_ser > 1 ? 0.30 : 0.40, FALSE },
    { _("Series"), n_ser > 1 ? 0.10 : 0.0, FALSE },
    { _("Value"), 0.13, TRUE },
    { _("Plan"), 0.13, TRUE },
    /* the rate with its verdict: "60,1% · đúng tiến độ" */
    { _("Achieved"), 0.20, TRUE },
    { _("Notes"), 0.14, FALSE },
  };
  gdouble x;

  x = 0;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      if (columns[k].share <= 0)
        continue;
      _ct_print_text (cr, head, columns[k].header, x, y, width * columns[k].share, ROW_PT,
                      columns[k].numeric, 1);
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
      g_autofree gchar *rate = ct_figure_format_rate (p->rate, p->verdict, p->reported, NAN);
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
      cells[4] = rate != NULL ? rate : "";
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
          _ct_print_text (cr, body, cells[k], x, y, width * columns[k].share, ROW_PT,
                          columns[k].numeric, 1);
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

      _ct_print_title (context, chart_title (job), job->subtitle);
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
  _ct_print_page_number (context, page, (gint) job->n_pages);
}

GtkPrintOperation *
ct_print_operation_new (CtChart *chart)
{
  GtkPrintOperation *operation;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PrintJob *job;

  g_return_val_if_fail (chart != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->chart = ct_chart_ref (chart);
  job->printed_on = g_date_time_format (now, "%d/%m/%Y");
  job->subtitle = subtitle_text (chart, job->printed_on);

  operation = _ct_print_operation_new (chart_title (job));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "ct-print-job", job, (GDestroyNotify) print_job_free);
  return operation;
}

void
ct_print_chart (GtkWindow *parent,
                CtChart   *chart)
{
  g_return_if_fail (chart != NULL);

  _ct_print_run_dialog (ct_print_operation_new (chart), parent);
}

gboolean
ct_print_chart_to_pdf (CtChart      *chart,
                       const gchar  *path,
                       GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = ct_print_operation_new (chart);
  return _ct_print_export_pdf (operation, path, error);
}
