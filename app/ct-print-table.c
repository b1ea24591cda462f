/* ct-print-table.c: the comparison table on paper
 *
 * A4 landscape. Every page repeats the title (localities and periods), the
 * header row of report titles and the indicator column, and ends with its
 * page number; a table wider than a page continues on further pages with
 * the next report columns, a longer one with the next rows. Pages run down
 * first, then across, as a spreadsheet prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-print-table.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-format.h"
#include "ct-print-private.h"

/* Sizes in points (the operation's unit). */
#define BODY_PT        8.5
#define TITLE_PT       13.0
#define LINE_PT        11.0   /* one line of a cell */
#define ROW_PT         (2 * LINE_PT + 3)  /* value, then plan and rate */
#define HEADER_PT      (2 * LINE_PT + 4)
#define FOOTER_PT      14.0
#define GAP_PT         6.0
#define NAME_SHARE     0.30   /* of the page width, for the indicator column */
#define MIN_COLUMN_PT  92.0
#define MAX_TITLE_PLACES 6

typedef struct
{
  CtComparison *comparison;
  gchar        *title;
  gchar        *subtitle;
  GArray       *rows;           /* guint: the comparison's rows with a figure */
  guint         columns_per_page;
  guint         rows_per_page;
  guint         row_pages;
  guint         column_pages;
} TableJob;

static void
table_job_free (TableJob *job)
{
  ct_comparison_unref (job->comparison);
  g_array_unref (job->rows);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job);
}

/* "Nam Đông, Hạ Lang, Tủa Chùa" and "6 tháng đầu năm 2021, 2023": what
 * the table holds, for a title that stays true on every page. */
static void
describe (TableJob *job)
{
  guint n = ct_comparison_get_n_columns (job->comparison);
  g_autoptr(GPtrArray) localities = g_ptr_array_new ();
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) title = g_string_new (_("Indicators compared"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree gchar *places = NULL;
  g_autofree gchar *spans = NULL;

  for (guint c = 0; c < n; c++)
    {
      const CtCompareColumn *col = ct_comparison_get_column (job->comparison, c);
      g_autofree gchar *span = col->period != NULL && *col->period != '\0'
                               ? g_strdup_printf ("%s %d", col->period, col->year)
                               : g_strdup_printf ("%d", col->year);

      if (!g_ptr_array_find_with_equal_func (localities, col->locality, g_str_equal, NULL))
        g_ptr_array_add (localities, col->locality);
      if (!g_ptr_array_find_with_equal_func (periods, span, g_str_equal, NULL))
        g_ptr_array_add (periods, g_steal_pointer (&span));
    }
  /* A province's communes do not fit in a title: past a handful, a count. */
  if (localities->len > MAX_TITLE_PLACES)
    places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locality", "%u localities",
                                           localities->len), localities->len);
  g_ptr_array_add (localities, NULL);
  g_ptr_array_add (periods, NULL);
  if (places == NULL)
    places = g_strjoinv (", ", (gchar **) localities->pdata);
  spans = g_strjoinv ("; ", (gchar **) periods->pdata);
  if (*places != '\0')
    g_string_append_printf (title, ": %s", places);
  job->title = g_string_free (g_steal_pointer (&title), FALSE);
  job->subtitle = g_strdup_printf (_("%s · Printed %s · Value, then plan and achievement"), spans, today);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TableJob          *job)
{
  gdouble width = gtk_print_context_get_width (context);
  gdouble height = gtk_print_context_get_height (context);
  guint n_columns = ct_comparison_get_n_columns (job->comparison);
  gdouble body = height - _ct_print_title_height (context, job->title, job->subtitle)
                 - HEADER_PT - FOOTER_PT;

  job->columns_per_page = MAX ((guint) floor (width * (1 - NAME_SHARE) / MIN_COLUMN_PT), 1);
  job->rows_per_page = MAX ((guint) floor (body / ROW_PT), 1);
  job->column_pages = MAX ((n_columns + job->columns_per_page - 1) / job->columns_per_page, 1);
  job->row_pages = MAX ((job->rows->len + job->rows_per_page - 1) / job->rows_per_page, 1);
  gtk_print_operation_set_n_pages (operation, (gint) (job->row_pages * job->column_pages));
}

/* The two lines of a cell: "2.703,5 tấn" and "KH 4.500 · 60,1% · đạt",
 * in the words of the window's cell (ct-figure.h). */
static void
cell_lines (const CtCompareCell *cell,
            gchar              **value,
            gchar              **detail)
{
  g_autoptr(GString) d = g_string_new (NULL);
  g_autofree gchar *plan = ct_compare_cell_format_plan (cell);
  g_autofree gchar *rate = ct_compare_cell_format_rate (cell);

  *value = ct_compare_cell_format_value (cell);
  if (plan != NULL)
    g_string_append (d, plan);
  if (rate != NULL)
    g_string_append_printf (d, "%s%s", d->len > 0 ? " · " : "", rate);
  if (cell->n_more > 0)
    g_string_append_printf (d, "%s+%u", d->len > 0 ? " · " : "", cell->n_more);
  *detail = g_string_free (g_steal_pointer (&d), FALSE);
}

