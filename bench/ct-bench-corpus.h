/* ct-bench-corpus.h: a large corpus varied from the demo reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @n_files reports into @dir, each made of the demo reports in
 * @samples_dir with fictional district names swapped in, every figure
 * changed by a seeded random factor and the paragraphs of each part
 * shuffled. Returns the paths written, or NULL with @error set. */
GPtrArray *ct_bench_corpus_generate (const gchar  *samples_dir,
                                     const gchar  *dir,
                                     guint         n_files,
                                     guint32       seed,
                                     guint64      *total_bytes,
                                     GError      **error);

G_END_DECLS
