/* ct-reader-xml.c: the XML parts of word-processor files, parsed safely
 *
 * .docx and .odt are zips of XML parts. A part that declares a DTD is
 * refused by the parser itself (a byte search for "<!DOCTYPE" misses a part
 * written in UTF-16), so entity tricks never expand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

/* libxml2 calls this when the part declares a DTD. Entity tricks (billion
 * laughs, external files) all need one and no word processor writes one,
 * so the parse stops right there, whatever encoding the bytes are in. */
static void
stop_at_dtd (void          *ctx,
             const xmlChar *name,
             const xmlChar *external_id,
             const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;

  (void) name;
  (void) external_id;
  (void) system_id;
  ctxt->_private = GINT_TO_POINTER (TRUE);
  xmlStopParser (ctxt);
}

xmlDoc *
ct_reader_parse_xml_part (GBytes       *bytes,
                          const gchar  *source_name,
                          const gchar  *part,
                          const gchar  *editor,
                          GError      **error)
{
  gsize len;
  const gchar *data = g_bytes_get_data (bytes, &len);
  xmlParserCtxt *ctxt;
  xmlDoc *doc = NULL;
  gboolean dtd = FALSE;

  /* An empty part has no data pointer at all: it is damaged, not parsed. */
  if (len > 0 && len <= (gsize) G_MAXINT && (ctxt = xmlNewParserCtxt ()) != NULL)
    {
      ctxt->sax->internalSubset = stop_at_dtd;
      doc = xmlCtxtReadMemory (ctxt, data, (int) len, part, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      dtd = ctxt->_private != NULL || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL));
      xmlFreeParserCtxt (ctxt);
    }
  if (dtd)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, CT_ERROR, CT_ERROR_HOSTILE,
                   _("“%s” contains XML declarations (DOCTYPE or ENTITY) that no word processor writes; Chỉ tiêu refuses it as possibly hostile."),
                   source_name);
      return NULL;
    }
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      /* TRANSLATORS: the last %s is a program, "Word" or "LibreOffice" */
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is damaged: its part %s is not readable XML. Open it in %s and save it again."),
                   source_name, part, editor);
      return NULL;
    }
  return doc;
}
