/* test-export-xlsx.c: the Excel workbook, read back with openpyxl
 *
 * Each workbook is checked by tests/check-xlsx.py against what the library
 * holds, taken here through the store's own API (not through the exporter):
 * sheets, every number, the chart's series ranges, the Vietnamese text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ct-error.h"
#include "ct-export-xlsx.h"
#include "ct-export-xlsx-private.h"
#include "ct-format.h"
#include "ct-reader.h"
#include "ct-store.h"
#include "ct-test-util.h"

#define PYTHON "/usr/bin/python3"

/* Two small reports written for this test: figures with plans, stated
 * rates, a year-on-year figure, a budget, and numbers in Vietnamese notation
 * whose full stops are not sentence ends. */
static const gchar nam_dong_text[] =
  "Tình hình kinh tế - xã hội 6 tháng đầu năm 2023 huyện Nam Đông\n"
  "I. Sản xuất nông nghiệp\n"
  "Tổng sản lượng lương thực có hạt đạt 2.703,5 tấn, bằng 98,5% kế hoạch năm. "
  "Tổng đàn lợn ước đạt 12.000 con.\n"
  "II. Thu, chi ngân sách\n"
  "Tổng thu ngân sách nhà nước trên địa bàn đạt 45,2 tỷ đồng, đạt 105,3% dự toán, "
  "bằng 110% so với cùng kỳ.\n";

static const gchar a_luoi_text[] =
  "Tình hình kinh tế - xã hội 6 tháng đầu năm 2023 huyện A Lưới\n"
  "I. Sản xuất nông nghiệp\n"
  "Tổng sản lượng lương thực có hạt đạt 3.150 tấn, đạt 87,2% kế hoạch. "
  "Diện tích trồng rừng mới đạt 1.200 ha.\n"
  "II. Thu, chi ngân sách\n"
  "Tổng thu ngân sách nhà nước trên địa bàn đạt 38 tỷ đồng, đạt 92% dự toán.\n";

typedef struct
{
  const gchar *clause;   /* as it stands in the text */
  const gchar *label;
  const gchar *section;
  gdouble      value;
  const gchar *unit;
  gdouble      plan;
  CtBasis      basis;
  gdouble      rate;
  gdouble      yoy;
  const gchar *status;
  guint        flags;
} FixtureObs;

static const FixtureObs nam_dong_obs[] = {
  { "Tổng sản lượng lương thực có hạt đạt 2.703,5 tấn, bằng 98,5% kế hoạch năm",
    "Tổng sản lượng lương thực có hạt", "I. Sản xuất nông nghiệp",
    2703.5, "tấn", 2744.67, CT_BASIS_PLAN, 98.5, NAN, NULL, 0 },
  { "Tổng đàn lợn ước đạt 12.000 con",
    "Tổng đàn lợn", "I. Sản xuất nông nghiệp",
    12000, "con", NAN, CT_BASIS_NONE, NAN, NAN, NULL, 0 },
  { "Tổng thu ngân sách nhà nước trên địa bàn đạt 45,2 tỷ đồng, đạt 105,3% dự toán, "
    "bằng 110% so với cùng kỳ",
    "Tổng thu ngân sách nhà nước trên địa bàn", "II. Thu, chi ngân sách",
    45.2, "tỷ đồng", 40, CT_BASIS_BUDGET, 105.3, 110, "đạt", CT_FLAG_RATE_MISMATCH },
};

static const FixtureObs a_luoi_obs[] = {
  { "Tổng sản lượng lương thực có hạt đạt 3.150 tấn, đạt 87,2% kế hoạch",
    "Tổng sản lượng lương thực có hạt", "I. Sản xuất nông nghiệp",
    3150, "tấn", 3612.4, CT_BASIS_PLAN, 87.2, NAN, "chưa đạt", 0 },
  { "Diện tích trồng rừng mới đạt 1.200 ha",
    "Diện tích trồng rừng mới", "I. Sản xuất nông nghiệp",
    1200, "ha", NAN, CT_BASIS_NONE, NAN, NAN, NULL, 0 },
  { "Tổng thu ngân sách nhà nước trên địa bàn đạt 38 tỷ đồng, đạt 92% dự toán",
    "Tổng thu ngân sách nhà nước trên địa bàn", "II. Thu, chi ngân sách",
    38, "tỷ đồng", 41.3, CT_BASIS_BUDGET, 92, NAN, NULL, 0 },
};

