/* test-seeds-import.c: the library's done-when checks on the real reports
 *
 * Imports the five seeds in ../shared through `chitieu import`, then checks
 * what a user would: every observation `chitieu extract` prints is stored,
 * a second import adds nothing, the grain comparison shows Nam Đông 2020 and
 * 2023 side by side, and most achievements with a rate map to the catalogue.
 * Skips when the shared folder is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ct-catalog-qualifier.h"
#include "ct-store-compare.h"
#include "ct-store.h"
#include "ct-test-util.h"

static gchar *db_path;
static gchar *seeds[5];

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const gchar * const *) a, *(const gchar * const *) b);
}

static gboolean
have_seeds (void)
{
  const gchar *shared = ct_test_shared_dir ();
  g_autofree gchar *dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;

  if (seeds[0] != NULL)
    return TRUE;
  if (shared == NULL)
    return FALSE;
  dir = g_build_filename (shared, "seeds", NULL);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  if (names->len != G_N_ELEMENTS (seeds))
    return FALSE;
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    seeds[i] = g_strdup (g_ptr_array_index (names, i));
  return TRUE;
}

static gint
run (const gchar * const *args,
     gchar              **out)
{
  g_autofree gchar *err = NULL;
  gint status = ct_test_run_chitieu (args, out, &err);

  if (status != 0)
    g_test_message ("chitieu %s: exit %d: %s", args[0], status, err);
  return status;
}

/* Imports all five seeds once per process; 000 needs its locality. */
static void
import_seeds (void)
{
  g_autofree gchar *out = NULL;
  const gchar *first[] = { "import", "--db", db_path, "--locality", "Nam Đông",
                           "--province", "Thừa Thiên Huế", seeds[0], NULL };
  const gchar *rest[] = { "import", "--db", db_path, seeds[1], seeds[2], seeds[3], seeds[4], NULL };

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    return;
  g_assert_cmpint (run (first, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (rest, &out), ==, 0);
}

static CtStore *
open_library (void)
{
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (db_path, &error);

  g_assert_no_error (error);
  return store;
}

/* The stored report whose source name ends like path. */
static const CtReportInfo *
report_for (GPtrArray   *reports,
            const gchar *path)
{
  g_autofree gchar *base = g_path_get_basename (path);

  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (reports, i);

      if (g_str_has_suffix (r->source_name, base))
        return r;
    }
  return NULL;
}

static gchar *
key_of (gint64       line,
        const gchar *kind,
        gdouble      value,
        const gchar *unit,
        gdouble      rate,
        const gchar *section)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%.6g|%s|%.6g|%s", line, kind,
                          value, unit != NULL ? unit : "", rate, section != NULL ? section : "(none)");
}

static gdouble
member_double (JsonObject  *o,
               const gchar *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n == NULL || JSON_NODE_HOLDS_NULL (n) ? NAN : json_node_get_double (n);
}

static void
test_stores_what_extract_prints (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_seeds ())
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  import_seeds ();
  store = open_library ();
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      const gchar *args[] = { "extract", "--format=jsonl", seeds[i], NULL };
      g_autofree gchar *out = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) stored = NULL;
      const CtReportInfo *r = report_for (reports, seeds[i]);
      guint n_expected = 0;

      g_assert_nonnull (r);
      g_assert_cmpint (run (args, &out), ==, 0);
      lines = g_strsplit (out, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *o;
          g_autofree gchar *key = NULL;
          const gchar *unit;

          if (*lines[k] == '\0')
            continue;
          g_assert_true (json_parser_load_from_data (parser, lines[k], -1, NULL));
          o = json_node_get_object (json_parser_get_root (parser));
          unit = json_object_get_null_member (o, "unit") ? NULL
                 : json_object_get_string_member (o, "unit");
          key = key_of (json_object_get_int_member (o, "line"),
                        json_object_get_string_member (o, "kind"),
                        member_double (o, "value"), unit, member_double (o, "rate"),
                        json_object_get_null_member (o, "section") ? NULL
                        : json_object_get_string_member (o, "section"));
          g_hash_table_add (expected, g_steal_pointer (&key));
          n_expected++;
        }

      stored = ct_store_list_observations (store, r->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (stored->len, ==, n_expected);
      g_assert_cmpuint (r->n_observations, ==, n_expected);
      for (guint k = 0; k < stored->len; k++)
        {
          const CtStoredObservation *so = g_ptr_array_index (stored, k);
          g_autofree gchar *key = key_of (so->obs->line, ct_kind_to_string (so->obs->kind),
                                          so->obs->value, so->obs->unit, so->obs->rate,
                                          so->obs->section);

          if (!g_hash_table_contains (expected, key))
            g_error ("%s: stored %s is not what extract prints", seeds[i], key);
        }
    }
}

