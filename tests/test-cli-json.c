/* test-cli-json.c: the command line's JSON lines are json-glib's
 *
 * CtCliJson keeps one object from record to record and changes only what
 * differs. Each line it writes must be the line a fresh JsonBuilder and
 * JsonGenerator write for the same members: records that drop a member,
 * add one, change its kind (a figure, then none), reorder, nest objects or
 * grow and shrink an array are where keeping nodes could go wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "ct-cli-json.h"

static const gchar *keys[] = { "file", "line", "page", "value", "unit", "flags", "qualifiers", "kind" };
static const gchar *words[] = { "Đàn trâu", "tấn", "", "a \"quoted\" \\ word\n\ttab", "\xff\xfe not UTF-8", "ha" };

/* One member, written to both: the builder and the record. */
static void
add_member (JsonBuilder *b,
            CtCliJson   *json,
            const gchar *key,
            GRand       *rand,
            guint        depth)
{
  guint kind = g_rand_int_range (rand, 0, depth == 0 ? 8 : 6);

  json_builder_set_member_name (b, key);
  switch (kind)
    {
    case 0:
      json_builder_add_null_value (b);
      ct_cli_json_string (json, key, NULL);
      break;
    case 1:
      {
        const gchar *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
        g_autofree gchar *valid = g_utf8_make_valid (w, -1);

        json_builder_add_string_value (b, valid);
        ct_cli_json_string (json, key, w);
      }
      break;
    case 2:
      {
        gdouble v = g_rand_boolean (rand) ? NAN : g_rand_double_range (rand, -1e6, 1e6);

        if (isnan (v))
          json_builder_add_null_value (b);
        else
          json_builder_add_double_value (b, v);
        ct_cli_json_number (json, key, v);
      }
      break;
    case 3:
      {
        gint64 v = g_rand_int_range (rand, -5, 100000);

        json_builder_add_int_value (b, v);
        ct_cli_json_int (json, key, v);
      }
      break;
    case 4:
      {
        gboolean v = g_rand_boolean (rand);

        json_builder_add_boolean_value (b, v);
        ct_cli_json_boolean (json, key, v);
      }
      break;
    case 5:
      json_builder_add_null_value (b);
      ct_cli_json_null (json, key);
      break;
    case 6:
      {
        const gchar *strv[4] = { NULL };
        guint n = g_rand_int_range (rand, 0, 4);

        json_builder_begin_array (b);
        for (guint i = 0; i < n; i++)
          {
            g_autofree gchar *valid = NULL;

            strv[i] = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
            valid = g_utf8_make_valid (strv[i], -1);
            json_builder_add_string_value (b, valid);
          }
        json_builder_end_array (b);
        ct_cli_json_strings (json, key, n > 0 || g_rand_boolean (rand) ? strv : NULL);
      }
      break;
    default:
      {
        CtCliJson *child = ct_cli_json_object (json, key);
        guint n = g_rand_int_range (rand, 0, 4);

        json_builder_begin_object (b);
        for (guint i = 0; i < n; i++)
          add_member (b, child, keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))], rand, depth + 1);
        json_builder_end_object (b);
      }
      break;
    }
}

static gchar *
builder_line (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree gchar *text = NULL;

  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

static void
test_same_as_builder (void)
{
  g_autoptr(CtCliJson) json = ct_cli_json_new ();
  GRand *rand = g_rand_new_with_seed (18);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint r = 0; r < 3000; r++)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree gchar *want = NULL;
      /* Mostly the record before's members, as real output has them. */
      guint n = r % 7 == 0 ? g_rand_int_range (rand, 0, 9) : 6;

      json_builder_begin_object (b);
      for (guint i = 0; i < n; i++)
        {
          const gchar *key = r % 5 == 0 ? keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))] : keys[i];

          add_member (b, json, key, rand, 0);
        }
      json_builder_end_object (b);
      want = builder_line (b);
      ct_cli_json_write (json, line);
      g_assert_cmpstr (line->str, ==, want);
      g_string_append (all, line->str);
      g_string_append (expected, want);
    }
  /* Appended, lines follow one another in the buffer. */
  g_assert_cmpstr (all->str, ==, expected->str);
  g_rand_free (rand);
}

/* The members a caller names, in its order: a record of other members
 * than the one before keeps none of its members. */
static void
test_members_change (void)
{
  g_autoptr(CtCliJson) json = ct_cli_json_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  CtCliJson *q;

  ct_cli_json_string (json, "file", "a.txt");
  ct_cli_json_int (json, "line", 3);
  ct_cli_json_int (json, "page", 2);
  ct_cli_json_number (json, "value", 1.5);
  q = ct_cli_json_object (json, "qualifiers");
  ct_cli_json_string (q, "season", "xuân");
  ct_cli_json_write (json, out);

  ct_cli_json_string (json, "file", "b.txt");
  ct_cli_json_int (json, "line", 4);
  ct_cli_json_number (json, "value", NAN);
  ct_cli_json_object (json, "qualifiers");
  ct_cli_json_write (json, out);

  ct_cli_json_string (json, "file", "c.txt");
  ct_cli_json_write (json, out);
  g_assert_cmpstr (out->str, ==,
                   "{\"file\":\"a.txt\",\"line\":3,\"page\":2,\"value\":1.5,\"qualifiers\":{\"season\":\"xuân\"}}\n"
                   "{\"file\":\"b.txt\",\"line\":4,\"value\":null,\"qualifiers\":{}}\n"
                   "{\"file\":\"c.txt\"}\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-json/same-as-builder", test_same_as_builder);
  g_test_add_func ("/cli-json/members-change", test_members_change);
  return g_test_run ();
}
