/* ct-store-compare-reform.h: whether a comparison straddles the 2025 reform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store-compare.h"

G_BEGIN_DECLS

/* The note a comparison carries when some of its columns come from before
 * 1 July 2025 and some from after: districts were abolished and provinces
 * and communes merged that day, so the localities do not cover the same
 * ground. The table shows it above, the chart in its footnote and the
 * workbook under the table. NULL when all columns are on one side. Free
 * with g_free(). */
gchar *ct_comparison_reform_note (CtComparison *self);

G_END_DECLS
