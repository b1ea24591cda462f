/* ct-locality-gazetteer.c: loading the gazetteer
 *
 * The four lists (24,000 rows) are read once into one buffer each, cut in
 * place at tabs and line ends, so a unit's strings point into them and the
 * load allocates little more than the units and two indexes (names,
 * codes): the general table loader (ct-data.c) copies every column, which
 * would double the start-up cost the gazetteer adds to every process. The
 * small table of type words goes through it.
 *
 * The provinces alone are a second, small gazetteer loaded the same way
 * from the same lists: which province a report's province is part of now
 * (every report a library lists) needs neither the 10,000 communes of June
 * 2025 nor their map, two thirds of the whole load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-data.h"
#include "ct-locality-private.h"
#include "ct-text.h"

#include <stdlib.h>
#include <string.h>

#define RESOURCE_DIR "/io/github/chitieu/Chitieu/data/"
#define BEFORE_END   "2025-06-30"

/* Whether a row (its first field running to a tab) is a province's: the
 * code length says the level, in every list and in the map. */
static gboolean
is_province_row (const gchar *line,
                 gsize        len)
{
  return len > 2 && g_ascii_isdigit (line[0]) && g_ascii_isdigit (line[1]) && line[2] == '\t';
}

/* The provinces' lines of a table, copied into a buffer of their own. */
static gchar *
province_lines (const gchar *data,
                gsize        len)
{
  GString *out = g_string_new (NULL);
  const gchar *end = data + len;

  for (const gchar *line = data, *next; line < end; line = next)
    {
      const gchar *nl = memchr (line, '\n', end - line);

      next = nl != NULL ? nl + 1 : end;
      if (is_province_row (line, next - line))
        g_string_append_len (out, line, next - line);
    }
  return g_string_free (out, FALSE);
}

/* The rows of a resource table, each a NULL-terminated array of fields
 * pointing into the returned buffer; only the provinces' when asked. */
static gchar *
load_rows (const gchar  *name,
           gboolean      provinces_only,
           GPtrArray    *rows)
{
  g_autofree gchar *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const gchar *data;
  gchar *text, *line, *next;
  gsize len = 0;

  if (bytes == NULL)
    {
      g_critical ("gazetteer table %s is missing from the resources", name);
      return g_strdup ("");
    }
  data = g_bytes_get_data (bytes, &len);
  text = provinces_only ? province_lines (data, len) : g_strndup (data, len);
  for (line = text; line != NULL && *line != '\0'; line = next)
    {
      gchar **fields;
      guint n = 0;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (*line == '#' || *line == '\0')
        continue;
      fields = g_new0 (gchar *, 9);
      fields[n++] = line;
      for (gchar *p = line; *p != '\0' && n < 8; p++)
        if (*p == '\t')
          {
            *p = '\0';
            fields[n++] = p + 1;
          }
      g_ptr_array_add (rows, fields);
    }
  return text;
}

static CtLocalityTier
tier_of_code (const gchar *code)
{
  switch (strlen (code))
    {
    case 2:
      return CT_LOCALITY_PROVINCE;
    case 3:
      return CT_LOCALITY_DISTRICT;
    default:
      return CT_LOCALITY_COMMUNE;
    }
}

static const gchar *
field (gchar       **row,
       guint         i)
{
  for (guint k = 0; k <= i; k++)
    if (row[k] == NULL)
      return NULL;
  return row[i][0] != '\0' ? row[i] : NULL;
}

/* Units of one official list: parents are looked up in the same list. */
static void
add_list (CtGazetteer *self,
          GPtrArray   *rows,
          GHashTable  *codes,
          const gchar *valid_from,
          const gchar *valid_to)
{
  for (guint i = 0; i < rows->len; i++)
    {
      gchar **row = g_ptr_array_index (rows, i);
      CtLocality *u = &self->units[self->n_units];
      const gchar *parent = field (row, 3);

      if (field (row, 2) == NULL)
        continue;
      u->index = self->n_units++;
      u->code = row[0];
      u->type = row[1];
      u->name = row[2];
      u->tier = tier_of_code (u->code);
      u->parent = parent != NULL ? g_hash_table_lookup (codes, parent) : NULL;
      u->valid_from = valid_from;
      u->valid_to = valid_to;
      g_hash_table_insert (codes, (gpointer) u->code, u);
    }
}

