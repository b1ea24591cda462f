/* ct-store-compare-private.h: what the comparison's model and its builder share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store-compare.h"
#include "ct-store-private.h"

G_BEGIN_DECLS

struct _CtComparison
{
  gatomicrefcount  ref_count;
  CtCompareQuery  *query;
  GArray          *rows;     /* CtCompareRow */
  GArray          *columns;  /* CtCompareColumn */
  GArray          *cells;    /* CtCompareCell, row-major */
};

CtComparison *ct_comparison_alloc        (const CtCompareQuery *query);
void          ct_compare_row_clear       (gpointer              data);
void          ct_compare_cell_clear      (gpointer              data);
void          ct_compare_cell_init_empty (CtCompareCell        *cell);

G_END_DECLS
