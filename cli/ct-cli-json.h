/* ct-cli-json.h: JSON members as the command line writes them
 *
 * Absent numbers (NAN) and strings (NULL) become JSON null, so every jsonl
 * record carries the same keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void ct_cli_json_add_number (JsonBuilder *builder,
                             const gchar *key,
                             gdouble      value);
void ct_cli_json_add_string (JsonBuilder *builder,
                             const gchar *key,
                             const gchar *value);

G_END_DECLS
