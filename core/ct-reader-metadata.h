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

G_END_DECLS
