/* ct-cli-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-cli-json.h"

#include <math.h>
#include <string.h>

typedef struct
{
  gchar     *key;
  JsonNode  *node;  /* owned by the record's object */
  CtCliJson *child; /* the record of an object member, or NULL */
} Member;

struct _CtCliJson
{
  JsonObject    *object;
  GArray        *members;   /* Member, in the object's order */
  guint          used;      /* members the current record has named */
  JsonGenerator *generator; /* the top-level record's only */
};

static void
member_clear (gpointer data)
{
  Member *m = data;

  g_free (m->key);
  g_clear_pointer (&m->child, ct_cli_json_free);
}

static CtCliJson *
record_new (void)
{
  CtCliJson *json = g_new0 (CtCliJson, 1);

  json->object = json_object_new ();
  json->members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (json->members, member_clear);
  return json;
}

CtCliJson *
ct_cli_json_new (void)
{
  CtCliJson *json = record_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), json->object);

  /* The generator keeps a copy of the root node, and a copy shares the
   * object: what the records change in it is what the generator writes. */
  json->generator = json_generator_new ();
  json_generator_set_root (json->generator, root);
  return json;
}

void
ct_cli_json_free (CtCliJson *json)
{
  if (json == NULL)
    return;
  g_array_unref (json->members);
  json_object_unref (json->object);
  g_clear_object (&json->generator);
  g_free (json);
}

/* Drops the members from @from on, which the current record does not have
 * (or not in that order). */
static void
drop_from (CtCliJson *json,
           guint      from)
{
  for (guint i = from; i < json->members->len; i++)
    json_object_remove_member (json->object, g_array_index (json->members, Member, i).key);
  if (from < json->members->len)
    g_array_set_size (json->members, from);
}

/* The record's next member, @key: the one the last record had in that
 * place, else a new null member after the ones named so far. A key the
 * record names twice keeps its first place and takes the later value, as
 * JsonBuilder does. */
static Member *
slot (CtCliJson   *json,
      const gchar *key)
{
  Member fresh = { NULL, NULL, NULL };

  if (json->used < json->members->len)
    {
      Member *m = &g_array_index (json->members, Member, json->used);

      if (strcmp (m->key, key) == 0)
        {
          json->used++;
          return m;
        }
      drop_from (json, json->used);
    }
  if (json_object_has_member (json->object, key))
    for (guint i = 0; i < json->used; i++)
      {
        Member *m = &g_array_index (json->members, Member, i);

        if (strcmp (m->key, key) == 0)
          return m;
      }
  fresh.key = g_strdup (key);
  fresh.node = json_node_new (JSON_NODE_NULL);
  json_object_set_member (json->object, key, fresh.node);
  g_array_append_val (json->members, fresh);
  json->used++;
  return &g_array_index (json->members, Member, json->members->len - 1);
}

/* Puts @fresh in the member's place, keeping its position. A node that
 * held a value is never turned into another kind: json-glib 1.6's
 * json_node_init() frees the value and keeps the pointer, which the next
 * value would write through. */
static JsonNode *
replace (CtCliJson *json,
         Member    *m,
         JsonNode  *fresh)
{
  g_clear_pointer (&m->child, ct_cli_json_free);
  json_object_set_member (json->object, m->key, fresh);
  m->node = fresh;
  return fresh;
}

static void
set_null (CtCliJson *json,
          Member    *m)
{
  if (m->child != NULL || JSON_NODE_TYPE (m->node) != JSON_NODE_NULL)
    replace (json, m, json_node_new (JSON_NODE_NULL));
}

/* The member's node, ready for a plain value (string, number, boolean). */
static JsonNode *
value_node (CtCliJson *json,
            Member    *m)
{
  if (m->child != NULL || JSON_NODE_TYPE (m->node) != JSON_NODE_VALUE)
    return replace (json, m, json_node_init_int (json_node_alloc (), 0));
  return m->node;
}

/* JSON is UTF-8: a file name in another encoding would break the line. */
static gchar *
valid_copy (const gchar *value)
{
  return g_utf8_validate (value, -1, NULL) ? NULL : g_utf8_make_valid (value, -1);
}

void
ct_cli_json_string (CtCliJson   *json,
                    const gchar *key,
                    const gchar *value)
{
  Member *m = slot (json, key);
  g_autofree gchar *valid = NULL;
  JsonNode *node;

  if (value == NULL)
    {
      set_null (json, m);
      return;
    }
  node = value_node (json, m);
  /* Lines repeat their file, place, period and, for each figure of a
   * sentence, the sentence: a value the member holds already (UTF-8, so
   * checked before) is neither checked nor copied again. */
  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (node), value) == 0)
    return;
  valid = valid_copy (value);
  json_node_set_string (node, valid != NULL ? valid : value);
}

void
ct_cli_json_number (CtCliJson   *json,
                    const gchar *key,
                    gdouble      value)
{
  Member *m = slot (json, key);

  if (isnan (value))
    set_null (json, m);
  else
    json_node_set_double (value_node (json, m), value);
}

void
ct_cli_json_int (CtCliJson   *json,
                 const gchar *key,
                 gint64       value)
{
  json_node_set_int (value_node (json, slot (json, key)), value);
}

void
ct_cli_json_boolean (CtCliJson   *json,
                     const gchar *key,
                     gboolean     value)
{
  json_node_set_boolean (value_node (json, slot (json, key)), value);
}

void
ct_cli_json_null (CtCliJson   *json,
                  const gchar *key)
{
  set_null (json, slot (json, key));
}

void
ct_cli_json_strings (CtCliJson           *json,
                     const gchar         *key,
                     const gchar * const *values)
{
  Member *m = slot (json, key);
  guint n = values != NULL ? g_strv_length ((gchar **) values) : 0;
  JsonArray *array;

  if (m->child != NULL || JSON_NODE_TYPE (m->node) != JSON_NODE_ARRAY)
    {
      g_autoptr(JsonArray) fresh = json_array_new ();

      replace (json, m, json_node_init_array (json_node_alloc (), fresh));
    }
  array = json_node_get_array (m->node);
  while (json_array_get_length (array) > n)
    json_array_remove_element (array, json_array_get_length (array) - 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *valid = valid_copy (values[i]);
      const gchar *v = valid != NULL ? valid : values[i];

      /* Elements are only ever strings: set in place. */
      if (i < json_array_get_length (array))
        json_node_set_string (json_array_get_element (array, i), v);
      else
        json_array_add_string_element (array, v);
    }
}

CtCliJson *
ct_cli_json_object (CtCliJson   *json,
                    const gchar *key)
{
  Member *m = slot (json, key);

  if (m->child == NULL)
    {
      CtCliJson *child = record_new ();

      replace (json, m, json_node_init_object (json_node_alloc (), child->object));
      m->child = child;
    }
  m->child->used = 0;
  return m->child;
}

/* Ends the current record: members it did not name go, in nested objects
 * too, and the next member call starts over. */
static void
finish (CtCliJson *json)
{
  drop_from (json, json->used);
  for (guint i = 0; i < json->members->len; i++)
    {
      Member *m = &g_array_index (json->members, Member, i);

      if (m->child != NULL)
        finish (m->child);
    }
  json->used = 0;
}

void
ct_cli_json_write (CtCliJson *json,
                   GString   *out)
{
  g_return_if_fail (json->generator != NULL);

  finish (json);
  json_generator_to_gstring (json->generator, out);
  g_string_append_c (out, '\n');
}
