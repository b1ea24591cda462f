/* ct-export-xlsx-matrix.c: the comparison sheet and its chart of rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ct-export-xlsx.h"
#include "ct-export-xlsx-private.h"
#include "ct-store-compare-reform.h"
#include "ct-format.h"
#include "ct-i18n.h"

/* Default chart is 480 × 288 pixels; these give room per bar. */
#define CHART_MIN_WIDTH   720.0
#define CHART_MAX_WIDTH   2400.0
#define CHART_BAR_WIDTH   14.0
#define CHART_HEIGHT      420.0
#define CHART_ROWS        22   /* rows of 20 px the chart covers, for the print area */

static lxw_col_t
value_col (guint column)
{
  return CT_XLSX_MATRIX_FIRST_DATA + column * CT_XLSX_MATRIX_SUBCOLUMNS;
}

/* A figure that does not convert to the row's unit is shown as written
 * ("12 con") rather than as a number in the wrong unit; it stays a number,
 * its unit in the cell's format. */
static void
write_figure (lxw_worksheet       *sheet,
              const CtXlsxFormats *formats,
              lxw_row_t            row,
              lxw_col_t            col,
              gdouble              normalized,
              gdouble              as_written,
              const gchar         *unit)
{
  if (isfinite (normalized))
    ct_xlsx_write_number (sheet, formats, row, col, normalized);
  else if (isfinite (as_written))
    ct_xlsx_write_number_in_unit (sheet, formats, row, col, as_written, unit);
}

/* The rate on its verdict's tint and the verdict in words (the report's
 * own beside it when it disagrees): what the window's cell shows. */
static void
write_rate (lxw_worksheet       *sheet,
            const CtXlsxFormats *formats,
            lxw_row_t            row,
            lxw_col_t            first,
            const CtCompareCell *cell)
{
  gdouble rate = ct_compare_cell_get_rate (cell);
  const gchar *word = ct_verdict_word (cell->verdict);

  if (isfinite (rate))
    worksheet_write_number (sheet, row, first + 2, rate / 100.0,
                            formats->percent_band[ct_compare_cell_get_band (cell)]);
  if (ct_figure_verdicts_disagree (cell->verdict, cell->reported))
    {
      g_autofree gchar *said = g_strdup_printf (_("(report: %s)"), ct_verdict_word (cell->reported));
      g_autofree gchar *text = word != NULL ? g_strdup_printf ("%s %s", word, said) : g_strdup (said);

      ct_xlsx_write_text (sheet, row, first + 3, text, NULL);
    }
  else if (word != NULL)
    ct_xlsx_write_text (sheet, row, first + 3, word, NULL);
}

static void
write_headers (lxw_worksheet       *sheet,
               const CtXlsxFormats *formats,
               const gchar         *title,
               CtComparison        *comparison)
{
  guint n_columns = ct_comparison_get_n_columns (comparison);

  worksheet_set_row (sheet, 0, 48, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, CT_XLSX_MATRIX_COL_UNIT, title, formats->title);
  for (guint c = 0; c < n_columns; c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);

      worksheet_merge_range (sheet, 0, value_col (c),
                             0, value_col (c) + CT_XLSX_MATRIX_SUBCOLUMNS - 1,
                             column->title, formats->group);
    }

  worksheet_set_row (sheet, 1, 30, NULL);
  worksheet_write_string (sheet, 1, CT_XLSX_MATRIX_COL_SECTOR, _("Sector"), formats->header);
  worksheet_write_string (sheet, 1, CT_XLSX_MATRIX_COL_CODE, _("Code"), formats->header);
  worksheet_write_string (sheet, 1, CT_XLSX_MATRIX_COL_NAME, _("Indicator"), formats->header);
  worksheet_write_string (sheet, 1, CT_XLSX_MATRIX_COL_UNIT, _("Unit"), formats->header);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (sheet, 1, value_col (c), _("Value"), formats->header);
      worksheet_write_string (sheet, 1, value_col (c) + 1, _("Plan"), formats->header);
      worksheet_write_string (sheet, 1, value_col (c) + 2, _("Rate"), formats->header);
      worksheet_write_string (sheet, 1, value_col (c) + 3, _("Verdict"), formats->header);
    }
}

static void
write_rows (lxw_worksheet       *sheet,
            const CtXlsxFormats *formats,
            CtComparison        *comparison)
{
  guint n_rows = ct_comparison_get_n_rows (comparison);
  guint n_columns = ct_comparison_get_n_columns (comparison);

  for (guint r = 0; r < n_rows; r++)
    {
      const CtCompareRow *row = ct_comparison_get_row (comparison, r);
      lxw_row_t xr = CT_XLSX_MATRIX_FIRST_ROW + r;

      ct_xlsx_write_text (sheet, xr, CT_XLSX_MATRIX_COL_SECTOR,
                          row->sector != NULL ? row->sector : _("Unclassified"), NULL);
      ct_xlsx_write_text (sheet, xr, CT_XLSX_MATRIX_COL_CODE, row->code, NULL);
      ct_xlsx_write_text (sheet, xr, CT_XLSX_MATRIX_COL_NAME, row->name, NULL);
      ct_xlsx_write_text (sheet, xr, CT_XLSX_MATRIX_COL_UNIT, row->unit, NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (comparison, r, c);

          if (cell->observation_id == 0)
            continue;
          write_figure (sheet, formats, xr, value_col (c),
                        cell->value_normalized, cell->value, cell->unit);
          write_figure (sheet, formats, xr, value_col (c) + 1,
                        cell->plan_normalized, cell->plan, cell->unit);
          write_rate (sheet, formats, xr, value_col (c), cell);
        }
    }
}

