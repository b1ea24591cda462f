/* ct-cli-extract.c: `chitieu extract [--format=…] [--kind=…] FILE…`
 *
 * Prints the observations of each file without a display: JSON lines (one
 * object per observation, keys as in ../shared/gold/SCHEMA.md plus
 * provenance), tab-separated values, or text for a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "ct-cli-commands.h"
#include "ct-cli-json.h"
#include "ct-cli-library.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-reader.h"

typedef enum
{
  FORMAT_JSONL,
  FORMAT_TSV,
  FORMAT_TEXT,
} Format;

static gchar *
clause_text (const CtDocument    *doc,
             const CtObservation *obs)
{
  gchar *text;

  if (obs->end > doc->text_len || obs->start >= obs->end)
    return g_strdup ("");
  text = g_strndup (doc->text + obs->start, obs->end - obs->start);
  g_strdelimit (text, "\n", ' ');
  return text;
}

/* One observation's record, appended to @out. */
static void
print_jsonl (CtCliJson           *json,
             GString             *out,
             const gchar         *file,
             const CtDocument    *doc,
             const CtObservation *obs)
{
  g_auto(GStrv) flags = ct_flags_to_strv (obs->flags);
  g_autofree gchar *text = clause_text (doc, obs);
  guint page = ct_document_page_of_line (doc, obs->line);

  ct_cli_json_string (json, "file", file);
  ct_cli_json_int (json, "line", obs->line);
  /* Only files with pages (PDF, scans) say which; text output stays as it was. */
  if (page > 0)
    ct_cli_json_int (json, "page", page);
  ct_cli_json_int (json, "start", obs->start);
  ct_cli_json_int (json, "end", obs->end);
  ct_cli_json_string (json, "kind", ct_kind_to_string (obs->kind));
  ct_cli_json_string (json, "section", obs->section);
  ct_cli_json_string (json, "indicator", obs->label);
  ct_cli_json_number (json, "value", obs->value);
  ct_cli_json_string (json, "unit", obs->unit);
  ct_cli_json_number (json, "plan", obs->plan);
  ct_cli_json_string (json, "basis", obs->basis == CT_BASIS_NONE ? NULL : ct_basis_to_string (obs->basis));
  ct_cli_json_number (json, "rate", obs->rate);
  ct_cli_json_number (json, "rate_computed",
                      isnan (obs->rate_computed) ? NAN : round (obs->rate_computed * 100) / 100);
  ct_cli_json_number (json, "yoy", obs->yoy);
  ct_cli_json_string (json, "status", obs->status);
  ct_cli_json_strings (json, "flags", (const gchar * const *) flags);
  ct_cli_json_string (json, "text", text);
  ct_cli_json_write (json, out);
}

