/* ct-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-error.h"

G_DEFINE_QUARK (ct-error-quark, ct_error)
