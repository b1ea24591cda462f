/* ct-cli-inspect.c: `chitieu inspect FILE…`, what the reader understood
 *
 * Prints, without a display, each document's metadata with confidences,
 * its outline, its footnotes and the warnings, so a user can see why a
 * report was read the way it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-reader.h"

static gboolean opt_blocks;

static const GOptionEntry entries[] = {
  { "blocks", 'b', 0, G_OPTION_ARG_NONE, &opt_blocks, N_("Also print every block with its line, kind and part"), NULL },
  { NULL },
};

/* At most @max bytes of @text, cut at a character boundary. */
static gchar *
excerpt (const gchar *text,
         gsize        len,
         gsize        max)
{
  const gchar *end = text + MIN (len, max);

  if (end < text + len)
    {
      while (end > text && (*end & 0xC0) == 0x80)
        end--;
    }
  return g_strndup (text, end - text);
}

static void
print_field (const gchar       *name,
             const CtMetaField *field)
{
  if (field->value != NULL)
    g_print ("  %-10s %s  (%.0f%%)\n", name, field->value, field->confidence * 100);
  else
    g_print ("  %-10s —\n", name);
}

static const gchar *
part_name (CtPart part)
{
  return part == CT_PART_TARGETS ? _("targets") : _("results");
}

static const gchar *
kind_name (CtBlockKind kind)
{
  switch (kind)
    {
    case CT_BLOCK_HEADING:
      return "H";
    case CT_BLOCK_TABLE_ROW:
      return "T";
    case CT_BLOCK_FOOTNOTE:
      return "F";
    case CT_BLOCK_PARAGRAPH:
    default:
      return "P";
    }
}

static void
print_document (const CtDocument *doc)
{
  g_print ("== %s (%s)\n", doc->source_name, ct_file_format_to_string (doc->format));
  g_print ("%s\n", _("Metadata:"));
  print_field (_("locality"), &doc->meta.locality);
  print_field (_("level"), &doc->meta.level);
  print_field (_("province"), &doc->meta.province);
  if (doc->meta.province_choices != NULL)
    {
      g_autofree gchar *choices = g_strjoinv (", ", doc->meta.province_choices);

      /* Translators: the provinces a shared locality name may be in */
      g_print ("  %-10s %s\n", _("one of"), choices);
    }
  print_field (_("year"), &doc->meta.year);
  print_field (_("period"), &doc->meta.period);
  print_field (_("date"), &doc->meta.date);
  print_field (_("issuer"), &doc->meta.issuer);
  print_field (_("title"), &doc->meta.title);

  g_print ("%s\n", _("Outline:"));
  for (guint i = 0; i < doc->sections->len; i++)
    {
      const CtSection *s = &g_array_index (doc->sections, CtSection, i);
      const CtBlock *b = ct_document_get_block (doc, s->block);

      g_print ("  %*s%s%s%s  [%s, %s %u]\n", (int) s->level * 2, "", s->label,
               s->label[0] != '\0' ? " " : "", s->title, part_name (s->part), _("line"), b->line);
    }

  g_print ("%s\n", _("Footnotes:"));
  for (guint i = 0; i < doc->footnotes->len; i++)
    {
      const CtFootnote *f = &g_array_index (doc->footnotes, CtFootnote, i);
      g_autofree gchar *body = NULL;

      if (f->block >= 0)
        {
          const CtBlock *b = ct_document_get_block (doc, f->block);

          body = excerpt (doc->text + b->start, b->end - b->start, 70);
        }
      if (f->anchor != G_MAXSIZE)
        g_print ("  [%s] %s %u: %s\n", f->id, _("line"), ct_document_line_at (doc, f->anchor),
                 body != NULL ? body : _("(no text)"));
      else
        g_print ("  [%s] %s: %s\n", f->id, _("no marker"), body != NULL ? body : "");
    }

  if (opt_blocks)
    {
      g_print ("%s\n", _("Blocks:"));
      for (guint i = 0; i < doc->blocks->len; i++)
        {
          const CtBlock *b = ct_document_get_block (doc, i);
          g_autofree gchar *text = excerpt (doc->text + b->start, b->end - b->start, 90);

          g_print ("  %4u %s %s %3d  %s\n", b->line, kind_name (b->kind),
                   b->part == CT_PART_TARGETS ? "T" : "R", b->section, text);
        }
    }

  if (doc->warnings->len > 0)
    {
      g_print ("%s\n", _("Warnings:"));
      for (guint i = 0; i < doc->warnings->len; i++)
        g_print ("  %s\n", (const gchar *) g_ptr_array_index (doc->warnings, i));
    }
  g_print ("\n");
}

int
ct_cli_inspect (int    argc,
                char **argv)
{
  int status = CT_CLI_EXIT_OK;

  if (!ct_cli_parse_options (&argc, &argv, entries, _("FILE…"),
                             _("Show what Chỉ tiêu reads in report files: metadata, outline, footnotes and warnings.")))
    return CT_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr ("%s\n", _("chitieu inspect: name at least one report file."));
      return CT_CLI_EXIT_USAGE;
    }

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
        print_document (g_ptr_array_index (docs, d));
    }
  return status;
}
