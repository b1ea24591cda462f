/* test-gold.c: the extractor against the hand-made expectations
 *
 * Runs `chitieu extract --format=jsonl` over the shared seeds, scores it
 * with the shared scorer and fails below the thresholds. Skips when
 * the shared folder (CT_SHARED_DIR) or python3 is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ct-test-util.h"

#define PYTHON "/usr/bin/python3"

static gchar *extracted_path = NULL;

static gboolean
have_inputs (void)
{
  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("the shared seeds and gold are not here (CT_SHARED_DIR)");
      return FALSE;
    }
  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("python3 is needed to run the shared scorer");
      return FALSE;
    }
  return TRUE;
}

/* Runs the extractor over every seed once per process. */
static const gchar *
extract_seeds (void)
{
  g_autofree gchar *seeds = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gchar *name;

  if (extracted_path != NULL)
    return extracted_path;

  seeds = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  dir = g_dir_open (seeds, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (seeds, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);

  g_ptr_array_add (args, g_strdup ("extract"));
  g_ptr_array_add (args, g_strdup ("--format=jsonl"));
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (args, g_strdup (g_ptr_array_index (names, i)));
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (ct_test_run_chitieu ((const gchar * const *) args->pdata, &out, &err), ==, 0);
  extracted_path = ct_test_tmp_path ("seeds.jsonl");
  g_file_set_contents (extracted_path, out, -1, &error);
  g_assert_no_error (error);
  return extracted_path;
}

static JsonObject *
score (JsonParser **parser_out)
{
  g_autofree gchar *gold = g_build_filename (ct_test_shared_dir (), "gold", NULL);
  g_autofree gchar *script = g_build_filename (ct_test_shared_dir (), "tools",
                                               "score_extract.py", NULL);
  const gchar *argv[] = { PYTHON, script, gold, extract_seeds (), "--json", NULL };
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  g_autoptr(GError) error = NULL;
  gint status = 0;
  JsonParser *parser = json_parser_new ();

  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the scorer failed: %s", err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

static gdouble
total (JsonObject  *report,
       const gchar *task,
       const gchar *member)
{
  JsonObject *t = json_object_get_object_member (report, "total");

  return json_object_get_double_member (json_object_get_object_member (t, task), member);
}

static void
test_scores (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *report;
  struct { const gchar *task, *member; gdouble min; } goals[] = {
    { "rate", "f1", 0.98 },
    { "plan", "f1", 0.95 },
    { "yoy", "f1", 0.95 },
    { "rate_match_agreement", "value", 0.98 },
    { "rate_match_agreement", "unit", 0.97 },
    { "rate_match_agreement", "indicator", 0.85 },
  };

  if (!have_inputs ())
    return;
  report = score (&parser);
  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      gdouble got = total (report, goals[i].task, goals[i].member);

      g_test_message ("%s %s: %.3f (goal %.2f)", goals[i].task, goals[i].member, got, goals[i].min);
      if (got < goals[i].min)
        g_error ("%s %s is %.3f, below %.2f", goals[i].task, goals[i].member, got, goals[i].min);
    }
}

/* Our observations, by document base name. */
static GHashTable *
load_predictions (void)
{
  GHashTable *by_doc = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  g_autofree gchar *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (extract_seeds (), &data, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonNode *node;
      JsonObject *obj;
      g_autofree gchar *base = NULL;
      GPtrArray *list;

      if (lines[i][0] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      obj = json_node_get_object (node);
      base = g_path_get_basename (json_object_get_string_member (obj, "file"));
      list = g_hash_table_lookup (by_doc, base);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
          g_hash_table_insert (by_doc, g_strdup (base), list);
        }
      g_ptr_array_add (list, node);
    }
  return by_doc;
}

static gboolean
has_flag (JsonObject  *obj,
          const gchar *flag)
{
  JsonArray *flags = json_object_get_array_member (obj, "flags");

  for (guint i = 0; i < json_array_get_length (flags); i++)
    if (g_str_equal (json_array_get_string_element (flags, i), flag))
      return TRUE;
  return FALSE;
}

static void
test_flags (void)
{
  g_autofree gchar *gold_dir = NULL;
  g_autoptr(GHashTable) preds = NULL;
  g_autoptr(GDir) dir = NULL;
  const gchar *name;
  guint checked = 0;

  if (!have_inputs ())
    return;
  gold_dir = g_build_filename (ct_test_shared_dir (), "gold", NULL);
  preds = load_predictions ();
  dir = g_dir_open (gold_dir, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = NULL;
      g_autofree gchar *doc = NULL;
      g_autofree gchar *data = NULL;
      g_auto(GStrv) lines = NULL;
      GPtrArray *ours;
      gboolean any_anomaly = FALSE;

      if (!g_str_has_suffix (name, ".jsonl"))
        continue;
      doc = g_strndup (name, strlen (name) - strlen (".jsonl"));
      path = g_build_filename (gold_dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      lines = g_strsplit (data, "\n", -1);
      ours = g_hash_table_lookup (preds, doc);
      g_assert_nonnull (ours);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(JsonNode) node = NULL;
          JsonObject *g;
          const gchar *anomaly;
          gboolean found = FALSE;

          if (lines[i][0] == '\0')
            continue;
          node = json_from_string (lines[i], NULL);
          g = json_node_get_object (node);
          anomaly = json_object_get_null_member (g, "anomaly") ? NULL
                    : json_object_get_string_member (g, "anomaly");
          if (anomaly != NULL)
            any_anomaly = TRUE;
          /* A stated rate that disagrees with value/plan must be flagged. */
          if (anomaly == NULL || strstr (anomaly, "Stated rate disagrees") == NULL)
            continue;
          for (guint k = 0; k < ours->len; k++)
            {
              JsonObject *p = json_node_get_object (g_ptr_array_index (ours, k));

              if (json_object_get_int_member (p, "line") == json_object_get_int_member (g, "line") &&
                  !json_object_get_null_member (p, "rate") &&
                  fabs (json_object_get_double_member (p, "rate") -
                        json_object_get_double_member (g, "rate")) < 1e-6)
                found = found || has_flag (p, "rate_mismatch");
            }
          if (!found)
            g_error ("%s:%" G_GINT64_FORMAT ": rate mismatch not flagged", doc,
                     json_object_get_int_member (g, "line"));
          checked++;
        }

      /* A document without anomalies gets no flags at all. */
      if (!any_anomaly)
        for (guint k = 0; k < ours->len; k++)
          {
            JsonObject *p = json_node_get_object (g_ptr_array_index (ours, k));

            if (json_array_get_length (json_object_get_array_member (p, "flags")) > 0)
              g_error ("%s:%" G_GINT64_FORMAT ": flagged though the document is consistent",
                       doc, json_object_get_int_member (p, "line"));
          }
    }
  g_assert_cmpuint (checked, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/gold/scores", test_scores);
  g_test_add_func ("/gold/flags", test_flags);
  status = g_test_run ();
  g_free (extracted_path);
  return status;
}
