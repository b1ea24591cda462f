/* ct-extract.h: CtDocument → CtObservation[]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-document.h"
#include "ct-observation.h"

G_BEGIN_DECLS

typedef struct _CtExtractor CtExtractor;

/* Loads the unit and keyword tables from the core's resources. One extractor
 * can serve many documents, and several threads at once. */
CtExtractor *ct_extractor_new      (GError           **error);
void         ct_extractor_free     (CtExtractor       *self);
/* Observations (CtObservation *) in text order; the array owns them. */
GPtrArray   *ct_extractor_run      (CtExtractor       *self,
                                    const CtDocument  *doc);
/* A process-wide extractor, created on first use. */
CtExtractor *ct_extractor_get_default (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtExtractor, ct_extractor_free)

G_END_DECLS