static guint
count_occurrences (const gchar *text,
                   const gchar *needle)
{
  guint n = 0;

  for (const gchar *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_import_again_adds_nothing (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  const gchar *again[] = { "import", "--db", db_path, "--locality", "Nam Đông", seeds[0],
                           seeds[1], seeds[2], seeds[3], seeds[4], NULL };

  if (!have_seeds ())
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  import_seeds ();
  store = open_library ();
  before = ct_store_list_reports (store, &error);
  g_clear_pointer (&store, ct_store_close);

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (run (again, &out), ==, 0);
  g_assert_cmpuint (count_occurrences (out, "nothing changed"), ==, 5);

  store = open_library ();
  after = ct_store_list_reports (store, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      const CtReportInfo *a = g_ptr_array_index (before, i);
      const CtReportInfo *b = g_ptr_array_index (after, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpuint (a->n_observations, ==, b->n_observations);
      g_assert_cmpstr (a->imported_at, ==, b->imported_at);
    }
}

static void
test_grain_side_by_side (void)
{
  g_autofree gchar *out = NULL;
  g_auto(GStrv) lines = NULL;
  const gchar *args[] = { "compare", "--db", db_path, "--indicator", "sản lượng lương thực", NULL };
  guint nam_dong_2020 = 0, nam_dong_2023 = 0;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;

  if (!have_seeds ())
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  import_seeds ();
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (run (args, &out), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  header = g_strsplit (lines[0], "\t", -1);
  row = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 3 + 5);
  g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
  g_assert_cmpstr (row[0], ==, "NN_LUONG_THUC");
  for (guint c = 3; header[c] != NULL; c++)
    {
      if (g_str_has_prefix (header[c], "Nam Đông") && strstr (header[c], "2020") != NULL)
        nam_dong_2020 = c;
      if (g_str_has_prefix (header[c], "Nam Đông") && strstr (header[c], "2023") != NULL)
        nam_dong_2023 = c;
    }
  g_assert_cmpuint (nam_dong_2020, >, 0);
  g_assert_cmpuint (nam_dong_2023, ==, nam_dong_2020 + 1);
  /* Vietnamese numbers, value of plan, the rate; half a year's grain at
   * 60% of the year's plan is on track, not short of it. */
  g_assert_true (g_str_has_prefix (row[nam_dong_2020], "2.703,5/4.500 tấn"));
  g_assert_true (g_str_has_prefix (row[nam_dong_2023], "2.640,4/4.450 tấn"));
  g_assert_true (strstr (row[nam_dong_2020], "(60,1% đúng tiến độ)") != NULL
                 || strstr (row[nam_dong_2020], "(60,1% on track)") != NULL);
}

typedef struct
{
  guint        seed;
  gdouble      value;
  const gchar *unit;
  const gchar *code;
} SeedMapping;

/* Hand-checked in the reports: the figure, and the indicator it measures. */
static const SeedMapping sample[] = {
  { 0, 2703.5, "tấn", "NN_LUONG_THUC" },
  { 0, 187.27, "tỷ đồng", "NN_GTSX" },
  { 0, 109.7, "ha", "NN_DT_CU_KHAC" },
  { 0, 1900, "liều", "NN_TIEM_TAM_LIEN" },
  { 1, 2640.4, "tấn", "NN_LUONG_THUC" },
  { 1, 57.589, "tỷ đồng", "LN_GTSX" },
  { 1, 13700, "con", "NN_DAN_LON" },
  { 1, 300, "m³", "TS_LONG_BE" },
  { 1, 460, "ha", "NN_DT_SAN" },
  { 2, 12485, "con", "NN_DAN_LON" },
  { 2, 1492.9, "ha", "NN_DT_NGO" },
  { 2, 11.327, "tỷ đồng", "NS_THU" },
  { 2, 939, "triệu đồng", "NS_DU_NO_DIA_PHUONG" },
  { 3, 2555.069, "tỷ đồng", "DT_TOAN_XA_HOI" },
  { 4, 43413, "con", "NN_DAN_LON" },
  { 4, 605, "con", "NN_DAN_NGUA" },
  { 4, 1870, "người", "VT_HANH_KHACH" },
  { 4, 6.901, "tỷ đồng", "NS_THU" },
  { 4, 52.128, "tỷ đồng", "DT_GIAI_NGAN" },
};

static void
test_mapping_to_catalogue (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  guint with_rate = 0, mapped = 0, found = 0;

  if (!have_seeds ())
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  import_seeds ();
  store = open_library ();
  reports = ct_store_list_reports (store, &error);

  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (reports, i);
      g_autoptr(GPtrArray) obs = ct_store_list_observations (store, r->id, &error);

      for (guint k = 0; k < obs->len; k++)
        {
          const CtStoredObservation *so = g_ptr_array_index (obs, k);

          if (so->obs->kind != CT_KIND_ACHIEVEMENT || isnan (so->obs->rate))
            continue;
          with_rate++;
          mapped += so->indicator_code != NULL;
        }
    }
  g_test_message ("%u of %u achievements with a rate map to an indicator", mapped, with_rate);
  g_assert_cmpuint (with_rate, >=, 100);
  g_assert_cmpuint (mapped * 100, >=, with_rate * 80);

  for (guint s = 0; s < G_N_ELEMENTS (sample); s++)
    {
      const CtReportInfo *r = report_for (reports, seeds[sample[s].seed]);
      g_autoptr(GPtrArray) obs = ct_store_list_observations (store, r->id, &error);
      gboolean seen = FALSE;

      for (guint k = 0; k < obs->len && !seen; k++)
        {
          const CtStoredObservation *so = g_ptr_array_index (obs, k);

          if (so->obs->kind != CT_KIND_ACHIEVEMENT
              || fabs (so->obs->value - sample[s].value) > 1e-6
              || g_strcmp0 (so->obs->unit, sample[s].unit) != 0)
            continue;
          seen = TRUE;
          if (g_strcmp0 (so->indicator_code, sample[s].code) != 0)
            g_error ("seed %u: %g %s (“%s”) maps to %s, expected %s", sample[s].seed,
                     sample[s].value, sample[s].unit, so->obs->label,
                     so->indicator_code != NULL ? so->indicator_code : "nothing", sample[s].code);
        }
      if (!seen)
        g_test_message ("seed %u: %g %s was not extracted", sample[s].seed,
                        sample[s].value, sample[s].unit);
      found += seen;
    }
  /* The sample is about mapping; a figure the extractor misses is not. */
  g_assert_cmpuint (found * 10, >=, G_N_ELEMENTS (sample) * 9);
}

/* Every row and cell of a comparison of all reports, as text: what the
 * views show of the judgement. */
static gchar *
comparison_text (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtStore) store = ct_store_open (path, &error);
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) cmp = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  query->include_unclassified = TRUE;
  cmp = ct_store_compare (store, query, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < ct_comparison_get_n_rows (cmp); r++)
    {
      g_string_append_printf (out, "%s\n", ct_comparison_get_row (cmp, r)->name);
      for (guint c = 0; c < ct_comparison_get_n_columns (cmp); c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (cmp, r, c);

          g_string_append_printf (out, " %" G_GINT64_FORMAT ":%d/%d/%d/%d/%d/%d", cell->observation_id,
                                  cell->verdict, cell->reported, cell->qualifiers.kind,
                                  cell->qualifiers.plan_span, cell->qualifiers.reference_year,
                                  cell->basis);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
run_sql (const gchar *path,
         const gchar *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* What the import kept of each achievement's words is what its text says
 * now; a comparison reads the kept words, and words kept by another
 * version of the qualifier table are read from the text again. */
static void
test_kept_words_agree (void)
{
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *copy = ct_test_tmp_path ("seeds-words.db");
  g_autofree gchar *contents = NULL;
  g_autofree gchar *kept = NULL;
  g_autofree gchar *stale = NULL;
  g_autofree gchar *wrong = NULL;
  CtQualifierTable *table = ct_qualifier_table_get_default (&error);
  g_autoptr(GBytes) tsv = g_resources_lookup_data ("/io/github/chitieu/Chitieu/data/qualifiers.tsv",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(CtQualifierTable) try_all = NULL;
  gsize len = 0;
  guint checked = 0, qualified = 0;

  if (!have_seeds ())
    {
      g_test_skip ("the shared seeds are not available");
      return;
    }
  g_assert_no_error (error);
  /* The same table trying every pattern on every text: skipping a pattern
   * whose words a text lacks must change nothing. */
  g_assert_nonnull (tsv);
  try_all = ct_qualifier_table_new_from_data (g_bytes_get_data (tsv, NULL), g_bytes_get_size (tsv), &error);
  g_assert_no_error (error);
  ct_qualifier_table_set_try_all (try_all, TRUE);
  import_seeds ();
  store = open_library ();
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (reports, i);
      g_autoptr(GPtrArray) obs = ct_store_list_observations (store, r->id, &error);
      g_autoptr(CtSourceSpan) span = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (obs->len, >, 0);
      span = ct_store_get_source (store, ((CtStoredObservation *) g_ptr_array_index (obs, 0))->id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < obs->len; k++)
        {
          const CtStoredObservation *so = g_ptr_array_index (obs, k);
          CtQualifierWords stored, read, tried;

          if (so->obs->kind != CT_KIND_ACHIEVEMENT)
            continue;
          g_assert_cmpint (so->words, >=, 0);
          g_assert_true (ct_qualifier_words_unpack (table, so->words, &stored));
          ct_qualifier_words_from_text (table, so->obs->label, span->text, span->text_len,
                                        so->obs->start, so->obs->end, NULL, &read);
          if (!ct_qualifier_words_equal (&stored, &read))
            g_error ("“%s” (line %u): the kept words differ from its text's", so->obs->label, so->obs->line);
          ct_qualifier_words_from_text (try_all, so->obs->label, span->text, span->text_len,
                                        so->obs->start, so->obs->end, NULL, &tried);
          if (!ct_qualifier_words_equal (&read, &tried))
            g_error ("“%s” (line %u): a skipped pattern would have matched", so->obs->label, so->obs->line);
          checked++;
          qualified += so->words != 0;
        }
    }
  g_test_message ("%u achievements, %u with words that qualify them", checked, qualified);
  g_assert_cmpuint (checked, >=, 250);
  g_assert_cmpuint (qualified, >=, 10);
  g_clear_pointer (&store, ct_store_close);

  /* The same library with every figure's words made a spring crop. */
  g_assert_true (g_file_get_contents (db_path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  kept = comparison_text (copy);
  run_sql (copy, "UPDATE observation SET words = 1 WHERE words IS NOT NULL;"
                 "UPDATE report SET words_version = words_version + 1");
  stale = comparison_text (copy);
  g_assert_cmpstr (stale, ==, kept);
  run_sql (copy, "UPDATE report SET words_version = words_version - 1");
  wrong = comparison_text (copy);
  g_assert_cmpstr (wrong, !=, kept);
  g_unlink (copy);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  db_path = ct_test_tmp_path ("seeds.db");

  g_test_add_func ("/seeds-import/stores-what-extract-prints", test_stores_what_extract_prints);
  g_test_add_func ("/seeds-import/again-adds-nothing", test_import_again_adds_nothing);
  g_test_add_func ("/seeds-import/grain-side-by-side", test_grain_side_by_side);
  g_test_add_func ("/seeds-import/mapping", test_mapping_to_catalogue);
  g_test_add_func ("/seeds-import/kept-words-agree", test_kept_words_agree);
  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_free (seeds[i]);
  g_free (db_path);
  return status;
}
