/* ct-cli-locality.c: `chitieu locality [--when DATE] [--province NAME] NAME…`
 *
 * What a name stands for across the 2025 reform: each unit of that name,
 * its province and when it was in force; for a unit of before July 2025
 * the new units that cover it, for a new unit the ones it was formed from.
 * A former district's successors are marked when they also cover other
 * districts or only part of a commune, because a sum over them then
 * differs from the district's own figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-locality.h"
#include "ct-text.h"

/* "Xã Hương Xuân (Huyện Phú Lộc, Thành phố Huế)": a unit with its
 * district and province under the names they had while it existed. */
static gchar *
describe (const CtLocality *unit)
{
  const gchar *when = unit->valid_to != NULL ? unit->valid_to : unit->valid_from;
  const CtLocality *province = ct_locality_province_at (unit, when);
  g_autofree gchar *full = ct_locality_full_name (unit);
  g_autofree gchar *province_name = NULL;

  if (province == NULL || province == unit)
    return g_steal_pointer (&full);
  province_name = ct_locality_full_name (province);
  if (unit->parent != NULL && unit->parent->tier == CT_LOCALITY_DISTRICT)
    {
      g_autofree gchar *district = ct_locality_full_name (unit->parent);

      return g_strdup_printf ("%s (%s, %s)", full, district, province_name);
    }
  return g_strdup_printf ("%s (%s)", full, province_name);
}

static gchar *
validity (const CtLocality *unit)
{
  if (unit->valid_from != NULL && unit->valid_to != NULL)
    return g_strdup_printf (_("from %s to %s"), unit->valid_from, unit->valid_to);
  if (unit->valid_from != NULL)
    return g_strdup_printf (_("since %s"), unit->valid_from);
  if (unit->valid_to != NULL)
    return g_strdup_printf (_("until %s"), unit->valid_to);
  return g_strdup ("");
}

/* Whether NEW also covers land outside DISTRICT, or only part of one of
 * its communes. */
static gboolean
covers_more (const CtLocality *district,
             const CtLocality *new_unit)
{
  g_autoptr(GPtrArray) before = ct_locality_predecessors (new_unit);

  for (guint i = 0; i < before->len; i++)
    {
      const CtLocality *old = g_ptr_array_index (before, i);

      if (old->tier == CT_LOCALITY_COMMUNE && old->parent != district)
        return TRUE;
      if (old->parent == district && ct_locality_is_split (old))
        return TRUE;
    }
  return FALSE;
}

static void
print_successors (const CtLocality *unit)
{
  const CtLocality *holder = unit->renamed_to != NULL ? unit->renamed_to : unit;
  g_autoptr(GPtrArray) next = ct_locality_successors (unit);
  gboolean marked = FALSE;

  if (unit->renamed_to != NULL)
    {
      g_autofree gchar *into = ct_locality_full_name (unit->renamed_to);

      if (g_str_equal (unit->code, unit->renamed_to->code))
        g_print (_("  renamed %s after %s\n"), into, unit->valid_to);
      else
        g_print (_("  became part of %s after %s\n"), into, unit->valid_to);
    }
  if (next->len == 0)
    return;
  if (holder != unit && holder->tier == CT_LOCALITY_DISTRICT && !g_str_equal (holder->code, unit->code))
    {
      g_autofree gchar *into = ct_locality_full_name (holder);

      /* Which communes the retired district had is not in the lists. */
      g_print (_("  from %s, together with the rest of %s, covered by:\n"), CT_LOCALITY_REFORM_DATE, into);
    }
  else
    g_print (_("  from %s covered by:\n"), CT_LOCALITY_REFORM_DATE);
  for (guint i = 0; i < next->len; i++)
    {
      const CtLocality *n = g_ptr_array_index (next, i);
      g_autofree gchar *text = describe (n);
      gboolean more = holder->tier == CT_LOCALITY_DISTRICT && covers_more (holder, n);

      marked |= more;
      g_print ("    %s%s\n", text, more ? " *" : "");
    }
  if (marked)
    g_print ("%s\n", _("  * also covers other districts or only part of a commune: a sum over "
                       "these communes only approximates the district’s figure"));
}

static void
print_predecessors (const CtLocality *unit)
{
  g_autoptr(GPtrArray) before = ct_locality_predecessors (unit);

  if (before->len == 0)
    return;
  g_print ("%s\n", _("  formed on 1 July 2025 from:"));
  for (guint i = 0; i < before->len; i++)
    {
      const CtLocality *o = g_ptr_array_index (before, i);
      g_autofree gchar *text = describe (o);

      g_print ("    %s%s\n", text, ct_locality_is_split (o) ? _(" (in part)") : "");
    }
}

static void
print_unit (const CtLocality *unit)
{
  g_autofree gchar *text = describe (unit);
  g_autofree gchar *when = validity (unit);

  g_print ("%s\t%s\n", text, when);
  if (ct_locality_is_after_reform (unit))
    print_predecessors (unit);
  else
    print_successors (unit);
}

static gboolean
in_province (const CtLocality *unit,
             const gchar      *province)
{
  const CtLocality *named;

  if (province == NULL)
    return TRUE;
  named = ct_gazetteer_find_province (ct_gazetteer_get (), province, NULL);
  return named != NULL && ct_locality_same_province (unit, named);
}

int
ct_cli_locality (int    argc,
                 char **argv)
{
  g_autofree gchar *when = NULL;
  g_autofree gchar *province = NULL;
  g_autofree gchar *name = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint shown = 0;
  const GOptionEntry entries[] = {
    { "when", 'w', 0, G_OPTION_ARG_STRING, &when,
      N_("Only units in force then: a year (2023) or a day (2023-06-15)"), N_("DATE") },
    { "province", 'p', 0, G_OPTION_ARG_STRING, &province,
      N_("Only units in this province (its name then or now)"), N_("NAME") },
    { NULL }
  };

  if (!ct_cli_parse_options (&argc, &argv, entries, _("NAME…"),
                             _("Show a province, district or commune before and after 1 July 2025.")))
    return CT_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("chitieu: give a name, for example “chitieu locality huyện Hạ Lang”.\n"));
      return CT_CLI_EXIT_USAGE;
    }
  if (when != NULL && !g_regex_match_simple ("^\\d{4}(-\\d{2}-\\d{2})?$", when, 0, 0))
    {
      g_printerr (_("chitieu: --when takes a year (2023) or a day (2023-06-15), not “%s”.\n"), when);
      return CT_CLI_EXIT_USAGE;
    }

  name = g_strjoinv (" ", argv + 1);
  found = ct_gazetteer_find (ct_gazetteer_get (), name, CT_LOCALITY_ANY, when);
  for (guint i = 0; i < found->len; i++)
    if (in_province (g_ptr_array_index (found, i), province))
      {
        print_unit (g_ptr_array_index (found, i));
        shown++;
      }
  if (shown == 0)
    {
      g_printerr (_("chitieu: no province, district or commune called “%s” was found; check the "
                    "spelling, or leave out --when and --province.\n"), name);
      return CT_CLI_EXIT_FAILED;
    }
  return CT_CLI_EXIT_OK;
}
