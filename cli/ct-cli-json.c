/* ct-cli-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-cli-json.h"

#include <math.h>

void
ct_cli_json_add_number (JsonBuilder *builder,
                        const gchar *key,
                        gdouble      value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

void
ct_cli_json_add_string (JsonBuilder *builder,
                        const gchar *key,
                        const gchar *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else if (!g_utf8_validate (value, -1, NULL))
    {
      /* JSON is UTF-8: a file name in another encoding would break the line. */
      g_autofree gchar *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
  else
    json_builder_add_string_value (builder, value);
}
