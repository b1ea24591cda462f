/* ct-export-xlsx-cells.c: formats, cells and references shared by the sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ct-export-xlsx-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

void
ct_xlsx_formats_init (CtXlsxFormats *formats,
                      lxw_workbook  *workbook)
{
  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 12);
  format_set_text_wrap (formats->title);
  format_set_align (formats->title, LXW_ALIGN_VERTICAL_CENTER);

  formats->group = workbook_add_format (workbook);
  format_set_bold (formats->group);
  format_set_text_wrap (formats->group);
  format_set_align (formats->group, LXW_ALIGN_CENTER);
  format_set_align (formats->group, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (formats->group, 0xDDEBF7);
  format_set_border (formats->group, LXW_BORDER_THIN);

  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_text_wrap (formats->header);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (formats->header, 0xF2F2F2);
  format_set_bottom (formats->header, LXW_BORDER_THIN);

  formats->integer = workbook_add_format (workbook);
  format_set_num_format (formats->integer, "#,##0");

  /* "#,##0.##" alone would print "1,234." for whole numbers, hence the
   * separate integer format. */
  formats->decimal = workbook_add_format (workbook);
  format_set_num_format (formats->decimal, "#,##0.##");

  formats->percent = workbook_add_format (workbook);
  format_set_num_format (formats->percent, "0.0%");

  for (guint b = 0; b < G_N_ELEMENTS (formats->percent_band); b++)
    {
      /* Green, yellow, red as light fills that keep black text legible. */
      static const lxw_color_t fills[] = { 0, 0xC6EFCE, 0xFFEB9C, 0xFFC7CE };

      formats->percent_band[b] = workbook_add_format (workbook);
      format_set_num_format (formats->percent_band[b], "0.0%");
      if (fills[b] != 0)
        format_set_bg_color (formats->percent_band[b], fills[b]);
    }

  formats->datetime = workbook_add_format (workbook);
  format_set_num_format (formats->datetime, "dd/mm/yyyy hh:mm");
  format_set_align (formats->datetime, LXW_ALIGN_LEFT);

  formats->workbook = workbook;
  formats->by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
ct_xlsx_formats_clear (CtXlsxFormats *formats)
{
  /* The lxw_formats themselves belong to the workbook. */
  g_clear_pointer (&formats->by_unit, g_hash_table_unref);
}

void
ct_xlsx_write_number_in_unit (lxw_worksheet       *sheet,
                              const CtXlsxFormats *formats,
                              lxw_row_t            row,
                              lxw_col_t            col,
                              gdouble              value,
                              const gchar         *unit)
{
  gboolean whole = value == floor (value);
  g_autofree gchar *key = NULL;
  lxw_format *format;

  if (!isfinite (value))
    return;
  if (unit == NULL || *unit == '\0')
    {
      ct_xlsx_write_number (sheet, formats, row, col, value);
      return;
    }
  key = g_strdup_printf ("%s\x1f%d", unit, whole);
  format = g_hash_table_lookup (formats->by_unit, key);
  if (format == NULL)
    {
      g_autofree gchar *quoted = g_strdup (unit);
      g_autofree gchar *code = NULL;

      /* The unit is literal text of the format: no quote may end it early. */
      g_strdelimit (quoted, "\"\\", '\'');
      code = g_strdup_printf ("%s \"%s\"", whole ? "#,##0" : "#,##0.##", quoted);
      format = workbook_add_format (formats->workbook);
      format_set_num_format (format, code);
      g_hash_table_insert (formats->by_unit, g_steal_pointer (&key), format);
    }
  worksheet_write_number (sheet, row, col, value, format);
}

void
ct_xlsx_set_page_setup (lxw_worksheet *sheet,
                        lxw_row_t      header_rows,
                        lxw_row_t      last_row,
                        lxw_col_t      last_col)
{
  /* TRANSLATORS: the footer of printed workbook pages; &P is the page,
   * &N the number of pages, &C centres the text (Excel's codes) */
  const gchar *footer = _("&CPage &P of &N");

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);  /* A4 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.5, 0.6);
  worksheet_fit_to_pages (sheet, 1, 0);
  if (header_rows > 0)
    worksheet_repeat_rows (sheet, 0, header_rows - 1);
  worksheet_print_area (sheet, 0, 0, last_row, last_col);
  worksheet_set_footer (sheet, footer);
}

void
ct_xlsx_write_text (lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const gchar   *text,
                    lxw_format    *format)
{
  gsize len;

  if (text == NULL || *text == '\0')
    return;
  /* A library written before names were checked may still hold raw bytes;
   * one invalid byte would make the whole sheet unreadable XML. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree gchar *valid = g_utf8_make_valid (text, -1);

      ct_xlsx_write_text (sheet, row, col, valid, format);
      return;
    }

  len = strlen (text);
  if (len > CT_XLSX_MAX_CELL_BYTES)
    {
      const gchar *cut = g_utf8_find_prev_char (text, text + CT_XLSX_MAX_CELL_BYTES);
      g_autofree gchar *copy = g_strndup (text, cut != NULL ? (gsize) (cut - text) : 0);

      worksheet_write_string (sheet, row, col, copy, format);
      return;
    }
  worksheet_write_string (sheet, row, col, text, format);
}

void
ct_xlsx_write_number (lxw_worksheet       *sheet,
                      const CtXlsxFormats *formats,
                      lxw_row_t            row,
                      lxw_col_t            col,
                      gdouble              value)
{
  if (!isfinite (value))
    return;
  worksheet_write_number (sheet, row, col, value,
                          value == floor (value) ? formats->integer : formats->decimal);
}

void
ct_xlsx_write_percent (lxw_worksheet       *sheet,
                       const CtXlsxFormats *formats,
                       lxw_row_t            row,
                       lxw_col_t            col,
                       gdouble              percent)
{
  if (!isfinite (percent))
    return;
  worksheet_write_number (sheet, row, col, percent / 100.0, formats->percent);
}

/* The word before a full stop at i: list numbering at the start of a line
 * ("I.", "2.", "1.2.", "a.") or a short capitalised abbreviation ("TP.",
 * "TX.") does not end a sentence. */
