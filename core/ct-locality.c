/* ct-locality.c: what a unit of the gazetteer says about itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-locality-private.h"
#include "ct-text.h"

#include <string.h>

void
ct_locality_key_compact (gchar *folded)
{
  gchar *out = folded;

  for (const gchar *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
      *out++ = *p;
  *out = '\0';
}

gchar *
ct_locality_key (const gchar *name,
                 gssize       len)
{
  gchar *key = ct_text_fold (name, len);

  ct_locality_key_compact (key);
  return key;
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

gchar *
ct_locality_full_name (const CtLocality *self)
{
  return g_strconcat (self->type, " ", self->name, NULL);
}

/* WHEN is a year ("2023": any of its days) or a day. ISO dates compare as
 * strings. */
gboolean
ct_locality_valid_at (const CtLocality *self,
                      const gchar      *when)
{
  gchar first[11] = "0000-01-01", last[11] = "0000-12-31";

  if (when == NULL || *when == '\0')
    return TRUE;
  if (strlen (when) == 4)
    {
      memcpy (first, when, 4);
      memcpy (last, when, 4);
    }
  else
    {
      g_strlcpy (first, when, sizeof first);
      g_strlcpy (last, when, sizeof last);
    }
  return (self->valid_from == NULL || strcmp (self->valid_from, last) <= 0) &&
         (self->valid_to == NULL || strcmp (first, self->valid_to) <= 0);
}

gboolean
ct_locality_is_after_reform (const CtLocality *self)
{
  return self->valid_from != NULL && strcmp (self->valid_from, CT_LOCALITY_REFORM_DATE) >= 0;
}

const CtLocality *
ct_locality_get_province (const CtLocality *self)
{
  while (self != NULL && self->tier != CT_LOCALITY_PROVINCE)
    self = self->parent;
  return self;
}

gboolean
ct_locality_same_province (const CtLocality *a,
                           const CtLocality *b)
{
  a = ct_locality_get_province (a);
  b = ct_locality_get_province (b);
  if (a == NULL || b == NULL)
    return FALSE;
  return g_str_equal (a->code, b->code) && ct_locality_is_after_reform (a) == ct_locality_is_after_reform (b);
}