static gchar *
fmt_number (gdouble value)
{
  gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

static gchar *
tsv_field (const gchar *str)
{
  gchar *copy = g_strdup (str != NULL ? str : "");

  return g_strdelimit (copy, "\t\n", ' ');
}

static void
print_tsv (const gchar         *file,
           const CtDocument    *doc,
           const CtObservation *obs)
{
  g_auto(GStrv) flags = ct_flags_to_strv (obs->flags);
  g_autofree gchar *flag_text = g_strjoinv (",", flags);
  g_autofree gchar *text = clause_text (doc, obs);
  g_autofree gchar *f_file = tsv_field (file);
  g_autofree gchar *f_section = tsv_field (obs->section);
  g_autofree gchar *f_label = tsv_field (obs->label);
  g_autofree gchar *f_unit = tsv_field (obs->unit);
  g_autofree gchar *f_status = tsv_field (obs->status);
  g_autofree gchar *f_text = tsv_field (text);
  g_autofree gchar *value = fmt_number (obs->value);
  g_autofree gchar *plan = fmt_number (obs->plan);
  g_autofree gchar *rate = fmt_number (obs->rate);
  g_autofree gchar *computed = fmt_number (isnan (obs->rate_computed) ? NAN :
                                           round (obs->rate_computed * 100) / 100);
  g_autofree gchar *yoy = fmt_number (obs->yoy);

  g_print ("%s\t%u\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
           f_file, obs->line, obs->start, obs->end, ct_kind_to_string (obs->kind),
           f_section, f_label, value, f_unit, plan,
           obs->basis == CT_BASIS_NONE ? "" : ct_basis_to_string (obs->basis),
           rate, computed, yoy, f_status, flag_text, f_text);
}

static void
print_text (const gchar         *file,
            const CtObservation *obs)
{
  g_auto(GStrv) flags = ct_flags_to_strv (obs->flags);
  g_autofree gchar *flag_text = g_strjoinv (", ", flags);
  /* Text is for people: numbers written the Vietnamese way ("11,327 tỷ
   * đồng", "1.492,9 ha") whatever the language of the words, as in the
   * window; tsv and jsonl keep plain machine numbers. */
  g_autofree gchar *value = ct_cli_human_number (obs->value);
  g_autofree gchar *plan = ct_cli_human_number (obs->plan);
  g_autofree gchar *rate = ct_cli_human_percent (obs->rate);
  g_autofree gchar *yoy = ct_cli_human_percent (obs->yoy);
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%s:%u  %s", file, obs->line,
                          obs->label != NULL ? obs->label : C_("extract", "(no label)"));
  if (!isnan (obs->value))
    g_string_append_printf (line, "  %s %s", value, obs->unit != NULL ? obs->unit : "");
  if (!isnan (obs->plan))
    /* Translators: the plan a figure is measured against */
    g_string_append_printf (line, "  %s %s", C_("extract", "plan"), plan);
  if (!isnan (obs->rate))
    g_string_append_printf (line, "  %s %s", C_("extract", "rate"), rate);
  if (!isnan (obs->yoy))
    /* Translators: year on year, as a percent of the same period last year */
    g_string_append_printf (line, "  %s %s", C_("extract", "year on year"), yoy);
  if (obs->status != NULL)
    g_string_append_printf (line, "  [%s]", obs->status);
  if (obs->kind == CT_KIND_TARGET)
    g_string_append_printf (line, "  (%s)", C_("extract", "target"));
  if (flag_text[0] != '\0')
    g_string_append_printf (line, "  ! %s", flag_text);
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

int
ct_cli_extract (int    argc,
                char **argv)
{
  g_autofree gchar *format_str = NULL;
  g_autofree gchar *kind_str = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_str,
      N_("Output format: jsonl (default), tsv or text"), N_("jsonl|tsv|text") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_str,
      N_("Which observations: all (default), achievement or target"), N_("all|achievement|target") },
    { NULL }
  };
  Format format = FORMAT_JSONL;
  gint kind = -1;
  int status = CT_CLI_EXIT_OK;
  CtExtractor *extractor;
  g_autoptr(CtCliJson) json = ct_cli_json_new ();
  g_autoptr(GString) out = g_string_sized_new (256 * 1024);

  if (!ct_cli_parse_options (&argc, &argv, entries, _("REPORT…"),
                             _("Print the indicators measured in each report.")))
    return CT_CLI_EXIT_USAGE;

  if (format_str == NULL || g_str_equal (format_str, "jsonl"))
    format = FORMAT_JSONL;
  else if (g_str_equal (format_str, "tsv"))
    format = FORMAT_TSV;
  else if (g_str_equal (format_str, "text"))
    format = FORMAT_TEXT;
  else
    {
      g_printerr (_("chitieu: unknown format “%s”; use jsonl, tsv or text.\n"), format_str);
      return CT_CLI_EXIT_USAGE;
    }
  if (kind_str == NULL || g_str_equal (kind_str, "all"))
    kind = -1;
  else if (g_str_equal (kind_str, "achievement"))
    kind = CT_KIND_ACHIEVEMENT;
  else if (g_str_equal (kind_str, "target"))
    kind = CT_KIND_TARGET;
  else
    {
      g_printerr (_("chitieu: unknown kind “%s”; use all, achievement or target.\n"), kind_str);
      return CT_CLI_EXIT_USAGE;
    }
  if (argc < 2)
    {
      g_printerr (_("chitieu: name at least one report file to extract from.\n"));
      return CT_CLI_EXIT_USAGE;
    }

  extractor = ct_extractor_get_default ();
  if (format == FORMAT_TSV)
    g_print ("file\tline\tstart\tend\tkind\tsection\tindicator\tvalue\tunit\tplan\tbasis\t"
             "rate\trate_computed\tyoy\tstatus\tflags\ttext\n");

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = ct_reader_read_file (argv[i], NULL, &error);

      if (docs == NULL)
        {
          ct_cli_print_error (error);
          status = CT_CLI_EXIT_FAILED;
          continue;
        }
      for (guint d = 0; d < docs->len; d++)
        {
          const CtDocument *doc = g_ptr_array_index (docs, d);
          g_autoptr(GPtrArray) obs = ct_extractor_run (extractor, doc);
          /* Zip members are named inside the archive; files as given. */
          const gchar *name = docs->len == 1 ? argv[i] : doc->source_name;

          for (guint k = 0; k < obs->len; k++)
            {
              const CtObservation *o = g_ptr_array_index (obs, k);

              if (kind >= 0 && (gint) o->kind != kind)
                continue;
              switch (format)
                {
                case FORMAT_JSONL:
                  print_jsonl (json, out, name, doc, o);
                  break;
                case FORMAT_TSV:
                  print_tsv (name, doc, o);
                  break;
                case FORMAT_TEXT:
                  print_text (name, o);
                  break;
                default:
                  g_assert_not_reached ();
                }
            }
        }
      /* A file's lines in one write, before the next file's errors. */
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  return status;
}
