/* ct-reader-html.c: a saved web page (.html) → raw paragraphs
 *
 * libxml2's HTML parser (forgiving, without network) gives the tree:
 * headings h1–h6, paragraphs and other text blocks, list items (numbered
 * ones with their number), tables with colspan and rowspan, <sup> digits
 * as footnote markers, and the footnotes Word writes when it saves as a
 * web page ("[1]" linked to #_ftn1, bodies linked back to #_ftnref1).
 * Scripts, styles and the head are not text. A block's line is its line
 * in the source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

typedef struct
{
  GPtrArray *paras;
  guint      table_no;
} Html;

static gboolean
is_tag (xmlNode     *node,
        const gchar *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const gchar *) node->name, name) == 0;
}

static gchar *
get_attr (xmlNode     *node,
          const gchar *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  gchar *out = v != NULL ? g_strdup ((const gchar *) v) : NULL;

  xmlFree (v);
  return out;
}

/* Blocks that hold text of their own; anything else is walked through. */
static gboolean
is_block (xmlNode *node)
{
  static const gchar *const blocks[] = { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre",
                                         "blockquote", "dt", "dd", "caption", "address", NULL };

  for (guint i = 0; blocks[i] != NULL; i++)
    if (is_tag (node, blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_skipped (xmlNode *node)
{
  return is_tag (node, "script") || is_tag (node, "style") || is_tag (node, "head") ||
         is_tag (node, "noscript") || is_tag (node, "template") || node->type == XML_COMMENT_NODE;
}

static void
append_superscript (GString     *out,
                    const gchar *digits)
{
  static const gchar *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

  for (const gchar *d = digits; *d != '\0'; d++)
    if (g_ascii_isdigit (*d))
      g_string_append (out, sup[*d - '0']);
}

/* "[12]" or "12": the number of a footnote reference. */
static gchar *
note_number (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autofree gchar *text = g_strstrip (g_strdup (content != NULL ? (const gchar *) content : ""));
  gsize n;

  xmlFree (content);
  g_strdelimit (text, "[]", ' ');
  g_strstrip (text);
  n = strlen (text);
  return n > 0 && n <= 3 && strspn (text, "0123456789") == n ? g_strdup (text) : NULL;
}

static gboolean
is_note_link (xmlNode     *node,
              const gchar *target)
{
  g_autofree gchar *href = is_tag (node, "a") ? get_attr (node, "href") : NULL;

  return href != NULL && g_str_has_prefix (href, target);
}

/* Text of an inline subtree; @bold counts characters in <b>/<strong>. */
static void
collect (xmlNode *node,
         GString *out,
         gboolean bold,
         guint   *chars,
         guint   *bold_chars)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree gchar *number = NULL;

      if (c->type == XML_TEXT_NODE && c->content != NULL)
        {
          glong n = g_utf8_strlen ((const gchar *) c->content, -1);
          gsize at = out->len;

          g_string_append (out, (const gchar *) c->content);
          /* A line break in the source is a space on the page. */
          g_strdelimit (out->str + at, "\n\r\t", ' ');
          *chars += n;
          if (bold)
            *bold_chars += n;
        }
      else if (c->type != XML_ELEMENT_NODE || is_skipped (c))
        continue;
      else if (is_tag (c, "br"))
        g_string_append_c (out, ' ');
      else if ((is_tag (c, "sup") || is_note_link (c, "#_ftn") || is_note_link (c, "#_edn") ||
                is_note_link (c, "#sdfootnote") || is_note_link (c, "#sdendnote")) &&
               (number = note_number (c)) != NULL)
        append_superscript (out, number);
      else
        collect (c, out, bold || is_tag (c, "b") || is_tag (c, "strong"), chars, bold_chars);
    }
}

static CtRawPara *
block_para (xmlNode     *node,
            const gchar *label)
{
  GString *text = g_string_new (label != NULL ? label : "");
  guint chars = 0, bold_chars = 0;
  g_autofree gchar *clean = NULL;
  CtRawPara *para;

  if (label != NULL)
    g_string_append_c (text, ' ');
  collect (node, text, FALSE, &chars, &bold_chars);
  clean = ct_reader_clean_line (text->str, text->len);
  g_string_free (text, TRUE);
  para = ct_raw_para_new (CT_RAW_PARAGRAPH, clean, (guint) MAX (xmlGetLineNo (node), 1));
  para->bold = chars > 0 && bold_chars == chars;
  if (node->name[0] == 'h' || node->name[0] == 'H')
    para->heading_level = g_ascii_isdigit (node->name[1]) ? node->name[1] - '0' : 0;
  return para;
}

static gint
superscript_value (gunichar c)
{
  static const gunichar sup[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                  0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };

  for (guint i = 0; i < G_N_ELEMENTS (sup); i++)
    if (c == sup[i])
      return i;
  return -1;
}

/* A paragraph opened by the link back to its reference is a note body;
 * the link became its number in superscript. */
static void
mark_note_body (CtRawPara *para)
{
  GString *id = g_string_new (NULL);
  const gchar *rest = para->text;
  gint digit;

  while (*rest != '\0' && (digit = superscript_value (g_utf8_get_char (rest))) >= 0)
    {
      g_string_append_c (id, '0' + digit);
      rest = g_utf8_next_char (rest);
    }
  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return;
    }
  ct_raw_para_remove (para, 0, rest - para->text);
  para->kind = CT_RAW_FOOTNOTE;
  para->note_id = g_string_free (id, FALSE);
}

