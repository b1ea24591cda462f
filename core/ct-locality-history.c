/* ct-locality-history.c: units across the 2025 reform
 *
 * The map links each unit of June 2025 to the units of July 2025 it went
 * into. A district had no successor of its own: what covers it now are the
 * new communes its communes went into (five island districts without
 * communes became a Đặc khu each and are in the map themselves). A name
 * retired before June 2025 goes through the unit that holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-locality-private.h"
#include "ct-i18n.h"
#include "ct-text.h"

#include <stdlib.h>
#include <string.h>

/* The first pair whose KEY field (old or new) is INDEX, by binary search. */
static guint
first_pair (GArray   *pairs,
            gboolean  by_new,
            guint     index)
{
  guint lo = 0, hi = pairs->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const CtLocalityPair *p = &g_array_index (pairs, CtLocalityPair, mid);

      if ((by_new ? p->new_unit : p->old_unit) < index)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
add_mapped (const CtGazetteer *gz,
            GArray            *pairs,
            gboolean           by_new,
            guint              index,
            GHashTable        *seen,
            GPtrArray         *out)
{
  for (guint i = first_pair (pairs, by_new, index); i < pairs->len; i++)
    {
      const CtLocalityPair *p = &g_array_index (pairs, CtLocalityPair, i);
      guint key = by_new ? p->new_unit : p->old_unit;
      const CtLocality *other = &gz->units[by_new ? p->old_unit : p->new_unit];

      if (key != index)
        break;
      if (g_hash_table_add (seen, (gpointer) other))
        g_ptr_array_add (out, (gpointer) other);
    }
}

static gint
by_code (gconstpointer a,
         gconstpointer b)
{
  const CtLocality *x = *(const CtLocality * const *) a;
  const CtLocality *y = *(const CtLocality * const *) b;

  return strcmp (x->code, y->code);
}

/* @self's successors in @gz, the gazetteer it belongs to. */
static GPtrArray *
successors_in (const CtGazetteer *gz,
               const CtLocality  *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  if (self->renamed_to != NULL)
    self = self->renamed_to;
  if (ct_locality_is_after_reform (self))
    return out;
  add_mapped (gz, gz->by_old, FALSE, self->index, seen, out);
  if (self->tier == CT_LOCALITY_DISTRICT)
    for (guint i = gz->first_child[self->index]; i != G_MAXUINT; i = gz->next_sibling[i])
      if (gz->units[i].tier == CT_LOCALITY_COMMUNE)
        add_mapped (gz, gz->by_old, FALSE, i, seen, out);
  g_ptr_array_sort (out, by_code);
  return out;
}

GPtrArray *
ct_locality_successors (const CtLocality *self)
{
  return successors_in (ct_gazetteer_get (), self);
}

GPtrArray *
ct_locality_children (const CtLocality *self)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = gz->first_child[self->index]; i != G_MAXUINT; i = gz->next_sibling[i])
    g_ptr_array_add (out, &gz->units[i]);
  return out;
}

GPtrArray *
ct_locality_predecessors (const CtLocality *self)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  if (ct_locality_is_after_reform (self))
    add_mapped (gz, gz->by_new, TRUE, self->index, seen, out);
  g_ptr_array_sort (out, by_code);
  return out;
}

gboolean
ct_locality_is_split (const CtLocality *self)
{
  g_autoptr(GPtrArray) next = NULL;

  if (self->tier != CT_LOCALITY_COMMUNE || ct_locality_is_after_reform (self))
    return FALSE;
  next = ct_locality_successors (self);
  return next->len > 1;
}

static const CtLocality *
current_province_in (const CtGazetteer *gz,
                     const CtLocality  *self)
{
  const CtLocality *province = ct_locality_get_province (self);
  g_autoptr(GPtrArray) next = NULL;

  if (province == NULL || ct_locality_is_after_reform (province))
    return province;
  next = successors_in (gz, province);
  return next->len > 0 ? g_ptr_array_index (next, 0) : NULL;
}

const CtLocality *
ct_locality_current_province (const CtLocality *self)
{
  return current_province_in (ct_gazetteer_get (), self);
}

const CtLocality *
ct_locality_province_at (const CtLocality *self,
                         const gchar      *when)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  const CtLocality *province = ct_locality_get_province (self);

  if (province == NULL || ct_locality_valid_at (province, when))
    return province;
  for (guint i = gz->first_former; i < gz->n_units; i++)
    {
      const CtLocality *u = &gz->units[i];

      if (u->tier == CT_LOCALITY_PROVINCE && u->renamed_to == province && ct_locality_valid_at (u, when))
        return u;
    }
  return province;
}