/* Names retired between 2019 and June 2025: their province and the unit
 * that holds them now are units of the June list. A renamed unit keeps its
 * code, and its current name starts the day after the old one ends. */
static void
add_former (CtGazetteer *self,
            GPtrArray   *rows,
            GHashTable  *before)
{
  for (guint i = 0; i < rows->len; i++)
    {
      gchar **row = g_ptr_array_index (rows, i);
      CtLocality *u = &self->units[self->n_units];
      CtLocality *holder;

      if (field (row, 5) == NULL || field (row, 6) == NULL)
        continue;
      u->index = self->n_units++;
      u->code = row[0];
      u->type = row[1];
      u->name = row[2];
      u->tier = tier_of_code (u->code);
      u->parent = u->tier == CT_LOCALITY_PROVINCE ? NULL : g_hash_table_lookup (before, row[3]);
      u->valid_from = field (row, 4);
      u->valid_to = row[5];
      holder = g_hash_table_lookup (before, row[6]);
      u->renamed_to = holder;
      if (holder != NULL && g_str_equal (holder->code, u->code))
        {
          g_autoptr(GDate) d = g_date_new ();
          gchar buf[16];

          g_date_set_parse (d, u->valid_to);
          if (g_date_valid (d))
            {
              g_date_add_days (d, 1);
              g_date_strftime (buf, sizeof buf, "%Y-%m-%d", d);
              if (holder->valid_from == NULL || strcmp (buf, holder->valid_from) > 0)
                holder->valid_from = g_string_chunk_insert_const (self->strings, buf);
            }
        }
    }
}

/* Pairs (old unit, new unit), sorted by old then new; and a copy by new. */
static gint
pair_by_old (gconstpointer a,
             gconstpointer b)
{
  const CtLocalityPair *x = a, *y = b;

  if (x->old_unit != y->old_unit)
    return x->old_unit < y->old_unit ? -1 : 1;
  return x->new_unit < y->new_unit ? -1 : x->new_unit > y->new_unit;
}

static gint
pair_by_new (gconstpointer a,
             gconstpointer b)
{
  const CtLocalityPair *x = a, *y = b;

  if (x->new_unit != y->new_unit)
    return x->new_unit < y->new_unit ? -1 : 1;
  return x->old_unit < y->old_unit ? -1 : x->old_unit > y->old_unit;
}

static void
add_map (CtGazetteer *self,
         GPtrArray   *rows,
         GHashTable  *before,
         GHashTable  *after)
{
  self->by_old = g_array_sized_new (FALSE, FALSE, sizeof (CtLocalityPair), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gchar **row = g_ptr_array_index (rows, i);
      const CtLocality *o = g_hash_table_lookup (before, row[0]);
      const CtLocality *n = field (row, 1) != NULL ? g_hash_table_lookup (after, row[1]) : NULL;
      CtLocalityPair pair;

      if (o == NULL || n == NULL)
        continue;
      pair.old_unit = o->index;
      pair.new_unit = n->index;
      g_array_append_val (self->by_old, pair);
    }
  self->by_new = g_array_copy (self->by_old);
  g_array_sort (self->by_old, pair_by_old);
  g_array_sort (self->by_new, pair_by_new);
}

/* Every name's key from one fold over all of them: folding goes letter
 * by letter and never makes a line end, so line i of the fold is unit i's
 * name folded. The keys stay in that buffer. */
static void
index_names (CtGazetteer *self)
{
  g_autoptr(GString) all = g_string_sized_new (16 * self->n_units);
  gchar *line, *next;

  for (guint i = 0; i < self->n_units; i++)
    {
      g_string_append (all, self->units[i].name);
      g_string_append_c (all, '\n');
    }
  self->keys = ct_text_fold (all->str, all->len);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  line = self->keys;
  for (guint i = 0; i < self->n_units && line != NULL; i++, line = next)
    {
      GArray *list;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      ct_locality_key_compact (line);
      list = g_hash_table_lookup (self->names, line);
      if (list == NULL)
        {
          list = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1);
          g_hash_table_insert (self->names, line, list);
        }
      g_array_append_val (list, i);
    }
}

