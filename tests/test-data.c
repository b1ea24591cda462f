/* test-data.c: every data table the program ships loads, and a bad row is an
 * error that names the table and the line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "ct-catalog.h"
#include "ct-catalog-unit.h"
#include "ct-data.h"
#include "ct-error.h"
#include "ct-extract-private.h"
#include "ct-observation.h"
#include "ct-reader-private.h"
#include "ct-test-util.h"

/* The tables compiled into the program, each read by its own reader. */
static void
test_shipped_tables_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtUnitTable) units = ct_unit_table_new_default (&error);
  CtKeywords *keywords;
  g_autoptr(CtCatalog) catalog = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (units);
  keywords = ct_keywords_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (keywords);
  ct_keywords_free (keywords);
  catalog = ct_catalog_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_true (ct_reader_check_tables (&error));
  g_assert_no_error (error);
  g_assert_true (ct_status_check_table (&error));
  g_assert_no_error (error);
  /* the keywords' status words all have a meaning */
  g_assert_cmpint (ct_status_meaning ("vượt"), ==, CT_STATUS_EXCEEDED);
  g_assert_cmpint (ct_status_meaning ("không đạt"), ==, CT_STATUS_NOT_MET);
  g_assert_cmpint (ct_status_meaning ("đang thực hiện"), ==, CT_STATUS_IN_PROGRESS);
  g_assert_cmpint (ct_status_meaning ("tốt"), ==, CT_STATUS_NONE);
}

static void
assert_names_line (const GError *error,
                   const gchar  *table,
                   guint         line)
{
  g_autofree gchar *where = g_strdup_printf ("%s, line %u", table, line);

  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  if (strstr (error->message, where) == NULL)
    g_error ("“%s” does not name “%s”", error->message, where);
}

static void
test_parse_rows_keep_lines (void)
{
  static const gchar text[] = "# comment\n\nmột\thai\n# more\nba\tbốn\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_parse ("t.tsv", text, strlen (text), 2, 2, &error);
  const CtDataRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (ct_data_row_text (row, 1), ==, "bốn");
  g_assert_cmpstr (ct_data_row_text (row, 7), ==, "");
}

static void
test_wrong_column_count (void)
{
  static const gchar text[] = "a\tb\n\na\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_parse ("x.tsv", text, strlen (text), 2, 2, &error);

  g_assert_null (table);
  assert_names_line (error, "x.tsv", 3);
}

static void
test_invalid_utf8 (void)
{
  static const gchar text[] = "ok\n\xff\xfe\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_parse ("x.tsv", text, strlen (text), 1, 1, &error);

  g_assert_null (table);
  assert_names_line (error, "x.tsv", 2);
}

/* A status the table does not know is refused where the keywords map to it. */
static void
test_keyword_unknown_status (void)
{
  static const gchar text[] = "status\tđã xong\txong\n";
  g_autoptr(GError) error = NULL;
  CtKeywords *keywords = ct_keywords_new_from_data (text, strlen (text), &error);

  g_assert_null (keywords);
  assert_names_line (error, "keywords.tsv", 1);
}

/* A typo in a keyword's value used to switch its rule off in silence. */
static void
test_keyword_value_typo (void)
{
  static const gchar text[] = "rate_verb\tđạt\t-\nrate_verb\tvượt\tovr\n";
  g_autoptr(GError) error = NULL;
  CtKeywords *keywords = ct_keywords_new_from_data (text, strlen (text), &error);

  g_assert_null (keywords);
  assert_names_line (error, "keywords.tsv", 2);
  g_assert_nonnull (strstr (error->message, "ovr"));
  g_assert_nonnull (strstr (error->message, "over"));
}

static void
test_keyword_unknown_category (void)
{
  static const gchar text[] = "rate_verbs\tđạt\t-\n";
  g_autoptr(GError) error = NULL;
  CtKeywords *keywords = ct_keywords_new_from_data (text, strlen (text), &error);

  g_assert_null (keywords);
  assert_names_line (error, "keywords.tsv", 1);
}

/* Free-text values (a qualifier is kept as written) accept any word. */
static void
test_keyword_free_value (void)
{
  static const gchar text[] = "qualifier\txấp xỉ\txấp xỉ\nstatus\tchưa đạt\tchưa đạt\n";
  g_autoptr(GError) error = NULL;
  CtKeywords *keywords = ct_keywords_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  ct_keywords_free (keywords);
}

static void
test_unit_bad_scale_and_kind (void)
{
  static const gchar scale[] = "ha\tarea\t1\t-\nmẫu\tarea\tmột\t-\n";
  static const gchar kind[] = "ha\tarea\t1\tland\n";
  g_autoptr(GError) error = NULL;
  CtUnitTable *table = ct_unit_table_new_from_data (scale, strlen (scale), &error);

  g_assert_null (table);
  assert_names_line (error, "units.tsv", 2);
  g_clear_error (&error);
  table = ct_unit_table_new_from_data (kind, strlen (kind), &error);
  g_assert_null (table);
  assert_names_line (error, "units.tsv", 1);
}

static void
test_catalog_bad_direction (void)
{
  static const gchar text[] = "# header\nX_A\tA\tA\tS\tha\tyes\n";
  g_autoptr(GError) error = NULL;
  CtCatalog *catalog = ct_catalog_new_from_data (text, strlen (text), NULL, &error);

  g_assert_null (catalog);
  assert_names_line (error, "indicators.tsv", 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/data/shipped-tables-load", test_shipped_tables_load);
  g_test_add_func ("/data/parse-rows-keep-lines", test_parse_rows_keep_lines);
  g_test_add_func ("/data/wrong-column-count", test_wrong_column_count);
  g_test_add_func ("/data/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/data/keyword-value-typo", test_keyword_value_typo);
  g_test_add_func ("/data/keyword-unknown-category", test_keyword_unknown_category);
  g_test_add_func ("/data/keyword-free-value", test_keyword_free_value);
  g_test_add_func ("/data/keyword-unknown-status", test_keyword_unknown_status);
  g_test_add_func ("/data/unit-bad-scale-and-kind", test_unit_bad_scale_and_kind);
  g_test_add_func ("/data/catalog-bad-direction", test_catalog_bad_direction);
  return g_test_run ();
}