static void
import_fixture (CtStore          *store,
                const gchar      *source_name,
                const gchar      *text,
                const gchar      *locality,
                const FixtureObs *fixture,
                guint             n_fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, source_name, NULL, &error);
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(CtImportResult) result = NULL;
  CtDocument *doc;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = g_ptr_array_index (docs, 0);

  for (guint i = 0; i < n_fixture; i++)
    {
      CtObservation *obs = ct_observation_new ();
      const gchar *at = strstr (doc->text, fixture[i].clause);

      g_assert_nonnull (at);
      obs->kind = CT_KIND_ACHIEVEMENT;
      obs->label = g_strdup (fixture[i].label);
      obs->section = g_strdup (fixture[i].section);
      obs->value = fixture[i].value;
      obs->unit = g_strdup (fixture[i].unit);
      obs->plan = fixture[i].plan;
      obs->basis = fixture[i].basis;
      obs->rate = fixture[i].rate;
      obs->rate_computed = isnan (fixture[i].plan) ? NAN : fixture[i].value / fixture[i].plan * 100;
      obs->yoy = fixture[i].yoy;
      obs->status = g_strdup (fixture[i].status);
      obs->flags = fixture[i].flags;
      obs->start = at - doc->text;
      obs->end = obs->start + strlen (fixture[i].clause);
      obs->line = ct_document_line_at (doc, obs->start);
      g_ptr_array_add (observations, obs);
    }

  options->locality = g_strdup (locality);
  options->level = g_strdup ("huyện");
  options->province = g_strdup ("Thừa Thiên Huế");
  options->year = 2023;
  options->period = g_strdup ("6 tháng đầu năm");
  result = ct_store_import_document (store, doc, observations, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->status, ==, CT_IMPORT_NEW);
  g_assert_cmpuint (result->n_observations, ==, n_fixture);
}

static CtStore *
open_fixture_store (const gchar *name)
{
  g_autofree gchar *path = ct_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (path, &error);

  g_assert_no_error (error);
  if (ct_store_is_empty (store))
    {
      import_fixture (store, "nam-dong-6t-2023.txt", nam_dong_text, "Nam Đông",
                      nam_dong_obs, G_N_ELEMENTS (nam_dong_obs));
      import_fixture (store, "a-luoi-6t-2023.txt", a_luoi_text, "A Lưới",
                      a_luoi_obs, G_N_ELEMENTS (a_luoi_obs));
    }
  return store;
}

/* ------------------------------------------------------------------ */
/* What the library holds, as JSON for check-xlsx.py                 */
/* ------------------------------------------------------------------ */

