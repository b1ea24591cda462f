/* ct-extract-audit.c: the consistency check a careful official does
 *
 * Keeps what is written and flags what does not agree: a stated rate more
 * than one point from value/plan, a plan below the value with a rate under
 * 100, a head count in tonnes, "chưa đạt" while the figure meets its plan
 * (or "đạt" while it falls short), and numbers read against the separator
 * rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-private.h"

#include <math.h>
#include <string.h>

void
ct_extract_audit (const CtKeywords *keywords,
                  CtObservation    *obs,
                  const CtUnit     *unit,
                  guint             number_flags)
{
  g_autofree gchar *label = NULL;
  gsize label_len = 0;
  gboolean lower_better = FALSE;

  if (obs->label != NULL)
    {
      label_len = strlen (obs->label);
      label = ct_extract_lower (obs->label, label_len);
      lower_better = ct_keywords_find (keywords, CT_KW_LOWER_BETTER, label, 0, label_len);
    }

  ct_observation_check_numbers (obs);

  if (unit != NULL && g_str_equal (unit->dimension, "mass") && label != NULL &&
      ct_keywords_find (keywords, CT_KW_ANIMAL, label, 0, label_len))
    obs->flags |= CT_FLAG_UNIT_SUSPECT;

  if (obs->status != NULL && !isnan (obs->value) && !isnan (obs->plan) &&
      ct_status_meaning (obs->status) == CT_STATUS_NOT_MET)
    {
      gboolean meets = lower_better ? obs->value <= obs->plan : obs->value >= obs->plan;

      if (meets)
        obs->flags |= CT_FLAG_STATUS_CONTRADICTS;
    }
  /* The other way round: "đạt" for a figure short of its plan. */
  if (obs->status != NULL && !isnan (obs->value) && !isnan (obs->plan) &&
      (ct_status_meaning (obs->status) == CT_STATUS_MET ||
       ct_status_meaning (obs->status) == CT_STATUS_EXCEEDED))
    {
      gboolean short_of = lower_better ? obs->value > obs->plan : obs->value < obs->plan;

      if (short_of)
        obs->flags |= CT_FLAG_STATUS_CONTRADICTS;
    }

  if (number_flags & CT_NUMBER_SUSPECT)
    obs->flags |= CT_FLAG_NUMBER_SUSPECT;
}
