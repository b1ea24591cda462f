/* ct-extract-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract-number.h"

#include <string.h>

#define MAX_GROUPS 8

typedef struct
{
  gsize start; /* offsets of the digit run */
  gsize end;
} Group;

static gboolean
is_digit (gchar c)
{
  return c >= '0' && c <= '9';
}

/* Concatenates the digit groups into "int.frac" and converts it with the C
 * locale, so the result never depends on the user's locale. */
static gdouble
groups_to_double (const gchar *text,
                  const Group *groups,
                  guint        n_int,
                  guint        n_groups)
{
  gchar buf[128];
  gsize n = 0;

  for (guint i = 0; i < n_groups; i++)
    {
      gsize glen = groups[i].end - groups[i].start;

      if (i == n_int && n < sizeof buf - 1)
        buf[n++] = '.';
      if (n + glen >= sizeof buf - 1)
        break;
      memcpy (buf + n, text + groups[i].start, glen);
      n += glen;
    }
  buf[n] = '\0';
  return g_ascii_strtod (buf, NULL);
}

static gboolean
all_three (const Group *groups,
           guint        from,
           guint        to)
{
  for (guint i = from; i < to; i++)
    if (groups[i].end - groups[i].start != 3)
      return FALSE;
  return TRUE;
}

/* The digit groups of a number and the marks between them, as written. */
typedef struct
{
  Group groups[MAX_GROUPS];
  gchar seps[MAX_GROUPS];
  guint n_groups;
  guint n_dots;   /* dots and grouping spaces */
  guint n_commas;
} Marks;

/* Reads the groups from @pos; returns where the number ends. */
static gsize
read_groups (const gchar *text,
             gsize        len,
             gsize        pos,
             Marks       *mk)
{
  gsize p = pos;

  for (;;)
    {
      gsize s = p;

      while (p < len && is_digit (text[p]))
        p++;
      mk->groups[mk->n_groups].start = s;
      mk->groups[mk->n_groups].end = p;
      mk->n_groups++;
      /* A separator belongs to the number only when a digit follows it. */
      if (mk->n_groups < MAX_GROUPS && p + 1 < len &&
          (text[p] == '.' || text[p] == ',') && is_digit (text[p + 1]))
        {
          mk->seps[mk->n_groups] = text[p];
          if (text[p] == '.')
            mk->n_dots++;
          else
            mk->n_commas++;
          p++;
          continue;
        }
      /* "1 250 ha", "12 450,5 triệu đồng": a space (a non-breaking one in
       * Word, which the reader made plain) groups thousands when exactly
       * three digits follow it and the groups before were short enough. */
      if (mk->n_groups < MAX_GROUPS && mk->n_commas == 0 && p + 4 <= len && text[p] == ' ' &&
          mk->groups[mk->n_groups - 1].end - mk->groups[mk->n_groups - 1].start <= 3 &&
          (mk->n_groups == 1 || mk->seps[mk->n_groups - 1] == ' ') &&
          is_digit (text[p + 1]) && is_digit (text[p + 2]) && is_digit (text[p + 3]) &&
          (p + 4 == len || (!is_digit (text[p + 4]) &&
                            !(text[p + 4] == '.' && p + 5 < len && is_digit (text[p + 5])))))
        {
          mk->seps[mk->n_groups] = ' ';
          mk->n_dots++;
          p++;
          continue;
        }
      return p;
    }
}

/* Both marks in one number: which one groups and which one is decimal.
 * Returns the number of integer groups, or 0 when it is no number. */