static void
add_chart (lxw_workbook  *workbook,
           lxw_worksheet *sheet,
           const gchar   *sheet_name,
           CtComparison  *comparison,
           GArray        *chart_rows)
{
  guint n_columns = MIN (ct_comparison_get_n_columns (comparison),
                         CT_EXPORT_XLSX_MAX_CHART_SERIES);
  lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  g_autofree gchar *categories = ct_xlsx_column_reference (sheet_name, CT_XLSX_MATRIX_COL_NAME,
                                                           chart_rows, CT_XLSX_MATRIX_FIRST_ROW);
  lxw_chart_options placement = { 0 };
  gdouble width;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree gchar *values = ct_xlsx_column_reference (sheet_name, value_col (c) + 2,
                                                           chart_rows, CT_XLSX_MATRIX_FIRST_ROW);
      g_autoptr(GArray) title_row = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree gchar *name = NULL;
      guint zero = 0;
      lxw_chart_series *series;

      /* The series is named by the report title above its sub-columns. */
      g_array_append_val (title_row, zero);
      name = ct_xlsx_column_reference (sheet_name, value_col (c), title_row, 0);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, name);
    }

  chart_title_set_name (chart, _("Achievement rate, percent of plan"));
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_axis_set_name (chart->y_axis, _("Percent of plan"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);

  width = CLAMP (200.0 + CHART_BAR_WIDTH * chart_rows->len * MAX (n_columns, 1),
                 CHART_MIN_WIDTH, CHART_MAX_WIDTH);
  placement.x_scale = width / 480.0;
  placement.y_scale = CHART_HEIGHT / 288.0;
  worksheet_insert_chart_opt (sheet,
                              CT_XLSX_MATRIX_FIRST_ROW + ct_comparison_get_n_rows (comparison) + 2,
                              CT_XLSX_MATRIX_COL_NAME, chart, &placement);
}

void
ct_xlsx_write_comparison (lxw_workbook        *workbook,
                          const CtXlsxFormats *formats,
                          const gchar         *sheet_name,
                          const gchar         *title,
                          CtComparison        *comparison,
                          GArray              *chart_rows)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, sheet_name);
  guint n_rows = ct_comparison_get_n_rows (comparison);
  guint n_columns = ct_comparison_get_n_columns (comparison);
  lxw_col_t last_col = n_columns > 0 ? value_col (n_columns) - 1 : CT_XLSX_MATRIX_COL_UNIT;

  worksheet_set_column (sheet, CT_XLSX_MATRIX_COL_SECTOR, CT_XLSX_MATRIX_COL_SECTOR, 24, NULL);
  worksheet_set_column (sheet, CT_XLSX_MATRIX_COL_CODE, CT_XLSX_MATRIX_COL_CODE, 18, NULL);
  worksheet_set_column (sheet, CT_XLSX_MATRIX_COL_NAME, CT_XLSX_MATRIX_COL_NAME, 46, NULL);
  worksheet_set_column (sheet, CT_XLSX_MATRIX_COL_UNIT, CT_XLSX_MATRIX_COL_UNIT, 12, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet, value_col (c), value_col (c) + 1, 13, NULL);
      worksheet_set_column (sheet, value_col (c) + 2, value_col (c) + 2, 9, NULL);
      worksheet_set_column (sheet, value_col (c) + 3, value_col (c) + 3, 14, NULL);
    }

  write_headers (sheet, formats, title, comparison);
  write_rows (sheet, formats, comparison);

  worksheet_freeze_panes (sheet, CT_XLSX_MATRIX_FIRST_ROW, CT_XLSX_MATRIX_FIRST_DATA);
  worksheet_autofilter (sheet, CT_XLSX_MATRIX_FIRST_ROW - 1, 0,
                        CT_XLSX_MATRIX_FIRST_ROW - 1 + n_rows, last_col);
  {
    g_autofree gchar *reform = ct_comparison_reform_note (comparison);

    /* Right under the table, above the chart, where the figures are read. */
    if (reform != NULL)
      worksheet_write_string (sheet, CT_XLSX_MATRIX_FIRST_ROW + n_rows + 1, CT_XLSX_MATRIX_COL_SECTOR,
                              reform, NULL);
  }

  if (chart_rows != NULL && chart_rows->len > 0 && n_columns > 0)
    {
      /* The chart starts a page of its own rather than being cut by one. */
      lxw_row_t chart_row = CT_XLSX_MATRIX_FIRST_ROW + n_rows + 2;
      lxw_row_t breaks[] = { chart_row, 0 };

      add_chart (workbook, sheet, sheet_name, comparison, chart_rows);
      worksheet_set_h_pagebreaks (sheet, breaks);
      ct_xlsx_set_page_setup (sheet, CT_XLSX_MATRIX_FIRST_ROW, chart_row + CHART_ROWS, last_col);
    }
  else
    ct_xlsx_set_page_setup (sheet, CT_XLSX_MATRIX_FIRST_ROW,
                            CT_XLSX_MATRIX_FIRST_ROW - 1 + MAX (n_rows, 1), last_col);
}
