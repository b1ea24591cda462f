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
      if (type != NULL && !g_str_equal (u->type, type->type))
        continue;
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

/* Adds the units under NAME's key (borrowed), whatever their dates. */
static void
add_keyed (const CtGazetteer *self,
           const gchar       *name,
           GPtrArray         *out)
{
  g_autofree gchar *key = ct_locality_key (name, -1);
  GArray *list = g_hash_table_lookup (self->names, key);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (out, &self->units[g_array_index (list, guint, i)]);
}

GPtrArray *
ct_gazetteer_find_candidates (const CtGazetteer *self,
                              const gchar       *text)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autofree gchar *trimmed = NULL;
  const gchar *rest = NULL;

  if (text == NULL)
    return out;
  /* The keys ct_gazetteer_find() looks under, in its order. */
  trimmed = g_strstrip (g_strdup (text));
  if (leading_type (self, trimmed, &rest) != NULL)
    add_keyed (self, rest, out);
  add_keyed (self, trimmed, out);
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

const CtLocality *
ct_gazetteer_resolve (const CtGazetteer *self,
                      const gchar       *level,
                      const gchar       *name,
                      const gchar       *province,
                      const gchar       *when)
{
  g_autofree gchar *typed = level != NULL && *level != '\0' ? g_strconcat (level, " ", name, NULL) : g_strdup (name);
  g_autoptr(GPtrArray) found = ct_gazetteer_find (self, typed, ct_locality_tier_of_level (level), when);
  const CtLocality *in = province != NULL ? ct_gazetteer_find_province (self, province, when) : NULL;
  const CtLocality *match = NULL;

  if (found->len == 0)
    {
      g_ptr_array_unref (found);
      found = ct_gazetteer_find (self, typed, CT_LOCALITY_ANY, when);
    }
  for (guint i = 0; i < found->len; i++)
    {
      const CtLocality *u = g_ptr_array_index (found, i);

      if (in != NULL && !ct_locality_same_province (u, in))
        continue;
      /* Two places fit and nothing says which: none is the answer. */
      if (match != NULL && !ct_locality_same_province (u, match))
        return NULL;
      if (match == NULL)
        match = u;
    }
  return match;
}

