/* ct-error.h: the CT_ERROR domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CT_ERROR (ct_error_quark ())

typedef enum
{
  CT_ERROR_FAILED,
  CT_ERROR_EMPTY,            /* the file holds no text */
  CT_ERROR_BINARY,           /* not a text file nor a supported container */
  CT_ERROR_ENCODING,         /* bytes are not valid in the detected encoding */
  CT_ERROR_UNSUPPORTED,      /* a format Chỉ tiêu does not read */
  CT_ERROR_CORRUPT,          /* a container (zip, docx) is damaged or incomplete */
  CT_ERROR_TOO_LARGE,        /* over a documented size limit */
  CT_ERROR_HOSTILE,          /* zip bomb, XML entity expansion, path traversal */
  CT_ERROR_DATABASE,         /* SQLite failed */
  CT_ERROR_SCHEMA_TOO_NEW,   /* database written by a newer Chỉ tiêu */
  CT_ERROR_CONFLICT,         /* a different report for the same locality/period exists */
  CT_ERROR_NOT_FOUND,        /* indicator, report or observation unknown */
  CT_ERROR_INVALID_ARGUMENT, /* bad command line or API input */
  CT_ERROR_WRITE,            /* an output file could not be written */
  CT_ERROR_CANCELLED,
  CT_ERROR_MISSING_METADATA, /* the report does not name its locality or year */
  CT_ERROR_NOT_LIBRARY,      /* a SQLite file of another program */
  CT_ERROR_MISSING_PROGRAM,  /* a converter or OCR data the format needs is not installed */
} CtError;

GQuark ct_error_quark (void);

G_END_DECLS