static gboolean
is_blank_text (xmlNode *node)
{
  for (const gchar *p = (const gchar *) node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Word links a body to "#_ftnref1", LibreOffice to "#sdfootnote1anc". */
static gboolean
is_back_link (xmlNode *node)
{
  g_autofree gchar *href = is_tag (node, "a") ? get_attr (node, "href") : NULL;

  return href != NULL && (g_str_has_prefix (href, "#_ftnref") || g_str_has_prefix (href, "#_ednref") ||
                          (g_str_has_prefix (href, "#sdfootnote") && g_str_has_suffix (href, "anc")) ||
                          (g_str_has_prefix (href, "#sdendnote") && g_str_has_suffix (href, "anc")));
}

static gboolean
opens_with_back_link (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && !is_blank_text (c))
        return FALSE;
      if (c->type == XML_ELEMENT_NODE)
        return is_back_link (c) || opens_with_back_link (c);
    }
  return FALSE;
}

static void
add_block (Html        *h,
           xmlNode     *node,
           const gchar *label)
{
  CtRawPara *para = block_para (node, label);

  if (opens_with_back_link (node))
    mark_note_body (para);
  if (para->text[0] != '\0')
    g_ptr_array_add (h->paras, para);
  else
    ct_raw_para_free (para);
}

static guint
cell_span (xmlNode     *cell,
           const gchar *name)
{
  g_autofree gchar *v = get_attr (cell, name);

  return v != NULL ? (guint) CLAMP (atoi (v), 1, 64) : 1;
}