static void
add_number (JsonBuilder *b,
            const gchar *name,
            gdouble      value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const gchar *name,
            const gchar *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_strings (JsonBuilder        *b,
             const gchar        *name,
             const gchar *const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* The verdict as the library judged it, in words, and the tint of its band:
 * what the workbook must show beside the rate. */
static void
add_verdict (JsonBuilder         *b,
             const CtCompareCell *cell)
{
  static const gchar *const fills[] = { NULL, "C6EFCE", "FFEB9C", "FFC7CE" };
  const gchar *word = ct_verdict_word (cell->verdict);
  g_autofree gchar *text = NULL;

  if (ct_figure_verdicts_disagree (cell->verdict, cell->reported))
    {
      g_autofree gchar *said = g_strdup_printf (_("(report: %s)"), ct_verdict_word (cell->reported));

      text = word != NULL ? g_strdup_printf ("%s %s", word, said) : g_steal_pointer (&said);
    }
  else
    text = g_strdup (word);
  add_string (b, "verdict", text);
  add_string (b, "fill", isfinite (ct_compare_cell_get_rate (cell))
                         ? fills[ct_compare_cell_get_band (cell)] : NULL);
}

/* A figure that does not convert to the row's unit is written as text. */
static void
add_figure (JsonBuilder *b,
            const gchar *name,
            gdouble      normalized,
            gdouble      as_written,
            const gchar *unit)
{
  /* A figure that does not convert to the row's unit is the number as
   * written, with its unit in the cell's format. */
  if (!isfinite (normalized) && isfinite (as_written))
    {
      g_autofree gchar *unit_key = g_strconcat (name, "_unit", NULL);

      add_number (b, name, as_written);
      if (unit != NULL)
        add_string (b, unit_key, unit);
      return;
    }
  add_number (b, name, normalized);
}

static void
add_text (GHashTable  *texts,
          const gchar *text)
{
  if (text != NULL && *text != '\0')
    g_hash_table_add (texts, g_strdup (text));
}

static void
add_comparison (JsonBuilder  *b,
                CtComparison *comparison,
                gboolean      chart_all_rows,
                GHashTable   *texts)
{
  guint n_rows = ct_comparison_get_n_rows (comparison);
  guint n_columns = ct_comparison_get_n_columns (comparison);

  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < n_columns; c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);

      json_builder_begin_object (b);
      add_string (b, "title", column->title);
      json_builder_end_object (b);
      add_text (texts, column->title);
      add_text (texts, column->locality);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < n_rows; r++)
    {
      const CtCompareRow *row = ct_comparison_get_row (comparison, r);

      json_builder_begin_object (b);
      add_string (b, "code", row->code);
      add_string (b, "name", row->name);
      add_string (b, "unit", row->unit);
      add_text (texts, row->name);
      add_text (texts, row->unit);
      add_text (texts, row->sector);
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
      for (guint c = 0; c < n_columns; c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (comparison, r, c);

          if (cell->observation_id == 0)
            {
              json_builder_add_null_value (b);
              continue;
            }
          json_builder_begin_object (b);
          add_figure (b, "value", cell->value_normalized, cell->value, cell->unit);
          add_figure (b, "plan", cell->plan_normalized, cell->plan, cell->unit);
          add_number (b, "rate", ct_compare_cell_get_rate (cell));
          add_verdict (b, cell);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* The chart shows the indicator query's rows, else the first rows that
   * have a rate somewhere. */
  json_builder_set_member_name (b, "chart_rows");
  json_builder_begin_array (b);
  for (guint r = 0, n = 0; r < n_rows; r++)
    {
      gboolean has_rate = FALSE;

      for (guint c = 0; c < n_columns; c++)
        has_rate |= isfinite (ct_compare_cell_get_rate (ct_comparison_get_cell (comparison, r, c)));
      if (chart_all_rows || (has_rate && n < CT_EXPORT_XLSX_MAX_CHART_ROWS))
        {
          json_builder_add_int_value (b, r);
          n++;
        }
    }
  json_builder_end_array (b);
}

/* With an indicator query, only the observations of its rows. */
static gboolean
row_code_listed (CtComparison *comparison,
                 const gchar  *code)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);

  if (query == NULL || query->indicator == NULL)
    return TRUE;
  if (code == NULL)
    return FALSE;
  return ct_comparison_find_row (comparison, code) >= 0;
}

