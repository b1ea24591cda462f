/* fuzz-reader.c: libFuzzer entry point for a reader and the extractor
 *
 * One harness serves every reader, because the reader tells the format by
 * content: each target differs by its seed corpus and dictionary (see
 * tests/fuzz/meson.build). Besides crashes and sanitizer reports, it checks
 * the promises callers rely on: a failure is a CT_ERROR with a UTF-8
 * message, a document is UTF-8 and every observation's span lies inside it.
 * GLib criticals and warnings are fatal, as under G_DEBUG=fatal-criticals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "ct-error.h"
#include "ct-extract.h"
#include "ct-observation.h"
#include "ct-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  (void) argc;
  (void) argv;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* A .doc or .rtf is handed to LibreOffice, which takes tens of seconds
   * an input (the first ODT and HTML runs reported such slow units): the
   * fuzzer exercises the hand-off and its error, not the office suite. */
  g_setenv ("PATH", "", TRUE);
  /* Loads the catalogue and keywords once, not on every input. */
  ct_extractor_get_default ();
  return 0;
}

static void
check_observation (const CtDocument    *doc,
                   const CtObservation *o)
{
  g_assert_true (o->start <= o->end && o->end <= doc->text_len);
  g_assert_true (o->label == NULL || g_utf8_validate (o->label, -1, NULL));
  g_assert_true (o->unit == NULL || g_utf8_validate (o->unit, -1, NULL));
  g_assert_true (o->section == NULL || g_utf8_validate (o->section, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, CT_FUZZ_SOURCE_NAME, NULL, &error);

  if (docs == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  for (guint d = 0; d < docs->len; d++)
    {
      const CtDocument *doc = g_ptr_array_index (docs, d);
      g_autoptr(GPtrArray) observations = NULL;

      g_assert_true (g_utf8_validate (doc->source_name, -1, NULL));
      g_assert_true (g_utf8_validate_len (doc->text, doc->text_len, NULL));
      for (guint w = 0; w < doc->warnings->len; w++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (doc->warnings, w), -1, NULL));
      observations = ct_extractor_run (ct_extractor_get_default (), doc);
      for (guint i = 0; i < observations->len; i++)
        check_observation (doc, g_ptr_array_index (observations, i));
    }
  return 0;
}
