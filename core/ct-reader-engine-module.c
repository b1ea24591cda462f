/* ct-reader-engine-module.c: the table the engine module hands the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-engine.h"

static const CtReaderEngine engine = {
  .abi = CT_READER_ENGINE_ABI,
  .size = sizeof (CtReaderEngine),
  .pdf_pages = ct_reader_engine_pdf_pages,
  .ocr_pages = ct_reader_engine_ocr_pages,
  .ocr_image = ct_reader_engine_ocr_image,
};

const CtReaderEngine *
ct_reader_engine_module (void)
{
  return &engine;
}
