/* ct-cli-commands.h: the subcommands, one file each (ct-cli-NAME.c)
 *
 * Add a command: declare its function here and list it in CT_CLI_COMMANDS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-cli-private.h"

/* A command whose function is NULL runs in chitieu-render (ct-cli-render.c
 * lists those functions): drawing and workbooks need Cairo, Pango and
 * libxlsxwriter, which the other commands start faster without. */
#define CT_CLI_COMMANDS /* { "name", N_("summary"), ct_cli_name }, */ \
  { "chart", N_("Draw an indicator’s achievement rates as a PNG, SVG or PDF chart"), NULL }, \
  { "compare", N_("Show indicators side by side across the stored reports"), ct_cli_compare }, \
  { "export", N_("Write the comparison and its evidence to an Excel workbook"), NULL }, \
  { "extract", N_("Print the indicators measured in report files"), ct_cli_extract }, \
  { "import", N_("Store report files in the library"), ct_cli_import }, \
  { "library", N_("Copy a library between a file and a PostgreSQL server"), ct_cli_library }, \
  { "list", N_("List the reports in the library"), ct_cli_list }, \
  { "locality", N_("Show a province, district or commune before and after 1 July 2025"), ct_cli_locality }, \
  { "remove", N_("Remove reports and their figures from the library"), ct_cli_remove }, \
  { "search", N_("Find sentences in the stored reports"), ct_cli_search }, \
  { "inspect", N_("Show the metadata, outline and footnotes read from report files"), ct_cli_inspect },

int ct_cli_export (int argc, char **argv);
int ct_cli_chart (int argc, char **argv);
int ct_cli_extract (int argc, char **argv);
int ct_cli_inspect (int argc, char **argv);
int ct_cli_compare (int argc, char **argv);
int ct_cli_import (int argc, char **argv);
int ct_cli_library (int argc, char **argv);
int ct_cli_list (int argc, char **argv);
int ct_cli_locality (int argc, char **argv);
int ct_cli_remove (int argc, char **argv);
int ct_cli_search (int argc, char **argv);