static guint
read_mixed_marks (const Marks *mk,
                  guint       *flags)
{
  guint last_comma = 0, last_dot = 0;

  for (guint i = 1; i < mk->n_groups; i++)
    {
      if (mk->seps[i] == ',')
        last_comma = i;
      else
        last_dot = i;
    }
  if (mk->n_commas == 1 && last_comma == mk->n_groups - 1 &&
      all_three (mk->groups, 1, mk->n_groups - 1))
    {
      /* The Vietnamese way: "2.703,5". */
      *flags |= CT_NUMBER_GROUPED | CT_NUMBER_DECIMAL;
      return mk->n_groups - 1;
    }
  if (all_three (mk->groups, 1, mk->n_groups))
    {
      /* "126,153.000": every group has three digits, so all the marks
       * group thousands whatever they are. */
      *flags |= CT_NUMBER_GROUPED | CT_NUMBER_SUSPECT;
      return mk->n_groups;
    }
  if (mk->n_dots == 1 && last_dot == mk->n_groups - 1)
    {
      /* "1,234.5": English grouping and decimal. */
      *flags |= CT_NUMBER_GROUPED | CT_NUMBER_DECIMAL | CT_NUMBER_SUSPECT;
      return mk->n_groups - 1;
    }
  return 0;
}

/* What the marks mean: the number of integer groups, or 0 when it is no
 * number ("3.1.2" a section, "3,4,5" a list). */
static guint
read_marks (const Marks *mk,
            guint       *flags)
{
  if (mk->n_groups == 1)
    return 1;
  if (mk->n_commas == 0)
    {
      /* Only dots: Vietnamese thousands when every later group has three
       * digits ("1.800", "208.390"); a single dot with another group size
       * is an English decimal written by mistake ("88.56"). */
      if (all_three (mk->groups, 1, mk->n_groups))
        {
          *flags |= CT_NUMBER_GROUPED;
          return mk->n_groups;
        }
      if (mk->n_groups == 2)
        {
          *flags |= CT_NUMBER_DECIMAL | CT_NUMBER_SUSPECT;
          return 1;
        }
      return 0;
    }
  if (mk->n_dots == 0)
    {
      /* Only commas: one is the Vietnamese decimal mark ("11,327" tỷ);
       * several three-digit groups are English thousands. */
      if (mk->n_groups == 2)
        {
          *flags |= CT_NUMBER_DECIMAL;
          return 1;
        }
      if (all_three (mk->groups, 1, mk->n_groups))
        {
          *flags |= CT_NUMBER_GROUPED | CT_NUMBER_SUSPECT;
          return mk->n_groups;
        }
      return 0;
    }
  return read_mixed_marks (mk, flags);
}

gboolean
ct_number_scan (const gchar *text,
                gsize        len,
                gsize        pos,
                CtNumber    *out)
{
  Marks mk = { 0 };
  guint n_int;
  guint flags = 0;
  gsize end;

  g_return_val_if_fail (out != NULL, FALSE);

  if (pos >= len || !is_digit (text[pos]))
    return FALSE;
  end = read_groups (text, len, pos, &mk);

  memset (out, 0, sizeof *out);
  out->start = pos;
  out->end = end;
  n_int = read_marks (&mk, &flags);
  if (n_int == 0)
    return FALSE;

  out->value = groups_to_double (text, mk.groups, n_int, mk.n_groups);
  out->n_digits = 0;
  for (guint i = 0; i < n_int; i++)
    out->n_digits += mk.groups[i].end - mk.groups[i].start;
  if (mk.groups[0].end - mk.groups[0].start > 1 && text[mk.groups[0].start] == '0' &&
      n_int == 1)
    flags |= CT_NUMBER_LEADING_ZERO;
  out->flags = flags;
  return TRUE;
}

gboolean
ct_number_parse (const gchar *str,
                 gdouble     *value,
                 guint       *flags)
{
  CtNumber num;
  gsize len;

  g_return_val_if_fail (str != NULL, FALSE);

  len = strlen (str);
  if (!ct_number_scan (str, len, 0, &num) || num.end != len)
    return FALSE;
  if (value != NULL)
    *value = num.value;
  if (flags != NULL)
    *flags = num.flags;
  return TRUE;
}
