/* ct-locality-private.h: the gazetteer's tables, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ct-locality.h"

G_BEGIN_DECLS

typedef struct
{
  guint old_unit; /* index of a unit of June 2025 */
  guint new_unit; /* index of a unit of July 2025 */
} CtLocalityPair;

typedef struct
{
  gchar          *type;      /* "Thị xã", as the lists write it */
  gboolean        tiers[CT_LOCALITY_ANY];
  gchar         **spellings; /* lower case, longest first within the row */
} CtLocalityType;

struct _CtGazetteer
{
  gchar        *text[4];     /* the tables, cut in place */
  GStringChunk *strings;     /* dates computed at load */
  gchar        *keys;        /* the names' keys, one after another */
  CtLocality   *units;       /* June list, July list, retired names */
  guint         n_units;
  guint         first_after;  /* index of the first unit of July 2025 */
  guint         first_former; /* index of the first retired name */
  GHashTable   *names;       /* name key → GArray of guint unit indexes */
  guint        *first_child;  /* unit index → its first child, G_MAXUINT none */
  guint        *next_sibling; /* unit index → the next child of its parent */
  GArray       *by_old;      /* CtLocalityPair sorted by old unit */
  GArray       *by_new;      /* the same sorted by new unit */
  GPtrArray    *types;       /* CtLocalityType */
};

/* The provinces alone (June and July 2025, retired names, their map), a
 * gazetteer of its own loaded on first call: what ct_locality_province_now()
 * needs, at a fraction of the whole load. Its units are not the whole
 * gazetteer's: ask only this one about them. */
const CtGazetteer *ct_gazetteer_get_provinces (void);
/* Every unit ct_gazetteer_find() could answer TEXT with at some date
 * (borrowed; a unit may appear twice): what its answer can depend on. */
GPtrArray         *ct_gazetteer_find_candidates (const CtGazetteer *self,
                                                 const gchar       *text);
/* The whole gazetteer if some question has loaded it, else NULL. */
const CtGazetteer *ct_gazetteer_peek          (void);

/* Tones, case, spaces and punctuation folded away: "Thừa Thiên - Huế" →
 * "thuathienhue", "Hoà" = "Hòa", "Ea M' Doal" = "Ea M'Doal". */
gchar *ct_locality_key         (const gchar *name,
                                gssize       len);
/* Drops from a folded name what is not a letter or digit, in place. */
void   ct_locality_key_compact (gchar       *folded);

G_END_DECLS
