/* ct-locality.h: provinces, districts and communes before and after the 2025 reform
 *
 * On 1 July 2025 Vietnam abolished the district level and merged 63
 * provinces into 34 and about 10,000 communes into 3,321. The gazetteer
 * holds both lists (resources/data/gazetteer-*.tsv, from the official lists
 * named in README.md), the names retired between 2019 and 2025, and the map
 * from each unit of June 2025 to the units of July 2025 it went into.
 *
 * A unit is one name of one place over one stretch of time: "Tỉnh Thừa
 * Thiên Huế" (until 2024-12-31), "Thành phố Huế" (2025-01-01 … 2025-06-30)
 * and the Thành phố Huế of the new list are three units. Codes are the
 * statistics office's and are reused with another meaning across the
 * reform, so a code alone never names a unit.
 *
 * The gazetteer is loaded once, on first use, and never changes: every
 * pointer it hands out stays valid for the life of the process, and it may
 * be read from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The day the two-level system began. */
#define CT_LOCALITY_REFORM_DATE "2025-07-01"

typedef enum
{
  CT_LOCALITY_PROVINCE, /* tỉnh, thành phố trực thuộc trung ương */
  CT_LOCALITY_DISTRICT, /* huyện, quận, thị xã, thành phố thuộc tỉnh; gone since 2025-07-01 */
  CT_LOCALITY_COMMUNE,  /* xã, phường, thị trấn, đặc khu */
  CT_LOCALITY_ANY,
} CtLocalityTier;

typedef struct _CtLocality CtLocality;

struct _CtLocality
{
  const gchar      *code;       /* "46", "483", "20179" */
  const gchar      *type;       /* as the lists write it: "Tỉnh", "Thị xã", "Đặc khu" … */
  const gchar      *name;       /* without the type word: "Nam Đông" */
  CtLocalityTier    tier;
  const CtLocality *parent;     /* a district's province; an old commune's district,
                                 * a new commune's province; NULL for provinces */
  const gchar      *valid_from; /* ISO date, NULL: in force since before 2019 */
  const gchar      *valid_to;   /* ISO date, NULL: still in force */
  const CtLocality *renamed_to; /* a name retired before June 2025: the unit of
                                 * June 2025 that holds it (same code when renamed) */
  guint             index;      /* position in the gazetteer */
};

typedef struct _CtGazetteer CtGazetteer;

/* Loads the gazetteer on first call. */
const CtGazetteer *ct_gazetteer_get            (void);
guint              ct_gazetteer_get_n_units    (const CtGazetteer *self);
const CtLocality  *ct_gazetteer_get_unit       (const CtGazetteer *self,
                                                guint              index);

/* Units whose name is TEXT, folding tones, case, spaces and dashes
 * ("Thừa Thiên - Huế" = "thua thien hue"), with or without a leading type
 * word or its abbreviation ("TP. Hồ Chí Minh", "H. Nam Đông"); a type word
 * keeps only units of that type. TIER narrows to one level. WHEN ("2023" for
 * any day of that year, or "2023-06-15"; NULL for any time) keeps units in
 * force then. Returns const CtLocality *, in gazetteer order (provinces
 * first), owned by the gazetteer: free the array only. */
GPtrArray         *ct_gazetteer_find           (const CtGazetteer *self,
                                                const gchar       *text,
                                                CtLocalityTier     tier,
                                                const gchar       *when);
/* The unit of TEXT's province at WHEN, or failing that at any time; NULL
 * when no province has that name. */
const CtLocality  *ct_gazetteer_find_province  (const CtGazetteer *self,
                                                const gchar       *text,
                                                const gchar       *when);
/* The unit a stored report means: LEVEL ("huyện", may be NULL) and NAME
 * as the report gives them, in PROVINCE (the name it gives, may be NULL),
 * at WHEN. NULL when no unit, or units of several provinces, fit. */
const CtLocality  *ct_gazetteer_resolve        (const CtGazetteer *self,
                                                const gchar       *level,
                                                const gchar       *name,
                                                const gchar       *province,
                                                const gchar       *when);
/* The tier a level word of the reports ("huyện", "thị xã", "xã", "tỉnh" …)
 * stands for; "thành phố" is a district unless TEXT names a province. */
CtLocalityTier     ct_locality_tier_of_level   (const gchar       *level);

/* "Thành phố Huế", "Xã Nam Đông". Free with g_free(). */
gchar             *ct_locality_full_name       (const CtLocality  *self);
/* Whether the unit was in force on some day of WHEN ("2023" or "2023-06-15"). */
gboolean           ct_locality_valid_at        (const CtLocality  *self,
                                                const gchar       *when);
/* The province the unit lay in (itself for a province). */
const CtLocality  *ct_locality_get_province    (const CtLocality  *self);
/* The province the unit lay in, under the name it had at WHEN ("Tỉnh
 * Thừa Thiên Huế" for a district of 2023, "Thành phố Huế" in 2025). */
const CtLocality  *ct_locality_province_at     (const CtLocality  *self,
                                                const gchar       *when);
/* Whether two units name the same province (renamed or not) on the same
 * side of the reform. */
gboolean           ct_locality_same_province   (const CtLocality  *a,
                                                const CtLocality  *b);
/* The province of July 2025 the unit's province is now part of. */
const CtLocality  *ct_locality_current_province (const CtLocality *self);
/* TRUE for units of the two-level system (from 2025-07-01). */
gboolean           ct_locality_is_after_reform (const CtLocality  *self);

/* Across the reform. Both return const CtLocality *, owned by the
 * gazetteer, in code order. A unit of June 2025 (or a name retired before
 * it, through the unit that holds it) → the units of July 2025 covering
 * it: for a district, the new communes its communes went into. */
GPtrArray         *ct_locality_successors      (const CtLocality  *self);
/* The units whose parent it is (a province's districts, a district's
 * communes, a new province's communes), in gazetteer order. */
GPtrArray         *ct_locality_children        (const CtLocality  *self);
/* A unit of July 2025 → the communes (or, for a Đặc khu, the district) of
 * June 2025 it was formed from; for a province, the provinces. */
GPtrArray         *ct_locality_predecessors    (const CtLocality  *self);
/* Whether an old commune went into more than one new unit (a sum of new
 * communes then only approximates the old district's figure). */
gboolean           ct_locality_is_split        (const CtLocality  *self);

/* The province of July 2025 a report's province is now part of;
 * PROVINCE is the name the report gives, WHEN its date or year. When the
 * report's name is another, FORMER gets it with the month it ended ("Thừa
 * Thiên Huế trước 1/2025"; free it with g_free()), else NULL. Returns NULL
 * when no province has that name. The unit comes from a gazetteer of the
 * provinces alone, which this loads instead of the whole one: use its
 * names, type and dates; ask ct_gazetteer_find_province() for the unit to
 * follow through the reform. */
const CtLocality  *ct_locality_province_now     (const gchar      *province,
                                                 const gchar      *when,
                                                 gchar           **former);
/* The note a comparison carries when its columns straddle 1 July 2025:
 * WHENS are the columns' dates or years. NULL when all are on one side.
 * Free with g_free(). */
gchar             *ct_locality_reform_note      (const gchar * const *whens);

G_END_DECLS
