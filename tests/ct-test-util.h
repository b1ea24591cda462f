/* ct-test-util.h: what every test binary shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each test process gets its own scratch folder (removed at exit), so
 * parallel and repeated runs never race on a fixed /tmp name. */
const gchar *ct_test_tmpdir          (void);
gchar       *ct_test_tmp_path        (const gchar *name);
/* For display tests: TRUE, after printing the TAP plan "1..0 # SKIP", when
 * there is no display to open windows on. */
gboolean     ct_test_skip_without_display (void);
/* The folder with the shared seeds and gold, or NULL when it is absent. */
const gchar *ct_test_shared_dir      (void);
/* The built `chitieu` binary, for tests that run the command line. */
const gchar *ct_test_chitieu_binary  (void);
/* Runs `chitieu ARGS…` without a display; returns its exit status. */
gint         ct_test_run_chitieu     (const gchar * const *args,
                                      gchar              **out_stdout,
                                      gchar              **out_stderr);

G_END_DECLS
