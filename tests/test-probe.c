/* test-probe.c: the extractor on invented passages in news and status-list style
 *
 * tests/data/probe holds passages written for this test (growth with no
 * level, one base for many figures, word order, status lists, an annex
 * after the tasks) and, in gold/, the observations a reader expects in the
 * JSONL schema of the shared gold. The test runs `chitieu extract` over
 * them and scores it the way the shared scorer does: a multiset match per
 * document on (line, rate), (line, value, plan) and (line, yoy).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ct-test-util.h"

typedef enum { TASK_RATE, TASK_PLAN, TASK_YOY, N_TASKS } Task;

static const gchar * const task_names[N_TASKS] = { "rate", "plan", "yoy" };

typedef struct
{
  guint tp, gold, pred;
} Count;

static gchar *
probe_dir (void)
{
  return g_build_filename (g_getenv ("CT_TEST_DATA"), "probe", NULL);
}

static gboolean
member_number (JsonObject  *obj,
               const gchar *name,
               gdouble     *out)
{
  JsonNode *n = json_object_get_member (obj, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return FALSE;
  *out = json_node_get_double (n);
  return TRUE;
}

/* The key of a record for @task, or NULL when the record has no figure
 * for it; rounded as the shared scorer rounds. */
static gchar *
record_key (JsonObject  *obj,
            const gchar *doc,
            Task         task)
{
  gint64 line = json_object_get_int_member (obj, "line");
  gdouble v, value;

  switch (task)
    {
    case TASK_RATE:
      return member_number (obj, "rate", &v) ? g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%.3f", doc, line, v) : NULL;
    case TASK_YOY:
      return member_number (obj, "yoy", &v) ? g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%.3f", doc, line, v) : NULL;
    case TASK_PLAN:
      if (!member_number (obj, "plan", &v))
        return NULL;
      if (!member_number (obj, "value", &value))
        return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|null|%.3f", doc, line, v);
      return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%.3f|%.3f", doc, line, value, v);
    case N_TASKS:
    default:
      g_assert_not_reached ();
    }
}

/* Adds each record of a JSONL text to @bag (key → count) per task. */
static void
load_records (const gchar *data,
              const gchar *doc_member,
              GHashTable  *bags[N_TASKS],
              GHashTable  *lines)
{
  g_auto(GStrv) rows = g_strsplit (data, "\n", -1);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree gchar *doc = NULL;
      JsonObject *obj;

      if (rows[i][0] == '\0')
        continue;
      node = json_from_string (rows[i], &error);
      g_assert_no_error (error);
      obj = json_node_get_object (node);
      doc = g_path_get_basename (json_object_get_string_member (obj, doc_member));
      if (lines != NULL)
        g_hash_table_add (lines, g_strdup_printf ("%s|%" G_GINT64_FORMAT, doc,
                                                  json_object_get_int_member (obj, "line")));
      for (guint t = 0; t < N_TASKS; t++)
        {
          gchar *key = record_key (obj, doc, t);

          if (key != NULL)
            g_hash_table_insert (bags[t], key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (bags[t], key)) + 1));
        }
    }
}

static Count
match (GHashTable *gold,
       GHashTable *pred)
{
  Count c = { 0, 0, 0 };
  GHashTableIter iter;
  gpointer key, n;

  g_hash_table_iter_init (&iter, gold);
  while (g_hash_table_iter_next (&iter, &key, &n))
    {
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (pred, key));

      c.gold += GPOINTER_TO_UINT (n);
      c.tp += MIN (GPOINTER_TO_UINT (n), p);
    }
  g_hash_table_iter_init (&iter, pred);
  while (g_hash_table_iter_next (&iter, &key, &n))
    c.pred += GPOINTER_TO_UINT (n);
  return c;
}

static gchar *
run_extract (GPtrArray *files)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree gchar *err = NULL;
  gchar *out = NULL;

  g_ptr_array_add (args, (gpointer) "extract");
  g_ptr_array_add (args, (gpointer) "--format=jsonl");
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (files, i));
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (ct_test_run_chitieu ((const gchar * const *) args->pdata, &out, &err), ==, 0);
  return out;
}

static void
test_probe_scores (void)
{
  g_autofree gchar *dir_path = probe_dir ();
  g_autofree gchar *gold_path = g_build_filename (dir_path, "gold", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) gold_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *gold[N_TASKS], *pred[N_TASKS];
  g_autofree gchar *out = NULL;
  const gchar *name;
  guint passages = 0;

  g_assert_nonnull (dir);
  for (guint t = 0; t < N_TASKS; t++)
    {
      gold[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pred[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir_path, name, NULL);
      g_autofree gchar *gold_file = g_strdup_printf ("%s/%s.jsonl", gold_path, name);
      g_autofree gchar *data = NULL;
      g_autofree gchar *text = NULL;
      g_autoptr(GError) error = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_file_get_contents (gold_file, &data, NULL, &error);
      g_assert_no_error (error);
      load_records (data, "doc", gold, gold_lines);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      /* Paragraphs and table rows: the passages of the set. */
      for (const gchar *p = text; *p != '\0'; p++)
        if (*p == '\n' && (p[1] == '\n' || p[1] == '|'))
          passages++;
      g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_assert_cmpuint (passages, >=, 40);
  out = run_extract (files);
  load_records (out, "file", pred, NULL);

  for (guint t = 0; t < N_TASKS; t++)
    {
      Count c = match (gold[t], pred[t]);
      gdouble prec = c.pred > 0 ? (gdouble) c.tp / c.pred : 0;
      gdouble rec = c.gold > 0 ? (gdouble) c.tp / c.gold : 0;
      gdouble f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;

      g_test_message ("%s: %u of %u gold, %u predicted, F1 %.3f", task_names[t], c.tp, c.gold, c.pred, f1);
      if (f1 < 0.95)
        g_error ("probe %s F1 is %.3f, below 0.95", task_names[t], f1);
    }
  for (guint t = 0; t < N_TASKS; t++)
    {
      GHashTableIter iter;
      gpointer key;

      /* No comparison on a line that states none: an absolute change, a
       * year, a date or a task is no record. */
      g_hash_table_iter_init (&iter, pred[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_auto(GStrv) parts = g_strsplit (key, "|", 3);
          g_autofree gchar *line = g_strdup_printf ("%s|%s", parts[0], parts[1]);

          if (!g_hash_table_contains (gold_lines, line))
            g_error ("a %s on %s, a line with no comparison", task_names[t], line);
        }
      g_hash_table_unref (gold[t]);
      g_hash_table_unref (pred[t]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/probe/scores", test_probe_scores);
  return g_test_run ();
}
