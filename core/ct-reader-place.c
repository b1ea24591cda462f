/* ct-reader-place.c: the locality a report names, against the gazetteer
 *
 * The metadata guess finds a level word and a name ("huyện Đà Lạt" …); the
 * gazetteer says which unit that is at the report's date and so which
 * province it lies in, even when the text never names the province. A name
 * several provinces share ("Châu Thành") is decided by the rest of the
 * text (the province named in passing, communes of one of the candidates);
 * when nothing decides, the candidates go to the import dialog: a wrong
 * province files the report under someone else's name, so it is never
 * guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-metadata.h"
#include "ct-i18n.h"
#include "ct-locality.h"

#include <stdlib.h>
#include <string.h>

#define SCAN_LIMIT (256 * 1024)

typedef struct
{
  const CtLocality *unit;
  const CtLocality *province; /* under its name at the report's date */
  guint             hints;
} Choice;

static GPtrArray *
find_units (const gchar  *level,
            const gchar  *name,
            const gchar  *when,
            gboolean     *in_force)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  g_autofree gchar *typed = level != NULL ? g_strconcat (level, " ", name, NULL) : g_strdup (name);
  CtLocalityTier tier = ct_locality_tier_of_level (level);
  GPtrArray *found;

  *in_force = TRUE;
  found = ct_gazetteer_find (gz, typed, tier, when);
  /* "thành phố" before a province's name ("Thành phố Cần Thơ"). */
  if (found->len == 0 && tier == CT_LOCALITY_DISTRICT)
    {
      g_ptr_array_unref (found);
      found = ct_gazetteer_find (gz, typed, CT_LOCALITY_PROVINCE, when);
    }
  if (found->len == 0 && when != NULL)
    {
      /* Named, but not in force at the report's date: said below. */
      g_ptr_array_unref (found);
      found = ct_gazetteer_find (gz, typed, CT_LOCALITY_ANY, NULL);
      *in_force = found->len == 0;
    }
  return found;
}

/* One choice per province: a huyện and a thị xã of one name in one
 * province are the same answer to "which province". */
static GArray *
choices_of (GPtrArray   *units,
            const gchar *when)
{
  GArray *choices = g_array_new (FALSE, TRUE, sizeof (Choice));

  for (guint i = 0; i < units->len; i++)
    {
      const CtLocality *u = g_ptr_array_index (units, i);
      gboolean seen = FALSE;

      for (guint c = 0; c < choices->len && !seen; c++)
        seen = ct_locality_same_province (g_array_index (choices, Choice, c).unit, u);
      if (!seen && ct_locality_get_province (u) != NULL)
        {
          Choice choice = { u, ct_locality_province_at (u, when), 0 };

          g_array_append_val (choices, choice);
        }
    }
  return choices;
}

static guint
count_in (const gchar *haystack,
          const gchar *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (const gchar *hit = strstr (haystack, needle); n > 0 && hit != NULL; hit = strstr (hit + n, needle))
    {
      gunichar after = g_utf8_get_char (hit + n);

      if (!g_unichar_isalnum (after) && !g_unichar_ismark (after))
        count++;
    }
  return count;
}

/* Hints in the text for each candidate: its province named anywhere, and
 * communes of that district named with their type word ("xã Tân Phú"). */
static void
count_hints (const CtDocument *doc,
             GArray           *choices)
{
  g_autofree gchar *low = g_utf8_strdown (doc->text, MIN (doc->text_len, SCAN_LIMIT));

  for (guint c = 0; c < choices->len; c++)
    {
      Choice *choice = &g_array_index (choices, Choice, c);
      g_autofree gchar *province = g_utf8_strdown (choice->province->name, -1);
      g_autoptr(GPtrArray) communes = NULL;

      choice->hints = 2 * count_in (low, province);
      /* A commune's report names its district ("huyện Chợ Mới"). */
      if (choice->unit->parent != NULL && choice->unit->parent->tier == CT_LOCALITY_DISTRICT)
        {
          g_autofree gchar *district = ct_locality_full_name (choice->unit->parent);
          g_autofree gchar *district_low = g_utf8_strdown (district, -1);

          choice->hints += 2 * count_in (low, district_low);
        }
      if (choice->unit->tier != CT_LOCALITY_DISTRICT)
        continue;
      communes = ct_locality_children (choice->unit);
      for (guint i = 0; i < communes->len; i++)
        {
          const CtLocality *commune = g_ptr_array_index (communes, i);
          g_autofree gchar *full = NULL;
          g_autofree gchar *full_low = NULL;

          full = ct_locality_full_name (commune);
          full_low = g_utf8_strdown (full, -1);
          choice->hints += count_in (low, full_low);
        }
    }
}

