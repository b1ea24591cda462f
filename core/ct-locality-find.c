/* ct-locality-find.c: finding units by the name a report gives them
 *
 * Reports write names as people type them: "Thừa Thiên - Huế", "Hoà Bình"
 * next to "Hòa Bình", "TP. Hồ Chí Minh", "H. Nam Đông". A name is matched
 * on its key (tones, case, spaces and punctuation folded away), once
 * without a leading type word, which then narrows the match to that type,
 * and else as written ("Xa Lý" is a name, not "xã Lý").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-locality-private.h"
#include "ct-text.h"

#include <string.h>

gchar *
ct_locality_key (const gchar *name,
                 gssize       len)
{
  g_autofree gchar *folded = ct_text_fold (name, len);
  gchar *out = folded, *key;

  for (const gchar *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
      *out++ = *p;
  *out = '\0';
  key = g_strdup (folded);
  return key;
}

static gint
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (gint) strlen (*(const gchar * const *) b) - (gint) strlen (*(const gchar * const *) a);
}

void
ct_locality_types_load (CtGazetteer *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/chitieu/Chitieu/data/gazetteer-types.tsv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;

  self->types = g_ptr_array_new ();
  if (bytes == NULL)
    {
      g_critical ("gazetteer table gazetteer-types.tsv is missing from the resources");
      return;
    }
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) row = g_strsplit (lines[i], "\t", -1);
      g_auto(GStrv) tiers = NULL;
      CtLocalityType *t;

      if (lines[i][0] == '#' || g_strv_length (row) < 3)
        continue;
      t = g_new0 (CtLocalityType, 1);
      t->type = g_strdup (row[0]);
      t->type_key = ct_locality_key (row[0], -1);
      tiers = g_strsplit (row[1], ",", -1);
      for (guint k = 0; tiers[k] != NULL; k++)
        {
          CtLocalityTier tier = ct_locality_tier_of_level (tiers[k]);

          if (tier != CT_LOCALITY_ANY)
            t->tiers[tier] = TRUE;
        }
      t->spellings = g_strsplit (g_strstrip (row[2]), ",", -1);
      qsort (t->spellings, g_strv_length (t->spellings), sizeof (gchar *), longest_first);
      g_ptr_array_add (self->types, t);
    }
}

CtLocalityTier
ct_locality_tier_of_level (const gchar *level)
{
  g_autofree gchar *key = NULL;
  static const struct { const gchar *key; CtLocalityTier tier; } tiers[] = {
    /* The tiers of the reports' level words (levels.tsv) and of the type
     * words of the lists. */
    { "tinh", CT_LOCALITY_PROVINCE },
    { "huyen", CT_LOCALITY_DISTRICT }, { "quan", CT_LOCALITY_DISTRICT },
    { "thixa", CT_LOCALITY_DISTRICT }, { "thanhpho", CT_LOCALITY_DISTRICT },
    { "xa", CT_LOCALITY_COMMUNE }, { "phuong", CT_LOCALITY_COMMUNE },
    { "thitran", CT_LOCALITY_COMMUNE }, { "dackhu", CT_LOCALITY_COMMUNE },
  };

  if (level == NULL)
    return CT_LOCALITY_ANY;
  key = ct_locality_key (level, -1);
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_str_equal (key, tiers[i].key))
      return tiers[i].tier;
  return CT_LOCALITY_ANY;
}

/* The type word TEXT starts with, and where the name after it begins. */
static const CtLocalityType *
leading_type (const CtGazetteer *self,
              const gchar       *text,
              const gchar      **rest)
{
  g_autofree gchar *low = g_utf8_strdown (text, -1);

  /* Lower-casing Vietnamese keeps each letter's byte length, so offsets in
   * LOW are offsets in TEXT. */
  if (strlen (low) != strlen (text))
    return NULL;
  for (guint i = 0; i < self->types->len; i++)
    {
      const CtLocalityType *t = g_ptr_array_index (self->types, i);

      for (guint s = 0; t->spellings[s] != NULL; s++)
        {
          const gchar *sp = t->spellings[s];
          gsize n = strlen (sp);

          if (n == 0 || strncmp (low, sp, n) != 0)
            continue;
          if (sp[n - 1] != '.' && low[n] != ' ')
            continue;
          *rest = text + n;
          while (**rest == ' ')
            (*rest)++;
          return **rest != '\0' ? t : NULL;
        }
    }
  return NULL;
}

/* When some units are spelt exactly as asked ("Nam Đông"), the ones that
 * only fold alike ("Nam Đồng") are other places; when none is, the
 * spelling differs (tone placement, "Thừa Thiên - Huế") and all count. */
static void
keep_exact (GPtrArray   *units,
            guint        from,
            const gchar *name)
{
  g_autofree gchar *want = g_utf8_strdown (name, -1);
  gboolean any = FALSE;

  for (guint i = from; i < units->len && !any; i++)
    {
      g_autofree gchar *have = g_utf8_strdown (((const CtLocality *) g_ptr_array_index (units, i))->name, -1);

      any = g_str_equal (have, want);
    }
  for (guint i = units->len; any && i > from; i--)
    {
      g_autofree gchar *have = g_utf8_strdown (((const CtLocality *) g_ptr_array_index (units, i - 1))->name, -1);

      if (!g_str_equal (have, want))
        g_ptr_array_remove_index (units, i - 1);
    }
}

static void
collect (const CtGazetteer    *self,
         const gchar          *name,
         const CtLocalityType *type,
         CtLocalityTier        tier,
         const gchar          *when,
         GPtrArray            *out)
{
  g_autofree gchar *key = ct_locality_key (name, -1);
  GArray *list = g_hash_table_lookup (self->names, key);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const CtLocality *u = &self->units[g_array_index (list, guint, i)];

      if (tier != CT_LOCALITY_ANY && u->tier != tier)
        continue;
      if (type != NULL && !type->tiers[u->tier])
        continue;
      if (type != NULL)
        {
          g_autofree gchar *type_key = ct_locality_key (u->type, -1);

          if (!g_str_equal (type_key, type->type_key))
            continue;
        }
      if (!ct_locality_valid_at (u, when))
        continue;
      g_ptr_array_add (out, (gpointer) u);
    }
  keep_exact (out, 0, name);
}

GPtrArray *
ct_gazetteer_find (const CtGazetteer *self,
                   const gchar       *text,
                   CtLocalityTier     tier,
                   const gchar       *when)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autofree gchar *trimmed = NULL;
  const CtLocalityType *type;
  const gchar *rest = NULL;

  if (text == NULL)
    return out;
  trimmed = g_strstrip (g_strdup (text));
  type = leading_type (self, trimmed, &rest);
  if (type != NULL)
    collect (self, rest, type, tier, when, out);
  if (out->len == 0)
    collect (self, trimmed, NULL, tier, when, out);
  return out;
}

const CtLocality *
ct_gazetteer_find_province (const CtGazetteer *self,
                            const gchar       *text,
                            const gchar       *when)
{
  g_autoptr(GPtrArray) found = ct_gazetteer_find (self, text, CT_LOCALITY_PROVINCE, when);

  if (found->len == 0 && when != NULL)
    {
      g_ptr_array_unref (found);
      found = ct_gazetteer_find (self, text, CT_LOCALITY_PROVINCE, NULL);
    }
  /* Before and after the reform the same province is two units; the
   * earlier one is the one a report of that time means. */
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}
