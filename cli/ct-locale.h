/* ct-locale.h: locale and translation set-up shared by main() and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ct_locale_init (void);

G_END_DECLS