static gboolean
is_abbreviation (const gchar *text,
                 gsize        i)
{
  gsize j = i;
  gboolean numbering = TRUE;
  gboolean capitals = TRUE;

  while (j > 0 && text[j - 1] != ' ' && text[j - 1] != '\n' && text[j - 1] != '\t')
    j--;
  if (j == i)
    return FALSE;
  for (gsize k = j; k < i; k++)
    {
      numbering &= g_ascii_isdigit (text[k]) || text[k] == '.' || strchr ("IVXL", text[k]) != NULL;
      capitals &= g_ascii_isupper (text[k]);
    }
  if ((j == 0 || text[j - 1] == '\n') && (numbering || (i - j == 1 && g_ascii_isalpha (text[j]))))
    return TRUE;
  return capitals && i - j <= 3;
}

/* A full stop followed by a space ends a sentence; one between digits
 * ("2.703,5"), after numbering or an abbreviation does not. */
static gboolean
is_terminator (const gchar *text,
               gsize        text_len,
               gsize        i)
{
  if (text[i] == '\n')
    return TRUE;
  if (text[i] != '.' && text[i] != '!' && text[i] != '?')
    return FALSE;
  if (i + 1 < text_len && !g_ascii_isspace (text[i + 1]))
    return FALSE;
  return text[i] != '.' || !is_abbreviation (text, i);
}

gchar *
ct_xlsx_sentence_at (const gchar *text,
                     gsize        text_len,
                     gsize        start,
                     gsize        end)
{
  gsize s, e;

  if (text == NULL || start >= text_len)
    return NULL;
  s = start;
  e = MIN (MAX (end, start), text_len);

  while (s > 0 && !is_terminator (text, text_len, s - 1))
    s--;
  /* The clause may itself end the sentence. */
  while (e < text_len && (e == s || !is_terminator (text, text_len, e - 1)))
    e++;
  while (s < e && g_ascii_isspace (text[s]))
    s++;
  while (e > s && g_ascii_isspace (text[e - 1]))
    e--;

  /* Offsets come from the store; never cut a character in two. */
  if (!g_utf8_validate (text + s, (gssize) (e - s), NULL))
    return NULL;
  return g_strndup (text + s, e - s);
}

static void
append_quoted_sheet (GString     *out,
                     const gchar *sheet_name)
{
  g_string_append_c (out, '\'');
  for (const gchar *p = sheet_name; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append (out, "'!");
}

gchar *
ct_xlsx_column_reference (const gchar *sheet_name,
                          lxw_col_t    col,
                          GArray      *rows,
                          lxw_row_t    first_row)
{
  GString *out = g_string_new ("=");
  guint n_runs = 0;
  gsize open_at;

  g_return_val_if_fail (rows != NULL && rows->len > 0, NULL);

  g_string_append_c (out, '(');
  open_at = out->len;
  for (guint i = 0; i < rows->len;)
    {
      guint j = i;
      gchar cell[LXW_MAX_CELL_NAME_LENGTH];

      while (j + 1 < rows->len
             && g_array_index (rows, guint, j + 1) == g_array_index (rows, guint, j) + 1)
        j++;

      if (n_runs > 0)
        g_string_append_c (out, ',');
      append_quoted_sheet (out, sheet_name);
      lxw_rowcol_to_cell_abs (cell, first_row + g_array_index (rows, guint, i), col, 1, 1);
      g_string_append (out, cell);
      if (j > i)
        {
          lxw_rowcol_to_cell_abs (cell, first_row + g_array_index (rows, guint, j), col, 1, 1);
          g_string_append_c (out, ':');
          g_string_append (out, cell);
        }
      n_runs++;
      i = j + 1;
    }

  /* A single area needs no union parentheses. */
  if (n_runs == 1)
    g_string_erase (out, open_at - 1, 1);
  else
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

gboolean
ct_xlsx_set_error_if_cancelled (GCancellable  *cancellable,
                                GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error (error, CT_ERROR, CT_ERROR_CANCELLED,
               _("The export was cancelled; no workbook was written."));
  return TRUE;
}