static void
add_observations (JsonBuilder  *b,
                  CtStore      *store,
                  CtComparison *comparison,
                  GHashTable   *texts)
{
  json_builder_set_member_name (b, "observations");
  json_builder_begin_array (b);
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = ct_store_list_observations (store, column->report_id, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < list->len; i++)
        {
          const CtStoredObservation *stored = g_ptr_array_index (list, i);
          const CtObservation *obs = stored->obs;
          g_autoptr(CtSourceSpan) span = ct_store_get_source (store, stored->id, &error);
          g_autofree gchar *clause = NULL;

          if (!row_code_listed (comparison, stored->indicator_code))
            continue;
          g_assert_no_error (error);
          clause = g_strndup (span->text + span->start, span->end - span->start);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, stored->id);
          json_builder_set_member_name (b, "report");
          json_builder_add_int_value (b, column->report_id);
          add_string (b, "locality", column->locality);
          add_string (b, "period", column->period);
          add_string (b, "section", obs->section);
          add_string (b, "label", obs->label);
          add_string (b, "indicator", stored->not_indicator ? _("not an indicator")
                                                            : stored->indicator_name);
          add_number (b, "value", obs->value);
          add_string (b, "unit", obs->unit);
          add_number (b, "plan", obs->plan);
          add_number (b, "rate", obs->rate);
          add_number (b, "rate_computed", obs->rate_computed);
          add_number (b, "yoy", obs->yoy);
          add_string (b, "status", obs->status);
          json_builder_set_member_name (b, "flags");
          json_builder_add_int_value (b, obs->flags);
          json_builder_set_member_name (b, "corrected");
          json_builder_add_int_value (b, stored->corrected);
          /* The clause is long enough to be specific and short enough to
           * sit inside any sentence the exporter finds around it. */
          add_string (b, "clause", g_utf8_strlen (clause, -1) < 500 ? clause : NULL);
          json_builder_end_object (b);
          add_text (texts, obs->label);
          add_text (texts, obs->section);
          add_text (texts, obs->unit);
          add_text (texts, obs->status);
        }
    }
  json_builder_end_array (b);
}

static void
add_reports (JsonBuilder  *b,
             CtStore      *store,
             CtComparison *comparison,
             GHashTable   *texts)
{
  json_builder_set_member_name (b, "reports");
  json_builder_begin_array (b);
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtReportInfo) info = ct_store_get_report (store, column->report_id, &error);

      g_assert_no_error (error);
      json_builder_begin_object (b);
      add_string (b, "source_name", info->source_name);
      add_string (b, "sha256", info->sha256);
      add_string (b, "imported_at", info->imported_at);
      json_builder_end_object (b);
      add_text (texts, info->source_name);
      add_text (texts, info->province);
      add_text (texts, info->period);
    }
  json_builder_end_array (b);
}

/* Writes EXPECTED.json for the comparison that options (or the default
 * query) gives, in the current UI language. */