static void
draw_header (GtkPrintContext *context,
             TableJob        *job,
             guint            first_column,
             guint            n_columns,
             gdouble          y)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  gdouble name_w = width * NAME_SHARE;
  gdouble col_w = (width - name_w) / job->columns_per_page;
  g_autoptr(PangoLayout) head = _ct_print_layout (context, BODY_PT, TRUE);

  cairo_set_source_rgb (cr, 0, 0, 0);
  _ct_print_text (cr, head, _("Indicator"), 0, y, name_w, HEADER_PT, FALSE, 2);
  for (guint k = 0; k < n_columns; k++)
    {
      const CtCompareColumn *col = ct_comparison_get_column (job->comparison, first_column + k);

      _ct_print_text (cr, head, col->title, name_w + k * col_w, y, col_w, HEADER_PT, TRUE, 2);
    }
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, y + HEADER_PT);
  cairo_line_to (cr, name_w + n_columns * col_w, y + HEADER_PT);
  cairo_stroke (cr);
}

static void
draw_row (GtkPrintContext *context,
          TableJob        *job,
          guint            row,
          guint            first_column,
          guint            n_columns,
          gdouble          y,
          gboolean         shaded)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  gdouble width = gtk_print_context_get_width (context);
  gdouble name_w = width * NAME_SHARE;
  gdouble col_w = (width - name_w) / job->columns_per_page;
  const CtCompareRow *r = ct_comparison_get_row (job->comparison, row);
  g_autoptr(PangoLayout) body = _ct_print_layout (context, BODY_PT, FALSE);
  g_autoptr(PangoLayout) small = _ct_print_layout (context, BODY_PT - 1, FALSE);
  g_autofree gchar *name = r->unit != NULL ? g_strdup_printf ("%s (%s)", r->name, r->unit)
                                           : g_strdup (r->name);

  /* every other row shaded, to follow a line across the page */
  if (shaded)
    {
      cairo_rectangle (cr, 0, y, name_w + n_columns * col_w, ROW_PT);
      cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  _ct_print_text (cr, body, name, 0, y, name_w, ROW_PT, FALSE, 2);
  for (guint k = 0; k < n_columns; k++)
    {
      const CtCompareCell *cell = ct_comparison_get_cell (job->comparison, row, first_column + k);
      g_autofree gchar *value = NULL;
      g_autofree gchar *detail = NULL;
      gdouble x = name_w + k * col_w;

      cell_lines (cell, &value, &detail);
      cairo_set_source_rgb (cr, 0, 0, 0);
      _ct_print_text (cr, body, value, x, y + 1, col_w, LINE_PT, TRUE, 1);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      _ct_print_text (cr, small, detail, x, y + 1 + LINE_PT, col_w, LINE_PT, TRUE, 1);
    }
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              gint               page,
              TableJob          *job)
{
  guint column_page = (guint) page / job->row_pages;
  guint row_page = (guint) page % job->row_pages;
  guint first_column = column_page * job->columns_per_page;
  guint n_columns = MIN (job->columns_per_page,
                         ct_comparison_get_n_columns (job->comparison) - first_column);
  guint first_row = row_page * job->rows_per_page;
  gdouble y;

  (void) operation;
  y = _ct_print_title (context, job->title, job->subtitle);
  draw_header (context, job, first_column, n_columns, y);
  y += HEADER_PT;
  for (guint i = first_row; i < first_row + job->rows_per_page && i < job->rows->len; i++)
    {
      draw_row (context, job, g_array_index (job->rows, guint, i), first_column, n_columns, y,
                (i - first_row) % 2 == 1);
      y += ROW_PT;
    }
  _ct_print_page_number (context, page, (gint) (job->row_pages * job->column_pages));
}

GtkPrintOperation *
ct_print_table_operation_new (CtComparison *comparison)
{
  GtkPrintOperation *operation;
  TableJob *job;

  g_return_val_if_fail (comparison != NULL, NULL);

  job = g_new0 (TableJob, 1);
  job->comparison = ct_comparison_ref (comparison);
  job->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Only rows some report fills: an empty line helps no reader. */
  for (guint r = 0; r < ct_comparison_get_n_rows (comparison); r++)
    if (ct_comparison_get_row (comparison, r)->n_values > 0)
      g_array_append_val (job->rows, r);
  describe (job);

  operation = _ct_print_operation_new (job->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "ct-print-table-job", job,
                          (GDestroyNotify) table_job_free);
  return operation;
}

void
ct_print_table (GtkWindow    *parent,
                CtComparison *comparison)
{
  g_return_if_fail (comparison != NULL);

  _ct_print_run_dialog (ct_print_table_operation_new (comparison), parent);
}

gboolean
ct_print_table_to_pdf (CtComparison  *comparison,
                       const gchar   *path,
                       GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (comparison != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = ct_print_table_operation_new (comparison);
  return _ct_print_export_pdf (operation, path, error);
}
