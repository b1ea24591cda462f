/* ct-data.h: the one loader for the program's data tables
 *
 * Knowledge lives in tab-separated tables under resources/data (units,
 * keywords, the indicator catalogue, header words …), compiled into the
 * core's resources. Every table is read here: '#' starts a comment line,
 * empty lines are skipped, each row keeps the line it came from so that an
 * error names the file and the line. Typed accessors check a column as they
 * read it (a number, one word of a closed list), so a typo in a table is an
 * error at start-up rather than a rule silently switched off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;    /* 1-based line in the table's file */
  guint   n_cols;
  gchar **cols;    /* n_cols strings, NULL-terminated */
} CtDataRow;

typedef struct
{
  gchar     *name;  /* file name, e.g. "units.tsv" */
  GPtrArray *rows;  /* CtDataRow * */
} CtDataTable;

/* Parses @len bytes of @text as the table @name. Every row must have
 * between @min_cols and @max_cols columns (G_MAXUINT: no upper bound) and
 * valid UTF-8; otherwise CT_ERROR_CORRUPT naming @name and the line. */
CtDataTable *ct_data_table_parse   (const gchar  *name,
                                    const gchar  *text,
                                    gsize         len,
                                    guint         min_cols,
                                    guint         max_cols,
                                    GError      **error);
/* The table @name of the program's resources (resources/data/@name). */
CtDataTable *ct_data_table_load    (const gchar  *name,
                                    guint         min_cols,
                                    guint         max_cols,
                                    GError      **error);
void         ct_data_table_free    (CtDataTable  *self);

/* Column @col of @row, or "" when the row is shorter. */
const gchar *ct_data_row_text      (const CtDataRow *row,
                                    guint            col);
/* Column @col as a finite number; CT_ERROR_CORRUPT naming table and line
 * when it is not one. */
gboolean     ct_data_row_number    (const CtDataTable *table,
                                    const CtDataRow   *row,
                                    guint              col,
                                    gdouble           *number,
                                    GError           **error);
/* Column @col as one of @words (NULL-terminated); *index is its position.
 * Anything else is CT_ERROR_CORRUPT listing the words allowed. */
gboolean     ct_data_row_choice    (const CtDataTable   *table,
                                    const CtDataRow     *row,
                                    guint                col,
                                    const gchar * const *words,
                                    guint               *index,
                                    GError             **error);
/* An error about @row of @table in the same words as the accessors'. */
void         ct_data_set_row_error (GError            **error,
                                    const CtDataTable  *table,
                                    const CtDataRow    *row,
                                    const gchar        *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDataTable, ct_data_table_free)

G_END_DECLS
