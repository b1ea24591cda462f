/* ct-data.c: the one loader for the program's data tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-data.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#define DATA_RESOURCE_PREFIX "/io/github/chitieu/Chitieu/data/"

static void
row_free (gpointer data)
{
  CtDataRow *row = data;

  g_strfreev (row->cols);
  g_free (row);
}

void
ct_data_set_row_error (GError            **error,
                       const CtDataTable  *table,
                       const CtDataRow    *row,
                       const gchar        *problem)
{
  /* TRANSLATORS: "units.tsv, line 12: the scale is not a number". */
  g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
               _("The program's data table %s, line %u: %s. Reinstall Chỉ tiêu or fix the table."),
               table->name, row->line, problem);
}

CtDataTable *
ct_data_table_parse (const gchar  *name,
                     const gchar  *text,
                     gsize         len,
                     guint         min_cols,
                     guint         max_cols,
                     GError      **error)
{
  g_autoptr(CtDataTable) self = g_new0 (CtDataTable, 1);
  const gchar *p = text;
  const gchar *end = text + len;
  guint line = 0;

  self->name = g_strdup (name);
  self->rows = g_ptr_array_new_with_free_func (row_free);

  while (p < end)
    {
      const gchar *nl = memchr (p, '\n', end - p);
      gsize line_len = (nl != NULL ? nl : end) - p;
      g_autofree gchar *copy = NULL;
      CtDataRow *row;

      line++;
      copy = g_strndup (p, line_len);
      p += line_len + (nl != NULL ? 1 : 0);
      g_strchomp (copy);
      if (copy[0] == '\0' || copy[0] == '#')
        continue;

      row = g_new0 (CtDataRow, 1);
      row->line = line;
      row->cols = g_strsplit (copy, "\t", -1);
      row->n_cols = g_strv_length (row->cols);
      g_ptr_array_add (self->rows, row);

      if (!g_utf8_validate (copy, -1, NULL))
        {
          ct_data_set_row_error (error, self, row, _("the text is not valid UTF-8"));
          return NULL;
        }
      if (row->n_cols < min_cols || row->n_cols > max_cols)
        {
          g_autofree gchar *problem = NULL;

          if (max_cols == min_cols)
            problem = g_strdup_printf (_("%u columns where %u are expected"),
                                       row->n_cols, min_cols);
          else
            problem = g_strdup_printf (_("%u columns where at least %u are expected"),
                                       row->n_cols, min_cols);
          ct_data_set_row_error (error, self, row, problem);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

CtDataTable *
ct_data_table_load (const gchar  *name,
                    guint         min_cols,
                    guint         max_cols,
                    GError      **error)
{
  g_autofree gchar *path = g_strconcat (DATA_RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize len = 0;
  const gchar *data;

  if (bytes == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("The program's data table %s is missing; reinstall Chỉ tiêu."), name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  return ct_data_table_parse (name, data, len, min_cols, max_cols, error);
}

void
ct_data_table_free (CtDataTable *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->name);
  g_free (self);
}

const gchar *
ct_data_row_text (const CtDataRow *row,
                  guint            col)
{
  return col < row->n_cols ? row->cols[col] : "";
}

gboolean
ct_data_row_number (const CtDataTable *table,
                    const CtDataRow   *row,
                    guint              col,
                    gdouble           *number,
                    GError           **error)
{
  const gchar *text = ct_data_row_text (row, col);
  gchar *end = NULL;
  gdouble value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (value))
    {
      g_autofree gchar *problem = g_strdup_printf (_("column %u (“%s”) is not a number"),
                                                   col + 1, text);
      ct_data_set_row_error (error, table, row, problem);
      return FALSE;
    }
  *number = value;
  return TRUE;
}

gboolean
ct_data_row_choice (const CtDataTable   *table,
                    const CtDataRow     *row,
                    guint                col,
                    const gchar * const *words,
                    guint               *index,
                    GError             **error)
{
  const gchar *text = ct_data_row_text (row, col);
  g_autofree gchar *allowed = NULL;
  g_autofree gchar *problem = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], text))
      {
        *index = i;
        return TRUE;
      }
  allowed = g_strjoinv (", ", (gchar **) words);
  problem = g_strdup_printf (_("column %u is “%s”, which is none of: %s"),
                             col + 1, text, allowed);
  ct_data_set_row_error (error, table, row, problem);
  return FALSE;
}
