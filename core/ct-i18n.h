/* ct-i18n.h: gettext for the core library
 *
 * The core is translated with the same domain as the program; it only marks
 * strings and never calls setlocale() or bindtextdomain() itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>
