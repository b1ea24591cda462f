/* ct-catalog.h: canonical indicators and how labels map to them
 *
 * The catalogue is resources/data/indicators.tsv: one row per indicator with
 * its code, Vietnamese and English names, sector, unit, direction, alias
 * phrases, flow or level, the qualifiers that split its rows, its
 * exclusion phrases and whether its figures add up across localities. A label matches an indicator when every word of
 * one of its phrases occurs in the label in order (folded: no tones, marks or
 * case, đ = d; at most a few other words between them) and the units measure
 * the same thing. Among matches the longest phrase wins, then the tighter
 * one, then the earlier indicator. A label equal to a user alias (a user's
 * link, see ct_catalog_add_alias) maps to that indicator before any phrase.
 *
 * One catalogue serves one thread at a time (it caches match results).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a higher figure is better: lower for poverty, malnutrition,
 * burnt forest …; unknown gives no verdict rather than a guess. */
typedef enum
{
  CT_DIRECTION_UNKNOWN,
  CT_DIRECTION_HIGHER,
  CT_DIRECTION_LOWER,
} CtDirection;

/* A flow adds up over the year (output, revenue, disbursement); a level is
 * taken at the report date (herds, rates, coverage). */
typedef enum
{
  CT_MEASURE_FLOW,
  CT_MEASURE_LEVEL,
} CtMeasure;

typedef struct
{
  gchar     *code;
  gchar     *name;
  gchar     *name_en;
  gchar     *sector;
  gchar     *unit;
  gboolean   higher_is_better; /* direction != CT_DIRECTION_LOWER */
  CtDirection direction;
  CtMeasure  measure;
  gboolean   additive;  /* the figures of several localities add up */
  guint      index;     /* position in the catalogue (row order) */
  GPtrArray *aliases;   /* gchar *, as written in the catalogue */
  GPtrArray *excludes;  /* gchar *, folded: a label holding one never maps here */
  /* Qualifier dimensions ("season", "age" …, see ct-catalog-qualifier.h)
   * that split this indicator's rows, each with the concept's own value or
   * NULL: dimension → value. */
  GHashTable *qualifiers;
} CtIndicator;

typedef struct _CtCatalog CtCatalog;

/* Answers which dimension a unit measures ("mass", "area", "money",
 * "percent", a count noun …), or NULL when the unit is unknown. Two units
 * convert when their dimensions are equal. */
typedef const gchar *(*CtUnitDimensionFunc) (const gchar *unit);

/* The catalogue compiled into the program, units judged by ct-unit. */
CtCatalog         *ct_catalog_new             (GError      **error);
/* A checksum of the program's catalogue as ct_catalog_new() reads it: a
 * library that stored it needs no sync of its indicator rows (ct-store.c). */
gchar             *ct_catalog_checksum        (void);
/* From TSV text (same columns as indicators.tsv); dimension_func may be NULL
 * (then only identical unit spellings count as the same dimension). */
CtCatalog         *ct_catalog_new_from_data   (const gchar  *tsv,
                                               gsize         len,
                                               CtUnitDimensionFunc dimension_func,
                                               GError      **error);
void               ct_catalog_free            (CtCatalog    *self);

guint              ct_catalog_get_n_indicators (CtCatalog   *self);
const CtIndicator *ct_catalog_get_indicator   (CtCatalog    *self,
                                               guint         index);
/* By code, case-insensitive. */
const CtIndicator *ct_catalog_lookup          (CtCatalog    *self,
                                               const gchar  *code);
/* By code, or a name or alias equal after folding; NULL when an alias
 * names several indicators and none by its full name. */
const CtIndicator *ct_catalog_find            (CtCatalog    *self,
                                               const gchar  *code_or_name);
/* The indicators whose name or an alias equals @name after folding (a
 * new array of borrowed CtIndicator *). */
GPtrArray         *ct_catalog_find_candidates (CtCatalog    *self,
                                               const gchar  *name);

/* The indicator a label measured in unit (may be NULL) belongs to, or NULL
 * when nothing fits: the observation stays unclassified. */
const CtIndicator *ct_catalog_match           (CtCatalog    *self,
                                               const gchar  *label,
                                               const gchar  *unit);
/* Whether unit fits the indicator's unit (same dimension; NULL fits). */
gboolean           ct_catalog_unit_fits       (CtCatalog         *self,
                                               const CtIndicator *indicator,
                                               const gchar       *unit);

/* value in unit from, expressed in unit to: 2.703,5 triệu đồng → 2,7035 tỷ
 * đồng. NAN when either unit is unknown or they measure different things. */
gdouble            ct_catalog_convert         (gdouble       value,
                                               const gchar  *from,
                                               const gchar  *to);

/* A user's link: label (folded) now means code. FALSE when code is unknown. */
gboolean           ct_catalog_add_alias       (CtCatalog    *self,
                                               const gchar  *code,
                                               const gchar  *label);
void               ct_catalog_remove_alias    (CtCatalog    *self,
                                               const gchar  *label);
/* The indicator a user linked this folded label to, or NULL. */
/* Whether users linked any label: without, no label need be folded to
 * look one up. */
gboolean           ct_catalog_has_user_aliases (CtCatalog *self);
const CtIndicator *ct_catalog_lookup_user_alias (CtCatalog  *self,
                                                 const gchar *folded_label);
/* Whether the program's unit table knows unit. */
gboolean           ct_catalog_unit_is_known   (const gchar  *unit);

/* Folded words of text: "Đàn trâu (con)" → ["dan", "trau", "con"]. */
gchar            **ct_catalog_tokenize        (const gchar  *text);
/* The folded words joined by one space: the key of aliases. */
gchar             *ct_catalog_fold_phrase     (const gchar  *text);
/* ct_catalog_fold_phrase() remembered: the string belongs to the catalogue
 * and lives until the next call. */
const gchar       *ct_catalog_fold_label      (CtCatalog    *self,
                                               const gchar  *label);
gchar             *ct_catalog_fold_phrase_len (const gchar  *text,
                                               gssize        len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCatalog, ct_catalog_free)

G_END_DECLS
