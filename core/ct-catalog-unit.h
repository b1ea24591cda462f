/* ct-catalog-unit.h: units of measure, from resources/data/units.tsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CT_UNIT_KIND_OTHER,
  CT_UNIT_KIND_SHARE,  /* %, ‰ */
  CT_UNIT_KIND_MONEY,
  CT_UNIT_KIND_SET,    /* members of a known whole: xã, tiêu chí, trường */
  CT_UNIT_KIND_ANIMAL, /* head counts: con */
} CtUnitKind;

typedef struct
{
  gchar      *form;      /* as written: "tỷ đồng", "m³", "%" */
  gchar      *dimension; /* "currency", "mass", "area", "percent" … */
  gdouble     scale;     /* factor to the dimension's base unit */
  CtUnitKind  kind;
} CtUnit;

typedef struct _CtUnitTable CtUnitTable;

/* Loads the table compiled into the core. */
CtUnitTable  *ct_unit_table_new_default (GError           **error);
/* Parses a table in the units.tsv format (for tests and other data). */
CtUnitTable  *ct_unit_table_new_from_data (const gchar     *data,
                                           gsize            len,
                                           GError         **error);
void          ct_unit_table_free        (CtUnitTable       *self);
/* The unit written at @pos in @text (after optional spaces), longest form
 * first; it must end on a word boundary. Sets *@end past the unit. */
const CtUnit *ct_unit_table_match       (const CtUnitTable *self,
                                         const gchar       *text,
                                         gsize              len,
                                         gsize              pos,
                                         gsize             *end);
const CtUnit *ct_unit_table_lookup      (const CtUnitTable *self,
                                         const gchar       *form);
guint         ct_unit_table_get_n_units (const CtUnitTable *self);
/* The unit as a report should show it: @written, except that a capital
 * first letter the table does not have ("Tỷ đồng" at the head of a table
 * cell) is written the table's way ("tỷ đồng"). */
gchar        *ct_unit_display_form      (const CtUnit      *unit,
                                         const gchar       *written);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtUnitTable, ct_unit_table_free)

G_END_DECLS
