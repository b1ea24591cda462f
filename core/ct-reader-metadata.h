/* ct-reader-metadata.h: who reports, where, for which period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-document.h"

G_BEGIN_DECLS

/* Fills doc->meta from the header block, the title, "Kính gửi", the
 * place-and-date line, the closing sentence and mentions in the text; each
 * field gets a confidence, and stays NULL when nothing says it. Needs the
 * outline (ct_outline_build) to know where the header and closing are. */
void ct_metadata_guess (CtDocument *doc);

/* Resolves the locality guessed against the gazetteer at the report's date:
 * fills in its province, or lists the provinces to ask about in
 * doc->meta.province_choices, and warns when the unit was not in force
 * then. Called by ct_metadata_guess(). */
void ct_metadata_resolve_place (CtDocument *doc);

G_END_DECLS