/* The candidate the text speaks for clearly, or NULL. */
static const Choice *
decide (GArray *choices)
{
  const Choice *best = NULL;
  guint second = 0;

  for (guint c = 0; c < choices->len; c++)
    {
      const Choice *choice = &g_array_index (choices, Choice, c);

      if (best == NULL || choice->hints > best->hints)
        {
          second = best != NULL ? best->hints : 0;
          best = choice;
        }
      else
        second = MAX (second, choice->hints);
    }
  if (best == NULL || best->hints == 0 || best->hints < 2 * second)
    return NULL;
  return best;
}

static void
ask_province (CtDocument *doc,
              GArray     *choices)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree gchar *joined = NULL;

  for (guint c = 0; c < choices->len; c++)
    g_strv_builder_add (names, g_array_index (choices, Choice, c).province->name);
  list = g_strv_builder_end (names);
  joined = g_strjoinv (", ", list);
  g_strfreev (doc->meta.province_choices);
  doc->meta.province_choices = g_steal_pointer (&list);
  g_ptr_array_add (doc->warnings,
                   g_strdup_printf (_("“%s %s” is a name in several provinces (%s) and the report "
                                      "does not say which; choose the province when importing."),
                                    doc->meta.level.value, doc->meta.locality.value, joined));
}

/* A report points at a unit in force at its date: a district after the
 * reform, or a unit of the new list before it, means the date or the name
 * was read wrong, or the report is not what it seems. */
static void
flag_out_of_time (CtDocument       *doc,
                  const CtLocality *unit,
                  const gchar      *when)
{
  g_autofree gchar *full = ct_locality_full_name (unit);

  if (ct_locality_is_after_reform (unit))
    g_ptr_array_add (doc->warnings,
                     g_strdup_printf (_("The report is dated %s, before 1 July 2025, yet “%s” exists only "
                                        "since then; check the report’s date and locality."), when, full));
  else if (unit->tier == CT_LOCALITY_DISTRICT && strcmp (when, CT_LOCALITY_REFORM_DATE) >= 0)
    g_ptr_array_add (doc->warnings,
                     g_strdup_printf (_("The report is dated %s, after districts were abolished on 1 July "
                                        "2025, yet it names “%s”; check the report’s date and locality."),
                                      when, full));
  else
    g_ptr_array_add (doc->warnings,
                     g_strdup_printf (_("“%s” did not exist on the report’s date (%s); check the report’s "
                                        "date and locality."), full, when));
}

static void
set_province (CtDocument       *doc,
              const CtLocality *province,
              gdouble           confidence)
{
  ct_meta_field_set (&doc->meta.province, province->name, confidence);
}

void
ct_metadata_resolve_place (CtDocument *doc)
{
  const gchar *when = doc->meta.date.value != NULL ? doc->meta.date.value : doc->meta.year.value;
  const CtLocality *stated = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GArray) choices = NULL;
  const Choice *chosen = NULL;
  gboolean in_force;

  if (doc->meta.locality.value == NULL || g_strcmp0 (doc->meta.level.value, "tỉnh") == 0)
    return;
  units = find_units (doc->meta.level.value, doc->meta.locality.value, when, &in_force);
  if (units->len == 0)
    return;
  choices = choices_of (units, when);
  if (doc->meta.province.value != NULL)
    stated = ct_gazetteer_find_province (ct_gazetteer_get (), doc->meta.province.value, when);
  for (guint c = 0; stated != NULL && c < choices->len; c++)
    if (ct_locality_same_province (g_array_index (choices, Choice, c).unit, stated))
      chosen = &g_array_index (choices, Choice, c);

  if (chosen == NULL && choices->len == 1)
    {
      chosen = &g_array_index (choices, Choice, 0);
      /* A sure locality is the stronger evidence: the province named most
       * often may be the one the report goes to. A locality found only in
       * passing does not overrule a province the text names. */
      if (stated == NULL || doc->meta.locality.confidence >= doc->meta.province.confidence)
        set_province (doc, chosen->province, MIN (0.9, doc->meta.locality.confidence + 0.1));
    }
  else if (chosen == NULL)
    {
      count_hints (doc, choices);
      chosen = decide (choices);
      if (chosen != NULL)
        set_province (doc, chosen->province, 0.7);
      else
        ask_province (doc, choices);
    }
  if (!in_force && when != NULL)
    flag_out_of_time (doc, chosen != NULL ? chosen->unit : g_ptr_array_index (units, 0), when);
}
