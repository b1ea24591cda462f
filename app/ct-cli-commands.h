/* ct-cli-commands.h: the subcommands, one file each (ct-cli-NAME.c)
 *
 * Add a command: declare its function here and list it in CT_CLI_COMMANDS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli-private.h"

#define CT_CLI_COMMANDS /* { "name", N_("summary"), ct_cli_name }, */