static gint
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (gint) strlen (*(const gchar * const *) b) - (gint) strlen (*(const gchar * const *) a);
}

static void
types_load (CtGazetteer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_load ("gazetteer-types.tsv", 3, 3, &error);

  self->types = g_ptr_array_new ();
  if (table == NULL)
    {
      g_critical ("%s", error->message);
      return;
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      g_auto(GStrv) tiers = g_strsplit (ct_data_row_text (row, 1), ",", -1);
      CtLocalityType *t = g_new0 (CtLocalityType, 1);

      t->type = g_strdup (ct_data_row_text (row, 0));
      for (guint k = 0; tiers[k] != NULL; k++)
        {
          CtLocalityTier tier = ct_locality_tier_of_level (tiers[k]);

          if (tier != CT_LOCALITY_ANY)
            t->tiers[tier] = TRUE;
        }
      t->spellings = g_strsplit (ct_data_row_text (row, 2), ",", -1);
      qsort (t->spellings, g_strv_length (t->spellings), sizeof (gchar *), longest_first);
      g_ptr_array_add (self->types, t);
    }
}

/* Children as linked lists, so a district's communes are found without
 * going through the whole list. */
static void
index_children (CtGazetteer *self)
{
  self->first_child = g_new (guint, self->n_units);
  self->next_sibling = g_new (guint, self->n_units);
  memset (self->first_child, 0xff, self->n_units * sizeof (guint));
  memset (self->next_sibling, 0xff, self->n_units * sizeof (guint));
  for (guint i = self->n_units; i > 0; i--)
    {
      const CtLocality *u = &self->units[i - 1];

      if (u->parent == NULL)
        continue;
      self->next_sibling[i - 1] = self->first_child[u->parent->index];
      self->first_child[u->parent->index] = i - 1;
    }
}

static CtGazetteer *
gazetteer_load (gboolean provinces_only)
{
  CtGazetteer *self = g_new0 (CtGazetteer, 1);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) former = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) map = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) before_codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) after_codes = g_hash_table_new (g_str_hash, g_str_equal);

  self->strings = g_string_chunk_new (256);
  self->text[0] = load_rows ("gazetteer-2025-06.tsv", provinces_only, before);
  self->text[1] = load_rows ("gazetteer-2025-07.tsv", provinces_only, after);
  self->text[2] = load_rows ("gazetteer-former.tsv", provinces_only, former);
  self->text[3] = load_rows ("gazetteer-map.tsv", provinces_only, map);
  self->units = g_new0 (CtLocality, before->len + after->len + former->len);

  add_list (self, before, before_codes, NULL, BEFORE_END);
  self->first_after = self->n_units;
  add_list (self, after, after_codes, CT_LOCALITY_REFORM_DATE, NULL);
  self->first_former = self->n_units;
  add_former (self, former, before_codes);
  add_map (self, map, before_codes, after_codes);
  index_names (self);
  index_children (self);
  types_load (self);
  return self;
}

static CtGazetteer *gazetteer;
static gsize gazetteer_once;

const CtGazetteer *
ct_gazetteer_get (void)
{
  if (g_once_init_enter (&gazetteer_once))
    {
      gazetteer = gazetteer_load (FALSE);
      g_once_init_leave (&gazetteer_once, 1);
    }
  return gazetteer;
}

const CtGazetteer *
ct_gazetteer_peek (void)
{
  return g_atomic_pointer_get (&gazetteer_once) != 0 ? gazetteer : NULL;
}

const CtGazetteer *
ct_gazetteer_get_provinces (void)
{
  static CtGazetteer *provinces;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      provinces = gazetteer_load (TRUE);
      g_once_init_leave (&once, 1);
    }
  return provinces;
}

guint
ct_gazetteer_get_n_units (const CtGazetteer *self)
{
  return self->n_units;
}

const CtLocality *
ct_gazetteer_get_unit (const CtGazetteer *self,
                       guint              index)
{
  g_return_val_if_fail (index < self->n_units, NULL);
  return &self->units[index];
}