static gchar *
write_expected (CtStore               *store,
                const CtExportOptions *options,
                const gchar           *title,
                const gchar           *name)
{
  g_autoptr(CtCompareQuery) all = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  const CtCompareQuery *query = options != NULL && options->query != NULL ? options->query : all;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtComparison) comparison = ct_store_compare (store, query, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gchar *path = ct_test_tmp_path (name);
  const gchar *sheets[] = { _("Comparison"), _("Observations"), _("Reports"), NULL };
  const gchar *subheaders[] = { _("Value"), _("Plan"), _("Rate"), _("Verdict"), NULL };
  const gchar *observation_headers[] = {
    _("Report ID"), _("Locality"), _("Period"), _("Section"), _("Label"), _("Indicator"),
    _("Value"), _("Unit"), _("Plan"), _("Stated rate"), _("Computed rate"),
    _("Year on year"), _("Status"), _("Flags"), _("Corrected"), _("Source sentence"),
    _("Observation ID"), NULL
  };
  const gchar *report_headers[] = { _("Source file"), _("SHA-256"), _("Imported (UTC)"), NULL };
  GHashTableIter iter;
  gpointer text;

  g_assert_no_error (error);
  json_builder_begin_object (b);
  add_strings (b, "sheets", sheets);
  add_strings (b, "subheaders", subheaders);
  add_strings (b, "observation_headers", observation_headers);
  add_strings (b, "report_headers", report_headers);
  add_string (b, "title", title);
  add_comparison (b, comparison, query->indicator != NULL, texts);
  add_observations (b, store, comparison, texts);
  add_reports (b, store, comparison, texts);

  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    json_builder_add_string_value (b, text);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_to_file (gen, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
have_openpyxl (void)
{
  const gchar *argv[] = { PYTHON, "-c", "import openpyxl", NULL };
  gint status = -1;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

/* Runs check-xlsx.py; fails the test with its findings. */
static void
check_workbook (const gchar *xlsx,
                const gchar *expected)
{
  const gchar *script = g_getenv ("CT_CHECK_XLSX");
  const gchar *argv[] = { PYTHON, script, xlsx, expected, NULL };
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  g_autoptr(GError) error = NULL;
  gint status = -1;

  g_assert_nonnull (script);
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-xlsx.py found problems in %s:\n%s%s", xlsx, out, err);
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "ok: "));
}

#define SKIP_WITHOUT_OPENPYXL()                                               \
  G_STMT_START {                                                              \
    if (!have_openpyxl ())                                                    \
      {                                                                       \
        g_test_skip ("needs /usr/bin/python3 with python3-openpyxl");         \
        return;                                                               \
      }                                                                       \
  } G_STMT_END

static guint
count_files (const gchar *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

static void
test_workbook (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("workbook.db");
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("Chỉ tiêu 2023.xlsx");
  g_autofree gchar *expected = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_OPENPYXL ();
  options->title = g_strdup ("Chỉ tiêu 6 tháng đầu năm 2023 — Thừa Thiên Huế");
  g_assert_true (ct_export_xlsx (store, options, xlsx, NULL, &error));
  g_assert_no_error (error);
  expected = write_expected (store, options, options->title, "workbook.json");
  check_workbook (xlsx, expected);
}

static void
test_constant_memory (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("constant.db");
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("constant.xlsx");
  g_autofree gchar *expected = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_OPENPYXL ();
  options->title = g_strdup ("Hằng bộ nhớ");
  options->constant_memory = TRUE;
  g_assert_true (ct_export_xlsx (store, options, xlsx, NULL, &error));
  g_assert_no_error (error);
  expected = write_expected (store, options, options->title, "constant.json");
  check_workbook (xlsx, expected);
}

/* An indicator query: its rows only, all of them charted, and only their
 * observations as evidence. */
static void
test_indicator_query (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("indicator.db");
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("indicator.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = ct_store_list_indicators (store, TRUE, &error);
  const CtIndicatorInfo *first;
  g_autofree gchar *expected = NULL;

  SKIP_WITHOUT_OPENPYXL ();
  g_assert_no_error (error);
  if (indicators->len == 0)
    {
      g_test_skip ("the catalogue matched none of the fixture's labels");
      return;
    }
  first = g_ptr_array_index (indicators, 0);
  options->query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  options->query->indicator = g_strdup (first->code);
  options->title = g_strdup (first->name);
  g_assert_true (ct_export_xlsx (store, options, xlsx, NULL, &error));
  g_assert_no_error (error);
  expected = write_expected (store, options, options->title, "indicator.json");
  check_workbook (xlsx, expected);
}

/* Sheet names and headers follow the UI language. */
static void
test_vietnamese_subprocess (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("so-sanh.xlsx");
  g_autofree gchar *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside /export-xlsx/vietnamese");
      return;
    }
  store = open_fixture_store ("vietnamese.db");
  g_assert_cmpstr (_("Comparison"), ==, "So sánh");
  g_assert_cmpstr (_("Observations"), ==, "Quan sát");
  g_assert_cmpstr (_("Reports"), ==, "Báo cáo");
  options->title = g_strdup ("Báo cáo so sánh");
  g_assert_true (ct_export_xlsx (store, options, xlsx, NULL, &error));
  g_assert_no_error (error);
  expected = write_expected (store, options, options->title, "so-sanh.json");
  check_workbook (xlsx, expected);
}

static void
test_vietnamese (void)
{
  SKIP_WITHOUT_OPENPYXL ();
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_test_trap_subprocess ("/export-xlsx/vietnamese/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

static void
assert_write_fails (CtStore     *store,
                    const gchar *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ct_export_xlsx (store, NULL, path, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_test_message ("%s: %s", path, error->message);
  /* The message names the file and says what to do. */
  g_assert_nonnull (strstr (error->message, "Choose"));
}

static void
test_unwritable (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("unwritable.db");
  g_autofree gchar *dir = ct_test_tmp_path ("unwritable");
  g_autofree gchar *missing = g_build_filename (dir, "no such folder", "x.xlsx", NULL);
  g_autofree gchar *plain = g_build_filename (dir, "plain.txt", NULL);
  g_autofree gchar *under_file = g_build_filename (plain, "x.xlsx", NULL);
  g_autofree gchar *locked = g_build_filename (dir, "locked", NULL);
  g_autofree gchar *in_locked = g_build_filename (locked, "x.xlsx", NULL);
  g_autofree gchar *folder = g_build_filename (dir, "bảng.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_file_set_contents (plain, "x", -1, &error);
  g_assert_no_error (error);

  assert_write_fails (store, missing);
  assert_write_fails (store, under_file);
  assert_write_fails (store, folder); /* a folder named like a workbook */

  /* A read-only folder stops everyone but root. */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (access (locked, W_OK) != 0)
    assert_write_fails (store, in_locked);
  g_chmod (locked, 0755);

  /* Nothing was left behind. */
  g_assert_cmpuint (count_files (dir), ==, 3);
  g_assert_cmpuint (count_files (locked), ==, 0);
}

/* A write that fails half-way (the file-size limit stands in for a full
 * disk: the kernel answers EFBIG as it would ENOSPC) leaves the old file
 * as it was and no temporary file. */
static void
test_full_disk_subprocess (void)
{
  const gchar *db = g_getenv ("CT_XLSX_TEST_DB");
  const gchar *target = g_getenv ("CT_XLSX_TEST_TARGET");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  struct rlimit limit = { 2048, 2048 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs inside /export-xlsx/full-disk");
      return;
    }
  store = ct_store_open (db, &error);
  g_assert_no_error (error);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ct_export_xlsx (store, NULL, target, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_WRITE);
  g_printerr ("%s\n", error->message);
}

static void
test_full_disk (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("full.db");
  g_autofree gchar *db = ct_test_tmp_path ("full.db");
  g_autofree gchar *dir = ct_test_tmp_path ("full");
  g_autofree gchar *target = g_build_filename (dir, "old.xlsx", NULL);
  g_autofree gchar *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_file_set_contents (target, "the previous workbook", -1, &error);
  g_assert_no_error (error);

  g_setenv ("CT_XLSX_TEST_DB", db, TRUE);
  g_setenv ("CT_XLSX_TEST_TARGET", target, TRUE);
  g_test_trap_subprocess ("/export-xlsx/full-disk/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*disk is full*");

  g_assert_cmpuint (count_files (dir), ==, 1);
  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the previous workbook");
}

static void
test_cancelled (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("cancel.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree gchar *dir = ct_test_tmp_path ("cancel");
  g_autofree gchar *target = g_build_filename (dir, "x.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_cancellable_cancel (cancellable);
  g_assert_false (ct_export_xlsx (store, NULL, target, cancellable, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

typedef struct
{
  CtStore  *store;
  gboolean  done;
  gboolean  ok;
  GError   *error;
} AsyncState;

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  (void) source;
  state->ok = ct_export_xlsx_finish (state->store, result, &state->error);
  state->done = TRUE;
}

/* The window's way: a worker thread with its own connection while the main
 * loop runs; a cancellation leaves nothing behind. */
static void
test_async (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("async.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree gchar *xlsx = ct_test_tmp_path ("async.xlsx");
  g_autofree gchar *cancelled = ct_test_tmp_path ("cancelled.xlsx");
  g_autofree gchar *expected = NULL;
  AsyncState state = { store, FALSE, FALSE, NULL };

  SKIP_WITHOUT_OPENPYXL ();
  ct_export_xlsx_async (store, NULL, xlsx, NULL, async_done, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  expected = write_expected (store, NULL, NULL, "async.json");
  check_workbook (xlsx, expected);

  state.done = FALSE;
  g_cancellable_cancel (cancellable);
  ct_export_xlsx_async (store, NULL, cancelled, cancellable, async_done, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (state.error, CT_ERROR, CT_ERROR_CANCELLED);
  g_assert_false (state.ok);
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_clear_error (&state.error);
}

static void
test_no_report (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("empty.db");
  g_autofree gchar *target = ct_test_tmp_path ("empty.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_false (ct_export_xlsx (store, NULL, target, NULL, &error));
  g_assert_error (error, CT_ERROR, CT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* The source sentence runs from the previous sentence end to the next,
 * and the full stops inside "2.703,5" are not sentence ends. */
static void
test_sentence (void)
{
  const gchar *clause = "Tổng đàn lợn ước đạt 12.000 con";
  const gchar *at = strstr (nam_dong_text, clause);
  const gsize len = strlen (nam_dong_text);
  g_autofree gchar *s1 = NULL;
  g_autofree gchar *s2 = NULL;
  g_autofree gchar *s3 = NULL;
  g_autofree gchar *s4 = NULL;
  g_autofree gchar *s5 = NULL;
  const gchar *city = "Thu ngân sách TP. Huế đạt 5 tỷ đồng năm 2023. Chi thường xuyên đạt 3 tỷ đồng! Hết";

  s1 = ct_xlsx_sentence_at (nam_dong_text, len, at - nam_dong_text,
                            at - nam_dong_text + strlen ("Tổng đàn lợn"));
  g_assert_cmpstr (s1, ==, "Tổng đàn lợn ước đạt 12.000 con.");

  at = strstr (nam_dong_text, "2.703,5 tấn");
  s2 = ct_xlsx_sentence_at (nam_dong_text, len, at - nam_dong_text, at - nam_dong_text + 7);
  g_assert_cmpstr (s2, ==, "Tổng sản lượng lương thực có hạt đạt 2.703,5 tấn, "
                           "bằng 98,5% kế hoạch năm.");

  /* A line without a full stop ends at the line break; its numbering
   * "I." is no sentence end. */
  at = strstr (nam_dong_text, "Sản xuất");
  s3 = ct_xlsx_sentence_at (nam_dong_text, len, at - nam_dong_text, at - nam_dong_text + 3);
  g_assert_cmpstr (s3, ==, "I. Sản xuất nông nghiệp");

  /* An abbreviation continues the sentence; a year before a full stop
   * ends it. */
  at = strstr (city, "Huế");
  s4 = ct_xlsx_sentence_at (city, strlen (city), at - city, at - city + 3);
  g_assert_cmpstr (s4, ==, "Thu ngân sách TP. Huế đạt 5 tỷ đồng năm 2023.");
  at = strstr (city, "Chi");
  s5 = ct_xlsx_sentence_at (city, strlen (city), at - city, at - city + 3);
  g_assert_cmpstr (s5, ==, "Chi thường xuyên đạt 3 tỷ đồng!");

  g_assert_null (ct_xlsx_sentence_at (nam_dong_text, len, len + 5, len + 9));
}

static void
test_column_reference (void)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint values[] = { 0, 1, 2, 6, 9, 10 };
  g_autofree gchar *one = NULL;
  g_autofree gchar *many = NULL;

  g_array_append_vals (rows, values, 3);
  one = ct_xlsx_column_reference ("So sánh", 2, rows, 2);
  g_assert_cmpstr (one, ==, "='So sánh'!$C$3:$C$5");

  g_array_append_vals (rows, values + 3, 3);
  many = ct_xlsx_column_reference ("Bà Rịa's", 6, rows, 2);
  g_assert_cmpstr (many, ==, "=('Bà Rịa''s'!$G$3:$G$5,'Bà Rịa''s'!$G$9,'Bà Rịa''s'!$G$12:$G$13)");
}

/* The command line writes the same workbook and reports errors plainly. */
static void
test_cli (void)
{
  g_autoptr(CtStore) store = open_fixture_store ("cli.db");
  g_autofree gchar *db = ct_test_tmp_path ("cli.db");
  g_autofree gchar *xlsx = ct_test_tmp_path ("cli.xlsx");
  g_autofree gchar *bad = ct_test_tmp_path ("missing/cli.xlsx");
  g_autofree gchar *expected = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  const gchar *args[] = { "export", "--db", db, "--output", xlsx, "--year", "2023", NULL };
  const gchar *bad_args[] = { "export", "--db", db, "--output", bad, NULL };
  const gchar *usage_args[] = { "export", "--db", db, NULL };

  SKIP_WITHOUT_OPENPYXL ();
  g_assert_cmpint (ct_test_run_chitieu (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, xlsx));

  options->query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  options->query->year = 2023;
  expected = write_expected (store, options, NULL, "cli.json");
  /* The title is made from the comparison; check-xlsx.py checks its value
   * only when given one. */
  check_workbook (xlsx, expected);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ct_test_run_chitieu (bad_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ct_test_run_chitieu (usage_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
}

/* The five real reports, imported as a user would, then exported. */
static void
test_seeds (void)
{
  const gchar *shared = ct_test_shared_dir ();
  g_autofree gchar *seeds = NULL;
  g_autofree gchar *db = ct_test_tmp_path ("seeds.db");
  g_autofree gchar *xlsx = ct_test_tmp_path ("seeds.xlsx");
  g_autofree gchar *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GDir) dir = NULL;
  const gchar *name;
  guint n = 0;

  SKIP_WITHOUT_OPENPYXL ();
  if (shared == NULL)
    {
      g_test_skip ("no shared folder (CT_SHARED_DIR)");
      return;
    }
  seeds = g_build_filename (shared, "seeds", NULL);
  dir = g_dir_open (seeds, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no seeds in the shared folder");
      return;
    }

  store = ct_store_open (db, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (seeds, name, NULL);
      g_autoptr(GPtrArray) results = ct_store_import_file (store, path, NULL, NULL, NULL, NULL, &error);

      /* A report that does not name its locality gets one, as the import
       * dialog would ask the user for; the file name stands in here. */
      if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_METADATA))
        {
          g_autoptr(CtImportOptions) options = ct_import_options_new ();

          g_clear_error (&error);
          options->locality = g_strndup (name, strcspn (name, "."));
          results = ct_store_import_file (store, path, options, NULL, NULL, NULL, &error);
        }
      /* Placing reports is the reader's work, tested elsewhere; one it
       * cannot date is left out here. */
      if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_METADATA))
        {
          g_test_message ("left out: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      n += results->len;
    }
  if (n == 0)
    {
      g_test_skip ("the reader could not place any seed");
      return;
    }

  g_assert_true (ct_export_xlsx (store, NULL, xlsx, NULL, &error));
  g_assert_no_error (error);
  expected = write_expected (store, NULL, NULL, "seeds.json");
  check_workbook (xlsx, expected);
}

int
main (int   argc,
      char *argv[])
{
  /* Translations come from the build tree; LANGUAGE picks the language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CHITIEU_LOCALEDIR") != NULL
                                   ? g_getenv ("CHITIEU_LOCALEDIR") : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-xlsx/workbook", test_workbook);
  g_test_add_func ("/export-xlsx/constant-memory", test_constant_memory);
  g_test_add_func ("/export-xlsx/indicator-query", test_indicator_query);
  g_test_add_func ("/export-xlsx/vietnamese", test_vietnamese);
  g_test_add_func ("/export-xlsx/vietnamese/subprocess", test_vietnamese_subprocess);
  g_test_add_func ("/export-xlsx/unwritable", test_unwritable);
  g_test_add_func ("/export-xlsx/full-disk", test_full_disk);
  g_test_add_func ("/export-xlsx/full-disk/subprocess", test_full_disk_subprocess);
  g_test_add_func ("/export-xlsx/cancelled", test_cancelled);
  g_test_add_func ("/export-xlsx/no-report", test_no_report);
  g_test_add_func ("/export-xlsx/async", test_async);
  g_test_add_func ("/export-xlsx/sentence", test_sentence);
  g_test_add_func ("/export-xlsx/column-reference", test_column_reference);
  g_test_add_func ("/export-xlsx/cli", test_cli);
  g_test_add_func ("/export-xlsx/seeds", test_seeds);

  return g_test_run ();
}
