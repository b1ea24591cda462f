/* ct-bench-corpus.c: vary the demo reports into a large corpus
 *
 * The demo reports (resources/samples) describe fictional districts. Each
 * generated report takes all of them, renames the district to one of a
 * list of invented names, scales every number by a random factor (keeping
 * the Vietnamese separators) and shuffles the lines inside each part, so
 * the corpus reads like many different reports and never repeats a seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-bench-corpus.h"

#include <gio/gio.h>
#include <string.h>

/* Invented district names; none is a real district. */
static const gchar * const names[] = {
  "Sông Mây", "Đồi Thông", "Suối Bạc", "Ngàn Lau", "Bến Sỏi", "Đá Vàng", "Gò Sim",
  "Hồ Mây", "Thác Trắng", "Lũng Cúc", "Cồn Lau", "Rừng Sến", "Nậm Mây", "Khe Thông",
};

static gchar *
read_samples (const gchar  *samples_dir,
              GError      **error)
{
  g_autoptr(GDir) dir = g_dir_open (samples_dir, 0, error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);
  const gchar *name;

  if (dir == NULL)
    return g_string_free (all, TRUE);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_build_filename (samples_dir, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree gchar *text = NULL;

      if (!g_file_get_contents (g_ptr_array_index (files, i), &text, NULL, error))
        return g_string_free (all, TRUE);
      g_string_append (all, text);
      g_string_append (all, "\n\n");
    }
  if (all->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no demo reports (*.txt) in %s", samples_dir);
      return g_string_free (all, TRUE);
    }
  return g_string_free (all, FALSE);
}

/* Appends @num (digits with Vietnamese separators) scaled by @factor,
 * written back the same way. */
static void
append_scaled (GString     *out,
               const gchar *num,
               gsize        len,
               gdouble      factor)
{
  gchar buf[64];
  gsize n = 0;
  gint decimals = -1;
  gdouble value;
  gboolean grouped = FALSE;
  g_autofree gchar *digits = NULL;
  gsize int_len;

  for (gsize i = 0; i < len && n < sizeof buf - 1; i++)
    {
      if (num[i] == '.')
        grouped = TRUE;
      else if (num[i] == ',')
        {
          buf[n++] = '.';
          decimals = 0;
        }
      else
        {
          buf[n++] = num[i];
          if (decimals >= 0)
            decimals++;
        }
    }
  buf[n] = '\0';
  value = g_ascii_strtod (buf, NULL) * factor;
  digits = g_strdup_printf ("%.*f", decimals < 0 ? 0 : decimals, value);
  int_len = strcspn (digits, ".");
  for (gsize i = 0; i < int_len; i++)
    {
      g_string_append_c (out, digits[i]);
      if (grouped && (int_len - i - 1) % 3 == 0 && i + 1 < int_len)
        g_string_append_c (out, '.');
    }
  if (digits[int_len] == '.')
    {
      g_string_append_c (out, ',');
      g_string_append (out, digits + int_len + 1);
    }
}

/* Numbers change, except years, list numbers and dates (short or
 * followed by '/'), which keep the report readable. */
static gchar *
vary_numbers (const gchar *text,
              GRand       *rand)
{
  GString *out = g_string_sized_new (strlen (text) + 64);
  const gchar *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1])))
        {
          const gchar *s = p;
          gsize len;

          while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1])))
            p++;
          len = p - s;
          if (len <= 2 || *p == '/' || (len == 4 && (s[0] == '1' || s[0] == '2')) ||
              (s > text && s[-1] == '/'))
            g_string_append_len (out, s, len);
          else
            append_scaled (out, s, len, g_rand_double_range (rand, 0.8, 1.25));
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* Shuffles the lines between blank lines, so each part reads in another
 * order while its heading and title line stay first ("Phần thứ hai" /
 * "PHƯƠNG HƯỚNG …"). */
static gchar *
shuffle_paragraphs (const gchar *text,
                    GRand       *rand)
{
  g_auto(GStrv) blocks = g_strsplit (text, "\n\n", -1);
  GString *out = g_string_new (NULL);

  for (guint b = 0; blocks[b] != NULL; b++)
    {
      g_auto(GStrv) lines = g_strsplit (blocks[b], "\n", -1);
      guint n = g_strv_length (lines);

      for (guint i = n; i > 3; i--)
        {
          guint j = 2 + g_rand_int_range (rand, 0, i - 2);
          gchar *t = lines[i - 1];

          lines[i - 1] = lines[j];
          lines[j] = t;
        }
      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, lines[i]);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static gchar *
rename_district (const gchar *text,
                 const gchar *name)
{
  gchar *result = g_strdup (text);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) parts = g_strsplit (result, names[i], -1);

      g_free (result);
      result = g_strjoinv (name, parts);
    }
  return result;
}

GPtrArray *
ct_bench_corpus_generate (const gchar  *samples_dir,
                          const gchar  *dir,
                          guint         n_files,
                          guint32       seed,
                          guint64      *total_bytes,
                          GError      **error)
{
  g_autofree gchar *samples = read_samples (samples_dir, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint64 total = 0;

  if (samples == NULL)
    return NULL;
  for (guint i = 0; i < n_files; i++)
    {
      const gchar *name = names[i % G_N_ELEMENTS (names)];
      g_autofree gchar *renamed = rename_district (samples, name);
      g_autofree gchar *varied = vary_numbers (renamed, rand);
      g_autofree gchar *shuffled = shuffle_paragraphs (varied, rand);
      g_autofree gchar *file = g_strdup_printf ("report-%05u.txt", i);
      gchar *path = g_build_filename (dir, file, NULL);

      g_ptr_array_add (paths, path);
      if (!g_file_set_contents (path, shuffled, -1, error))
        return NULL;
      total += strlen (shuffled);
    }
  if (total_bytes != NULL)
    *total_bytes = total;
  return g_steal_pointer (&paths);
}