static const CtLocality *
province_now (const gchar  *province,
              const gchar  *when,
              gchar       **former)
{
  const CtGazetteer *gz = ct_gazetteer_get_provinces ();
  const CtLocality *named = ct_gazetteer_find_province (gz, province, when);
  const CtLocality *now = named != NULL ? current_province_in (gz, named) : NULL;
  g_autofree gchar *named_key = NULL;
  g_autofree gchar *now_key = NULL;
  g_autoptr(GDate) end = NULL;

  *former = NULL;
  if (now == NULL)
    return NULL;
  named_key = ct_locality_key (named->name, -1);
  now_key = ct_locality_key (now->name, -1);
  if (g_str_equal (named_key, now_key) || named->valid_to == NULL)
    return now;

  /* The former name held until the day before the month shown. */
  end = g_date_new ();
  g_date_set_parse (end, named->valid_to);
  if (g_date_valid (end))
    {
      g_date_add_days (end, 1);
      /* Translators: a province's former name and the month it ended,
       * e.g. "Thừa Thiên Huế trước 1/2025" */
      *former = g_strdup_printf (_("%s before %d/%d"), named->name,
                                 g_date_get_month (end), g_date_get_year (end));
    }
  return now;
}

typedef struct
{
  const CtLocality *now;
  gchar            *former;
} ProvinceNow;

static void
province_now_free (gpointer data)
{
  ProvinceNow *answer = data;

  g_free (answer->former);
  g_free (answer);
}

/* The answer for PROVINCE at WHEN depends on WHEN only through which of
 * the units its name can mean are valid then: two dates alike in that are
 * one question. A library's reports bear hundreds of dates, and the units
 * of one name change a few times at most. Called with the lock held. */
static gchar *
question_key (GHashTable  *candidates,
              const gchar *province,
              const gchar *when)
{
  GPtrArray *units = g_hash_table_lookup (candidates, province);
  guint64 valid = 0;

  if (units == NULL)
    {
      units = ct_gazetteer_find_candidates (ct_gazetteer_get_provinces (), province);
      g_hash_table_insert (candidates, g_strdup (province), units);
    }
  if (units->len > 64)
    return g_strconcat (province, "\x1f", when != NULL ? when : "", NULL);
  for (guint i = 0; i < units->len; i++)
    if (ct_locality_valid_at (g_ptr_array_index (units, i), when))
      valid |= G_GUINT64_CONSTANT (1) << i;
  return g_strdup_printf ("%s\x1e%" G_GINT64_MODIFIER "x", province, valid);
}

/* A library lists thousands of reports from a few provinces and dates:
 * each question is answered once per process. The answers point into the
 * provinces' gazetteer, which never changes. */
const CtLocality *
ct_locality_province_now (const gchar  *province,
                          const gchar  *when,
                          gchar       **former)
{
  static GMutex lock;
  static GHashTable *answers;
  static GHashTable *candidates;
  g_autofree gchar *key = NULL;
  ProvinceNow *answer;

  if (former != NULL)
    *former = NULL;
  if (province == NULL)
    return NULL;
  g_mutex_lock (&lock);
  if (answers == NULL)
    {
      answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, province_now_free);
      candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
    }
  key = question_key (candidates, province, when);
  answer = g_hash_table_lookup (answers, key);
  if (answer == NULL)
    {
      answer = g_new0 (ProvinceNow, 1);
      answer->now = province_now (province, when, &answer->former);
      g_hash_table_insert (answers, g_steal_pointer (&key), answer);
    }
  g_mutex_unlock (&lock);
  if (former != NULL)
    *former = g_strdup (answer->former);
  return answer->now;
}

/* -1 before the reform, 1 after, 0 when WHEN cannot say ("2025"). */
static gint
side_of (const gchar *when)
{
  if (when == NULL || strlen (when) < 4)
    return 0;
  if (strlen (when) == 4)
    {
      gint year = atoi (when);

      return year < 2025 ? -1 : year > 2025 ? 1 : 0;
    }
  return strcmp (when, CT_LOCALITY_REFORM_DATE) < 0 ? -1 : 1;
}

gchar *
ct_locality_reform_note (const gchar * const *whens)
{
  gboolean before = FALSE, after = FALSE;

  for (guint i = 0; whens != NULL && whens[i] != NULL; i++)
    {
      gint side = side_of (whens[i]);

      before |= side < 0;
      after |= side > 0;
    }
  if (!before || !after)
    return NULL;
  return g_strdup (_("Figures from before and after 1 July 2025 side by side: districts were "
                     "abolished and provinces and communes merged that day, so a former district "
                     "and a new commune do not cover the same area."));
}