static void
add_row (Html    *h,
         xmlNode *tr,
         guint    table)
{
  CtRawPara *row = ct_raw_para_new (CT_RAW_TABLE_ROW, "", (guint) MAX (xmlGetLineNo (tr), 1));
  GString *joined = g_string_new (NULL);
  gboolean any = FALSE;

  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->spans = g_array_new (FALSE, FALSE, sizeof (guint));
  row->row_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  row->table = table;
  for (xmlNode *td = tr->children; td != NULL; td = td->next)
    {
      GString *text;
      guint span, rows, chars = 0, bold_chars = 0;
      gchar *clean;

      if (!is_tag (td, "td") && !is_tag (td, "th"))
        continue;
      span = cell_span (td, "colspan");
      rows = cell_span (td, "rowspan");
      text = g_string_new (NULL);
      collect (td, text, FALSE, &chars, &bold_chars);
      clean = ct_reader_clean_line (text->str, text->len);
      g_string_free (text, TRUE);
      if (row->cells->len > 0)
        g_string_append (joined, " | ");
      g_string_append (joined, clean);
      any |= clean[0] != '\0';
      g_ptr_array_add (row->cells, clean);
      g_array_append_val (row->spans, span);
      g_array_append_val (row->row_spans, rows);
    }
  g_free (row->text);
  row->text = g_string_free (joined, FALSE);
  if (any)
    g_ptr_array_add (h->paras, row);
  else
    ct_raw_para_free (row);
}

static void
add_rows (Html    *h,
          xmlNode *node,
          guint    table)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_tag (c, "tr"))
      add_row (h, c, table);
    else if (is_tag (c, "thead") || is_tag (c, "tbody") || is_tag (c, "tfoot"))
      add_rows (h, c, table);
}

static void walk (Html *h, xmlNode *node);

static void
add_list (Html    *h,
          xmlNode *list)
{
  g_autofree gchar *start_s = get_attr (list, "start");
  gint n = start_s != NULL ? atoi (start_s) : 1;
  gboolean numbered = is_tag (list, "ol");

  for (xmlNode *li = list->children; li != NULL; li = li->next)
    {
      g_autofree gchar *label = NULL;

      if (!is_tag (li, "li"))
        continue;
      label = numbered ? g_strdup_printf ("%d.", n++) : NULL;
      add_block (h, li, label);
      /* Nested lists inside an item are blocks of their own. */
      for (xmlNode *c = li->children; c != NULL; c = c->next)
        if (is_tag (c, "ul") || is_tag (c, "ol"))
          add_list (h, c);
    }
}

/* Text directly in a <div> or <body> (no <p> around it) is a block too. */
static gboolean
has_loose_text (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_TEXT_NODE && !is_blank_text (c))
      return TRUE;
  return FALSE;
}

static void
walk (Html    *h,
      xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_skipped (c))
        continue;
      if (is_tag (c, "table"))
        add_rows (h, c, h->table_no++);
      else if (is_tag (c, "ul") || is_tag (c, "ol"))
        add_list (h, c);
      else if (is_block (c) || (is_tag (c, "div") && has_loose_text (c)))
        add_block (h, c, NULL);
      else
        walk (h, c);
    }
}

gboolean
ct_reader_is_html (const guint8 *data,
                   gsize         len)
{
  g_autofree gchar *head = g_ascii_strdown ((const gchar *) data, MIN (len, 1024));
  const gchar *p = head;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
         (g_str_has_prefix (p, "<") && strstr (p, "<html") != NULL);
}

GPtrArray *
ct_reader_html_read (GBytes      *bytes,
                     const gchar *source_name,
                     GError     **error)
{
  gsize len;
  const gchar *data = g_bytes_get_data (bytes, &len);
  htmlDocPtr html = htmlReadMemory (data, (int) MIN (len, (gsize) G_MAXINT), source_name, NULL,
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
  Html h = { g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free), 0 };
  CtDocument *doc = NULL;

  if (html != NULL && xmlDocGetRootElement (html) != NULL)
    walk (&h, xmlDocGetRootElement (html));
  if (html != NULL)
    xmlFreeDoc (html);
  if (h.paras->len == 0)
    {
      g_ptr_array_unref (h.paras);
      g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                   _("“%s” is a web page without any report text. Open the report itself and save it as .docx or as text."),
                   source_name);
      return NULL;
    }
  doc = ct_reader_build (h.paras, source_name, CT_FILE_FORMAT_HTML, bytes, error);
  g_ptr_array_unref (h.paras);
  return doc != NULL ? ct_reader_one_document (doc) : NULL;
}
