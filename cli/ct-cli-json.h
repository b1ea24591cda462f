/* ct-cli-json.h: JSON lines as the command line writes them
 *
 * A CtCliJson is one JSON object written again and again, a line per
 * record: each record names its members in order, and write() appends the
 * line to a buffer. The members' nodes are kept from one record to the
 * next and only their values change, so a record costs no JsonBuilder, no
 * new nodes and no new keys when its members are those of the record
 * before (extract writes 93 records a report, compare one per cell). The
 * line is what json-glib's generator writes for the same members in the
 * same order; a record with other members than the last one (a PDF's
 * "page", a cell's qualifiers) rebuilds the object from where they differ.
 *
 * Absent numbers (NAN) and strings (NULL) become JSON null, so every jsonl
 * record carries the same keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _CtCliJson CtCliJson;

CtCliJson *ct_cli_json_new     (void);
void       ct_cli_json_free    (CtCliJson          *json);

void       ct_cli_json_string  (CtCliJson          *json,
                                const gchar        *key,
                                const gchar        *value);
void       ct_cli_json_number  (CtCliJson          *json,
                                const gchar        *key,
                                gdouble             value);
void       ct_cli_json_int     (CtCliJson          *json,
                                const gchar        *key,
                                gint64              value);
void       ct_cli_json_boolean (CtCliJson          *json,
                                const gchar        *key,
                                gboolean            value);
void       ct_cli_json_null    (CtCliJson          *json,
                                const gchar        *key);
/* An array of strings; NULL @values is an empty array. */
void       ct_cli_json_strings (CtCliJson          *json,
                                const gchar        *key,
                                const gchar * const *values);
/* An object member: the returned record (owned by @json) takes its
 * members, in order, until the next member of @json. */
CtCliJson *ct_cli_json_object  (CtCliJson          *json,
                                const gchar        *key);

/* Appends the record as one line ("{…}\n") to @out; the next member
 * call starts the next record. */
void       ct_cli_json_write   (CtCliJson          *json,
                                GString            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtCliJson, ct_cli_json_free)

G_END_DECLS
